// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Fraction;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView;

/**
 * A scored target (chỉ số chấm điểm) on a ratio indicator: points out of a maximum in a group, for
 * the evaluated period, decided exactly. Started by {@link RatioCheck#score}; ended by
 * {@link #linear()} ({@code r × max}), {@link #fullAt} ({@code max} when {@code r ≥ t}, else
 * {@code r × max / t}), {@link #ruleFrom} (either, as a parameter of the rule set says) or
 * {@link #notAtThisLevel} (the indicator does not apply to the unit's level):
 * <pre>{@code
 * Check.of(kcontext, $unit).ratio("dossiers.e_result").score("digitization", "6").linear();
 * Check.of(kcontext, $unit).ratio("procedures.paid_online").score("online-payment", "2").fullAt("80");
 * Check.of(kcontext, $unit).ratio("petitions.on_time").score("satisfaction", "6").ifNoCases("zero.petitions").linear();
 * }</pre>
 * The unit's figure is its own measurement of exactly the period, else the sum of the counts of
 * the units below it (recursively). Without a figure the target scores 0 and the unit's score is
 * incomplete; with no cases (a zero denominator) it scores as {@link #ifNoCases} says (0 unless a
 * parameter says otherwise), and says so.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScoreCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A remembered "no figure". */
    private static final long[] NONE = {};

    private final Check check;
    private final Term.Indicator indicator;
    private final String group;
    private final String max;
    private final Fraction maxPoints;
    private String noCases = "zero";
    private String noCasesParameter;
    /** Whether {@link #figure} reached its depth bound in the sum in progress (that sum is not remembered). */
    private boolean cut;

    ScoreCheck(Check check, Term.Indicator indicator, String group, String max) {
        this.check = check;
        this.indicator = indicator;
        this.group = group;
        Fraction m = points(max);
        this.max = m.plain();
        this.maxPoints = m;
    }

    private static Fraction points(String text) {
        try {
            Fraction f = Fraction.of(new BigDecimal(text));
            if (f.signum() <= 0) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("maximum points '" + text + "' is not a positive decimal such as \"6\"");
        }
    }

    /**
     * Names the rule set's parameter saying how a period without cases (a zero denominator) scores:
     * {@code full} (the maximum), {@code zero}, or {@code not-applicable} (left out of the maximum).
     */
    public ScoreCheck ifNoCases(String parameter) {
        noCasesParameter = parameter;
        noCases = parameter(parameter, List.of("full", "zero", "not-applicable"));
        return this;
    }

    /** Ends the check: {@code max × n/d} points. */
    public void linear() {
        decide(null);
    }

    /** Ends the check: {@code max} points at a share of at least {@code percent}, else {@code max × r / t}. */
    public void fullAt(String percent) {
        BigDecimal t = Ratio.threshold(percent);
        if (t.signum() <= 0 || t.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("threshold '" + percent + "' must be above 0 and at most 100");
        }
        decide(t);
    }

    /**
     * Ends the check with the scoring rule the rule set's parameter names: {@code linear}, or a
     * percent such as {@code 80} for {@link #fullAt}.
     */
    public void ruleFrom(String parameter) {
        String value = parameter(parameter, null);
        if (value.equals("linear")) {
            linear();
        } else {
            try {
                fullAt(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter " + parameter + " = '" + value
                        + "' is not a scoring rule: write linear, or a percent such as 80");
            }
        }
    }

    /**
     * Ends the check for a unit of a level the indicator does not apply to, as the rule set's
     * parameter says: {@code exclude} (no points, left out of the unit's maximum), {@code full}
     * (the maximum) or {@code zero}.
     */
    public void notAtThisLevel(String parameter) {
        String policy = parameter(parameter, List.of("exclude", "full", "zero"));
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.NOT_APPLICABLE, List.of(indicator.code())));
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String why = " (" + parameter + " = " + policy + ")";
        Fraction m = maxPoints;
        switch (policy) {
            case "full" -> emit(Status.MET, null, 0L, m, false,
                    subjectVi + ": chỉ số không áp dụng cho cấp này, được tính đủ " + pointsVi(m) + why + ".",
                    subjectEn + ": the indicator does not apply at this level and gives its full " + pointsEn(m) + why + ".");
            case "zero" -> emit(Status.NOT_MET, null, null, Fraction.ZERO, false,
                    subjectVi + ": chỉ số không áp dụng cho cấp này, tính 0 điểm" + why + ".",
                    subjectEn + ": the indicator does not apply at this level and scores 0" + why + ".");
            default -> emit(Status.NOT_APPLICABLE, null, null, null, false,
                    subjectVi + ": chỉ số không áp dụng cho cấp này, không tính vào điểm tối đa" + why + ".",
                    subjectEn + ": the indicator does not apply at this level and is left out of the maximum" + why + ".");
        }
    }

    private String parameter(String name, List<String> allowed) {
        String value = check.run.parameter(name);
        if (value == null) {
            throw new IllegalArgumentException("the rule set has no parameter '" + name
                    + "': declare it in the manifest's \"parameters\"");
        }
        if (allowed != null && !allowed.contains(value)) {
            throw new IllegalArgumentException("parameter " + name + " = '" + value + "' is not one of "
                    + String.join(", ", allowed));
        }
        return value;
    }

    private void decide(BigDecimal threshold) {
        Fraction m = maxPoints;
        String thresholdText = threshold == null ? "linear, max " + max : "full at >= " + threshold.toPlainString()
                + ", max " + max;
        // points, not a verdict at a threshold: described as OTHER, its threshold text saying the rule
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.OTHER, List.of(indicator.code())));
        Period period = check.run.period();
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String ruleVi = threshold == null ? "tính theo tỷ lệ trên " + pointsVi(m)
                : "đạt " + Texts.threshold(threshold.toPlainString(), true) + " được " + pointsVi(m);
        String ruleEn = threshold == null ? "scored in proportion out of " + pointsEn(m)
                : "full " + pointsEn(m) + " at " + Texts.threshold(threshold.toPlainString(), false);
        long[] figure = figure(check.unit, period, 0);
        if (figure == null) {
            check.run.emitScored(check.rule, check.unit, Status.INSUFFICIENT_DATA, null, thresholdText, null,
                    subjectVi + ": chưa có số liệu " + Words.periodVi(period) + ", tính 0 điểm (" + ruleVi + "): "
                            + Status.INSUFFICIENT_DATA.vi() + ".",
                    subjectEn + ": no figure for " + Words.periodEn(period) + " was given, so it scores 0 (" + ruleEn
                            + "): " + Status.INSUFFICIENT_DATA.en() + ".",
                    group, Fraction.ZERO, max, true, counted());
            return;
        }
        long n = figure[0];
        long d = figure[1];
        if (d == 0) {
            String why = noCasesParameter == null ? "" : " (" + noCasesParameter + " = " + noCases + ")";
            String none = subjectVi + ": không có " + indicator.viOutOf() + " " + Words.periodVi(period);
            String noneEn = subjectEn + ": there were no " + indicator.enOutOf() + " in " + Words.periodEn(period);
            switch (noCases) {
                case "full" -> emit(Status.MET, null, 0L, m, false, none + ", được tính đủ " + pointsVi(m) + why + ".",
                        noneEn + ", which gives the full " + pointsEn(m) + why + ".");
                case "not-applicable" -> emit(Status.NOT_APPLICABLE, null, null, null, false,
                        none + ", chỉ số không tính vào điểm tối đa" + why + ".",
                        noneEn + ", so the indicator is left out of the maximum" + why + ".");
                default -> emit(Status.NOT_MET, null, null, Fraction.ZERO, false, none + ", tính 0 điểm" + why + ".",
                        noneEn + ", which scores 0" + why + ".");
            }
            return;
        }
        org.reformtargets.core.internal.Points.Scored scored = org.reformtargets.core.internal.Points.score(n, d, m, threshold);
        Fraction points = scored.points();
        long gap = scored.gap();
        boolean full = points.compareTo(m) >= 0;
        Status status = full ? Status.MET : Status.NOT_MET;
        BigDecimal pct = Ratio.percent(n, d);
        String figVi = subjectVi + ": " + Texts.count(n, true) + "/" + Texts.count(d, true) + " " + indicator.viOutOf()
                + " " + Words.periodVi(period) + " (" + Words.pct(pct, true) + "), " + ruleVi + ": "
                + pointsVi(points);
        String figEn = subjectEn + ": " + Texts.count(n, false) + " of " + Texts.count(d, false) + " "
                + indicator.enOutOf() + " in " + Words.periodEn(period) + " (" + Words.pct(pct, false) + "), "
                + ruleEn + ": " + pointsEn(points);
        String vi = full ? figVi + ", đạt điểm tối đa." : figVi + ", cần thêm " + Texts.count(gap, true) + " "
                + indicator.viCounted() + " để đạt điểm tối đa.";
        String en = full ? figEn + ", the full points." : figEn + "; " + Texts.count(gap, false) + " more "
                + indicator.enCounted() + " would give full points.";
        check.run.emitScored(check.rule, check.unit, status, Texts.actualPercent(pct), thresholdText,
                full ? 0L : gap, vi, en, group, points, max, false, counted());
    }

    private void emit(Status status, String actual, Long gap, Fraction points, boolean missing, String vi, String en) {
        String thresholdText = "max " + max;
        check.run.emitScored(check.rule, check.unit, status, actual, thresholdText, gap, vi, en, group, points, max,
                missing, counted());
    }

    private Message counted() {
        return new Message(indicator.viCounted(), indicator.enCounted());
    }

    /**
     * The unit's numerator and denominator for exactly {@code period}: its own measurement, else
     * the sum over the units below it; {@code null} when neither gives one. Each unit's figure is
     * remembered by the run (a pure function of the facts), unless the depth bound cut its sum short.
     * (Known limit: a sum remembered at a shallow depth is reused deeper, where the bound of 64 levels could
     * have cut it; only a vocabulary of more than 64 nested levels can tell, and facts with level cycles are
     * refused, so no bundled or realistic tree does.)
     */
    private long[] figure(UnitView unit, Period period, int depth) {
        boolean remember = period.equals(check.run.period());
        long[] known = remember ? check.run.figure(unit, indicator.code()) : null;
        if (known != null) {
            return known.length == 0 ? null : known;
        }
        Measurement own = unit.exact(indicator.code(), null, period);
        if (own != null) {
            long[] f = {own.numerator(), own.denominator()};
            if (remember) {
                check.run.figure(unit, indicator.code(), f);
            }
            return f;
        }
        if (depth > 64) {
            cut = true;
            return null;
        }
        boolean cutBefore = cut;
        cut = false;
        long[] sum = null;
        for (UnitView sub : unit.subUnits()) {
            long[] f = figure(sub, period, depth + 1);
            if (f != null) {
                sum = sum == null ? new long[2] : sum;
                sum[0] = Math.addExact(sum[0], f[0]);
                sum[1] = Math.addExact(sum[1], f[1]);
            }
        }
        if (remember && !cut) {
            check.run.figure(unit, indicator.code(), sum == null ? NONE : sum);
        }
        cut |= cutBefore;
        return sum;
    }

    private static String pointsVi(Fraction p) {
        return Texts.decimal(new BigDecimal(p.display()), true) + " điểm";
    }

    private static String pointsEn(Fraction p) {
        String d = p.display();
        return d + (d.equals("1.00") ? " point" : " points");
    }
}
