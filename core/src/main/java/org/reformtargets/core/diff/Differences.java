// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.diff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.reformtargets.core.Level;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Cadence;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.diff.RuleSetDiff.Change;
import org.reformtargets.core.diff.RuleSetDiff.Entry;

/** Compares two demands of one target at one level, aspect by aspect. */
final class Differences {

    /** Which way one aspect moved. */
    enum Direction { STRICTER, LOOSER, NEUTRAL, KIND }

    /** One difference: its direction, whether it is the cadence, and a phrase such as {@code >= 98 % → >= 91 %}. */
    record Aspect(Direction direction, boolean cadence, String text) {
    }

    private Differences() {
    }

    /** The entry for one target at one level that both sides bind. */
    static Entry compare(String target, Level level, TargetSpec left, TargetSpec right) {
        List<Aspect> aspects = aspects(left, right);
        Change change = classify(aspects);
        boolean plain = change == Change.TIGHTENED || change == Change.LOOSENED;
        List<String> details = new ArrayList<>();
        for (Aspect a : aspects) {
            details.add(plain || a.direction() == Direction.NEUTRAL || a.direction() == Direction.KIND ? a.text()
                    : a.text() + (a.direction() == Direction.STRICTER ? " (stricter)" : " (looser)"));
        }
        return new Entry(target, level, change, left, right, details);
    }

    /** How a list of aspects sums up. */
    static Change classify(List<Aspect> aspects) {
        if (aspects.stream().anyMatch(a -> a.direction() == Direction.KIND)) {
            return Change.KIND_CHANGED;
        }
        boolean stricter = aspects.stream().anyMatch(a -> a.direction() == Direction.STRICTER);
        boolean looser = aspects.stream().anyMatch(a -> a.direction() == Direction.LOOSER);
        if (aspects.stream().anyMatch(a -> a.direction() == Direction.NEUTRAL) || stricter && looser) {
            return Change.CHANGED;
        }
        if (aspects.stream().anyMatch(Aspect::cadence)) {
            return Change.CADENCE_CHANGED;
        }
        return stricter ? Change.TIGHTENED : looser ? Change.LOOSENED : Change.UNCHANGED;
    }

    /** Whether two specs demand the same. */
    static boolean sameDemand(TargetSpec a, TargetSpec b) {
        return normal(a.requirement()).equals(normal(b.requirement())) && Objects.equals(a.threshold(), b.threshold());
    }

    /** Every difference between two demands of one target at one level. */
    static List<Aspect> aspects(TargetSpec left, TargetSpec right) {
        Requirement a = left.requirement();
        Requirement b = right.requirement();
        List<Aspect> out = new ArrayList<>();
        if (a.kind() != b.kind()) {
            out.add(new Aspect(Direction.KIND, false, show(left) + " → " + show(right)));
            return out;
        }
        if (a.kind() == Kind.OTHER) {
            if (!Objects.equals(left.threshold(), right.threshold()) || !a.subjects().equals(b.subjects())) {
                out.add(new Aspect(Direction.NEUTRAL, false, show(left) + " → " + show(right)
                        + " (its check records no description to compare)"));
            }
        } else if (a.kind() != Kind.NOT_APPLICABLE) {
            subjects(a, b, out);
            threshold(a, b, out);
            deadline(a, b, out);
            fields(a, b, out);
            if (a.abovePreviousYear() != b.abovePreviousYear()) {
                out.add(b.abovePreviousYear()
                        ? new Aspect(Direction.STRICTER, false, "now also above the previous year")
                        : new Aspect(Direction.LOOSER, false, "no longer also above the previous year"));
            }
            if (a.cadence() != b.cadence()) {
                int c = Integer.compare(rank(a.cadence()), rank(b.cadence()));
                out.add(new Aspect(c > 0 ? Direction.STRICTER : Direction.LOOSER, true,
                        cadence(a.cadence()) + " → " + cadence(b.cadence())));
            }
            if (out.isEmpty() && !normal(a).equals(normal(b))) {
                out.add(new Aspect(Direction.NEUTRAL, false, show(left) + " → " + show(right)));
            }
        }
        if (out.isEmpty() && !Objects.equals(left.source() == null ? null : left.source().reading(),
                right.source() == null ? null : right.source().reading())) {
            String was = left.source() == null ? null : left.source().reading();
            String is = right.source() == null ? null : right.source().reading();
            out.add(new Aspect(Direction.NEUTRAL, false, was == null ? "a reading added: " + is
                    : is == null ? "the reading dropped: " + was : "the reading changed: " + was + " → " + is));
        }
        return out;
    }

    private static void subjects(Requirement a, Requirement b, List<Aspect> out) {
        if (a.subjects().equals(b.subjects())) {
            return;
        }
        String was = String.join("|", a.subjects());
        String is = String.join("|", b.subjects());
        out.add(new Aspect(Direction.NEUTRAL, false, a.kind() == Kind.ATTESTATION
                ? "attests " + is + " instead of " + was : "measures " + is + " instead of " + was));
    }

    private static void threshold(Requirement a, Requirement b, List<Aspect> out) {
        if (!Objects.equals(a.dueDates(), b.dueDates())) {
            out.add(new Aspect(Direction.NEUTRAL, false, "due dates " + a.dueDates() + " → " + b.dueDates()));
        }
        if (!Objects.equals(a.leastRank(), b.leastRank()) || !Objects.equals(a.ranks(), b.ranks())) {
            out.add(new Aspect(Direction.NEUTRAL, false, "least class " + a.leastRank() + " → " + b.leastRank()));
        }
        if (!Objects.equals(a.baseYear(), b.baseYear())) {
            out.add(new Aspect(Direction.NEUTRAL, false, "base year " + a.baseYear() + " → " + b.baseYear()));
            return;
        }
        if (a.kind() == Kind.DEADLINE || a.kind() == Kind.ATTESTATION || a.kind() == Kind.DUE_DATES) {
            return;
        }
        if (a.scale() != null && b.scale() != null && a.scale() != b.scale()) {
            out.add(new Aspect(Direction.NEUTRAL, false, amount(a, a.comparison(), a.threshold()) + " → "
                    + amount(b, b.comparison(), b.threshold()) + ": " + (a.kind() == Kind.COVERAGE
                    ? "a count of sub-units and a share of them compare only for a known number of sub-units"
                    : "the thresholds count different things")));
            return;
        }
        Aspect main = bound("", a, a.comparison(), a.threshold(), b, b.comparison(), b.threshold());
        if (main != null) {
            out.add(main);
        }
    }

    private static void deadline(Requirement a, Requirement b, List<Aspect> out) {
        if (a.kind() != Kind.DEADLINE || a.deadline() == null || b.deadline() == null) {
            return;
        }
        LocalDate was = firstLateDay(a);
        LocalDate is = firstLateDay(b);
        if (was.equals(is)) {
            return;
        }
        String text = symbol(a.comparison()) + " " + a.deadline() + " → " + symbol(b.comparison()) + " " + b.deadline();
        if (was.getYear() == is.getYear()) {
            out.add(new Aspect(is.isBefore(was) ? Direction.STRICTER : Direction.LOOSER, false,
                    text + (is.isBefore(was) ? ", earlier" : ", later")));
        } else {
            boolean sameDay = was.getMonth() == is.getMonth() && was.getDayOfMonth() == is.getDayOfMonth();
            out.add(new Aspect(Direction.NEUTRAL, false, "deadline " + text + (sameDay
                    ? " (the same day of its year: late from " + is.getDayOfMonth() + " "
                    + is.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ")" : "")));
        }
    }

    private static void fields(Requirement a, Requirement b, List<Aspect> out) {
        if (a.perField() != b.perField()) {
            out.add(b.perField()
                    ? new Aspect(Direction.STRICTER, false, "now judged in " + (b.onlyFields().isEmpty()
                    ? "every field" : "the fields " + String.join(", ", b.onlyFields())) + ", not only in total")
                    : new Aspect(Direction.LOOSER, false, "no longer judged per field, only in total"));
        } else if (a.perField() && !a.onlyFields().equals(b.onlyFields())) {
            String was = a.onlyFields().isEmpty() ? "every field" : "fields " + String.join(", ", a.onlyFields());
            String is = b.onlyFields().isEmpty() ? "every field" : "fields " + String.join(", ", b.onlyFields());
            Direction d;
            if (b.onlyFields().isEmpty()) {
                d = Direction.STRICTER;
            } else if (a.onlyFields().isEmpty()) {
                d = Direction.LOOSER;
            } else if (b.onlyFields().containsAll(a.onlyFields())) {
                d = Direction.STRICTER;
            } else if (a.onlyFields().containsAll(b.onlyFields())) {
                d = Direction.LOOSER;
            } else {
                d = Direction.NEUTRAL;
            }
            out.add(new Aspect(d, false, "judged in " + was + " → " + is));
        }
        if (!a.perField() && !b.perField()) {
            return;
        }
        TreeSet<String> named = new TreeSet<>(a.fieldThresholds().keySet());
        named.addAll(b.fieldThresholds().keySet());
        for (String f : named) {
            Comparison ac = a.fieldThresholds().containsKey(f) ? Comparison.AT_LEAST : a.comparison();
            Comparison bc = b.fieldThresholds().containsKey(f) ? Comparison.AT_LEAST : b.comparison();
            Aspect field = bound("field " + f + " ", a, ac, a.thresholdOf(f), b, bc, b.thresholdOf(f));
            if (field != null) {
                out.add(field);
            }
        }
    }

    /**
     * Compares two bounds: a higher floor, a lower ceiling, or a strict comparison at an equal value
     * is stricter; a floor against a ceiling does not compare. {@code null} when they are equal.
     */
    private static Aspect bound(String prefix, Requirement a, Comparison ac, BigDecimal at,
                                Requirement b, Comparison bc, BigDecimal bt) {
        if (ac == bc && (at == null ? bt == null : bt != null && at.compareTo(bt) == 0)) {
            return null;
        }
        String text = prefix + amount(a, ac, at) + " → " + amount(b, bc, bt);
        if (ac == null || bc == null || at == null || bt == null || ac == Comparison.IS_TRUE || bc == Comparison.IS_TRUE) {
            return new Aspect(Direction.NEUTRAL, false, text);
        }
        boolean floorA = ac == Comparison.AT_LEAST || ac == Comparison.ABOVE;
        boolean floorB = bc == Comparison.AT_LEAST || bc == Comparison.ABOVE;
        if (floorA != floorB) {
            return new Aspect(Direction.NEUTRAL, false, text + " (a floor and a ceiling do not compare)");
        }
        int c;
        if (floorA) {
            c = bt.compareTo(at);
            if (c == 0) {
                c = Boolean.compare(bc == Comparison.ABOVE, ac == Comparison.ABOVE);
            }
        } else {
            c = at.compareTo(bt);
        }
        return c == 0 ? null : new Aspect(c > 0 ? Direction.STRICTER : Direction.LOOSER, false, text);
    }

    /** The demand in one phrase: the requirement, or the threshold text of a check that records none. */
    static String show(TargetSpec s) {
        Requirement r = s.requirement();
        return switch (r.kind()) {
            case NOT_APPLICABLE -> "not applicable";
            case OTHER -> "OTHER" + (r.subjects().isEmpty() ? "" : " " + String.join("|", r.subjects()))
                    + (s.threshold() == null ? "" : " " + s.threshold());
            default -> r.toString();
        };
    }

    /** What a demand measures and how, for spotting a renamed target; {@code null} when it says nothing. */
    static String measure(Level level, TargetSpec s) {
        Kind k = s.requirement().kind();
        if (k == Kind.NOT_APPLICABLE || k == Kind.OTHER || s.requirement().subjects().isEmpty()) {
            return null;
        }
        return level + " " + k + " " + String.join("|", s.requirement().subjects());
    }

    private static String amount(Requirement r, Comparison c, BigDecimal t) {
        StringBuilder b = new StringBuilder(symbol(c));
        if (t != null) {
            b.append(b.length() == 0 ? "" : " ").append(t.toPlainString());
            b.append(switch (r.scale() == null ? Scale.NUMBER : r.scale()) {
                case PERCENT -> " %";
                case POINTS -> " points";
                case PERCENT_RISE -> " % rise";
                case COUNT -> switch (r.kind()) {
                    case COVERAGE -> " sub-units";
                    case EACH_SUB_UNIT -> " per sub-unit";
                    case EVENT_COUNT, CADENCE -> t.compareTo(BigDecimal.ONE) == 0 ? " event" : " events";
                    default -> "";
                };
                case NUMBER -> "";
                case PERCENT_OF_BASE -> " % of " + r.baseYear();
            });
        }
        return b.toString();
    }

    private static String symbol(Comparison c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case AT_LEAST -> ">=";
            case ABOVE -> ">";
            case AT_MOST -> "<=";
            case BEFORE -> "before";
            case ON_OR_BEFORE -> "by";
            case IS_TRUE -> "is true";
            case RANKED_AT_LEAST -> "ranked at least";
        };
    }

    private static int rank(Cadence c) {
        return c == null ? 2 : c == Cadence.QUARTER ? 1 : 0;
    }

    private static String cadence(Cadence c) {
        return c == null ? "over the whole period" : "every " + c.name().toLowerCase(Locale.ROOT);
    }

    private static LocalDate firstLateDay(Requirement r) {
        return r.comparison() == Comparison.ON_OR_BEFORE ? r.deadline().plusDays(1) : r.deadline();
    }

    /**
     * The requirement in one form of its equivalents: thresholds without trailing zeros, an
     * on-or-before deadline as the equivalent before-the-next-day one.
     */
    private static Requirement normal(Requirement r) {
        Requirement n = r.threshold() == null ? r : r.compared(r.comparison(), strip(r.threshold()), r.scale());
        if (r.perField()) {
            java.util.Map<String, BigDecimal> own = new java.util.TreeMap<>();
            r.fieldThresholds().forEach((f, t) -> own.put(f, strip(t)));
            n = n.perField(r.onlyFields(), own);
        }
        if (r.kind() == Kind.DEADLINE && r.comparison() == Comparison.ON_OR_BEFORE && r.deadline() != null) {
            n = n.by(Comparison.BEFORE, r.deadline().plusDays(1));
        }
        return n;
    }

    private static BigDecimal strip(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
