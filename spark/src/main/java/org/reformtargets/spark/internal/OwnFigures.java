// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The units' own figures applied to the figures summed from dossiers, as the core's aggregation does
 * ({@code Dossiers.aggregate}): where the facts give a unit's own ratio (no field) for an indicator and
 * period, that is its figure, and the units above it count it in place of what its sub-tree's dossiers
 * gave. On the summed figures: each unit {@code a} gets, for every unit {@code d} below it with a figure
 * of its own and no such unit between them, {@code d}'s figure minus {@code d}'s summed figure (the
 * sub-trees of those units are disjoint, so nothing is taken twice). Only the own figures and their
 * ancestors are joined: small next to the dossiers.
 */
public final class OwnFigures {

    private OwnFigures() {
    }

    /**
     * @param summed       {@code unit, indicator, period, numerator, denominator}: every unit's figure summed
     *                     from its sub-tree's dossiers
     * @param measurements the facts' measurements (the measurement contract's columns)
     * @param closure      {@link UnitTree#CLOSURE}
     * @return {@code summed} with the own figures applied, without the units' own figures themselves
     */
    public static Dataset<Row> apply(Dataset<Row> summed, Dataset<Row> measurements, Dataset<Row> closure) {
        Dataset<Row> own = measurements.where(col("field").isNull().and(col("unit").isNotNull())
                        .and(col("indicator").isNotNull()).and(col("period").isNotNull()))
                .select(col("unit").cast("string").as("o_unit"), col("indicator").cast("string").as("o_indicator"),
                        col("period").cast("string").as("o_period"),
                        coalesce(col("numerator").cast("long"), lit(0L)).as("o_num"),
                        coalesce(col("denominator").cast("long"), lit(0L)).as("o_den"))
                .dropDuplicates("o_unit", "o_indicator", "o_period");
        Dataset<Row> up = functions.broadcast(closure.where(col("distance").gt(0)));
        // each own figure with every unit above it
        Dataset<Row> above = own.join(up, own.col("o_unit").equalTo(up.col("unit")))
                .select(col("o_unit"), col("o_indicator"), col("o_period"), col("o_num"), col("o_den"),
                        col("ancestor"), col("distance"));
        // the nearest unit above with an own figure for the same indicator and period: the figure goes no further
        Dataset<Row> blockers = own.select(col("o_unit").as("b_unit"), col("o_indicator").as("b_indicator"),
                col("o_period").as("b_period"));
        Dataset<Row> nearest = above.join(blockers, col("ancestor").equalTo(col("b_unit"))
                        .and(col("o_indicator").equalTo(col("b_indicator"))).and(col("o_period").equalTo(col("b_period"))))
                .groupBy(col("o_unit").as("n_unit"), col("o_indicator").as("n_indicator"), col("o_period").as("n_period"))
                .agg(min(col("distance")).as("limit"));
        Dataset<Row> reach = above.join(nearest, col("o_unit").equalTo(col("n_unit"))
                        .and(col("o_indicator").equalTo(col("n_indicator"))).and(col("o_period").equalTo(col("n_period"))),
                        "left")
                .where(col("limit").isNull().or(col("distance").lt(col("limit"))));
        Dataset<Row> summedBelow = summed.select(col("unit").as("s_unit"), col("indicator").as("s_indicator"),
                col("period").as("s_period"), col("numerator").as("s_num"), col("denominator").as("s_den"));
        Dataset<Row> corrections = reach.join(summedBelow, col("o_unit").equalTo(col("s_unit"))
                        .and(col("o_indicator").equalTo(col("s_indicator"))).and(col("o_period").equalTo(col("s_period"))),
                        "left")
                .groupBy(col("ancestor").as("c_unit"), col("o_indicator").as("c_indicator"), col("o_period").as("c_period"))
                .agg(sum(col("o_num").minus(coalesce(col("s_num"), lit(0L)))).as("c_num"),
                        sum(col("o_den").minus(coalesce(col("s_den"), lit(0L)))).as("c_den"));
        Column sameCorrection = col("unit").equalTo(col("c_unit")).and(col("indicator").equalTo(col("c_indicator")))
                .and(col("period").equalTo(col("c_period")));
        Column sameOwn = col("unit").equalTo(col("o_unit")).and(col("indicator").equalTo(col("o_indicator")))
                .and(col("period").equalTo(col("o_period")));
        return summed.join(corrections, sameCorrection, "left")
                .join(own, sameOwn, "left_anti")
                .select(col("unit"), col("indicator"), col("period"),
                        col("numerator").plus(coalesce(col("c_num"), lit(0L))).cast("long").as("numerator"),
                        col("denominator").plus(coalesce(col("c_den"), lit(0L))).cast("long").as("denominator"));
    }
}
