// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.reformtargets.spark.internal.TreeEvaluation;

/**
 * What {@link ReformTargetsSpark#evaluate} returns: three views of one evaluation. All values are strings
 * as in the JSON contract.
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
 *
 * <p>Two ways to use it. <b>In memory</b>: the first use of a view persists the evaluation (memory and
 * disk, {@link #unpersist()} frees it), so that the three views come from one evaluation; the whole output
 * (results carry two sentences each) then lives in the executors' storage memory, which suits small and
 * medium outputs. <b>Written</b>: {@link #write(String)} evaluates each tree once and writes the output
 * straight to Parquet, holding nothing; the evaluation it returns (or {@link #read(SparkSession, String)}
 * later) reads the views back from the files. Use it for a country's output (millions of results).
 */
public final class SparkEvaluation {

    private final Dataset<Row> all;
    private final boolean written;
    private boolean persisted;

    SparkEvaluation(Dataset<Row> all) {
        this(all, false);
    }

    private SparkEvaluation(Dataset<Row> all, boolean written) {
        this.all = all;
        this.written = written;
    }

    /**
     * The evaluation written by {@link #write(String)} to {@code directory}, read back: its views read the
     * Parquet files (only the columns they need, filtered by kind).
     */
    public static SparkEvaluation read(SparkSession spark, String directory) {
        return new SparkEvaluation(spark.read().schema(TreeEvaluation.OUTPUT).parquet(directory), true);
    }

    /**
     * Evaluates (each tree once, unless a view already persisted the evaluation) and writes the output to
     * {@code directory} as one Parquet table, replacing what was there: a row per result, score and problem,
     * told apart by the column {@code kind} ({@code result}, {@code score}, {@code problem}), with the columns
     * of all three views (a view's own columns are filled, the others null). Each task writes its rows as
     * they come (the table is not partitioned by kind: that would make every task sort, so hold, its whole
     * output first). The two sentence columns are written plainly, without a dictionary or statistics (they
     * are nearly unique per row). Read it with {@link #read(SparkSession, String)}, or with
     * {@code spark.read().parquet(directory)}, {@code kind = 'result'} and the columns of {@link #results()}.
     *
     * @return the written evaluation, read back from {@code directory}
     */
    public SparkEvaluation write(String directory) {
        var writer = all.write().mode(SaveMode.Overwrite);
        // the two sentences are nearly unique per row: a dictionary, min/max statistics and size statistics
        // of them cost the writing tasks CPU and save nothing (nobody filters on a sentence)
        for (String sentence : new String[] {"message_vi", "message_en"}) {
            writer = writer.option("parquet.enable.dictionary#" + sentence, "false")
                    .option("parquet.column.statistics.enabled#" + sentence, "false")
                    .option("parquet.size.statistics.enabled#" + sentence, "false");
        }
        writer.parquet(directory);
        return read(all.sparkSession(), directory);
    }

    /** The results, one row per target, unit, period and field. */
    public Dataset<Row> results() {
        return of("result").select("target", "unit", "period", "field", "status", "final",
                "actual", "threshold", "gap", "measuredPeriod", "points", "maxPoints", "message_vi", "message_en", "rule");
    }

    /** The score records, one per unit and period. */
    public Dataset<Row> scores() {
        return of("score").select("unit", "period", "total", "maxTotal", "exactTotal",
                "complete", "groups", "missing");
    }

    /** The problems of trees whose facts break the contract (their units have no results). */
    public Dataset<Row> problems() {
        return of("problem").select(col("unit"), col("message_en").as("message"));
    }

    /** Frees the persisted evaluation, if a view persisted it (a written one is never persisted). */
    public synchronized void unpersist() {
        if (persisted) {
            all.unpersist();
            persisted = false;
        }
    }

    private synchronized Dataset<Row> of(String kind) {
        if (!written && !persisted) {
            all.persist(StorageLevel.MEMORY_AND_DISK());
            persisted = true;
        }
        return all.where(col("kind").equalTo(kind));
    }
}
