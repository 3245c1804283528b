// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.Event;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView;

/**
 * Coverage of a unit's sub-units by its inspections: how many distinct sub-units were the subject
 * of one, over the period or in each quarter. Repeated inspections of one sub-unit count once.
 * Shares are of the direct sub-units; {@link QuarterlyCoverage#atLeastUnitsUnder} counts distinct
 * units anywhere under the unit (sub-units, their offices and stations).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CoverageCheck {

    private final Check check;
    private final List<Term.EventType> types;

    CoverageCheck(Check check, List<Term.EventType> types) {
        this.check = check;
        this.types = types;
    }

    /** Ends the check: distinct sub-units covered in the period are at least {@code percent} of all. */
    public void atLeastPercent(String percent) {
        BigDecimal t = Ratio.threshold(percent);
        check.states(() -> requirement(t, TargetSpec.Scale.PERCENT, null));
        Period period = check.run.period();
        int n = check.unit.subUnits().size();
        String threshold = ">= " + percent;
        if (n == 0) {
            noSubUnits(threshold);
            return;
        }
        int k = covered(period, false).size();
        BigInteger needed = Ratio.neededForAtLeast(n, percent);
        boolean met = BigInteger.valueOf(k).compareTo(needed) >= 0;
        long gap = met ? 0 : needed.longValueExact() - k;
        Status status = met ? Status.MET : Status.NOT_MET;
        BigDecimal pct = Texts.share(k, n, t, false);
        check.emit(null, status, pct.toPlainString(), threshold, gap, null,
                () -> Texts.capitalize(names(true)) + Words.whenVi(period, null) + ": " + k + "/" + n + " đơn vị trực thuộc ("
                        + Words.pct(pct, true) + "), chỉ tiêu ít nhất " + Texts.threshold(percent, true) + ": "
                        + (met ? status.vi() : status.vi() + ", cần kiểm tra thêm " + gap + " đơn vị") + ".",
                () -> Texts.capitalize(names(false)) + Words.whenEn(period, null) + " covered " + k + " of "
                        + Words.nEn(n, "sub-unit", "sub-units") + " (" + Words.pct(pct, false) + "), against a target of at least "
                        + Texts.threshold(percent, false) + ": "
                        + (met ? status.en() : status.en() + ", " + gap + " more sub-unit" + (gap == 1 ? "" : "s")
                        + " needed") + ".");
    }

    /** Continues with a requirement that holds in every quarter of the period. */
    public QuarterlyCoverage everyQuarter() {
        return new QuarterlyCoverage();
    }

    /** Coverage required in each quarter of the period; quarters not ended on the facts' date are not yet due. */
    public final class QuarterlyCoverage {

        private QuarterlyCoverage() {
        }

        /**
         * Ends the check: at least {@code count} distinct sub-units in every quarter, or all of them
         * where the unit has fewer.
         */
        public void atLeast(int count) {
            check.states(() -> requirement(BigDecimal.valueOf(count), TargetSpec.Scale.COUNT, TargetSpec.Cadence.QUARTER));
            int n = check.unit.subUnits().size();
            String fewerVi = n < count ? " (đơn vị chỉ có " + n + " đơn vị trực thuộc nên phải kiểm tra tất cả)" : "";
            String fewerEn = n < count ? " (all " + n + ", as the unit has fewer)" : "";
            judge(Math.min(count, n), ">= " + count + " per quarter", "ít nhất " + count + " đơn vị mỗi quý" + fewerVi,
                    "at least " + Words.nEn(count, "sub-unit", "sub-units") + " each quarter" + fewerEn, false, false);
        }

        /**
         * Ends the check: at least {@code count} distinct units anywhere under the unit (its
         * sub-units and the units under them, "thuộc thẩm quyền quản lý") in every quarter, or all
         * of them where there are fewer.
         */
        public void atLeastUnitsUnder(int count) {
            check.states(() -> requirement(BigDecimal.valueOf(count), TargetSpec.Scale.COUNT, TargetSpec.Cadence.QUARTER));
            int n = under().size();
            String fewerVi = n < count ? " (chỉ có " + n + " đơn vị thuộc quyền quản lý nên phải kiểm tra tất cả)" : "";
            String fewerEn = n < count ? " (all " + n + ", as there are fewer)" : "";
            judge(Math.min(count, n), ">= " + count + " per quarter",
                    "ít nhất " + count + " đơn vị thuộc quyền quản lý mỗi quý" + fewerVi,
                    "at least " + Words.nEn(count, "unit", "units") + " under it each quarter" + fewerEn, false, true);
        }

        /** Ends the check: at least {@code percent} of the sub-units, distinct, in every quarter. */
        public void atLeastPercent(String percent) {
            BigDecimal t = Ratio.threshold(percent);
            check.states(() -> requirement(t, TargetSpec.Scale.PERCENT, TargetSpec.Cadence.QUARTER));
            int n = check.unit.subUnits().size();
            judge(n == 0 ? 0 : Ratio.neededForAtLeast(n, percent).intValueExact(), ">= " + percent + " per quarter",
                    "ít nhất " + Texts.threshold(percent, true) + " đơn vị trực thuộc mỗi quý",
                    "at least " + Texts.threshold(percent, false) + " of sub-units each quarter", true, false);
        }

        private void judge(int required, String threshold, String targetVi, String targetEn, boolean share,
                           boolean anywhere) {
            Period period = check.run.period();
            int n = anywhere ? under().size() : check.unit.subUnits().size();
            String unitsVi = anywhere ? " đơn vị thuộc quyền quản lý" : " đơn vị trực thuộc";
            String unitsEn = anywhere ? " units under it" : " sub-units";
            String unitOne = anywhere ? "unit under it" : "sub-unit";
            String unitMany = anywhere ? "units under it" : "sub-units";
            if (n == 0) {
                noSubUnits(threshold);
                return;
            }
            List<String> shortVi = new ArrayList<>();
            List<String> shortEn = new ArrayList<>();
            long gap = 0;
            int due = 0;
            int least = Integer.MAX_VALUE;
            Set<String> subs = subs(anywhere);
            for (Period q : period.split(Period.Kind.QUARTER)) {
                if (!q.endedBy(check.run.asOf())) {
                    continue;
                }
                due++;
                int k = covered(q, subs).size();
                least = Math.min(least, k);
                if (k < required) {
                    gap += required - k;
                    shortVi.add("quý " + q.index() + ": " + k);
                    shortEn.add("Q" + q.index() + ": " + k);
                }
            }
            if (due == 0) {
                check.emit(null, Status.NOT_APPLICABLE, null, threshold, null, null,
                        () -> Texts.capitalize(names(true)) + ": chưa có quý nào của " + Words.periodVi(period)
                                + " kết thúc, chỉ tiêu chưa đến hạn.",
                        () -> Texts.capitalize(names(false)) + ": no quarter of " + Words.periodEn(period)
                                + " has ended yet, so nothing is due.");
                return;
            }
            Status status = gap == 0 ? Status.MET : Status.NOT_MET;
            String actual = share ? Texts.share(least, n, 2).toPlainString() : Integer.toString(least);
            check.emit(null, status, actual, threshold, gap, null,
                    Texts.capitalize(names(true)) + Words.whenVi(period, null) + ": "
                            + (least == 0 ? "có quý không kiểm tra" + unitsVi + " nào (trong " + due + " quý đã qua, có "
                            + n + unitsVi + ")" : "ít nhất " + least + "/" + n + unitsVi + " mỗi quý trong "
                            + due + " quý đã qua") + ", chỉ tiêu " + targetVi + ": "
                            + (gap == 0 ? status.vi() : status.vi() + " (" + String.join("; ", shortVi)
                            + "), cần kiểm tra thêm " + gap + " lượt đơn vị") + ".",
                    Texts.capitalize(names(false)) + Words.whenEn(period, null)
                            + (least == 0 ? " covered none of the " + Words.nEn(n, unitOne, unitMany)
                            + " in at least one of the " + Words.nEn(due, "quarter", "quarters") + " due"
                            : " covered at least " + least + " of " + Words.nEn(n, unitOne, unitMany)
                            + (due == 1 ? " in the 1 quarter due" : " in each of the " + due + " quarters due"))
                            + ", against a target of " + targetEn + ": "
                            + (gap == 0 ? status.en() : status.en() + " (" + String.join("; ", shortEn) + "), "
                            + gap + " more sub-unit inspection" + (gap == 1 ? "" : "s") + " needed") + ".");
        }
    }

    private TargetSpec.Requirement requirement(BigDecimal threshold, TargetSpec.Scale scale, TargetSpec.Cadence cadence) {
        return TargetSpec.Requirement.of(TargetSpec.Kind.COVERAGE, types.stream().map(Term.EventType::code).toList())
                .compared(TargetSpec.Comparison.AT_LEAST, threshold, scale).every(cadence);
    }

    /** The ids of the units anywhere under the evaluated unit, each once. */
    private Set<String> under() {
        Set<String> ids = new LinkedHashSet<>();
        Deque<UnitView> todo = new ArrayDeque<>(check.unit.subUnits());
        while (!todo.isEmpty()) {
            UnitView u = todo.pop();
            if (ids.add(u.getId())) {
                todo.addAll(u.subUnits());
            }
        }
        return ids;
    }

    private Set<String> covered(Period within, boolean anywhere) {
        return covered(within, subs(anywhere));
    }

    /** The ids of the units anywhere under the evaluated unit ({@code anywhere}), or of its sub-units. */
    private Set<String> subs(boolean anywhere) {
        if (anywhere) {
            return under();
        }
        Set<String> subs = new HashSet<>();
        for (UnitView s : check.unit.subUnits()) {
            subs.add(s.getId());
        }
        return subs;
    }

    /** Which of {@code subs} the unit's events of the check's types within {@code within} are upon. */
    private Set<String> covered(Period within, Set<String> subs) {
        Set<String> covered = new HashSet<>();
        for (Term.EventType t : types) {
            for (Event e : check.unit.events(t.code(), within)) {
                if (e.subject() != null && subs.contains(e.subject())) {
                    covered.add(e.subject());
                }
            }
        }
        return covered;
    }

    private void noSubUnits(String threshold) {
        check.emit(null, Status.NOT_APPLICABLE, null, threshold, null, null,
                () -> "Đơn vị không có đơn vị trực thuộc nên chỉ tiêu " + names(true) + " không áp dụng.",
                () -> "The unit has no sub-units, so the " + String.join(" or ", types.stream().map(Term.EventType::en).toList())
                        + " target does not apply.");
    }

    private String names(boolean vi) {
        return String.join(vi ? " hoặc " : " or ", types.stream().map(t -> vi ? t.vi() : Words.eventEn(check, t, 2)).toList());
    }
}
