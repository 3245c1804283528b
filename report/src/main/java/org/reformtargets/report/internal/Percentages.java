// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * Which results' {@code actual} figure is a percentage, read from what the rule set's checks demand
 * ({@link RuleSet#describe()}) for the unit's level: a share ({@code SHARE}), a share's rise in points
 * ({@code GROWTH} in {@link Scale#POINTS}), a coverage in percent, the share of sub-units with an
 * event ({@code EACH_SUB_UNIT}), the share of tasks done by a deadline ({@code DEADLINE}), and a
 * check the vocabulary cannot describe ({@code OTHER}, such as a points-scoring check) on a ratio
 * indicator. Counts, plain values, rises of a value in percent (whose actual is the value) and
 * results of a target the rule set does not describe are not percentages: they are shown as the
 * plain number, which is never wrong, only without its "%".
 */
final class Percentages {

    private final Map<String, List<TargetSpec>> specs = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();
    private final Vocabulary vocabulary;
    private final Map<String, Boolean> known = new HashMap<>();

    Percentages(RuleSet ruleSet, List<Unit> units) {
        this.vocabulary = ruleSet.vocabulary();
        List<TargetSpec> described;
        try {
            described = ruleSet.describe();
        } catch (RuleSetException e) {
            described = List.of(); // a rule set that cannot be described: every figure as a plain number
        }
        for (TargetSpec s : described) {
            specs.computeIfAbsent(s.target(), k -> new ArrayList<>()).add(s);
        }
        for (Unit u : units) {
            this.units.putIfAbsent(u.id(), u);
        }
    }

    /** {@code true} when {@code result}'s actual figure is a percentage (0–100, such as {@code 94.77}). */
    boolean isPercent(TargetResult result) {
        Unit unit = units.get(result.unit());
        if (unit == null) {
            return false;
        }
        Unit parent = unit.parent() == null ? null : units.get(unit.parent());
        Level parentLevel = parent == null ? null : parent.level();
        String key = result.target() + '\n' + unit.level().code() + '\n' + (parentLevel == null ? "" : parentLevel.code());
        return known.computeIfAbsent(key, k -> percent(spec(result.target(), unit.level(), parentLevel)));
    }

    /** The spec for units of {@code level} under a parent of {@code parentLevel}: the one for that parent, else the general one. */
    private TargetSpec spec(String target, Level level, Level parentLevel) {
        TargetSpec general = null;
        for (TargetSpec s : specs.getOrDefault(target, List.of())) {
            if (!s.level().equals(level)) {
                continue;
            }
            if (s.parentLevel() == null) {
                general = s;
            } else if (s.parentLevel().equals(parentLevel)) {
                return s;
            }
        }
        return general;
    }

    private boolean percent(TargetSpec spec) {
        if (spec == null || spec.requirement() == null) {
            return false;
        }
        Requirement q = spec.requirement();
        return switch (q.kind()) {
            case SHARE, EACH_SUB_UNIT, DEADLINE -> true;
            case GROWTH -> q.scale() == Scale.POINTS;
            case COVERAGE -> q.scale() == Scale.PERCENT;
            case OTHER -> q.subjects().stream()
                    .anyMatch(s -> vocabulary.indicator(s).map(Vocabulary.IndicatorTerm::isRatio).orElse(false));
            default -> false;
        };
    }
}
