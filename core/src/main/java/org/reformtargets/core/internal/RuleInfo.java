// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.reformtargets.core.Source;

/**
 * What a rule's metadata says about it, read once when the rule set is built.
 *
 * @param name   rule name
 * @param target target id
 * @param source document, clause and reading
 * @param file   the DRL file it is in, as named in messages
 * @param line   the 1-based line of its {@code rule} keyword in that file, or 0 when unknown
 */
@API(status = INTERNAL, since = "0.1")
public record RuleInfo(String name, String target, Source source, String file, int line) {
}
