// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;

/**
 * A target on a stated fact (xác nhận) of the unit for the evaluated period; an attestation
 * without a period holds for any. Without one the target lacks data. End it with {@link #isTrue}
 * or, for a class on a scale, {@link #rankedAtLeast}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
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
                    () -> "Chưa có xác nhận " + check.attestation(key, true) + " cho " + Words.periodVi(period) + ": thiếu dữ liệu.",
                    () -> "No attestation of \"" + check.attestation(key, false) + "\" was given for " + Words.periodEn(period)
                            + ": insufficient data.");
            return;
        }
        if (!(found.value() instanceof Boolean b)) {
            check.emit(null, Status.INSUFFICIENT_DATA, String.valueOf(found.value()), threshold, null, null,
                    () -> "Xác nhận " + check.attestation(key, true) + " có giá trị '" + found.value() + "', không phải có/không: thiếu dữ liệu.",
                    () -> "The attestation of \"" + check.attestation(key, false) + "\" says '" + found.value()
                            + "', not true or false: insufficient data.");
            return;
        }
        Status status = b ? Status.MET : Status.NOT_MET;
        Period measured = measured(found, period);
        Period said = measured == null ? period : measured;
        check.emit(null, status, b.toString(), threshold, null, measured,
                () -> "Xác nhận " + check.attestation(key, true) + " cho " + Words.periodVi(said) + ": " + (b ? "có" : "không") + ", chỉ tiêu yêu cầu có: "
                        + status.vi() + ".",
                () -> "Attestation of \"" + check.attestation(key, false) + "\" for " + Words.periodEn(said) + ": "
                        + (b ? "yes" : "no") + ", against a target of yes: " + status.en() + ".");
    }

    /**
     * Ends the check: the attestation names a class at least as good as {@code least} on the scale
     * {@code bestFirst} (best first), such as
     * {@code rankedAtLeast("GOOD", "EXCELLENT", "GOOD", "FAIR", "AVERAGE", "POOR")}. Case is ignored; a
     * word not on the scale lacks data, and the message lists the scale.
     *
     * @throws IllegalArgumentException when {@code least} is not on the scale
     */
    public void rankedAtLeast(String least, String... bestFirst) {
        List<String> scale = Arrays.stream(bestFirst).map(w -> w.strip().toUpperCase(Locale.ROOT)).toList();
        int required = scale.indexOf(least.strip().toUpperCase(Locale.ROOT));
        if (required < 0) {
            throw new IllegalArgumentException("'" + least + "' is not on the scale " + String.join(" > ", scale));
        }
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.ATTESTATION, List.of(key))
                .rankedAtLeast(scale.get(required), scale));
        Period period = check.run.period();
        String threshold = ">= " + scale.get(required);
        Attestation found = find(period);
        if (found == null) {
            check.emit(null, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                    () -> "Chưa có xác nhận " + check.attestation(key, true) + " cho " + Words.periodVi(period) + ": thiếu dữ liệu.",
                    () -> "No attestation of \"" + check.attestation(key, false) + "\" was given for " + Words.periodEn(period)
                            + ": insufficient data.");
            return;
        }
        String word = found.value() instanceof String w ? w.strip().toUpperCase(Locale.ROOT) : null;
        int rank = word == null ? -1 : scale.indexOf(word);
        if (rank < 0) {
            check.emit(null, Status.INSUFFICIENT_DATA, String.valueOf(found.value()), threshold, null, null,
                    () -> "Xác nhận " + check.attestation(key, true) + " có giá trị '" + found.value() + "', không thuộc thang "
                            + String.join(" > ", scale.stream().map(w -> withWord(w, true)).toList()) + ": thiếu dữ liệu.",
                    () -> "The attestation of \"" + check.attestation(key, false) + "\" says '" + found.value()
                            + "', which is not on the scale "
                            + String.join(" > ", scale.stream().map(w -> withWord(w, false)).toList()) + ": insufficient data.");
            return;
        }
        boolean met = rank <= required;
        Status status = met ? Status.MET : Status.NOT_MET;
        check.emit(null, status, word, threshold, null, null,
                () -> "Xác nhận " + check.attestation(key, true) + " cho " + Words.periodVi(period) + ": "
                        + label(word, true) + ", chỉ tiêu từ " + label(scale.get(required), true) + " trở lên ("
                        + labels(scale.subList(0, required + 1), true) + "): " + (met ? status.vi() : status.vi()
                        + ", thấp hơn " + (rank - required) + " bậc") + ".",
                () -> "Attestation of \"" + check.attestation(key, false) + "\" for " + Words.periodEn(period) + ": "
                        + label(word, false) + ", against a target of " + label(scale.get(required), false)
                        + " or better (" + labels(scale.subList(0, required + 1), false) + "): " + (met ? status.en()
                        : status.en() + ", " + (rank - required) + " class" + (rank - required == 1 ? "" : "es")
                        + " short") + ".");
    }

    private String label(String word, boolean vi) {
        return check.rankedWord(key, word, vi);
    }

    /** A word of the scale as the facts must write it, after its label: "Tốt (GOOD)". */
    private String withWord(String word, boolean vi) {
        String label = label(word, vi);
        return label.equals(word) ? word : label + " (" + word + ")";
    }

    private String labels(List<String> words, boolean vi) {
        return String.join(", ", words.stream().map(w -> label(w, vi)).toList());
    }

    /**
     * The attestation for {@code period}, else an undated one, else, while the period has not ended
     * on the facts' date, the latest-ending one for a part of it (it stands in, not final).
     */
    private Attestation find(Period period) {
        Attestation undated = null;
        Attestation part = null;
        for (Attestation a : check.unit.attestations(key)) {
            if (period.equals(a.period())) {
                return a;
            }
            if (a.period() == null) {
                undated = a;
            } else if (period.contains(a.period()) && (part == null || a.period().end().isAfter(part.period().end()))) {
                part = a;
            }
        }
        if (undated != null || period.endedBy(check.run.asOf())) {
            return undated;
        }
        return part;
    }

    /** The part of {@code period} the attestation speaks for when it stands in for the period, else {@code null}. */
    private static Period measured(Attestation a, Period period) {
        return a.period() == null || a.period().equals(period) ? null : a.period();
    }
}
