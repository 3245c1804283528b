// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.Period;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * Renders an evaluation as a plain-text scorecard: a header, one block of aligned rows per unit
 * and a summary. Columns are aligned on displayed characters (code points, combining marks taking
 * no room), so Vietnamese text lines up in a terminal.
 */
final class Scorecard {

    private static final String NOT_FINAL = "*";
    private static final String INDENT = "  ";

    private final Evaluation evaluation;
    private final List<Unit> units;
    private final String lang;
    private boolean pointsColumn;

    /**
     * @param evaluation the results
     * @param units      the facts' units, for names and levels (results name units by id only)
     * @param lang       {@code "vi"} or {@code "en"} to add each result's message under its row, or {@code null}
     */
    Scorecard(Evaluation evaluation, List<Unit> units, String lang) {
        this.evaluation = evaluation;
        this.units = units;
        this.lang = lang;
    }

    String render() {
        List<TargetResult> results = evaluation.results();
        Set<Period> periods = results.stream().map(TargetResult::period).collect(Collectors.toSet());
        boolean periodColumn = periods.size() > 1;
        StringBuilder b = new StringBuilder();
        b.append("Rule set ").append(evaluation.ruleSet().id())
                .append(" (version ").append(evaluation.ruleSet().version()).append(')');
        if (periods.size() == 1) {
            b.append(", period ").append(periods.iterator().next());
        }
        b.append(", as of ").append(evaluation.asOf()).append('\n');

        List<String> header = new ArrayList<>(List.of("TARGET", "FIELD", "STATUS", "ACTUAL", "THRESHOLD", "GAP"));
        if (periodColumn) {
            header.add(1, "PERIOD");
        }
        pointsColumn = results.stream().anyMatch(r -> r.maxPoints() != null);
        if (pointsColumn) {
            header.add("POINTS");
        }
        boolean outlookColumn = results.stream().anyMatch(r -> r.outlook() != null);
        if (outlookColumn) {
            header.add("OUTLOOK");
        }
        Map<String, List<TargetResult>> byUnit = new LinkedHashMap<>();
        for (TargetResult r : results) {
            byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
        }
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (TargetResult r : results) {
            table.add(row(r, periodColumn, outlookColumn));
        }
        int[] widths = new int[header.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }

        // Units in the facts document's order (parents usually first), then any other unit results name.
        Set<String> unitOrder = new LinkedHashSet<>();
        units.forEach(u -> unitOrder.add(u.id()));
        unitOrder.addAll(byUnit.keySet());
        for (String unit : unitOrder) {
            b.append('\n').append(describeUnit(unit)).append('\n');
            List<TargetResult> rows = byUnit.getOrDefault(unit, List.of());
            if (rows.isEmpty()) {
                b.append(INDENT).append("no target of this rule set applies to this unit\n");
                continue;
            }
            line(b, header, widths);
            for (TargetResult r : rows) {
                line(b, row(r, periodColumn, outlookColumn), widths);
                if (lang != null && r.message() != null) {
                    b.append(INDENT).append(INDENT).append(lang.equals("vi") ? r.message().vi() : r.message().en())
                            .append('\n');
                }
            }
            for (Score score : evaluation.scores()) {
                if (score.unit().equals(unit)) {
                    score(b, score);
                }
            }
        }

        b.append('\n').append("Summary: ").append(results.size()).append(results.size() == 1 ? " result" : " results");
        String sep = ": ";
        for (Status s : Status.values()) {
            b.append(sep).append(evaluation.summary().get(s)).append(' ').append(s.name());
            sep = ", ";
        }
        b.append('\n');
        if (results.stream().anyMatch(r -> !r.isFinal())) {
            b.append(NOT_FINAL).append(" not final: the period had not ended on ").append(evaluation.asOf());
            if (results.stream().anyMatch(r -> r.measuredPeriod() != null)) {
                b.append("; [..] names the span measured so far");
            }
            if (outlookColumn) {
                b.append("; OUTLOOK: what the rest of the period must bring (required of expected)");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * A unit's score for one period: the total out of its maximum, each group, and where the next
     * points are cheapest.
     */
    private void score(StringBuilder b, Score score) {
        b.append(INDENT).append("Score ").append(score.period()).append(": ").append(score.total()).append(" / ")
                .append(score.maxTotal());
        if (!score.complete()) {
            b.append(" (incomplete: no figure for ").append(score.missing().size())
                    .append(score.missing().size() == 1 ? " indicator" : " indicators").append(')');
        }
        b.append('\n');
        if (!score.groups().isEmpty()) {
            b.append(INDENT).append(INDENT).append(score.groups().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        }
        for (Score.Gain g : score.gains()) {
            b.append(INDENT).append(INDENT).append(lang != null && lang.equals("vi") ? g.message().vi() : g.message().en())
                    .append('\n');
        }
    }

    private List<String> row(TargetResult r, boolean periodColumn, boolean outlookColumn) {
        String prefix = evaluation.ruleSet().id() + "/";
        String target = r.target().startsWith(prefix) ? r.target().substring(prefix.length()) : r.target();
        String actual = r.actual() == null ? "-" : r.actual();
        if (r.measuredPeriod() != null) {
            actual += " [" + r.measuredPeriod() + "]";
        }
        List<String> row = new ArrayList<>(List.of(
                target,
                r.field() == null ? "" : r.field(),
                r.status().name() + (r.isFinal() ? "" : NOT_FINAL),
                actual,
                r.threshold() == null ? "-" : r.threshold(),
                r.gap() == null ? "-" : r.gap().toString()));
        if (periodColumn) {
            row.add(1, r.period().toString());
        }
        if (pointsColumn) {
            row.add(r.maxPoints() == null ? "-" : (r.points() == null ? "-" : r.points()) + "/" + r.maxPoints());
        }
        if (outlookColumn) {
            row.add(outlook(r.outlook()));
        }
        return row;
    }

    /**
     * "AT_RISK 1193 of 1204 (99.09%)": the standing, then the successes still required among the
     * cases still expected and the rate that is; for a count, "ON_TRACK 5 (7 expected)".
     */
    static String outlook(Outlook o) {
        if (o == null) {
            return "-";
        }
        return o.status().name() + " " + o.required() + (o.requiredRate() != null
                ? " of " + o.expected() + " (" + o.requiredRate() + "%)" : " (" + o.expected() + " expected)");
    }

    private String describeUnit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst()
                .map(u -> id + (u.name() == null ? "" : " · " + u.name()) + (u.level() == null ? "" : " · " + u.level()))
                .orElse(id);
    }

    private static void line(StringBuilder b, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder(INDENT);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            l.append(cell);
            if (i < cells.size() - 1) {
                l.append(" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /** Displayed width: code points, not counting combining marks (for text in decomposed form). */
    static int width(String s) {
        return (int) s.codePoints().filter(c -> {
            int type = Character.getType(c);
            return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.FORMAT;
        }).count();
    }
}
