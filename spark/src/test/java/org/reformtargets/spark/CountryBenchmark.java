// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Unit;
import org.reformtargets.testkit.DossierGenerator;

/**
 * The 766 index for a country-shaped tree on Spark (not a test: run by hand, see docs/performance.md).
 * {@code generate <dir> <rows>} writes {@code units.json} (63 provinces, 20 departments and 159
 * communes each: 11,340 units) and {@code dossiers.parquet} (received January to September 2025);
 * {@code score <dir> <master>} aggregates and scores them and prints the wall time and the peak heap.
 */
public final class CountryBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

    private CountryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(dir, Long.parseLong(args[2]));
        } else {
            score(dir, args[2]);
        }
    }

    static List<Unit> country() {
        List<Unit> units = new ArrayList<>();
        for (int p = 1; p <= 63; p++) {
            String province = String.format(Locale.ROOT, "p%02d", p);
            units.add(Unit.root(province, "Tỉnh " + p, Level.PROVINCE));
            for (int d = 1; d <= 20; d++) {
                units.add(new Unit(province + "-so" + d, "Sở " + d, Level.DEPARTMENT, province));
            }
            for (int c = 1; c <= 159; c++) {
                units.add(new Unit(province + "-xa" + c, "Xã " + c, Level.COMMUNE, province));
            }
        }
        return units;
    }

    static void generate(Path dir, long rows) throws IOException {
        Files.createDirectories(dir);
        List<Unit> units = country();
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, units, List.of(), List.of(), List.of());
        Files.writeString(dir.resolve("units.json"), ReformTargetsJson.writeFacts(facts));
        List<String> offices = units.stream().filter(u -> u.parent() != null).map(Unit::id).toList();
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int parts = 40;
        long per = rows / parts;
        StructType schema = new StructType();
        for (String c : DossierGenerator.COLUMNS) {
            schema = schema.add(c, DataTypes.StringType);
        }
        long t = System.nanoTime();
        org.apache.spark.api.java.function.FlatMapFunction<Long, Row> gen = part -> {
            DossierGenerator g = new DossierGenerator(1000 + part, offices, LocalDate.of(2025, 1, 1), AS_OF);
            return new Iterator<>() {
                long left = per;

                @Override
                public boolean hasNext() {
                    return left > 0;
                }

                @Override
                public Row next() {
                    left--;
                    Row r = RowFactory.create(g.next().values().toArray());
                    // ids unique across partitions
                    Object[] v = new Object[r.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.get(i);
                    }
                    v[0] = "P" + part + "-" + v[0];
                    return RowFactory.create(v);
                }
            };
        };
        spark.range(0, parts, 1, parts).as(Encoders.LONG()).flatMap(gen, Encoders.row(schema))
                .write().mode(SaveMode.Overwrite).parquet(dir.resolve("dossiers.parquet").toString());
        System.out.printf(Locale.ROOT, "generated %,d dossiers in %.1f s%n", per * parts, (System.nanoTime() - t) / 1e9);
        spark.stop();
    }

    static void score(Path dir, String master) {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        long t1 = System.nanoTime();
        FactsDocument facts = ReformTargetsJson.readFacts(dir.resolve("units.json"));
        List<Row> rows = new ArrayList<>();
        for (Unit u : facts.units()) {
            rows.add(RowFactory.create(u.id(), u.name(), u.level().toString(), u.parent()));
        }
        Dataset<Row> units = spark.createDataFrame(rows, LocalSpark.UNITS);
        Dataset<Row> dossiers = spark.read().parquet(dir.resolve("dossiers.parquet").toString());
        Dataset<Row> measurements = ReformTargetsSpark.aggregateDossiers(units, dossiers, facts.asOf()).persist();
        long m = measurements.count();
        long t2 = System.nanoTime();
        SparkEvaluation e = ReformTargetsSpark.evaluate(units, measurements, null, null, "vn-766/2025", facts.asOf());
        long results = e.results().count();
        long scores = e.scores().count();
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: session %.1f s, aggregation %.1f s (%,d measurements), evaluation %.1f s "
                        + "(%,d results, %,d scores); total after session %.1f s; peak heap used %,d MB (max %,d MB)%n",
                master, (t1 - t0) / 1e9, (t2 - t1) / 1e9, m, (t3 - t2) / 1e9, results, scores, (t3 - t1) / 1e9,
                peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        spark.stop();
        if (m == 0) {
            throw new UncheckedIOException(new IOException("no measurements"));
        }
    }
}
