// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.reformtargets.core.Level;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Cadence;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.authoring.Finding.Severity;

/**
 * The cascade check (phân cấp chỉ tiêu): a lower level's commitment should be at least as strict
 * as its parent level's for the same target, such as a sub-department (Chi cục) asking 95 %
 * satisfaction where its department (Sở) asks 91 %. Each level is compared with the nearest level
 * above it that has the target. Looser thresholds are warnings; demands of different forms (a
 * count of sub-units against a share of them) are notes, unless a number of sub-units is given to
 * turn both into counts.
 *
 * <pre>{@code
 * List<Cascade.Step> steps = Cascade.compare(RuleSet.load("hcm-agri/2021").describe(), null);
 * List<Finding> findings = Cascade.findings(steps);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Cascade {

    /** How a lower level's demand compares with its parent level's. */
    public enum Verdict {
        /** At least as strict: whatever meets the lower demand meets the upper one. */
        AT_LEAST_AS_STRICT,
        /** Looser: the lower level asks less. */
        LOOSER,
        /** The two demands cannot be ordered: different forms, measures or kinds. */
        INCOMPARABLE
    }

    /**
     * One comparison of a target's demand at a lower level with the level above.
     *
     * @param target  target id
     * @param upper   the upper level's spec
     * @param lower   the lower level's spec
     * @param verdict how they compare
     * @param reason  why, in one sentence; empty when at least as strict
     */
    public record Step(String target, TargetSpec upper, TargetSpec lower, Verdict verdict, String reason) {
    }

    private Cascade() {
    }

    /**
     * Compares every target's demand at each level with the nearest level above that has the
     * target.
     *
     * @param specs    what the rules demand, as {@link org.reformtargets.core.RuleSet#describe()} gives them
     * @param subUnits a number of sub-units at which to compare a count of sub-units with a share
     *                 of them, or {@code null} to leave such pairs incomparable
     */
    public static List<Step> compare(List<TargetSpec> specs, Integer subUnits) {
        if (subUnits != null && subUnits < 1) {
            throw new IllegalArgumentException("subUnits must be at least 1, not " + subUnits);
        }
        Map<String, Map<Level, List<TargetSpec>>> byTarget = new LinkedHashMap<>();
        for (TargetSpec s : specs) {
            List<TargetSpec> at = byTarget.computeIfAbsent(s.target(), t -> new java.util.TreeMap<>())
                    .computeIfAbsent(s.level(), l -> new ArrayList<>());
            if (at.stream().noneMatch(o -> o.requirement().equals(s.requirement()))) {
                at.add(s);
            }
        }
        List<Step> steps = new ArrayList<>();
        byTarget.forEach((target, levels) -> {
            List<Level> present = new ArrayList<>(levels.keySet());
            for (int i = 1; i < present.size(); i++) {
                for (TargetSpec upper : levels.get(present.get(i - 1))) {
                    for (TargetSpec lower : levels.get(present.get(i))) {
                        Step step = step(target, upper, lower, subUnits);
                        if (step != null) {
                            steps.add(step);
                        }
                    }
                }
            }
        });
        return List.copyOf(steps);
    }

    /** The findings of {@link #compare}: a warning per looser step, a note per incomparable one. */
    public static List<Finding> findings(List<Step> steps) {
        List<Finding> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.verdict() == Verdict.AT_LEAST_AS_STRICT) {
                continue;
            }
            boolean looser = s.verdict() == Verdict.LOOSER;
            TargetSpec l = s.lower();
            TargetSpec u = s.upper();
            String ruleSet = s.target().contains("/") ? s.target().substring(0, s.target().lastIndexOf('/')) : null;
            out.add(new Finding(looser ? Severity.WARNING : Severity.NOTE,
                    looser ? "cascade-looser" : "cascade-incomparable", ruleSet, l.file(), "rule \"" + l.rule() + "\"",
                    l.line(), 0, "target " + s.target() + ": " + name(l.level()) + " asks " + l.requirement()
                            + (looser ? ", looser than " : ", which cannot be compared with ") + name(u.level())
                            + "'s " + u.requirement() + ": " + s.reason()
                            + (looser ? "; a lower level's commitment should be at least as strict as its parent's" : "")));
        }
        return List.copyOf(out);
    }

    private static String name(Level level) {
        if (level.equals(Level.DEPARTMENT)) {
            return "the DEPARTMENT (Sở)";
        }
        if (level.equals(Level.SUB_DEPARTMENT)) {
            return "the SUB_DEPARTMENT (Chi cục)";
        }
        if (level.equals(Level.OFFICE)) {
            return "the OFFICE (phòng, trạm)";
        }
        return org.reformtargets.core.Vocabulary.standard().level(level.code())
                .map(t -> "the " + level.code() + " (" + t.label().vi() + ")").orElse("the " + level.code());
    }

    private static Step step(String target, TargetSpec upper, TargetSpec lower, Integer subUnits) {
        Requirement u = upper.requirement();
        Requirement l = lower.requirement();
        if (u.kind() == Kind.NOT_APPLICABLE) {
            return null;
        }
        if (l.kind() == Kind.NOT_APPLICABLE) {
            return new Step(target, upper, lower, Verdict.INCOMPARABLE,
                    "the lower level's rule says the target does not apply; check that its commitment indeed sets none");
        }
        String[] reason = new String[1];
        Verdict v = verdict(upper, lower, subUnits, reason);
        return new Step(target, upper, lower, v, v == Verdict.AT_LEAST_AS_STRICT ? "" : reason[0]);
    }

    private static Verdict verdict(TargetSpec upperSpec, TargetSpec lowerSpec, Integer subUnits, String[] why) {
        Requirement u = upperSpec.requirement();
        Requirement l = lowerSpec.requirement();
        if (u.kind() == Kind.OTHER || l.kind() == Kind.OTHER) {
            if (u.kind() == l.kind() && Objects.equals(upperSpec.threshold(), lowerSpec.threshold())) {
                return Verdict.AT_LEAST_AS_STRICT;
            }
            why[0] = "its check records no description to compare";
            return Verdict.INCOMPARABLE;
        }
        if (u.kind() != l.kind()) {
            why[0] = "they are different kinds of demand (" + u.kind() + ", " + l.kind() + ")";
            return Verdict.INCOMPARABLE;
        }
        if (!u.subjects().equals(l.subjects())) {
            why[0] = "they measure different things (" + String.join("|", u.subjects()) + ", "
                    + String.join("|", l.subjects()) + ")";
            return Verdict.INCOMPARABLE;
        }
        return switch (u.kind()) {
            case SHARE -> share(u, l, why);
            case VALUE, EVENT_COUNT -> bound(u.comparison(), u.threshold(), l.comparison(), l.threshold(), why);
            case GROWTH -> u.scale() != l.scale() ? incomparable(why, "their thresholds count different things ("
                    + u.scale() + ", " + l.scale() + ")")
                    : !Objects.equals(u.baseYear(), l.baseYear()) ? incomparable(why, "they compare with different years")
                    : bound(u.comparison(), u.threshold(), l.comparison(), l.threshold(), why);
            case COVERAGE -> coverage(u, l, subUnits, why);
            case CADENCE -> rank(l.cadence()) <= rank(u.cadence()) ? Verdict.AT_LEAST_AS_STRICT
                    : looser(why, "it asks for one every " + cadence(l.cadence()) + " instead of every " + cadence(u.cadence()));
            case DEADLINE -> !firstLateDay(l).isAfter(firstLateDay(u)) ? Verdict.AT_LEAST_AS_STRICT
                    : looser(why, "its deadline is later");
            case DUE_DATES -> dueDates(u, l, why);
            case ATTESTATION -> attestation(u, l, why);
            case EACH_SUB_UNIT -> Verdict.AT_LEAST_AS_STRICT;
            case NOT_APPLICABLE, OTHER -> throw new IllegalStateException("handled above");
        };
    }

    private static Verdict share(Requirement u, Requirement l, String[] why) {
        List<String> looser = new ArrayList<>();
        Verdict main = bound(u.comparison(), u.threshold(), l.comparison(), l.threshold(), why);
        if (main == Verdict.INCOMPARABLE) {
            return main;
        }
        if (main == Verdict.LOOSER) {
            looser.add(why[0]);
        }
        if (u.perField() && !l.perField()) {
            return incomparable(why, "it judges the unit's total where the upper level judges every field");
        }
        if (u.perField() && l.perField()) {
            if (!l.onlyFields().isEmpty() && (u.onlyFields().isEmpty() || !l.onlyFields().containsAll(u.onlyFields()))) {
                return incomparable(why, "it judges fewer fields (" + String.join(", ", l.onlyFields()) + ")");
            }
            TreeSet<String> fields = new TreeSet<>(u.fieldThresholds().keySet());
            fields.addAll(l.fieldThresholds().keySet());
            for (String f : fields) {
                Comparison uc = u.fieldThresholds().containsKey(f) ? Comparison.AT_LEAST : u.comparison();
                Comparison lc = l.fieldThresholds().containsKey(f) ? Comparison.AT_LEAST : l.comparison();
                String[] fieldWhy = new String[1];
                if (bound(uc, u.thresholdOf(f), lc, l.thresholdOf(f), fieldWhy) == Verdict.LOOSER) {
                    looser.add("in field " + f + ", " + fieldWhy[0]);
                }
            }
        }
        if (u.abovePreviousYear() && !l.abovePreviousYear()) {
            looser.add("it does not also ask for a share above the previous year's");
        }
        if (looser.isEmpty()) {
            return Verdict.AT_LEAST_AS_STRICT;
        }
        why[0] = String.join("; ", looser);
        return Verdict.LOOSER;
    }

    private static Verdict dueDates(Requirement u, Requirement l, String[] why) {
        List<String> looser = new ArrayList<>();
        u.dueDates().forEach((item, date) -> {
            LocalDate own = l.dueDates().get(item);
            if (own == null) {
                looser.add("it does not ask for " + item);
            } else if (dueFirstLate(l, own).isAfter(dueFirstLate(u, date))) {
                looser.add(item + " is due later (" + dueWords(l, own) + " instead of " + dueWords(u, date) + ")");
            }
        });
        if (looser.isEmpty()) {
            return Verdict.AT_LEAST_AS_STRICT;
        }
        why[0] = String.join("; ", looser);
        return Verdict.LOOSER;
    }

    /** The first day an item due on {@code date} is late: the day itself for "before", the next for "by". */
    private static LocalDate dueFirstLate(Requirement r, LocalDate date) {
        return r.comparison() == Comparison.BEFORE ? date : date.plusDays(1);
    }

    private static String dueWords(Requirement r, LocalDate date) {
        return (r.comparison() == Comparison.BEFORE ? "before " : "by ") + date;
    }

    private static Verdict attestation(Requirement u, Requirement l, String[] why) {
        if (u.comparison() != l.comparison()) {
            return incomparable(why, "one asks for true, the other for a class on a scale");
        }
        if (u.comparison() != Comparison.RANKED_AT_LEAST) {
            return Verdict.AT_LEAST_AS_STRICT;
        }
        if (!u.ranks().equals(l.ranks())) {
            return incomparable(why, "they rank on different scales");
        }
        return u.ranks().indexOf(l.leastRank()) <= u.ranks().indexOf(u.leastRank()) ? Verdict.AT_LEAST_AS_STRICT
                : looser(why, "it accepts " + l.leastRank() + " where the upper level asks for " + u.leastRank()
                        + " or better");
    }

    private static Verdict coverage(Requirement u, Requirement l, Integer subUnits, String[] why) {
        BigDecimal ut = u.threshold();
        BigDecimal lt = l.threshold();
        String at = "";
        if (u.scale() != l.scale()) {
            if (subUnits == null) {
                return incomparable(why, "a count of sub-units and a share of them compare only for a known number"
                        + " of sub-units (give one to the cascade check)");
            }
            ut = required(u, subUnits);
            lt = required(l, subUnits);
            at = " at " + subUnits + " sub-units (" + lt.toPlainString() + " where the upper level asks "
                    + ut.toPlainString() + ")";
        }
        int c = lt.compareTo(ut);
        int finer = Integer.compare(rank(u.cadence()), rank(l.cadence()));
        if (c >= 0 && finer >= 0) {
            return Verdict.AT_LEAST_AS_STRICT;
        }
        if (c <= 0 && finer <= 0) {
            return looser(why, (c < 0 ? "it asks for fewer sub-units" + at : "")
                    + (c < 0 && finer < 0 ? " and " : "")
                    + (finer < 0 ? "it asks over every " + cadence(l.cadence()) + " instead of every " + cadence(u.cadence()) : ""));
        }
        return incomparable(why, "it asks for more sub-units over a longer period, or fewer over a shorter one" + at);
    }

    /** Sub-units a coverage demand requires of {@code n}: a count (all where fewer) or the share rounded up. */
    private static BigDecimal required(Requirement r, int n) {
        if (r.scale() == Scale.COUNT) {
            return r.threshold().min(BigDecimal.valueOf(n));
        }
        return r.threshold().multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
    }

    /** Whether lower bound or upper limit {@code (lc, lt)} is at least as strict as {@code (uc, ut)}. */
    private static Verdict bound(Comparison uc, BigDecimal ut, Comparison lc, BigDecimal lt, String[] why) {
        boolean uLow = uc == Comparison.AT_LEAST || uc == Comparison.ABOVE;
        boolean lLow = lc == Comparison.AT_LEAST || lc == Comparison.ABOVE;
        if (uc == null || lc == null || ut == null || lt == null || uLow != lLow) {
            return incomparable(why, "one sets a floor and the other a ceiling");
        }
        if (uLow) {
            int c = lt.compareTo(ut);
            if (c == 0) {
                c = Boolean.compare(lc == Comparison.ABOVE, uc == Comparison.ABOVE);
            }
            return c >= 0 ? Verdict.AT_LEAST_AS_STRICT
                    : looser(why, symbol(lc) + " " + lt.toPlainString() + " is below " + symbol(uc) + " " + ut.toPlainString());
        }
        return lt.compareTo(ut) <= 0 ? Verdict.AT_LEAST_AS_STRICT
                : looser(why, "<= " + lt.toPlainString() + " allows more than <= " + ut.toPlainString());
    }

    private static String symbol(Comparison c) {
        return c == Comparison.ABOVE ? ">" : ">=";
    }

    private static int rank(Cadence c) {
        return c == null ? 2 : c == Cadence.QUARTER ? 1 : 0;
    }

    private static String cadence(Cadence c) {
        return c == null ? "period" : c.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static LocalDate firstLateDay(Requirement r) {
        return r.comparison() == Comparison.ON_OR_BEFORE ? r.deadline().plusDays(1) : r.deadline();
    }

    private static Verdict looser(String[] why, String reason) {
        why[0] = reason;
        return Verdict.LOOSER;
    }

    private static Verdict incomparable(String[] why, String reason) {
        why[0] = reason;
        return Verdict.INCOMPARABLE;
    }
}
