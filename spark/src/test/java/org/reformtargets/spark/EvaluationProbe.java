// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;

/**
 * The 766 evaluation stage alone on Spark, timed (not a test: run by hand, see docs/performance.md).
 * {@code <dir> <master> <shuffle partitions> <runs>} reads {@code units.json} and {@code dossiers.parquet}
 * as {@code CountryBenchmark} writes them, aggregates them once into {@code <dir>/measurements.parquet}
 * (kept for later runs), holds the measurements in memory, then {@code runs} times evaluates and writes
 * the evaluation to {@code <dir>/evaluation-probe} and counts it, printing per run the wall time, the
 * process's CPU time, the JIT compilers' time, the collections and the bytes allocated (freed by the collections, plus the heap's growth); last, the counts and a
 * checksum of every column of the written table (the same before and after a change that keeps the
 * output).
 */
public final class EvaluationProbe {

    private EvaluationProbe() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SparkSession spark = SparkSession.builder().master(args[1]).config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", args[2]).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        FactsDocument facts = ReformTargetsJson.readFacts(dir.resolve("units.json"));
        LocalDate asOf = facts.asOf();
        Dataset<Row> units = LocalSpark.units(facts); // in this session: getOrCreate returns it
        Path saved = dir.resolve("measurements.parquet");
        if (!Files.exists(saved)) {
            Dataset<Row> dossiers = spark.read().parquet(dir.resolve("dossiers.parquet").toString());
            ReformTargetsSpark.aggregateDossiers(units, dossiers, asOf).write().parquet(saved.toString());
        }
        Dataset<Row> measurements = spark.read().parquet(saved.toString()).persist();
        long m = measurements.count();
        String out = dir.resolve("evaluation-probe").toString();
        // the trees per task, as repartition(n, root) spreads them (Murmur3 hash of the root, modulo n)
        System.out.println("trees per task: " + org.reformtargets.spark.internal.UnitTree.of(units).roots(spark)
                .select("root").distinct().groupBy(functions.pmod(functions.hash(functions.col("root")),
                        functions.lit(Integer.parseInt(args[2]))).as("task")).count().orderBy("task").collectAsList());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong freed = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                    long before = info.getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    long after = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    freed.addAndGet(before - after);
                }
            }, null, null);
        }
        SparkEvaluation e = null;
        for (int run = 1; run <= Integer.parseInt(args[3]); run++) {
            double load = os.getSystemLoadAverage();
            long allocated = freed.get() + used();
            long[] gc = gc();
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long t = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            e = ReformTargetsSpark.evaluate(units, measurements, null, null, "vn-766/2025", asOf).write(out);
            long results = e.results().count();
            long scores = e.scores().count();
            long problems = e.problems().count();
            long[] gcAfter = gc();
            System.out.printf(Locale.ROOT, "run %d: %.1f s wall, %.1f s CPU (load average %.2f -> %.2f), JIT %.1f s,"
                    + " %,d GCs %.1f s, %,d MB allocated; %,d measurements, %,d results, %,d scores, %,d problems%n", run,
                    (System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, load,
                    os.getSystemLoadAverage(), (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit)
                            / 1e3, gcAfter[0] - gc[0], (gcAfter[1] - gc[1]) / 1e3,
                    (freed.get() + used() - allocated) >> 20, m, results, scores, problems);
        }
        Dataset<Row> all = spark.read().parquet(out);
        Column[] cs = Arrays.stream(all.columns()).map(c -> functions.col("`" + c + "`")).toArray(Column[]::new);
        Row sum = all.agg(functions.count(functions.lit(1)), functions.sum(functions.xxhash64(cs).cast("decimal(38,0)")),
                functions.sum(functions.length(functions.col("message_vi"))),
                functions.sum(functions.length(functions.col("message_en")))).first();
        System.out.printf(Locale.ROOT, "output: %d rows, checksum %s, sentence characters %s / %s%n",
                sum.getLong(0), sum.get(1), sum.get(2), sum.get(3));
        spark.stop();
    }

    /** The heap in use now (allocated = freed by the collections + the growth of this). */
    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long[] gc() {
        long n = 0;
        long ms = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += b.getCollectionCount();
            ms += b.getCollectionTime();
        }
        return new long[] {n, ms};
    }
}
