package org.reformtargets.core.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView.Figure;

/**
 * A target on a plain figure (a count of procedures, a headcount) for the evaluated period,
 * decided in exact decimal arithmetic. End it with {@link #atLeast}, {@link #atMost},
 * {@link #risesByPercent} or {@link #atMostPercentOfYear}.
 */
public final class ValueCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Check check;
    private final Term.Indicator indicator;

    ValueCheck(Check check, Term.Indicator indicator) {
        this.check = check;
        this.indicator = indicator;
    }

    /** Ends the check: the figure must be at least {@code limit}. */
    public void atLeast(String limit) {
        BigDecimal l = Ratio.threshold(limit);
        check.states(() -> requirement(TargetSpec.Kind.VALUE, TargetSpec.Comparison.AT_LEAST, l, TargetSpec.Scale.NUMBER));
        compare(">= " + limit, "tối thiểu " + Texts.decimal(l, true), "at least " + Texts.decimal(l, false), l, true);
    }

    /** Ends the check: the figure must be at most {@code limit} ({@code "0"} for "none"). */
    public void atMost(String limit) {
        BigDecimal l = Ratio.threshold(limit);
        check.states(() -> requirement(TargetSpec.Kind.VALUE, TargetSpec.Comparison.AT_MOST, l, TargetSpec.Scale.NUMBER));
        compare("<= " + limit, "tối đa " + Texts.decimal(l, true), "at most " + Texts.decimal(l, false), l, false);
    }

    /**
     * Ends the check: the figure must be at least the previous year's raised by {@code percent}
     * ({@code 100·v ≥ (100 + percent)·previous}).
     */
    public void risesByPercent(String percent) {
        BigDecimal p = Ratio.threshold(percent);
        check.states(() -> requirement(TargetSpec.Kind.GROWTH, TargetSpec.Comparison.AT_LEAST, p,
                TargetSpec.Scale.PERCENT_RISE));
        Period period = check.run.period();
        Period previous = period.previousYear();
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String targetVi = "chỉ tiêu tăng " + Texts.percent(p, true) + " so với " + Words.periodVi(previous);
        String targetEn = "a rise of " + Texts.percent(p, false) + " on " + Words.periodEn(previous);
        Measurement prev = check.unit.exact(indicator.code(), null, previous);
        BigDecimal required = prev == null ? null : prev.value().multiply(HUNDRED.add(p)).divide(HUNDRED);
        String threshold = required == null ? ">= " + Words.periodEn(previous) + " + " + percent + " %"
                : ">= " + required.stripTrailingZeros().toPlainString() + " (" + Words.periodEn(previous) + " "
                        + prev.value().toPlainString() + " + " + percent + " %)";
        Figure figure = check.unit.figure(indicator.code(), null, period);
        if (figure == null) {
            emitInsufficient(threshold, subjectVi + ": chưa có số liệu " + Words.periodVi(period) + "; " + targetVi,
                    subjectEn + ": no figure for " + Words.periodEn(period) + " was given; the target is " + targetEn);
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        String figVi = subjectVi + ":" + Words.whenVi(period, measured) + " là " + Texts.decimal(v, true);
        String figEn = subjectEn + ": " + Texts.decimal(v, false) + Words.whenEn(period, measured);
        if (required == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, v.toPlainString(), threshold, null, measured,
                    figVi + ", " + targetVi + "; chưa có số liệu " + Words.periodVi(previous) + ": thiếu dữ liệu.",
                    figEn + " against " + targetEn + "; there is no figure for " + Words.periodEn(previous)
                            + ": insufficient data.");
            return;
        }
        boolean met = v.compareTo(required) >= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(required.subtract(v));
        Status status = met ? Status.MET : Status.NOT_MET;
        check.emit(null, status, v.toPlainString(), threshold, gap, measured,
                figVi + ", " + Words.periodVi(previous) + " là " + Texts.decimal(prev.value(), true) + ", " + targetVi
                        + " (tối thiểu " + Texts.decimal(required.stripTrailingZeros(), true) + "): "
                        + verdictVi(status, gap) + ".",
                figEn + " against " + Texts.decimal(prev.value(), false) + " in " + Words.periodEn(previous) + " and "
                        + targetEn + " (at least " + Texts.decimal(required.stripTrailingZeros(), false) + "): "
                        + verdictEn(status, gap) + ".");
    }

    /**
     * Ends the check: the figure must be at most {@code percent} of the figure of the year
     * {@code baseYear} ({@code 100·v ≤ percent·base}): "giảm tối thiểu 2,5 % so với năm 2015" is
     * {@code atMostPercentOfYear(2015, "97.5")}. Without the base year's figure the target lacks data.
     */
    public void atMostPercentOfYear(int baseYear, String percent) {
        BigDecimal p = Ratio.threshold(percent);
        check.states(() -> requirement(TargetSpec.Kind.GROWTH, TargetSpec.Comparison.AT_MOST, p,
                TargetSpec.Scale.PERCENT_OF_BASE).ofBaseYear(baseYear));
        Period period = check.run.period();
        Period base = Period.year(baseYear);
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String targetVi = "chỉ tiêu tối đa " + Texts.percent(p, true) + " của " + Words.periodVi(base);
        String targetEn = "a target of at most " + Texts.percent(p, false) + " of " + Words.periodEn(base);
        Measurement baseFigure = check.unit.exact(indicator.code(), null, base);
        BigDecimal limit = baseFigure == null ? null : baseFigure.value().multiply(p).divide(HUNDRED);
        String threshold = limit == null ? "<= " + percent + " % of " + Words.periodEn(base)
                : "<= " + limit.stripTrailingZeros().toPlainString() + " (" + percent + " % of "
                        + Words.periodEn(base) + " " + baseFigure.value().toPlainString() + ")";
        Figure figure = check.unit.figure(indicator.code(), null, period);
        if (figure == null) {
            emitInsufficient(threshold, subjectVi + ": chưa có số liệu " + Words.periodVi(period) + "; " + targetVi,
                    subjectEn + ": no figure for " + Words.periodEn(period) + " was given; the target is "
                            + targetEn.substring("a target of ".length()));
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        String figVi = subjectVi + ":" + Words.whenVi(period, measured) + " là " + Texts.decimal(v, true);
        String figEn = subjectEn + ": " + Texts.decimal(v, false) + Words.whenEn(period, measured);
        if (limit == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, v.toPlainString(), threshold, null, measured,
                    figVi + ", " + targetVi + "; chưa có số liệu " + Words.periodVi(base) + ": thiếu dữ liệu.",
                    figEn + " against " + targetEn + "; there is no figure for " + Words.periodEn(base)
                            + ": insufficient data.");
            return;
        }
        boolean met = v.compareTo(limit) <= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(v.subtract(limit));
        Status status = met ? Status.MET : Status.NOT_MET;
        String limitVi = Texts.decimal(limit.stripTrailingZeros(), true);
        String limitEn = Texts.decimal(limit.stripTrailingZeros(), false);
        check.emit(null, status, v.toPlainString(), threshold, gap, measured,
                figVi + ", " + Words.periodVi(base) + " là " + Texts.decimal(baseFigure.value(), true) + ", " + targetVi
                        + " (tối đa " + limitVi + "): "
                        + (met ? status.vi() : status.vi() + ", cần giảm thêm " + Texts.count(gap, true)) + ".",
                figEn + " against " + Texts.decimal(baseFigure.value(), false) + " in " + Words.periodEn(base)
                        + " and " + targetEn + " (at most " + limitEn + "): "
                        + (met ? status.en() : status.en() + ", " + Texts.count(gap, false) + " too many") + ".");
    }

    private TargetSpec.Requirement requirement(TargetSpec.Kind kind, TargetSpec.Comparison comparison, BigDecimal threshold,
                                               TargetSpec.Scale scale) {
        return TargetSpec.Requirement.of(kind, java.util.List.of(indicator.code())).compared(comparison, threshold, scale);
    }

    private void compare(String threshold, String targetVi, String targetEn, BigDecimal limit, boolean atLeast) {
        Period period = check.run.period();
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        Figure figure = check.unit.figure(indicator.code(), null, period);
        if (figure == null) {
            emitInsufficient(threshold, subjectVi + ": chưa có số liệu " + Words.periodVi(period) + "; chỉ tiêu " + targetVi,
                    subjectEn + ": no figure for " + Words.periodEn(period) + " was given; the target is " + targetEn);
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        int c = v.compareTo(limit);
        boolean met = atLeast ? c >= 0 : c <= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(v.subtract(limit).abs());
        Status status = met ? Status.MET : Status.NOT_MET;
        check.emit(null, status, v.toPlainString(), threshold, gap, measured,
                subjectVi + ":" + Words.whenVi(period, measured) + " là " + Texts.decimal(v, true) + ", chỉ tiêu "
                        + targetVi + ": " + verdictVi(status, gap) + ".",
                subjectEn + ": " + Texts.decimal(v, false) + Words.whenEn(period, measured) + ", against a target of "
                        + targetEn + ": " + verdictEn(status, gap) + ".");
    }

    private void emitInsufficient(String threshold, String vi, String en) {
        check.emit(null, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                vi + ": " + Status.INSUFFICIENT_DATA.vi() + ".", en + ": " + Status.INSUFFICIENT_DATA.en() + ".");
    }

    private static String verdictVi(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "chưa đạt, chênh lệch " + Texts.count(gap, true) : status.vi();
    }

    private static String verdictEn(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "not met, short by " + Texts.count(gap, false) : status.en();
    }
}
