// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;

/**
 * The dossier aggregation alone on Spark, timed (not a test: run by hand, see docs/performance.md).
 * {@code <dir> <master> <shuffle partitions> <runs>} reads {@code units.json} and {@code dossiers.parquet}
 * as {@link CountryBenchmark} writes them and aggregates them {@code runs} times, printing the wall time
 * and process CPU time of each run, the number of measurements and a checksum of their counts (the same before and after a change).
 */
public final class AggregationProbe {

    private AggregationProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SparkSession spark = SparkSession.builder().master(args[1]).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", args[2]).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        FactsDocument facts = ReformTargetsJson.readFacts(dir.resolve("units.json"));
        Dataset<Row> units = LocalSpark.units(facts); // in this session: getOrCreate returns it
        Dataset<Row> dossiers = spark.read().parquet(dir.resolve("dossiers.parquet").toString());
        String plan = ReformTargetsSpark.aggregateDossiers(units, dossiers, facts.asOf()).queryExecution().executedPlan()
                .toString();
        System.out.printf(Locale.ROOT, "the plan reads the dossiers %d time(s) and has %d shuffle(s)%n",
                plan.split("FileScan parquet", -1).length - 1, plan.split("Exchange ", -1).length - 1);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= Integer.parseInt(args[3]); run++) {
            long t = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            Row r = ReformTargetsSpark.aggregateDossiers(units, dossiers, facts.asOf())
                    .agg(functions.count(functions.lit(1)), functions.sum("numerator"), functions.sum("denominator"),
                            functions.sum(functions.hash(functions.col("unit"), functions.col("indicator"),
                                    functions.col("period"), functions.col("numerator"), functions.col("denominator"))
                                    .cast("long")))
                    .first();
            System.out.printf(Locale.ROOT, "run %d: %.1f s wall, %.1f s CPU (load average %.2f), %,d measurements,"
                    + " checksum %s/%s/%s%n", run, (System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                    os.getSystemLoadAverage(), r.getLong(0), r.get(1), r.get(2), r.get(3));
        }
        spark.stop();
    }
}
