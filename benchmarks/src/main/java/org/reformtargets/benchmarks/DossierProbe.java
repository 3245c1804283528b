// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Unit;
import org.reformtargets.core.dossier.Dossiers;
import org.reformtargets.testkit.DossierGenerator;

/**
 * Wall time and peak heap of aggregating a dossier export of N rows (the testkit's
 * {@link DossierGenerator}, a year of dossiers of a province with 10 departments and 40 communes)
 * into the 766-index measurements. The export is written to a temporary file first and the heap
 * collected, so that the figures are those of reading and aggregating alone; peak heap is sampled
 * every 2 ms.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.DossierProbe 1000000
 * </pre>
 * Arguments: rows (default 1000000), seed (default 1), repetitions (default 3).
 */
public final class DossierProbe {

    private DossierProbe() {
    }

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Unit> units = new ArrayList<>();
        units.add(Unit.root("p", "Tỉnh", Level.PROVINCE));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            units.add(new Unit("d" + i, "Sở " + i, Level.DEPARTMENT, "p"));
            ids.add("d" + i);
        }
        for (int i = 1; i <= 40; i++) {
            units.add(new Unit("c" + i, "Xã " + i, Level.COMMUNE, "p"));
            ids.add("c" + i);
        }
        FactsDocument facts = new FactsDocument(null, LocalDate.of(2026, 1, 15), units, null, null, null);
        Path file = Files.createTempFile("dossiers-", ".csv");
        try {
            long t0 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DossierGenerator(seed, ids, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).write(w, rows);
            }
            System.out.printf(Locale.ROOT, "export           %,d rows, %,d MB, written in %,d ms%n", rows,
                    Files.size(file) >> 20, (System.nanoTime() - t0) / 1_000_000);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int r = 1; r <= repetitions; r++) {
                System.gc();
                Thread.sleep(200);
                long before = memory.getHeapMemoryUsage().getUsed();
                Sampler sampler = new Sampler(memory);
                sampler.start();
                long start = System.nanoTime();
                FactsDocument out = Dossiers.aggregate(facts, file);
                long ms = (System.nanoTime() - start) / 1_000_000;
                sampler.interrupt();
                sampler.join();
                System.out.printf(Locale.ROOT, "run %d            %,d ms (%,d rows/s), %,d measurements, "
                                + "peak heap %,d MB (%,d MB before), max %,d MB%n", r, ms, rows * 1000 / Math.max(1, ms),
                        out.measurements().size(), sampler.peak >> 20, before >> 20,
                        memory.getHeapMemoryUsage().getMax() >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final class Sampler extends Thread {
        private final MemoryMXBean memory;
        volatile long peak;

        Sampler(MemoryMXBean memory) {
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    break;
                }
            }
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }
}
