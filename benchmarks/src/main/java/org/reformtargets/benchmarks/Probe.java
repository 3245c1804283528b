// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/**
 * Wall time and peak heap of one end-to-end evaluation of a {@link NationalFacts} document of N
 * units: load the rule set, read the facts' JSON from a file, evaluate, write the results' JSON to
 * a null stream. The document is generated and written to a temporary file first, then dropped
 * and the heap collected, so that the figures are those of the evaluation alone. Peak heap is the
 * largest heap use seen by a thread sampling {@link MemoryMXBean} every 2 ms, and the sum of the
 * heap pools' peaks (an upper bound); collections are counted from the collector beans.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.Probe 100000
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.Probe 100000 reference
 * </pre>
 * Arguments: units (default 100000), {@code rules} or {@code reference} (default {@code rules}),
 * seed (default 1).
 */
public final class Probe {

    private Probe() {
    }

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        boolean reference = args.length > 1 && args[1].equals("reference");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;

        Path file = Files.createTempFile("national-facts-", ".json");
        int facts = writeDocument(units, seed, file);
        long bytes = Files.size(file);
        System.gc();
        System.gc();
        Thread.sleep(200);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = memory.getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] gcBefore = gc();
        Sampler sampler = new Sampler(memory);
        sampler.start();

        long t0 = System.nanoTime();
        RuleSet rules = reference ? null : RuleSet.load("hcm-agri/2021");
        long t1 = System.nanoTime();
        FactsDocument read;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read = ReformTargetsJson.readFacts(in, file.toString());
        }
        long t2 = System.nanoTime();
        int results;
        long t3;
        if (reference) {
            List<ReferenceEvaluator.Result> r = ReferenceEvaluator.evaluate(read);
            t3 = System.nanoTime();
            JsonMapper.builder().build().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(OutputStream.nullOutputStream(), r);
            results = r.size();
        } else {
            // evaluated and written as the results come, as the CLI does: the write is part of "evaluate"
            results = ReformTargetsJson.writeEvaluation(rules, read, java.util.concurrent.ForkJoinPool.commonPool(),
                    OutputStream.nullOutputStream()).values().stream().mapToInt(Integer::intValue).sum();
            t3 = System.nanoTime();
        }
        long t4 = System.nanoTime();
        sampler.stop = true;
        sampler.join();
        long[] gcAfter = gc();
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Files.deleteIfExists(file);

        System.out.printf(Locale.ROOT, "evaluator        %s%n", reference ? "reference (plain Java)" : "rule set hcm-agri/2021");
        System.out.printf(Locale.ROOT, "units            %,d%n", units);
        System.out.printf(Locale.ROOT, "facts            %,d (%,d bytes of JSON)%n", facts, bytes);
        System.out.printf(Locale.ROOT, "results          %,d%n", results);
        System.out.printf(Locale.ROOT, "load rule set    %,8d ms%n", ms(t1 - t0));
        System.out.printf(Locale.ROOT, "read JSON        %,8d ms%n", ms(t2 - t1));
        System.out.printf(Locale.ROOT, "evaluate         %,8d ms%n", ms(t3 - t2));
        System.out.printf(Locale.ROOT, "write JSON       %,8d ms%n", ms(t4 - t3));
        System.out.printf(Locale.ROOT, "total            %,8d ms%n", ms(t4 - t0));
        System.out.printf(Locale.ROOT, "heap before      %,8d MB%n", mb(before));
        System.out.printf(Locale.ROOT, "peak heap        %,8d MB (sampled), %,d MB (sum of pool peaks), max %,d MB%n",
                mb(sampler.peak), mb(poolPeaks), mb(memory.getHeapMemoryUsage().getMax()));
        System.out.printf(Locale.ROOT, "collections      %,d, %,d ms%n", gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        System.out.printf(Locale.ROOT, "processors       %d%n", Runtime.getRuntime().availableProcessors());
    }

    /** Writes the document to {@code file} and returns its number of facts; the document is garbage afterwards. */
    private static int writeDocument(int units, long seed, Path file) throws IOException {
        FactsDocument doc = NationalFacts.generate(units, seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            NationalFacts.writeJson(doc, out);
        }
        return doc.measurements().size() + doc.events().size() + doc.attestations().size();
    }

    /** Collections so far and their time in ms, summed over the collectors. */
    static long[] gc() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            time += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, time};
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Samples the heap in use until stopped, keeping the largest figure. */
    static final class Sampler extends Thread {
        private final MemoryMXBean memory;
        volatile boolean stop;
        volatile long peak;

        Sampler(MemoryMXBean memory) {
            super("heap-sampler");
            setDaemon(true);
            this.memory = memory;
        }

        @Override
        public void run() {
            while (!stop) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }
}
