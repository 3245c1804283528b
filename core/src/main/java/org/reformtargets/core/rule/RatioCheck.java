// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView;
import org.reformtargets.core.internal.UnitView.Figure;

/**
 * A target on a share of a ratio indicator for the evaluated period (tỷ lệ), decided exactly.
 * Optionally per field (lĩnh vực), with stricter or looser thresholds for named fields, and
 * optionally also above the previous year's share. End it with {@link #atLeast}, {@link #above}
 * or {@link #risesByPoints}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RatioCheck {

    /** A scored target's group: a lower-case id (compiled once: {@link #score} runs for every unit and period). */
    private static final java.util.regex.Pattern GROUP_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");

    private final Check check;
    private final Term.Indicator indicator;
    private boolean perField;
    private TreeSet<String> onlyFields;
    private final Map<String, String> fieldThresholds = new LinkedHashMap<>();
    private boolean abovePreviousYear;

    RatioCheck(Check check, Term.Indicator indicator) {
        this.check = check;
        this.indicator = indicator;
    }

    /**
     * Judges every field reported separately, and the unit's total (a measurement without field)
     * where it is reported or no field is.
     */
    public RatioCheck perField() {
        perField = true;
        return this;
    }

    /**
     * Judges only these fields, each separately: a result for every field named, lacking data where
     * the field is not reported (a field whose denominator is 0 does not apply).
     */
    public RatioCheck onlyFields(String... fields) {
        perField = true;
        onlyFields = new TreeSet<>(List.of(fields));
        return this;
    }

    /** Judges {@code field} against its own threshold: at least {@code percent}. */
    public RatioCheck fieldAtLeast(String field, String percent) {
        Ratio.threshold(percent);
        perField = true;
        fieldThresholds.put(field, percent);
        return this;
    }

    /**
     * Adds a second part: the share must also be strictly higher than the previous year's, except
     * at the ceiling: a share of 100 % held at 100 % meets it ("cao hơn năm trước" cannot ask more).
     */
    public RatioCheck alsoAbovePreviousYear() {
        abovePreviousYear = true;
        return this;
    }

    /**
     * Makes this a scored target: points out of {@code maxPoints} ({@code "6"}) in {@code group}
     * ({@code "transparency"}), ended by {@link ScoreCheck#linear()} or {@link ScoreCheck#fullAt}.
     */
    public ScoreCheck score(String group, String maxPoints) {
        if (perField || abovePreviousYear) {
            throw new IllegalArgumentException("a scored target is for the unit's total: no perField or alsoAbovePreviousYear");
        }
        if (group == null || !GROUP_ID.matcher(group).matches()) {
            throw new IllegalArgumentException("group '" + group + "' is not a lower-case id such as \"transparency\"");
        }
        return new ScoreCheck(check, indicator, group, maxPoints);
    }

    /**
     * Ends the check with the share shown for information only: no points, and a maximum of 0, so
     * that it never changes a total. The status is {@code NOT_APPLICABLE} whatever the
     * facts, with the share as {@code actual} where there is a figure.
     */
    public void informational() {
        shown("0");
    }

    /**
     * Ends the check with the share shown for an indicator whose maximum is unknown: as
     * {@link #informational()}, without {@code maxPoints} (never read as 0).
     */
    public void unknownMaximum() {
        shown(null);
    }

    private void shown(String maxPoints) {
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.NOT_APPLICABLE, List.of(indicator.code())));
        // never a verdict: NOT_APPLICABLE whatever the facts, the share shown where there is one
        Period period = check.run.period();
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        Measurement m = check.unit.exact(indicator.code(), null, period);
        if (m == null) {
            check.run.emitScored(check.rule, check.unit, Status.NOT_APPLICABLE, null, "for information", null,
                    subjectVi + ": chưa có số liệu " + Words.periodVi(period) + " (chỉ số để tham khảo, không chấm điểm).",
                    subjectEn + ": no figure for " + Words.periodEn(period) + " was given (shown for information, not scored).",
                    null, null, maxPoints, false, null);
            return;
        }
        if (m.denominator() == 0) {
            check.run.emitScored(check.rule, check.unit, Status.NOT_APPLICABLE, null, "for information", null,
                    subjectVi + ": không có " + indicator.viOutOf() + " " + Words.periodVi(period)
                            + " (chỉ số để tham khảo, không chấm điểm).",
                    subjectEn + ": there were no " + indicator.enOutOf() + " in " + Words.periodEn(period)
                            + " (shown for information, not scored).",
                    null, null, maxPoints, false, null);
            return;
        }
        BigDecimal pct = Ratio.percent(m.numerator(), m.denominator());
        check.run.emitScored(check.rule, check.unit, Status.NOT_APPLICABLE, Texts.actualPercent(pct), "for information",
                null, subjectVi + ": " + Texts.count(m.numerator(), true) + "/" + Texts.count(m.denominator(), true) + " "
                        + indicator.viOutOf() + " " + Words.periodVi(period) + " (" + Words.pct(pct, true)
                        + "), chỉ số để tham khảo, không chấm điểm.",
                subjectEn + ": " + Texts.count(m.numerator(), false) + " of " + Texts.count(m.denominator(), false) + " "
                        + indicator.enOutOf() + " in " + Words.periodEn(period) + " (" + Words.pct(pct, false)
                        + "), shown for information and not scored.",
                null, null, maxPoints, false, null);
    }

    /** Ends the check: the share must be at least {@code percent} ({@code 100·n ≥ percent·d}). */
    public void atLeast(String percent) {
        decide(Op.AT_LEAST, percent);
    }

    /** Ends the check: the share must be more than {@code percent} ({@code 100·n > percent·d}). */
    public void above(String percent) {
        decide(Op.ABOVE, percent);
    }

    /**
     * Ends the check: the share must be at least the previous year's share plus {@code points}
     * percentage points ({@code n/d ≥ pn/pd + points/100}).
     */
    public void risesByPoints(String points) {
        BigDecimal p = Ratio.threshold(points);
        check.states(() -> requirement(TargetSpec.Kind.GROWTH, TargetSpec.Comparison.AT_LEAST, p, TargetSpec.Scale.POINTS));
        for (String field : fieldsToJudge()) {
            rise(field, p, points);
        }
    }

    private void decide(Op op, String percent) {
        BigDecimal t = Ratio.threshold(percent);
        check.states(() -> requirement(TargetSpec.Kind.SHARE,
                op == Op.AT_LEAST ? TargetSpec.Comparison.AT_LEAST : TargetSpec.Comparison.ABOVE, t, TargetSpec.Scale.PERCENT));
        for (String field : fieldsToJudge()) {
            String own = field == null ? null : fieldThresholds.get(field);
            judge(field, own == null ? op : Op.AT_LEAST, own == null ? percent : own);
        }
    }

    private TargetSpec.Requirement requirement(TargetSpec.Kind kind, TargetSpec.Comparison comparison, BigDecimal threshold,
                                               TargetSpec.Scale scale) {
        TargetSpec.Requirement r = TargetSpec.Requirement.of(kind, List.of(indicator.code()))
                .compared(comparison, threshold, scale).abovePreviousYear(abovePreviousYear);
        if (!perField) {
            return r;
        }
        Map<String, BigDecimal> own = new LinkedHashMap<>();
        fieldThresholds.forEach((f, t) -> own.put(f, new BigDecimal(t)));
        return r.perField(onlyFields == null ? List.of() : List.copyOf(onlyFields), own);
    }

    private List<String> fieldsToJudge() {
        if (!perField) {
            return Collections.singletonList(null);
        }
        Period period = check.run.period();
        List<String> fields = new ArrayList<>(check.unit.fields(indicator.code(), period));
        if (onlyFields != null) {
            return List.copyOf(onlyFields);
        }
        if (fields.isEmpty() || check.unit.figure(indicator.code(), null, period) != null) {
            fields.add(0, null);
        }
        return fields;
    }

    private void judge(String field, Op op, String percent) {
        Period period = check.run.period();
        Period previous = period.previousYear();
        String threshold = op.symbol + " " + percent + (abovePreviousYear ? " and > " + Words.periodEn(previous) : "");
        // the sentences' words are made when a sentence is rendered, not here
        boolean above = abovePreviousYear;
        Supplier<String> targetVi = () -> "chỉ tiêu " + op.vi(percent)
                + (above ? " và cao hơn " + Words.periodVi(previous) : "");
        Supplier<String> targetEn = () -> op.en(percent) + (above ? " and above " + Words.periodEn(previous) : "");

        Figure figure = check.unit.figure(indicator.code(), field, period);
        if (figure == null || !figure.complete()) {
            String[] why = figure == null ? null : Words.incomplete(period, figure);
            insufficient(field, threshold, () -> subjectVi(field)
                            + (why == null ? ": chưa có số liệu " + Words.periodVi(period) : why[0]) + "; " + targetVi.get(),
                    () -> subjectEn(field) + (why == null ? ": no figure for " + Words.periodEn(period) + " was given"
                            : why[1]) + "; the target is " + targetEn.get());
            return;
        }
        Measurement m = figure.measurement();
        long n = m.numerator();
        long d = m.denominator();
        if (d == 0) {
            notApplicable(field, threshold, figure);
            return;
        }
        boolean met = op.test(n, d, percent);
        Long gap = met ? Long.valueOf(0) : gapTo(op.needed(d, percent), n, d);
        Status status = met ? Status.MET : Status.NOT_MET;
        Figure prevFigure = abovePreviousYear ? check.unit.whole(indicator.code(), field, previous) : null;
        Measurement prev = prevFigure == null ? null : prevFigure.measurement();
        // shown so that, beside the threshold (and last year's share), it reads as the status says
        BigDecimal t = new BigDecimal(percent);
        int scale = Texts.share(n, d, t, op == Op.ABOVE).scale();
        if (prev != null && prev.denominator() > 0) {
            scale = Math.max(scale, Texts.decimalsToCompare(hundred(n), BigDecimal.valueOf(d), hundred(prev.numerator()),
                    BigDecimal.valueOf(prev.denominator()), true));
        }
        BigDecimal shown = Texts.share(n, d, scale);
        String noteVi = "";
        String noteEn = "";
        List<Outlooks.Bound> bounds = new ArrayList<>(2);
        bounds.add(Outlooks.Bound.percent(t, op == Op.ABOVE));
        if (abovePreviousYear) {
            if (prev == null || prev.denominator() == 0) {
                noteVi = prev == null ? "; chưa có số liệu " + Words.periodVi(previous) + " để so sánh"
                        : "; " + Words.periodVi(previous) + " không có " + indicator.viOutOf() + " nên không có tỷ lệ để so sánh";
                noteEn = prev == null ? "; there is no figure for " + Words.periodEn(previous) + " to compare with"
                        : "; " + Words.periodEn(previous) + " had no " + indicator.enOutOf() + ", so there is no share to compare with";
                if (status == Status.MET) {
                    status = Status.INSUFFICIENT_DATA;
                    gap = null;
                }
            } else {
                bounds.add(Outlooks.Bound.share(prev.numerator(), prev.denominator(), true));
                BigInteger left = BigInteger.valueOf(n).multiply(BigInteger.valueOf(prev.denominator()));
                BigInteger right = BigInteger.valueOf(prev.numerator()).multiply(BigInteger.valueOf(d));
                // at the ceiling nothing is higher: 100 % held at 100 % counts as higher (ADR "ceiling")
                boolean higher = left.compareTo(right) > 0 || (n == d && prev.numerator() == prev.denominator());
                BigInteger neededPrev = prev.numerator() == prev.denominator() ? BigInteger.valueOf(d)
                        : right.divide(BigInteger.valueOf(prev.denominator())).add(BigInteger.ONE);
                BigDecimal prevPct = Texts.share(prev.numerator(), prev.denominator(), scale);
                noteVi = "; " + Words.periodVi(previous) + " đạt " + Words.pct(prevPct, true);
                noteEn = "; " + Words.periodEn(previous) + " had " + Words.pct(prevPct, false);
                if (higher && left.compareTo(right) == 0) {
                    noteVi += ", giữ mức tối đa 100% được tính là cao hơn";
                    noteEn += ", and holding the ceiling of 100% counts as higher";
                }
                if (!higher) {
                    Long prevGap = gapTo(neededPrev, n, d);
                    gap = status == Status.MET ? prevGap : (gap == null || prevGap == null ? null : Math.max(gap, prevGap));
                    status = Status.NOT_MET;
                }
            }
        }
        String notesVi = noteVi;
        String notesEn = noteEn;
        emitWithOutlook(field, status, shown.toPlainString(), n, d, threshold, gap, figure, bounds,
                () -> figureVi(subjectVi(field), n, d, period, figure, shown) + ", " + targetVi.get() + notesVi + ": ",
                () -> figureEn(subjectEn(field), n, d, period, figure, shown) + " against a target of " + targetEn.get()
                        + notesEn + ": ");
    }

    /**
     * Emits a verdict on {@code n} of {@code d} so far, with the outlook for the rest of the period
     * while it has not ended: out of reach, the verdict is a final {@code NOT_MET} at once.
     */
    private void emitWithOutlook(String field, Status status, String actual, long n, long d, String threshold, Long gap,
                                 Figure figure,
                                 List<Outlooks.Bound> bounds, Supplier<String> headVi, Supplier<String> headEn) {
        Period period = check.run.period();
        org.reformtargets.core.Outlook outlook = null;
        boolean settled = false;
        Outlooks.Expected e = (status == Status.MET || status == Status.NOT_MET) && !indicator.isCoverage()
                ? Outlooks.expected(check, indicator.code(), field, figure, true) : null;
        if (e != null) {
            Outlooks.Share share = Outlooks.share(n, d, e, bounds);
            outlook = share.outlook();
            if (share.outOfReach()) {
                status = Status.NOT_MET;
                settled = true;
            }
        }
        org.reformtargets.core.Outlook out = outlook;
        Status verdict = status;
        // the figure is still the year to date, but a settled verdict no longer waits for the rest of the year
        boolean settledEn = settled;
        check.emitOutlook(field, status, actual, threshold, gap,
                figure.measuredPeriod(), settled, outlook,
                () -> headVi.get() + verdictVi(verdict, gap) + "."
                        + (out == null ? "" : Outlooks.shareVi(out, e, period, indicator)),
                () -> (settledEn ? Words.settledEn(headEn.get()) : headEn.get()) + verdictEn(verdict, gap) + "."
                        + (out == null ? "" : Outlooks.shareEn(check, out, e, period, indicator)));
    }

    private void rise(String field, BigDecimal points, String pointsText) {
        Period period = check.run.period();
        Period previous = period.previousYear();
        String subjectVi = subjectVi(field);
        String subjectEn = subjectEn(field);
        String targetVi = "chỉ tiêu tăng " + Texts.decimal(points, true) + " điểm phần trăm so với " + Words.periodVi(previous);
        String targetEn = "a rise of " + Texts.decimal(points, false) + " percentage points on " + Words.periodEn(previous);
        Figure prevFigure = check.unit.whole(indicator.code(), field, previous);
        Measurement prev = prevFigure == null ? null : prevFigure.measurement();
        String threshold = ">= " + Words.periodEn(previous) + " + " + pointsText + " points";
        // the required share 100·pn/pd + points, as a fraction, and the decimals that tell it from this year's
        BigDecimal requiredNum = prev == null || prev.denominator() == 0 ? null
                : hundred(prev.numerator()).add(points.multiply(BigDecimal.valueOf(prev.denominator())));
        BigDecimal requiredDen = prev == null ? null : BigDecimal.valueOf(prev.denominator());
        int scale = 2;
        Figure now = check.unit.figure(indicator.code(), field, period);
        if (requiredNum != null && now != null && now.complete() && now.measurement().denominator() > 0) {
            scale = Texts.decimalsToCompare(hundred(now.measurement().numerator()),
                    BigDecimal.valueOf(now.measurement().denominator()), requiredNum, requiredDen, false);
        }
        if (requiredNum != null) {
            threshold = ">= " + Texts.truncated(requiredNum, requiredDen, scale).toPlainString()
                    + " (" + Words.periodEn(previous) + " " + Texts.share(prev.numerator(), prev.denominator(), scale)
                    .toPlainString() + " + " + pointsText + " points)";
        }
        Figure figure = check.unit.figure(indicator.code(), field, period);
        if (figure == null || !figure.complete()) {
            String[] why = figure == null ? null : Words.incomplete(period, figure);
            insufficient(field, threshold, () -> subjectVi + (why == null ? ": chưa có số liệu " + Words.periodVi(period)
                            : why[0]) + "; " + targetVi,
                    () -> subjectEn + (why == null ? ": no figure for " + Words.periodEn(period) + " was given" : why[1])
                            + "; the target is " + targetEn);
            return;
        }
        Measurement m = figure.measurement();
        Period measured = figure.measuredPeriod();
        long n = m.numerator();
        long d = m.denominator();
        if (d == 0) {
            notApplicable(field, threshold, figure);
            return;
        }
        BigDecimal shown = Texts.share(n, d, scale);
        Supplier<String> figureVi = () -> figureVi(subjectVi, n, d, period, figure, shown);
        Supplier<String> figureEn = () -> figureEn(subjectEn, n, d, period, figure, shown);
        String actual = shown.toPlainString();
        if (prev == null || prev.denominator() == 0) {
            String whyVi = prev == null ? "chưa có số liệu " + Words.periodVi(previous)
                    : Words.periodVi(previous) + " không có " + indicator.viOutOf() + " nên không có tỷ lệ làm mốc";
            String whyEn = prev == null ? "there is no figure for " + Words.periodEn(previous)
                    : Words.periodEn(previous) + " had no " + indicator.enOutOf() + ", so there is no share to rise from";
            check.emit(field, Status.INSUFFICIENT_DATA, actual, threshold, null, measured,
                    () -> figureVi.get() + ", " + targetVi + "; " + whyVi + ": thiếu dữ liệu.",
                    () -> figureEn.get() + " against " + targetEn + "; " + whyEn + ": insufficient data.");
            return;
        }
        // n/d >= pn/pd + p/100  <=>  100·n·pd >= (100·pn + p·pd)·d
        BigDecimal pd = BigDecimal.valueOf(prev.denominator());
        BigDecimal required = BigDecimal.valueOf(prev.numerator()).multiply(BigDecimal.valueOf(100)).add(points.multiply(pd));
        BigDecimal left = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)).multiply(pd);
        BigDecimal right = required.multiply(BigDecimal.valueOf(d));
        boolean met = left.compareTo(right) >= 0;
        BigInteger needed = right.divide(pd.multiply(BigDecimal.valueOf(100)), 0, RoundingMode.CEILING).toBigIntegerExact();
        Long gap = met ? Long.valueOf(0) : gapTo(needed.max(BigInteger.ZERO), n, d);
        Status status = met ? Status.MET : Status.NOT_MET;
        BigDecimal prevPct = Texts.share(prev.numerator(), prev.denominator(), scale);
        emitWithOutlook(field, status, actual, n, d, threshold, gap, figure,
                List.of(Outlooks.Bound.risen(prev.numerator(), prev.denominator(), points)),
                () -> figureVi.get() + ", " + Words.periodVi(previous) + " đạt " + Words.pct(prevPct, true) + ", " + targetVi + ": ",
                () -> figureEn.get() + " against " + Words.pct(prevPct, false) + " in " + Words.periodEn(previous) + " and "
                        + targetEn + ": ");
    }

    private String figureVi(String subject, long n, long d, Period period, Figure measured, BigDecimal shown) {
        return subject + ": " + Texts.count(n, true) + "/" + Texts.count(d, true) + " " + indicator.viOutOf()
                + Words.sinceVi(period, measured) + ", tỷ lệ " + Words.pct(shown, true);
    }

    private String figureEn(String subject, long n, long d, Period period, Figure measured, BigDecimal shown) {
        return subject + ": " + Texts.count(n, false) + " of " + Texts.count(d, false) + " " + indicator.enOutOf()
                + Words.sinceEn(period, measured) + ", a share of " + Words.pct(shown, false) + ",";
    }

    /** What is counted, capitalised, with the field: "Tỷ lệ hồ sơ … lĩnh vực Đất đai". */
    private String subjectVi(String field) {
        return Texts.capitalize(indicator.viCounted()) + Words.fieldVi(check, field);
    }

    /** As {@link #subjectVi}, in English. */
    private String subjectEn(String field) {
        return Texts.capitalize(indicator.enCounted()) + Words.fieldEn(check, field);
    }

    private static BigDecimal hundred(long n) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100));
    }

    private void insufficient(String field, String threshold, Supplier<String> vi, Supplier<String> en) {
        check.emit(field, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                () -> vi.get() + ": " + Status.INSUFFICIENT_DATA.vi() + ".",
                () -> en.get() + ": " + Status.INSUFFICIENT_DATA.en() + ".");
    }

    private void notApplicable(String field, String threshold, Figure measured) {
        Period period = check.run.period();
        check.emit(field, Status.NOT_APPLICABLE, null, threshold, null, measured.measuredPeriod(),
                () -> subjectVi(field) + ": không có " + indicator.viOutOf() + Words.sinceVi(period, measured)
                        + " nên chỉ tiêu không áp dụng.",
                () -> subjectEn(field) + ": there were no " + indicator.enOutOf() + Words.sinceEn(period, measured)
                        + ", so the target does not apply.");
    }

    /** How many more of the {@code d} cases had to succeed to reach {@code needed}; null when out of reach. */
    static Long gapTo(BigInteger needed, long n, long d) {
        if (needed.compareTo(BigInteger.valueOf(d)) > 0) {
            return null;
        }
        return Math.max(0L, needed.longValueExact() - n);
    }

    private String verdictVi(Status status, Long gap) {
        if (status != Status.NOT_MET) {
            return status.vi();
        }
        return gap == null ? "chưa đạt, không thể đạt kể cả khi mọi " + indicator.viOutOf() + " đều đạt"
                : "chưa đạt, cần thêm " + Texts.count(gap, true) + " " + indicator.viCounted();
    }

    private String verdictEn(Status status, Long gap) {
        if (status != Status.NOT_MET) {
            return status.en();
        }
        return gap == null ? "not met, and out of reach even if every case succeeded"
                : "not met, " + Texts.count(gap, false) + " more " + Words.countedEn(check, indicator, gap) + " needed";
    }
}
