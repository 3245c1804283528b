package org.reformtargets.core.rule;

import org.reformtargets.core.Attestation;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;

/**
 * A target on a stated fact (xác nhận) of the unit for the evaluated period; an attestation
 * without a period holds for any. Without one the target lacks data; no count can say a gap.
 */
public final class AttestationCheck {

    private final Check check;
    private final String key;

    AttestationCheck(Check check, String key) {
        this.check = check;
        this.key = key;
    }

    /** Ends the check: the attestation must say {@code true}. */
    public void isTrue() {
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.ATTESTATION, java.util.List.of(key))
                .compared(TargetSpec.Comparison.IS_TRUE, null, null));
        Period period = check.run.period();
        Attestation found = find(period);
        String threshold = "= true";
        if (found == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                    "Chưa có xác nhận " + key + " cho " + Words.periodVi(period) + ": thiếu dữ liệu.",
                    "No attestation " + key + " was given for " + Words.periodEn(period) + ": insufficient data.");
            return;
        }
        if (!(found.value() instanceof Boolean b)) {
            check.emit(null, Status.INSUFFICIENT_DATA, String.valueOf(found.value()), threshold, null, null,
                    "Xác nhận " + key + " có giá trị '" + found.value() + "', không phải có/không: thiếu dữ liệu.",
                    "Attestation " + key + " says '" + found.value() + "', not true or false: insufficient data.");
            return;
        }
        Status status = b ? Status.MET : Status.NOT_MET;
        check.emit(null, status, b.toString(), threshold, null, null,
                "Xác nhận " + key + " cho " + Words.periodVi(period) + ": " + (b ? "có" : "không") + ", chỉ tiêu yêu cầu có: "
                        + status.vi() + ".",
                "Attestation " + key + " for " + Words.periodEn(period) + " says " + b
                        + ", against a target of true: " + status.en() + ".");
    }

    private Attestation find(Period period) {
        Attestation undated = null;
        for (Attestation a : check.unit.attestations(key)) {
            if (period.equals(a.period())) {
                return a;
            }
            if (a.period() == null) {
                undated = a;
            }
        }
        return undated;
    }
}
