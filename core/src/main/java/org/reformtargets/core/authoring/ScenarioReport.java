// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.Message;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Status;

/**
 * What running one rule set's scenarios gave: what {@code reform-targets test PATH} prints, and its
 * exit status.
 *
 * @param ruleSet      the rule set's id, or its folder when it could not be loaded
 * @param files        the scenario files run, as named in messages
 * @param scenarios    how many scenarios ran
 * @param expectations how many expectations were checked
 * @param failures     every expectation not met, in file order
 * @param problems     what kept scenarios from running: a rule set that does not load, a scenario
 *                     file missing or malformed, facts that break the contract
 * @param coverage     which targets and statuses the expectations assert
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScenarioReport(String ruleSet, List<String> files, int scenarios, int expectations,
                             List<Failure> failures, List<Problem> problems, Coverage coverage) {

    public ScenarioReport {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
        problems = List.copyOf(problems);
    }

    /**
     * An expectation the evaluation did not meet.
     *
     * @param file     the scenario file
     * @param line     the expectation's line (the scenario's, when the evaluation failed)
     * @param scenario the scenario's name
     * @param target   the target id, or {@code null} when the evaluation failed
     * @param unit     the unit id, or {@code null}
     * @param field    the field, or {@code null}
     * @param expected the expected status, or {@code null}
     * @param actual   the status the rules gave, or {@code null} when they gave no result
     * @param detail   what differs: {@code status}, {@code gap …}, {@code actual …}, {@code no result}…
     * @param message  the rule's message for that result, or {@code null}
     * @param rule     the rule that gave the result, or {@code null}
     */
    public record Failure(String file, int line, String scenario, String target, String unit, String field,
                          Status expected, Status actual, String detail, Message message, String rule) {

        /** One line: {@code file:line: scenario "…": target …, unit …: expected MET, got NOT_MET (…)}. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(file == null ? "" : file);
            if (line > 0) {
                b.append(':').append(line);
            }
            b.append(": scenario \"").append(scenario).append('"');
            if (target != null) {
                b.append(": target ").append(target).append(", unit ").append(unit);
                if (field != null) {
                    b.append(", field ").append(field);
                }
            }
            if (expected != null) {
                b.append(": expected ").append(expected).append(", got ").append(actual == null ? "no result" : actual);
            }
            if (detail != null && !detail.isEmpty() && !detail.equals("status")) {
                b.append(" (").append(detail).append(')');
            }
            if (rule != null) {
                b.append(" — rule \"").append(rule).append('"');
            }
            if (message != null) {
                b.append(": ").append(message.en());
            }
            return b.toString();
        }
    }

    /**
     * Which targets the scenarios' expectations assert.
     *
     * @param targets  every target of the rule set, sorted
     * @param covered  the targets some expectation asserts, sorted
     * @param statuses per target, the statuses asserted by expectations that held
     */
    public record Coverage(List<String> targets, List<String> covered, Map<String, Set<Status>> statuses) {

        public Coverage {
            targets = List.copyOf(targets);
            covered = List.copyOf(covered);
            Map<String, Set<Status>> copy = new LinkedHashMap<>();
            statuses.forEach((t, s) -> copy.put(t, s.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(s))));
            statuses = java.util.Collections.unmodifiableMap(copy);
        }

        /** The targets no expectation asserts, sorted. */
        public List<String> uncovered() {
            return targets.stream().filter(t -> !covered.contains(t)).toList();
        }

        /** Per target, the statuses no expectation that held asserted, in the order of {@link Status}. */
        public Map<String, List<Status>> missingStatuses() {
            Map<String, List<Status>> out = new LinkedHashMap<>();
            for (String t : targets) {
                Set<Status> seen = statuses.getOrDefault(t, Set.of());
                List<Status> missing = new ArrayList<>();
                for (Status s : Status.values()) {
                    if (!seen.contains(s)) {
                        missing.add(s);
                    }
                }
                out.put(t, List.copyOf(missing));
            }
            return out;
        }

        /** Covered targets in percent of all, rounded down to one decimal; 100 for a rule set without targets. */
        public BigDecimal percent() {
            if (targets.isEmpty()) {
                return BigDecimal.valueOf(100);
            }
            return BigDecimal.valueOf(100L * covered.size()).divide(BigDecimal.valueOf(targets.size()), 1, RoundingMode.DOWN);
        }

        /** Whether at least {@code minPercent} % of the targets are covered, decided exactly. */
        public boolean meets(int minPercent) {
            return 100L * covered.size() >= (long) minPercent * targets.size();
        }
    }

    /** Whether every scenario ran and every expectation held. */
    public boolean passed() {
        return failures.isEmpty() && problems.isEmpty();
    }

    /** The exit status of {@code reform-targets test}: 0 when {@link #passed()} and coverage meets {@code minCoveragePercent}, else 1. */
    public int exitCode(int minCoveragePercent) {
        return passed() && coverage.meets(minCoveragePercent) ? 0 : 1;
    }

    /** The exit status for several rule sets: 0 when each one's is 0, else 1. */
    public static int exitCode(List<ScenarioReport> reports, int minCoveragePercent) {
        return reports.stream().allMatch(r -> r.exitCode(minCoveragePercent) == 0) ? 0 : 1;
    }

    /** The problems and failures one a line, then a summary and the coverage. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            b.append("ERROR ").append(p).append('\n');
        }
        for (Failure f : failures) {
            b.append("FAIL ").append(f).append('\n');
        }
        b.append(ruleSet).append(": ").append(scenarios).append(scenarios == 1 ? " scenario, " : " scenarios, ")
                .append(expectations).append(expectations == 1 ? " expectation, " : " expectations, ")
                .append(failures.size()).append(failures.size() == 1 ? " failure" : " failures")
                .append(problems.isEmpty() ? "" : ", " + problems.size() + (problems.size() == 1 ? " problem" : " problems"))
                .append("; targets covered ").append(coverage.covered().size()).append('/').append(coverage.targets().size())
                .append(" (").append(coverage.percent().stripTrailingZeros().toPlainString()).append(" %)\n");
        for (String t : coverage.uncovered()) {
            b.append("  not covered: ").append(t).append('\n');
        }
        coverage.missingStatuses().forEach((t, missing) -> {
            if (coverage.covered().contains(t) && !missing.isEmpty()) {
                b.append("  never asserted for ").append(t).append(": ")
                        .append(String.join(", ", missing.stream().map(Status::name).toList())).append('\n');
            }
        });
        return b.toString();
    }
}
