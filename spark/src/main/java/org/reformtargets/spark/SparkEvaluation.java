// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What {@link ReformTargetsSpark#evaluate} returns: three views of one evaluation, which is computed once
 * (persisted, memory and disk) when the first is used. All values are strings as in the JSON contract.
 *
 * <ul>
 *   <li>{@link #results()}: {@code target, unit, period, field, status, final, actual, threshold, gap,
 *       measuredPeriod, points, maxPoints, message_vi, message_en, rule}</li>
 *   <li>{@link #scores()}: {@code unit, period, total, maxTotal, exactTotal, complete}, {@code groups} (an array
 *       of {@code (group, points)} in the rule set's group order), {@code missing} (an array of target ids);
 *       empty for a rule set without points</li>
 *   <li>{@link #problems()}: {@code unit} (the root of the tree that could not be evaluated), {@code message}
 *       (one problem of its facts, located): empty when the facts keep the contract</li>
 * </ul>
 */
public final class SparkEvaluation {

    private final Dataset<Row> all;

    SparkEvaluation(Dataset<Row> all) {
        this.all = all.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The results, one row per target, unit, period and field. */
    public Dataset<Row> results() {
        return all.where(col("kind").equalTo("result")).select("target", "unit", "period", "field", "status", "final",
                "actual", "threshold", "gap", "measuredPeriod", "points", "maxPoints", "message_vi", "message_en", "rule");
    }

    /** The score records, one per unit and period. */
    public Dataset<Row> scores() {
        return all.where(col("kind").equalTo("score")).select("unit", "period", "total", "maxTotal", "exactTotal",
                "complete", "groups", "missing");
    }

    /** The problems of trees whose facts break the contract (their units have no results). */
    public Dataset<Row> problems() {
        return all.where(col("kind").equalTo("problem")).select(col("unit"), col("message_en").as("message"));
    }

    /** Frees the persisted evaluation. */
    public void unpersist() {
        all.unpersist();
    }
}
