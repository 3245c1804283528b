// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;

/**
 * A target on the unit's own events of one type: how many in the period, or one in every
 * quarter or month (a cadence). Sub-periods not ended on the facts' date are not yet due; an
 * event already held in one still counts. End it with {@link #atLeast}, {@link #everyQuarter}
 * or {@link #everyMonth}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EventsCheck {

    private final Check check;
    private final Term.EventType type;

    EventsCheck(Check check, Term.EventType type) {
        this.check = check;
        this.type = type;
    }

    /** Ends the check: at least {@code count} such events in the period. */
    public void atLeast(int count) {
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.EVENT_COUNT, List.of(type.code()))
                .compared(TargetSpec.Comparison.AT_LEAST, java.math.BigDecimal.valueOf(count), TargetSpec.Scale.COUNT));
        Period period = check.run.period();
        int k = check.unit.events(type.code(), period).size();
        boolean met = k >= count;
        long gap = met ? 0 : count - k;
        Status status = met ? Status.MET : Status.NOT_MET;
        check.emit(null, status, Integer.toString(k), ">= " + count, gap, null,
                () -> Texts.capitalize(type.vi()) + Words.whenVi(period, null) + ": " + k + ", chỉ tiêu ít nhất " + count
                        + ": " + (met ? status.vi() : status.vi() + ", cần thêm " + gap) + ".",
                () -> Texts.capitalize(Words.eventEn(check, type, 2)) + Words.whenEn(period, null) + ": " + k
                        + ", against a target of at least " + count + ": "
                        + (met ? status.en() : status.en() + ", " + gap + " more needed") + ".");
    }

    /** Ends the check: at least one such event in every quarter of the period. */
    public void everyQuarter() {
        cadence(Period.Kind.QUARTER, "quý", "quarter");
    }

    /** Ends the check: at least one such event in every month of the period. */
    public void everyMonth() {
        cadence(Period.Kind.MONTH, "tháng", "month");
    }

    private void cadence(Period.Kind kind, String vi, String en) {
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.CADENCE, List.of(type.code()))
                .compared(TargetSpec.Comparison.AT_LEAST, java.math.BigDecimal.ONE, TargetSpec.Scale.COUNT)
                .every(kind == Period.Kind.MONTH ? TargetSpec.Cadence.MONTH : TargetSpec.Cadence.QUARTER));
        Period period = check.run.period();
        String threshold = ">= 1 per " + en;
        int due = 0;
        int held = 0;
        List<String> missingVi = new ArrayList<>();
        List<String> missingEn = new ArrayList<>();
        for (Period p : period.split(kind)) {
            if (!p.endedBy(check.run.asOf())) {
                continue;
            }
            due++;
            if (check.unit.events(type.code(), p).isEmpty()) {
                missingVi.add(Words.periodVi(p));
                missingEn.add(p.toString());
            } else {
                held++;
            }
        }
        if (due == 0) {
            check.emit(null, Status.NOT_APPLICABLE, null, threshold, null, null,
                    () -> Texts.capitalize(type.vi()) + " mỗi " + vi + ": chưa có " + vi + " nào của " + Words.periodVi(period)
                            + " kết thúc, chỉ tiêu chưa đến hạn.",
                    () -> Texts.capitalize(Words.eventEn(check, type, 2)) + " every " + en + ": no " + en + " of "
                            + Words.periodEn(period)
                            + " has ended yet, so nothing is due.");
            return;
        }
        long gap = due - held;
        int dueCount = due;
        int heldCount = held;
        Status status = gap == 0 ? Status.MET : Status.NOT_MET;
        check.emit(null, status, Integer.toString(held), threshold, gap, null,
                () -> Texts.capitalize(type.vi()) + Words.whenVi(period, null) + ": có trong " + heldCount + "/" + dueCount + " " + vi
                        + " đã qua, chỉ tiêu mỗi " + vi + " ít nhất một lần: "
                        + (gap == 0 ? status.vi() : status.vi() + ", thiếu " + String.join(", ", missingVi)) + ".",
                () -> Texts.capitalize(Words.eventEn(check, type, 2)) + Words.whenEn(period, null) + ": held in " + heldCount + " of "
                        + dueCount + " " + en
                        + (dueCount == 1 ? "" : "s") + " due, against a target of at least one every " + en + ": "
                        + (gap == 0 ? status.en() : status.en() + ", none in " + String.join(", ", missingEn)) + ".");
    }
}
