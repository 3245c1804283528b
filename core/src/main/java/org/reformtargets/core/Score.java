// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The points (điểm) of one unit for one period under a points-scoring rule set, such as the 766
 * index: the total, its maximum, each group's points, and where the next points are cheapest.
 * Totals are computed exactly and shown rounded half up to two decimals; {@code exactTotal} keeps
 * the exact fraction.
 *
 * @param unit       the unit's id
 * @param period     the scored period
 * @param total      the points, rounded half up to two decimals ({@code "86.20"})
 * @param maxTotal   the maximum the total is out of ({@code "100"}; less where targets were excluded at the unit's level)
 * @param exactTotal the total as an exact fraction in lowest terms ({@code "431/5"}, {@code "18"})
 * @param complete   {@code false} when a scored target lacked its measurement (it counted 0 and is named in {@code missing})
 * @param groups     points per group, rounded half up to two decimals, in the rule set's group order
 * @param missing    the targets whose measurement was missing; empty when complete
 * @param gains      at most three targets where the fewest further successful cases gain the most points
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"unit", "period", "total", "maxTotal", "exactTotal", "complete", "groups", "missing", "gains"})
@API(status = EXPERIMENTAL, since = "0.1")
public record Score(String unit, Period period, String total, String maxTotal, String exactTotal,
                    @JsonInclude(JsonInclude.Include.ALWAYS) boolean complete, Map<String, String> groups,
                    List<String> missing, List<Gain> gains) {

    /** By unit, then period. */
    public static final Comparator<Score> ORDER = Comparator.comparing(Score::unit).thenComparing(Score::period);

    @JsonCreator
    public Score {
        groups = groups == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        missing = missing == null ? List.of() : List.copyOf(missing);
        gains = gains == null ? List.of() : List.copyOf(gains);
    }

    /**
     * Further successful cases that would bring one target to its full points, with what they gain.
     *
     * @param target  the target id
     * @param cases   how many more successful cases, the denominator unchanged
     * @param points  the points they gain, rounded half up to two decimals
     * @param message the advice in both languages ("12 more dossiers with an electronic result: +0.45")
     */
    @JsonPropertyOrder({"target", "cases", "points", "message"})
    public record Gain(String target, long cases, String points, Message message) {
    }
}
