// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Unit;

/**
 * Scores the 766 index from a dossier export: reads the units (a facts JSON document: its
 * {@code ruleSet}, {@code asOf} and {@code units}) and the dossiers (CSV with a header, or Parquet: a
 * path ending in {@code .parquet}), aggregates and evaluates on Spark, writes the evaluation once as
 * Parquet to {@code evaluation} under the output directory ({@link SparkEvaluation#write}: one table,
 * results, scores and problems told apart by the column {@code kind}; read it back with
 * {@link SparkEvaluation#read}) and prints a summary read from what was written.
 *
 * <pre>
 * java -cp "$CP" org.reformtargets.spark.Score766Job units.json dossiers.csv out/
 * spark-submit --class org.reformtargets.spark.Score766Job --master yarn ... units.json dossiers.parquet out/
 * </pre>
 * Without a master (plain {@code java}), it runs in local mode on every core. Exit status 0 when scored,
 * 1 when the export has invalid dossiers (the first 20 are printed), 2 on wrong arguments.
 */
public final class Score766Job {

    private Score766Job() {
    }

    /** Runs the job; see the class comment for the arguments. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Score766Job <units.json> <dossiers.csv|dossiers.parquet> <output directory>");
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("reform-targets 766");
        if (System.getProperty("spark.master") == null) {
            // local mode: every core, and as many shuffle partitions as a few per core (not Spark's 200)
            int cores = Runtime.getRuntime().availableProcessors();
            builder.master("local[*]").config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", Integer.toString(4 * cores));
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int status;
        try {
            status = run(spark, Path.of(args[0]), args[1], args[2]);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /** Aggregates, evaluates and writes; returns the exit status. */
    static int run(SparkSession spark, Path unitsJson, String dossiersPath, String out) {
        long start = System.nanoTime();
        FactsDocument facts = ReformTargetsJson.readFacts(unitsJson);
        Dataset<Row> units = units(spark, facts);
        Dataset<Row> dossiers = dossiersPath.endsWith(".parquet")
                ? spark.read().parquet(dossiersPath)
                : spark.read().option("header", "true").option("escape", "\"").csv(dossiersPath);
        List<Row> rejected = ReformTargetsSpark.rejectedDossiers(units, dossiers, facts.asOf()).limit(20).collectAsList();
        if (!rejected.isEmpty()) {
            System.err.println("The export has invalid dossiers; nothing was scored. The first ones:");
            for (Row r : rejected) {
                System.err.println("  " + r.getString(0) + ", " + r.getString(1) + ": " + r.getString(2));
            }
            return 1;
        }
        // the units document's own measurements stand for their units' dossiers, as in the plain-Java path
        Dataset<Row> own = ReformTargetsSpark.measurements(spark, facts.measurements());
        Dataset<Row> measurements = ReformTargetsSpark.aggregateDossiers(units, dossiers, own, facts.asOf())
                .unionByName(own);
        // one pass: each tree evaluated once, its output written as it comes; the summary reads the files
        SparkEvaluation e = ReformTargetsSpark.evaluate(units, measurements, null, null, facts.ruleSet(), facts.asOf())
                .write(out + "/evaluation");
        List<Row> problems = e.problems().limit(20).collectAsList();
        for (Row p : problems) {
            System.err.println("not evaluated (tree " + p.getString(0) + "): " + p.getString(1));
        }
        System.out.println("Scored " + facts.ruleSet() + " as of " + facts.asOf() + " in "
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9) + " s; written to " + out
                + "/evaluation");
        for (Row r : e.results().groupBy("status").count().orderBy("status").collectAsList()) {
            System.out.println(String.format(Locale.ROOT, "  %-18s %,d results", r.getString(0), r.getLong(1)));
        }
        List<String> roots = facts.units().stream().filter(u -> u.parent() == null).map(Unit::id).limit(10).toList();
        for (Row r : e.scores().where(col("unit").isin(roots.toArray()))
                .orderBy(col("unit"), col("period")).collectAsList()) {
            System.out.println(String.format(Locale.ROOT, "  %-24s %-8s %6s of %s%s", r.getString(0), r.getString(1),
                    r.getString(2), r.getString(3), r.getBoolean(5) ? "" : " (incomplete)"));
        }
        return problems.isEmpty() ? 0 : 1;
    }

    private static Dataset<Row> units(SparkSession spark, FactsDocument facts) {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("level", DataTypes.StringType).add("parent", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (Unit u : facts.units()) {
            rows.add(RowFactory.create(u.id(), u.name(), u.level() == null ? null : u.level().toString(), u.parent()));
        }
        return spark.createDataFrame(rows, schema);
    }
}
