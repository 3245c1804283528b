// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * The verdict on one target (chỉ tiêu) for one unit, period and, where the target is per field,
 * one field.
 *
 * @param target         target id, such as {@code hcm-agri/2021/on-time-per-field}
 * @param unit           id of the evaluated unit
 * @param period         the period the target is for
 * @param field          the field, for per-field targets; otherwise {@code null}
 * @param status         the verdict
 * @param isFinal        {@code false} while the period has not ended on the facts' {@code asOf}
 * @param actual         the measured figure as a decimal string (percent for ratios), or {@code null}
 * @param threshold      what the target asks, such as {@code >= 96}
 * @param gap            how many more successes, sub-units or periods were needed; 0 when met;
 *                       {@code null} where no count can say it
 * @param source         the source document and clause
 * @param message        one sentence each in Vietnamese and English explaining the verdict
 * @param measuredPeriod the span actually measured (January to the furthest month reported, such as
 *                       {@code 2021-01/2021-08}), when a year-to-date figure stood in for the year
 * @param rule           name of the rule that produced this result
 * @param outlook        what the rest of the year must bring, on a result that is not final; otherwise {@code null}
 * @param points         for a scored target (chấm điểm), the points given, exact value rounded half up to two
 *                       decimals for display ({@code "5.70"}); {@code null} for unscored targets and where no
 *                       points are given (not applicable, informational)
 * @param maxPoints      for a scored target, its maximum ({@code "6"}); {@code "0"} for an informational one;
 *                       {@code null} for unscored targets and unknown maxima
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"target", "unit", "period", "field", "status", "final", "actual", "threshold", "gap",
        "measuredPeriod", "outlook", "source", "message", "rule", "points", "maxPoints"})
@API(status = STABLE, since = "0.1")
public record TargetResult(String target, String unit, Period period, String field, Status status,
                           @JsonProperty("final") boolean isFinal, String actual, String threshold, Long gap,
                           Source source, Message message, Period measuredPeriod, String rule,
                           Outlook outlook, String points, String maxPoints) {

    /** The contract's order: by unit, then target id, then period, then field (no field first). */
    public static final Comparator<TargetResult> ORDER = Comparator
            .comparing(TargetResult::unit)
            .thenComparing(TargetResult::target)
            .thenComparing(TargetResult::period)
            .thenComparing(TargetResult::field, Comparator.nullsFirst(Comparator.naturalOrder()));
}
