// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * A measured figure of one unit for one period (số liệu): either a ratio of whole counts
 * ({@code numerator} of {@code denominator}) or a plain {@code value}.
 *
 * @param unit        id of the measured unit
 * @param indicator   indicator code, declared in the rule set's {@link Vocabulary}
 * @param field       the field (lĩnh vực) it is restricted to, or {@code null} for the unit's total
 * @param period      the period measured
 * @param numerator   cases that count as success, for a ratio; otherwise {@code null}
 * @param denominator all cases, for a ratio; otherwise {@code null}
 * @param value       the figure, for a value indicator; otherwise {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"unit", "indicator", "field", "period", "numerator", "denominator", "value"})
@API(status = STABLE, since = "0.1")
public record Measurement(String unit, String indicator, String field, Period period,
                          Long numerator, Long denominator, BigDecimal value) {

    /** A ratio: {@code numerator} successes out of {@code denominator} cases. */
    public static Measurement ratio(String unit, String indicator, String field, Period period,
                                    long numerator, long denominator) {
        return new Measurement(unit, indicator, field, period, numerator, denominator, null);
    }

    /** A plain value, such as a headcount or a number of procedures. */
    public static Measurement value(String unit, String indicator, String field, Period period, BigDecimal value) {
        return new Measurement(unit, indicator, field, period, null, null, value);
    }

    /** Whether this is a ratio rather than a value. */
    @JsonIgnore
    public boolean isRatio() {
        return numerator != null || denominator != null;
    }
}
