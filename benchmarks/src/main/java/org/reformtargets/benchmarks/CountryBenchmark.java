// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Unit;
import org.reformtargets.spark.ReformTargetsSpark;
import org.reformtargets.spark.SparkEvaluation;
import org.reformtargets.testkit.DossierGenerator;

/**
 * The 766 index of a country on Apache Spark in local mode (issue 16): dossiers aggregated into the
 * §8 measurements and scored, timed, with the driver's heap. Spark is not in the benchmark jar (it is
 * {@code provided}): run it with the class path of docs/performance.md.
 *
 * <ul>
 *   <li>{@code generate <dir> <rows> [strings]} writes {@code units.json}, a country-shaped tree (63 provinces, 20
 *       departments and 159 communes each: 11,340 units), and {@code dossiers.parquet}, {@code rows}
 *       dossiers of the testkit's {@link DossierGenerator} received January to September 2025 at the
 *       departments and communes, with typed columns as a one-stop system's export to Parquet has them
 *       (flags boolean, counts int, times {@code timestamp_ntz}), or every column text as in the CSV
 *       ({@code strings}). Not timed as part of the benchmark; done once.</li>
 *   <li>{@code score <dir> <master>} (such as {@code local[2]}) reads them, aggregates the dossiers
 *       ({@link ReformTargetsSpark#aggregateDossiers}), scores the 766 index ({@link ReformTargetsSpark#evaluate})
 *       and writes the evaluation once to {@code <dir>/evaluation} ({@link SparkEvaluation#write}), counts
 *       what was written, and prints, after the session has started, the wall time of each step, the
 *       process's CPU time, and the driver's heap: the peak used (sampled every 20 ms, garbage included)
 *       and the peak left after a collection (the live data, the figure to size {@code -Xmx} by). In local
 *       mode the driver and the executor are one JVM. Issue 16's figures are measured with
 *       {@code -Xmx4g -XX:+UseParallelGC} (docs/performance.md).</li>
 * </ul>
 */
public final class CountryBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
    static final String RULE_SET = "vn-766/2025";

    private static final StructType UNITS = new StructType().add("id", DataTypes.StringType)
            .add("name", DataTypes.StringType).add("level", DataTypes.StringType).add("parent", DataTypes.StringType);

    private CountryBenchmark() {
    }

    /** {@code generate <dir> <rows> [strings]} or {@code score <dir> <master>}. */
    public static void main(String[] args) throws Exception {
        boolean generating = args.length >= 3 && args[0].equals("generate");
        if (!(generating && (args.length == 3 || args.length == 4 && args[3].equals("strings"))
                || args.length == 3 && args[0].equals("score"))) {
            System.err.println("usage: CountryBenchmark generate <dir> <rows> [strings] | score <dir> <master>");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (generating) {
            generate(dir, Long.parseLong(args[2].replace("_", "")), args.length == 4);
        } else {
            score(dir, args[2]);
        }
    }

    /** The columns written typed (unless {@code strings}): flags as booleans, whole numbers as ints, times as {@code timestamp_ntz}. */
    private static final java.util.Map<String, org.apache.spark.sql.types.DataType> TYPED = typed();

    private static java.util.Map<String, org.apache.spark.sql.types.DataType> typed() {
        java.util.Map<String, org.apache.spark.sql.types.DataType> t = new java.util.HashMap<>();
        for (String c : List.of("requires_document_result", "full_online_eligible", "is_full_online", "synced_to_dvcqg",
                "fee_nonzero", "has_component_file", "reused_digitised", "from_personal_store", "vneid_authenticated",
                "complaint_or_dislike")) {
            t.put(c, DataTypes.BooleanType);
        }
        for (String c : List.of("supplement_request_count", "supplement_days", "processing_time", "legal_max_time",
                "channel", "online_payment")) {
            t.put(c, DataTypes.IntegerType);
        }
        for (String c : List.of("submitted_at", "received_at", "processing_end_at")) {
            t.put(c, DataTypes.TimestampNTZType);
        }
        return t; // due_at, a date, stays its ISO text: Spark's java.sql.Date needs a zone
    }

    /** A generated value (text) as its column's type; {@code null} for an empty one. */
    private static Object typed(org.apache.spark.sql.types.DataType type, String text) {
        if (type == DataTypes.StringType) {
            return text;
        }
        if (type == DataTypes.BooleanType) {
            return text.equals("1"); // the generator writes 0 or 1
        }
        if (text.isEmpty()) {
            return null;
        }
        return type == DataTypes.IntegerType ? (Object) Integer.valueOf(text) : java.time.LocalDateTime.parse(text);
    }

    static void generate(Path dir, long rows, boolean strings) throws IOException {
        Files.createDirectories(dir);
        List<Unit> units = CountryUnits.country();
        FactsDocument facts = new FactsDocument(RULE_SET, AS_OF, units, List.of(), List.of(), List.of());
        Files.writeString(dir.resolve("units.json"), ReformTargetsJson.writeFacts(facts));
        List<String> offices = units.stream().filter(u -> u.parent() != null).map(Unit::id).toList();
        SparkSession spark = session("local[2]");
        int parts = (int) Math.max(2, Math.min(400, rows / 250_000));
        StructType schema = new StructType();
        for (String c : DossierGenerator.COLUMNS) {
            schema = schema.add(c, strings ? DataTypes.StringType : TYPED.getOrDefault(c, DataTypes.StringType));
        }
        org.apache.spark.sql.types.DataType[] types = java.util.Arrays.stream(schema.fields())
                .map(org.apache.spark.sql.types.StructField::dataType).toArray(org.apache.spark.sql.types.DataType[]::new);
        long t = System.nanoTime();
        FlatMapFunction<Long, Row> gen = part -> {
            long first = rows * part / parts;
            long count = rows * (part + 1) / parts - first;
            DossierGenerator g = new DossierGenerator(1000 + part, offices, LocalDate.of(2025, 1, 1), AS_OF);
            return new Iterator<>() {
                long left = count;

                @Override
                public boolean hasNext() {
                    return left > 0;
                }

                @Override
                public Row next() {
                    left--;
                    Object[] v = g.next().values().toArray();
                    v[0] = "P" + part + "-" + v[0]; // ids unique across partitions
                    for (int i = 1; i < v.length; i++) {
                        v[i] = typed(types[i], (String) v[i]);
                    }
                    return RowFactory.create(v);
                }
            };
        };
        spark.range(0, parts, 1, parts).as(Encoders.LONG()).flatMap(gen, Encoders.row(schema))
                .write().mode(SaveMode.Overwrite).parquet(dir.resolve("dossiers.parquet").toString());
        System.out.printf(Locale.ROOT, "generated %,d dossiers (%s) in %d files in %.1f s%n", rows,
                strings ? "every column text" : "typed columns", parts, (System.nanoTime() - t) / 1e9);
        spark.stop();
    }

    static void score(Path dir, String master) {
        Heap heap = new Heap();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        SparkSession spark = session(master);
        FactsDocument facts = ReformTargetsJson.readFacts(dir.resolve("units.json"));
        List<Row> rows = new ArrayList<>();
        for (Unit u : facts.units()) {
            rows.add(RowFactory.create(u.id(), u.name(), u.level().toString(), u.parent()));
        }
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        Dataset<Row> units = spark.createDataFrame(rows, UNITS);
        Dataset<Row> dossiers = spark.read().parquet(dir.resolve("dossiers.parquet").toString());
        Dataset<Row> measurements = ReformTargetsSpark.aggregateDossiers(units, dossiers, facts.asOf()).persist();
        long m = measurements.count();
        long t2 = System.nanoTime();
        long cpu2 = os.getProcessCpuTime();
        // one pass: each tree evaluated once and written as it comes; the counts are read from the files
        SparkEvaluation e = ReformTargetsSpark.evaluate(units, measurements, null, null, RULE_SET, facts.asOf())
                .write(dir.resolve("evaluation").toString());
        long results = e.results().count();
        long scores = e.scores().count();
        long problems = e.problems().count();
        long t3 = System.nanoTime();
        long cpu3 = os.getProcessCpuTime();
        heap.stop();
        System.out.printf(Locale.ROOT, "%s, %,d dossiers (load average %.2f at the end)%n", master, dossiers.count(),
                os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  session and units      %6.1f s%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "  aggregation            %6.1f s wall, %6.1f s CPU: %,d measurements%n",
                (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9, m);
        System.out.printf(Locale.ROOT, "  evaluation             %6.1f s wall, %6.1f s CPU: %,d results, %,d scores, "
                + "%,d problems%n", (t3 - t2) / 1e9, (cpu3 - cpu2) / 1e9, results, scores, problems);
        System.out.printf(Locale.ROOT, "  aggregated and scored  %6.1f s wall, %6.1f s CPU%n", (t3 - t1) / 1e9,
                (cpu3 - cpu1) / 1e9);
        System.out.printf(Locale.ROOT, "  driver heap            peak used %,d MB, peak after a collection %,d MB,"
                + " max %,d MB%n", heap.used.get() >> 20, heap.live.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        spark.stop();
        if (m == 0 || results == 0 || problems > 0) {
            throw new IllegalStateException("nothing measured, nothing scored, or problems in the facts");
        }
    }

    private static SparkSession session(String master) {
        SparkSession spark = SparkSession.builder().master(master).appName("country-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The heap's peaks: used, sampled every 20 ms, and left after each collection. */
    private static final class Heap {
        final AtomicLong used = new AtomicLong();
        final AtomicLong live = new AtomicLong();
        private final Thread sampler;

        Heap() {
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(p -> heapPools.contains(p.getKey()))
                                .mapToLong(p -> p.getValue().getUsed()).sum();
                        live.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                    used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            sampler.interrupt();
        }
    }
}
