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
import org.reformtargets.core.internal.UnitView;

/**
 * A target over the unit's sub-units (đơn vị trực thuộc): the units whose parent it is. Without
 * sub-units such a target does not apply.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SubUnitsCheck {

    private final Check check;

    SubUnitsCheck(Check check) {
        this.check = check;
    }

    /** Coverage of sub-units by the unit's events of these types whose {@code subject} is the sub-unit. */
    public CoverageCheck inspected(String... eventTypes) {
        List<Term.EventType> types = new ArrayList<>();
        for (String t : eventTypes) {
            types.add(check.eventType(t));
        }
        return new CoverageCheck(check, List.copyOf(types));
    }

    /** Ends the check: every sub-unit has at least one event of its own of this type in the period. */
    public void eachWith(String eventType) {
        Term.EventType type = check.eventType(eventType);
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.EACH_SUB_UNIT, List.of(type.code()))
                .compared(TargetSpec.Comparison.AT_LEAST, java.math.BigDecimal.ONE, TargetSpec.Scale.COUNT));
        Period period = check.run.period();
        List<UnitView> subs = check.unit.subUnits();
        String when = Words.whenVi(period, null);
        if (subs.isEmpty()) {
            check.emit(null, Status.NOT_APPLICABLE, null, "every sub-unit", null, null,
                    () -> "Đơn vị không có đơn vị trực thuộc nên chỉ tiêu mỗi đơn vị trực thuộc có " + type.vi()
                            + " không áp dụng.",
                    () -> "The unit has no sub-units, so the target that each has " + Texts.article(Words.eventEn(check, type, 1))
                            + " does not apply.");
            return;
        }
        List<String> without = new ArrayList<>();
        for (UnitView s : subs) {
            if (s.events(type.code(), period).isEmpty()) {
                without.add(s.getId());
            }
        }
        without.sort(null);
        int with = subs.size() - without.size();
        Status status = without.isEmpty() ? Status.MET : Status.NOT_MET;
        String listVi = without.isEmpty() ? "" : "; chưa có: " + String.join(", ", without);
        String listEn = without.isEmpty() ? "" : "; without one: " + String.join(", ", without);
        check.emit(null, status, Texts.share(with, subs.size(), 2).toPlainString(), ">= 1 per sub-unit",
                (long) without.size(), null,
                () -> Texts.capitalize(type.vi()) + when + ": " + with + "/" + subs.size() + " đơn vị trực thuộc có ít nhất một"
                        + listVi + ", chỉ tiêu mỗi đơn vị có ít nhất một: " + status.vi() + ".",
                () -> Texts.capitalize(Words.eventEn(check, type, 2)) + Words.whenEn(period, null) + ": " + with + " of "
                        + Words.nEn(subs.size(), "sub-unit", "sub-units") + (with == 1 ? " has" : " have") + " at least one"
                        + listEn + ", against a target of one for each: "
                        + status.en() + ".");
    }
}
