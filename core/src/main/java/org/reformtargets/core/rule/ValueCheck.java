// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView.Figure;

/**
 * A target on a plain figure (a count of procedures, a headcount) for the evaluated period,
 * decided in exact decimal arithmetic. End it with {@link #atLeast}, {@link #atMost},
 * {@link #risesByPercent}, {@link #atMostPercentOfYear}, {@link #atMostInLatestPeriod} or
 * {@link #atMostInEveryPeriod}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
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
        Figure prevFigure = check.unit.whole(indicator.code(), null, previous);
        Measurement prev = prevFigure == null ? null : prevFigure.measurement();
        BigDecimal required = prev == null ? null : prev.value().multiply(HUNDRED.add(p)).divide(HUNDRED);
        String threshold = required == null ? ">= " + Words.periodEn(previous) + " + " + percent + " %"
                : ">= " + required.stripTrailingZeros().toPlainString() + " (" + Words.periodEn(previous) + " "
                        + prev.value().toPlainString() + " + " + percent + " %)";
        Figure figure = check.unit.figure(indicator.code(), null, period);
        if (figure == null || !figure.complete()) {
            emitInsufficient(threshold, noFigureVi(subjectVi, period, figure) + "; " + targetVi,
                    noFigureEn(subjectEn, period, figure) + "; the target is " + targetEn);
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        String figVi = subjectVi + ":" + Words.sinceVi(period, figure) + " là " + Texts.decimal(v, true);
        String figEn = subjectEn + ": " + Texts.decimal(v, false) + Words.sinceEn(period, figure);
        if (required == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, v.toPlainString(), threshold, null, measured,
                    () -> figVi + ", " + targetVi + "; chưa có số liệu " + Words.periodVi(previous) + ": thiếu dữ liệu.",
                    () -> figEn + " against " + targetEn + "; there is no figure for " + Words.periodEn(previous)
                            + ": insufficient data.");
            return;
        }
        boolean met = v.compareTo(required) >= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(required.subtract(v));
        Status status = met ? Status.MET : Status.NOT_MET;
        check.emit(null, status, v.toPlainString(), threshold, gap, measured,
                () -> figVi + ", " + Words.periodVi(previous) + " là " + Texts.decimal(prev.value(), true) + ", " + targetVi
                        + " (tối thiểu " + Texts.decimal(required.stripTrailingZeros(), true) + "): "
                        + verdictVi(status, gap) + ".",
                () -> figEn + " against " + Texts.decimal(prev.value(), false) + " in " + Words.periodEn(previous) + " and "
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
        Figure wholeBase = check.unit.whole(indicator.code(), null, base);
        Measurement baseFigure = wholeBase == null ? null : wholeBase.measurement();
        BigDecimal limit = baseFigure == null ? null : baseFigure.value().multiply(p).divide(HUNDRED);
        String threshold = limit == null ? "<= " + percent + " % of " + Words.periodEn(base)
                : "<= " + limit.stripTrailingZeros().toPlainString() + " (" + percent + " % of "
                        + Words.periodEn(base) + " " + baseFigure.value().toPlainString() + ")";
        Figure figure = check.unit.figure(indicator.code(), null, period);
        if (figure == null || !figure.complete()) {
            emitInsufficient(threshold, noFigureVi(subjectVi, period, figure) + "; " + targetVi,
                    noFigureEn(subjectEn, period, figure) + "; the target is "
                            + targetEn.substring("a target of ".length()));
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        String figVi = subjectVi + ":" + Words.sinceVi(period, figure) + " là " + Texts.decimal(v, true);
        String figEn = subjectEn + ": " + Texts.decimal(v, false) + Words.sinceEn(period, figure);
        if (limit == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, v.toPlainString(), threshold, null, measured,
                    () -> figVi + ", " + targetVi + "; chưa có số liệu " + Words.periodVi(base) + ": thiếu dữ liệu.",
                    () -> figEn + " against " + targetEn + "; there is no figure for " + Words.periodEn(base)
                            + ": insufficient data.");
            return;
        }
        boolean met = v.compareTo(limit) <= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(v.subtract(limit));
        Status status = met ? Status.MET : Status.NOT_MET;
        String limitVi = Texts.decimal(limit.stripTrailingZeros(), true);
        String limitEn = Texts.decimal(limit.stripTrailingZeros(), false);
        check.emit(null, status, v.toPlainString(), threshold, gap, measured,
                () -> figVi + ", " + Words.periodVi(base) + " là " + Texts.decimal(baseFigure.value(), true) + ", " + targetVi
                        + " (tối đa " + limitVi + "): "
                        + (met ? status.vi() : status.vi() + ", cần giảm thêm " + Texts.count(gap, true)) + ".",
                () -> figEn + " against " + Texts.decimal(baseFigure.value(), false) + " in " + Words.periodEn(base)
                        + " and " + targetEn + " (at most " + limitEn + "): "
                        + (met ? status.en() : status.en() + ", " + Texts.count(gap, false) + " too many") + ".");
    }

    /**
     * Ends the check: a state reached by the end of the period ("đến hết năm 2022 không …"), judged
     * on the last reported sub-period of the period (the latest-ending measurement within it, the
     * shortest among those ending together; the whole period's only when nothing shorter ends as
     * late): its figure must be at most {@code limit}.
     */
    public void atMostInLatestPeriod(String limit) {
        BigDecimal l = Ratio.threshold(limit);
        check.states(() -> requirement(TargetSpec.Kind.VALUE, TargetSpec.Comparison.AT_MOST, l, TargetSpec.Scale.NUMBER));
        Period period = check.run.period();
        String threshold = "<= " + limit + " in the last period reported";
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String targetVi = "chỉ tiêu đến hết " + Words.periodVi(period) + " tối đa " + Texts.decimal(l, true);
        String targetEn = "a target of at most " + Texts.decimal(l, false) + " by the end of " + Words.periodEn(period);
        List<Measurement> reported = check.unit.within(indicator.code(), null, period);
        if (reported.isEmpty()) {
            noneReported(threshold, period, subjectVi, subjectEn, targetVi, targetEn);
            return;
        }
        Measurement last = reported.get(0);
        BigDecimal v = last.value();
        boolean met = v.compareTo(l) <= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(v.subtract(l));
        Status status = met ? Status.MET : Status.NOT_MET;
        Period measured = last.period().equals(period) ? null : last.period();
        String whichVi = check.run.asOf().isBefore(period.end()) ? "kỳ báo cáo gần nhất" : "kỳ báo cáo cuối cùng";
        String whichEn = check.run.asOf().isBefore(period.end()) ? "the latest period reported" : "the last period reported";
        // once the period has ended its last reported sub-period is the one judged: final
        check.emitSettled(null, status, v.toPlainString(), threshold, gap, measured, period.endedBy(check.run.asOf()),
                () -> subjectVi + ": " + whichVi + " (" + Words.periodVi(last.period()) + ") là " + Texts.decimal(v, true) + ", "
                        + targetVi + ": " + overVi(status, gap) + ".",
                () -> subjectEn + ": " + Texts.decimal(v, false) + " in " + whichEn + " (" + Words.periodEn(last.period())
                        + ") against " + targetEn + ": " + overEn(status, gap) + ".");
    }

    /**
     * Ends the check: a state held throughout the period: the figure of every reported sub-period
     * within it (and of the whole period, if reported) must be at most {@code limit}. One over the
     * limit settles the target as not met at once; the gap is the largest excess.
     */
    public void atMostInEveryPeriod(String limit) {
        BigDecimal l = Ratio.threshold(limit);
        check.states(() -> requirement(TargetSpec.Kind.VALUE, TargetSpec.Comparison.AT_MOST, l, TargetSpec.Scale.NUMBER));
        Period period = check.run.period();
        String threshold = "<= " + limit + " in every period reported";
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        String targetVi = "chỉ tiêu mọi kỳ của " + Words.periodVi(period) + " tối đa " + Texts.decimal(l, true);
        String targetEn = "a target of at most " + Texts.decimal(l, false) + " in every period of " + Words.periodEn(period);
        List<Measurement> reported = check.unit.within(indicator.code(), null, period);
        if (reported.isEmpty()) {
            noneReported(threshold, period, subjectVi, subjectEn, targetVi, targetEn);
            return;
        }
        reported = new java.util.ArrayList<>(reported);
        reported.sort(java.util.Comparator.comparing((Measurement m) -> m.period().start())
                .thenComparing(m -> m.period().end()));
        BigDecimal worst = null;
        java.util.List<String> exceedVi = new java.util.ArrayList<>();
        java.util.List<String> exceedEn = new java.util.ArrayList<>();
        java.util.List<String> allVi = new java.util.ArrayList<>();
        java.util.List<String> allEn = new java.util.ArrayList<>();
        for (Measurement m : reported) {
            BigDecimal v = m.value();
            worst = worst == null || v.compareTo(worst) > 0 ? v : worst;
            allVi.add(Words.periodVi(m.period()));
            allEn.add(Words.periodEn(m.period()));
            if (v.compareTo(l) > 0) {
                exceedVi.add(Words.periodVi(m.period()) + " (" + Texts.decimal(v, true) + ")");
                exceedEn.add(Words.periodEn(m.period()) + " (" + Texts.decimal(v, false) + ")");
            }
        }
        boolean met = exceedVi.isEmpty();
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(worst.subtract(l));
        Status status = met ? Status.MET : Status.NOT_MET;
        int k = reported.size();
        check.emitSettled(null, status, worst.toPlainString(), threshold, gap, null, !met,
                () -> subjectVi + " " + Words.periodVi(period) + ": " + k + " kỳ đã báo cáo (" + String.join(", ", allVi) + ")"
                        + (met ? ", không kỳ nào vượt " + Texts.decimal(l, true)
                        : ", vượt ở " + String.join(", ", exceedVi)) + ", " + targetVi + ": " + overVi(status, gap) + ".",
                () -> subjectEn + " in " + Words.periodEn(period) + ": " + k + " period" + (k == 1 ? "" : "s") + " reported ("
                        + String.join(", ", allEn) + ")" + (met ? ", none above " + Texts.decimal(l, false)
                        : ", above it in " + String.join(", ", exceedEn)) + ", against " + targetEn + ": "
                        + overEn(status, gap) + ".");
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
        if (figure == null || !figure.complete()) {
            emitInsufficient(threshold, noFigureVi(subjectVi, period, figure) + "; chỉ tiêu " + targetVi,
                    noFigureEn(subjectEn, period, figure) + "; the target is " + targetEn);
            return;
        }
        BigDecimal v = figure.measurement().value();
        Period measured = figure.measuredPeriod();
        int c = v.compareTo(limit);
        boolean met = atLeast ? c >= 0 : c <= 0;
        Long gap = met ? Long.valueOf(0) : Ratio.wholeGap(v.subtract(limit).abs());
        Status status = met ? Status.MET : Status.NOT_MET;
        Outlooks.Expected e = atLeast && indicator.isCount()
                ? Outlooks.expected(check, indicator.code(), null, figure, false) : null;
        org.reformtargets.core.Outlook outlook = e == null ? null : Outlooks.count(v, limit, e);
        check.emitOutlook(null, status, v.toPlainString(), threshold, gap, measured, false, outlook,
                () -> subjectVi + ":" + Words.sinceVi(period, figure) + " là " + Texts.decimal(v, true) + ", chỉ tiêu "
                        + targetVi + ": " + verdictVi(status, gap) + "."
                        + (outlook == null ? "" : Outlooks.countVi(outlook, e, period, indicator)),
                () -> subjectEn + ": " + Texts.decimal(v, false) + Words.sinceEn(period, figure) + ", against a target of "
                        + targetEn + ": " + verdictEn(status, gap) + "."
                        + (outlook == null ? "" : Outlooks.countEn(check, outlook, e, period, indicator)));
    }

    /** "Subject: chưa có số liệu năm 2021", or why the sub-periods give none. */
    private static String noFigureVi(String subject, Period period, Figure figure) {
        return subject + (figure == null ? ": chưa có số liệu " + Words.periodVi(period) : Words.incomplete(period, figure)[0]);
    }

    private static String noFigureEn(String subject, Period period, Figure figure) {
        return subject + (figure == null ? ": no figure for " + Words.periodEn(period) + " was given"
                : Words.incomplete(period, figure)[1]);
    }

    /** Insufficient data: no sub-period of {@code period} reported ({@code targetEn} starts "a target of"). */
    private void noneReported(String threshold, Period period, String subjectVi, String subjectEn, String targetVi,
                              String targetEn) {
        emitInsufficient(threshold, subjectVi + ": chưa có số liệu kỳ nào của " + Words.periodVi(period) + "; " + targetVi,
                subjectEn + ": no figure for any part of " + Words.periodEn(period) + " was given; the target is "
                        + targetEn.substring("a target of ".length()));
    }

    private void emitInsufficient(String threshold, String vi, String en) {
        check.emit(null, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                () -> vi + ": " + Status.INSUFFICIENT_DATA.vi() + ".", () -> en + ": " + Status.INSUFFICIENT_DATA.en() + ".");
    }

    /** The verdict on a figure over its limit: by how much. */
    private static String overVi(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "chưa đạt, vượt " + Texts.count(gap, true) : status.vi();
    }

    private static String overEn(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "not met, " + Texts.count(gap, false) + " too many" : status.en();
    }

    private static String verdictVi(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "chưa đạt, chênh lệch " + Texts.count(gap, true) : status.vi();
    }

    private static String verdictEn(Status status, Long gap) {
        return status == Status.NOT_MET && gap != null ? "not met, short by " + Texts.count(gap, false) : status.en();
    }
}
