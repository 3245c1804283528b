// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * Where a target comes from: a source document and the clause in it.
 *
 * @param document file name of the source document, such as {@code 001_71801934a71350b6.txt}
 * @param clause   the clause or item, such as {@code 5} or {@code I.2.3}
 * @param reading  how the rule reads an ambiguous clause, or {@code null} when there is nothing to say
 * @param evidence how far the rule's reading is confirmed ({@code @evidence}: {@code verified} against
 *                 published scores, {@code document} only, or {@code provisional}), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"document", "clause", "reading", "evidence"})
@API(status = STABLE, since = "0.1")
public record Source(String document, String clause, String reading, String evidence) {

    /** A source without an evidence tag. */
    public Source(String document, String clause, String reading) {
        this(document, clause, reading, null);
    }
}
