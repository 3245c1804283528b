// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/** A rule set that was asked for by id and does not exist; the message names those that do. */
@API(status = STABLE, since = "0.1")
public final class RuleSetNotFoundException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    private final String requested;
    private final List<String> available;

    /** Creates the exception for {@code requested}, listing the {@code available} ids. */
    public RuleSetNotFoundException(String requested, List<String> available) {
        super("There is no rule set " + requested + ".",
                List.of(new Problem(null, null, 0, 0, available.isEmpty()
                        ? "no rule set is on the class path: add reform-targets-rules or load one from a directory"
                        : "available rule sets: " + String.join(", ", available))), null);
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** Creates the exception for {@code requested}, with the {@code available} ids and a sentence on what exists. */
    RuleSetNotFoundException(String requested, List<String> available, String whatExists) {
        super("There is no rule set " + requested + ".", List.of(new Problem(null, null, 0, 0, whatExists)), null);
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** The id that was asked for. */
    public String requested() {
        return requested;
    }

    /** The ids that exist. */
    public List<String> available() {
        return available;
    }
}
