// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.authoring.Finding.Severity;

/**
 * What {@link RuleSetValidator} found in one or more rule sets: what {@code reform-targets validate}
 * prints, one finding a line, and the exit status it returns.
 *
 * @param ruleSets the rule sets validated (ids, or folders where the id could not be read), in order
 * @param findings every finding, in {@link Finding#ORDER}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ValidationReport(List<String> ruleSets, List<Finding> findings) {

    public ValidationReport {
        ruleSets = List.copyOf(ruleSets);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        findings = List.copyOf(sorted);
    }

    /** The findings of one severity. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings of one rule set. */
    public List<Finding> findingsOf(String ruleSet) {
        return findings.stream().filter(f -> ruleSet.equals(f.ruleSet())).toList();
    }

    /** How many findings have this severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether there is no error and no warning (notes do not count). */
    public boolean clean() {
        return count(Severity.ERROR) == 0 && count(Severity.WARNING) == 0;
    }

    /** Whether any finding is an error: the rule set could not be loaded or evaluated as it is. */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The exit status of {@code reform-targets validate}: 0 when {@link #clean()}, else 1. */
    public int exitCode() {
        return clean() ? 0 : 1;
    }

    /** The findings one a line, then a summary line such as {@code 2 rule sets: 1 error, 0 warnings, 3 notes}. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append(f).append('\n');
        }
        return b.append(summary()).append('\n').toString();
    }

    /** One line: how many rule sets and findings of each severity. */
    public String summary() {
        return ruleSets.size() + (ruleSets.size() == 1 ? " rule set: " : " rule sets: ")
                + plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.NOTE), "note");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
