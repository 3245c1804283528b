// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A rule set that cannot be used: a manifest missing or wrong, a DRL file that does not compile
 * (each Drools message with its file and line), a rule without its target id, source or clause,
 * or rules that contradict each other at evaluation time.
 */
@API(status = STABLE, since = "0.1")
public final class RuleSetException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the rule set {@code ruleSet} from the problems found. */
    public RuleSetException(String ruleSet, List<Problem> problems) {
        this(ruleSet, problems, null);
    }

    /** Creates the exception for the rule set {@code ruleSet}, with the error behind it. */
    public RuleSetException(String ruleSet, List<Problem> problems, Throwable cause) {
        super("Rule set " + ruleSet + " cannot be used (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):", problems, cause);
    }
}
