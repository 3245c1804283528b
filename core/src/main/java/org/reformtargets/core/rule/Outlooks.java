// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.Period;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView;
import org.reformtargets.core.internal.UnitView.Figure;

/**
 * The outlook of a target whose period has not ended: the cases still expected, estimated from
 * the same remaining months of the previous year where measured, else from the pace so far; the
 * fewest successes among them that still reach the threshold; and whether that is on track, at
 * risk or out of reach. Exact: whole numbers and rationals, only the displayed rate rounded (up).
 */
final class Outlooks {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Outlooks() {
    }

    /**
     * A bound a share must keep: {@code n/d ≥ a/b}, or {@code n/d > a/b} when {@code strict}.
     *
     * @param a      numerator of the bound, as a share of 1
     * @param b      its denominator, positive
     * @param strict whether the share must be strictly above it
     */
    record Bound(BigInteger a, BigInteger b, boolean strict) {

        /** {@code percent} per cent as a bound. */
        static Bound percent(BigDecimal percent, boolean strict) {
            BigDecimal p = percent.scale() < 0 ? percent.setScale(0) : percent;
            return new Bound(p.unscaledValue(), HUNDRED.multiply(BigInteger.TEN.pow(p.scale())), strict);
        }

        /** The share {@code n/d} (d positive) as a bound. */
        static Bound share(long n, long d, boolean strict) {
            return new Bound(BigInteger.valueOf(n), BigInteger.valueOf(d), strict);
        }

        /** {@code pn/pd + points/100} as a bound (a rise in percentage points on a share). */
        static Bound risen(long pn, long pd, BigDecimal points) {
            BigDecimal p = points.scale() < 0 ? points.setScale(0) : points;
            BigInteger scale = BigInteger.TEN.pow(p.scale());
            BigInteger d = BigInteger.valueOf(pd);
            return new Bound(HUNDRED.multiply(BigInteger.valueOf(pn)).multiply(scale).add(p.unscaledValue().multiply(d)),
                    HUNDRED.multiply(d).multiply(scale), false);
        }

        /** Whether {@code n} of {@code d} keep the bound. */
        boolean kept(BigInteger n, BigInteger d) {
            int c = n.multiply(b).compareTo(a.multiply(d));
            return strict ? c > 0 : c >= 0;
        }

        /** The fewest more successes {@code r ≥ 0} with {@code (n + r)/(d + e)} keeping the bound. */
        BigInteger required(BigInteger n, BigInteger total) {
            BigInteger x = a.multiply(total).subtract(b.multiply(n));
            BigInteger[] qr = x.divideAndRemainder(b);
            BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
            BigInteger r = strict || qr[1].signum() != 0 ? floor.add(BigInteger.ONE) : floor;
            return r.max(BigInteger.ZERO);
        }
    }

    /** The cases (or count) still expected until the period ends, and how that was estimated. */
    record Expected(Outlook.Basis basis, long cases, int fromMonth, int toMonth, int previousYear) {

        String vi() {
            return basis == Outlook.Basis.PREVIOUS_YEAR
                    ? "theo số liệu " + Words.monthsVi(previousYear, range(fromMonth, toMonth))
                    : "theo tốc độ từ đầu năm";
        }

        String en() {
            return basis == Outlook.Basis.PREVIOUS_YEAR
                    ? "as in " + Words.monthsEn(previousYear, range(fromMonth, toMonth))
                    : "at the pace so far";
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> months = new ArrayList<>();
        for (int m = from; m <= to; m++) {
            months.add(m);
        }
        return months;
    }

    /**
     * The cases (for a ratio, the denominator; for a count, the value) still expected after the
     * figure until the evaluated period ends; {@code null} when the period has ended, nothing is
     * left or no whole count can say it.
     */
    static Expected expected(Check check, String indicator, String field, Figure figure, boolean ratio) {
        Period period = check.run.period();
        if (period.endedBy(check.run.asOf()) || !figure.complete()) {
            return null;
        }
        UnitView unit = check.unit;
        int first = period.firstMonth();
        int last = period.lastMonth();
        Measurement m = figure.measurement();
        BigDecimal sofar = ratio ? BigDecimal.valueOf(m.denominator()) : m.value();
        if (figure.soFar() == null) {
            int reached = figure.measured().lastMonth();
            if (reached >= last) {
                return null;
            }
            int prevYear = period.year() - 1;
            if (prevYear >= 1) {
                Measurement rest = unit.months(indicator, field, prevYear, reached + 1, last);
                BigDecimal cases = rest == null ? null : ratio ? BigDecimal.valueOf(rest.denominator()) : rest.value();
                if (cases == null) {
                    Figure whole = unit.whole(indicator, field, period.previousYear());
                    Measurement part = unit.months(indicator, field, prevYear, first, reached);
                    if (whole != null && part != null) {
                        Measurement w = whole.measurement();
                        cases = ratio ? BigDecimal.valueOf(w.denominator()).subtract(BigDecimal.valueOf(part.denominator()))
                                : w.value().subtract(part.value());
                        if (cases.signum() < 0) {
                            cases = null;
                        }
                    }
                }
                if (cases != null) {
                    BigInteger c = cases.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
                    return c.compareTo(LONG_MAX) > 0 ? null
                            : new Expected(Outlook.Basis.PREVIOUS_YEAR, c.longValueExact(), reached + 1, last, prevYear);
                }
            }
            return runRate(sofar, BigDecimal.valueOf(last - reached), BigDecimal.valueOf(reached - first + 1));
        }
        long elapsed = ChronoUnit.DAYS.between(period.start(), figure.soFar()) + 1;
        long remaining = ChronoUnit.DAYS.between(figure.soFar(), period.end());
        return runRate(sofar, BigDecimal.valueOf(remaining), BigDecimal.valueOf(elapsed));
    }

    /** {@code sofar·remaining/elapsed}, rounded half up to a whole count. */
    private static Expected runRate(BigDecimal sofar, BigDecimal remaining, BigDecimal elapsed) {
        if (sofar.signum() < 0) {
            return null;
        }
        BigInteger c = sofar.multiply(remaining).divide(elapsed, 0, RoundingMode.HALF_UP).toBigIntegerExact();
        return c.compareTo(LONG_MAX) > 0 ? null : new Expected(Outlook.Basis.RUN_RATE, c.longValueExact(), 0, 0, 0);
    }

    /**
     * The outlook of a share of {@code n} successes in {@code d} cases so far, with {@code e} cases
     * still expected, against every bound; {@code outlook} is {@code null} (while {@code outOfReach}
     * still tells) when the required count is beyond a long.
     */
    record Share(Outlook outlook, boolean outOfReach) {
    }

    static Share share(long n, long d, Expected e, List<Bound> bounds) {
        BigInteger bn = BigInteger.valueOf(n);
        BigInteger bd = BigInteger.valueOf(d);
        BigInteger be = BigInteger.valueOf(e.cases());
        BigInteger total = bd.add(be);
        BigInteger required = BigInteger.ZERO;
        boolean keptSoFar = true;
        for (Bound b : bounds) {
            required = required.max(b.required(bn, total));
            keptSoFar &= b.kept(bn, bd);
        }
        boolean outOfReach = required.compareTo(be) > 0;
        if (required.compareTo(LONG_MAX) > 0) {
            return new Share(null, outOfReach);
        }
        Outlook.Standing standing = outOfReach ? Outlook.Standing.OUT_OF_REACH
                : keptSoFar && required.multiply(bd).compareTo(bn.multiply(be)) <= 0 ? Outlook.Standing.ON_TRACK
                : Outlook.Standing.AT_RISK;
        String rate = be.signum() == 0 ? null
                : new BigDecimal(required.multiply(HUNDRED)).divide(new BigDecimal(be), 2, RoundingMode.CEILING).toPlainString();
        return new Share(new Outlook(e.basis(), e.cases(), required.longValueExact(), rate, standing), outOfReach);
    }

    /** The outlook of a count {@code v} so far against at least {@code limit}, with {@code e} still expected. */
    static Outlook count(BigDecimal v, BigDecimal limit, Expected e) {
        BigInteger required = limit.subtract(v).setScale(0, RoundingMode.CEILING).toBigIntegerExact().max(BigInteger.ZERO);
        if (required.compareTo(LONG_MAX) > 0) {
            return null;
        }
        long r = required.longValueExact();
        return new Outlook(e.basis(), e.cases(), r, null,
                e.cases() >= r ? Outlook.Standing.ON_TRACK : Outlook.Standing.AT_RISK);
    }

    /** The outlook of a share in a sentence, starting with a space. */
    static String shareVi(Outlook o, Expected e, Period period, Term.Indicator indicator) {
        String head = " Để đạt chỉ tiêu " + Words.periodVi(period) + ", ";
        if (o.expected() == 0) {
            return head + "không dự kiến thêm " + indicator.viOutOf() + " nào (" + e.vi() + "): "
                    + standingVi(o, indicator) + ".";
        }
        return head + "cần ít nhất " + Texts.count(o.required(), true) + " " + indicator.viCounted() + " trong khoảng "
                + Texts.count(o.expected(), true) + " " + indicator.viOutOf() + " còn lại dự kiến (" + e.vi() + "), tức "
                + Texts.decimal(new BigDecimal(o.requiredRate()), true) + "%: " + standingVi(o, indicator) + ".";
    }

    static String shareEn(Check check, Outlook o, Expected e, Period period, Term.Indicator indicator) {
        String head = " To reach the target for " + Words.periodEn(period) + ", ";
        if (o.expected() == 0) {
            return head + "no more " + indicator.enOutOf() + " are expected (" + e.en() + "): " + standingEn(o) + ".";
        }
        String outOf = check.run.vocabulary().indicator(indicator.code())
                .map(t -> t.outOf() == null ? indicator.enOutOf() : t.outOf().en(o.expected())).orElse(indicator.enOutOf());
        return head + "at least " + Texts.count(o.required(), false) + " " + Words.countedEn(check, indicator, o.required())
                + (o.required() == 1 ? " is" : " are") + " needed among the "
                + Texts.count(o.expected(), false) + " " + outOf + " still expected (" + e.en()
                + "), a rate of " + Texts.decimal(new BigDecimal(o.requiredRate()), false) + "%: " + standingEn(o) + ".";
    }

    /** The outlook of a count in a sentence, starting with a space. */
    static String countVi(Outlook o, Expected e, Period period, Term.Indicator indicator) {
        return " Để đạt chỉ tiêu " + Words.periodVi(period) + ", còn thiếu " + Texts.count(o.required(), true) + " "
                + indicator.viCounted() + ", dự kiến còn " + Texts.count(o.expected(), true) + " (" + e.vi() + "): "
                + standingVi(o, indicator) + ".";
    }

    static String countEn(Check check, Outlook o, Expected e, Period period, Term.Indicator indicator) {
        return " To reach the target for " + Words.periodEn(period) + ", " + Texts.count(o.required(), false) + " more "
                + Words.countedEn(check, indicator, o.required()) + (o.required() == 1 ? " is" : " are") + " needed and "
                + Texts.count(o.expected(), false) + (o.expected() == 1 ? " is" : " are") + " expected ("
                + e.en() + "): " + standingEn(o) + ".";
    }

    private static String standingVi(Outlook o, Term.Indicator indicator) {
        return switch (o.status()) {
            case ON_TRACK -> "đúng hướng";
            case AT_RISK -> "có nguy cơ không đạt, thời gian còn lại phải làm tốt hơn từ đầu năm";
            case OUT_OF_REACH -> "không thể đạt kể cả khi mọi " + (indicator.viOutOf() == null ? "kỳ" : indicator.viOutOf())
                    + " còn lại đều đạt, chỉ tiêu cả năm không đạt";
        };
    }

    private static String standingEn(Outlook o) {
        return switch (o.status()) {
            case ON_TRACK -> "on track";
            case AT_RISK -> "at risk: the rest of the year must do better than the year so far";
            case OUT_OF_REACH -> "out of reach even if every one succeeds, so the target for the year is not met";
        };
    }
}
