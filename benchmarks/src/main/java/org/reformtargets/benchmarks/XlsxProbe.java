// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.ReportWriter;

/**
 * Wall time, file size and peak heap of the XLSX scorecard of a {@link NationalFacts} document of N
 * units: generate the document, evaluate it with {@code hcm-agri/2021}, make the audit record the
 * writer would make (timed apart), then write the workbook with
 * {@link ReportWriter#writeXlsx(OutputStream)} to a temporary file (deleted afterwards unless a
 * path is given). Peak heap is sampled every 2 ms ({@link Probe.Sampler}) over the whole run and
 * over the write alone; the sum of the heap pools' peaks during the write is an upper bound.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.XlsxProbe 10000
 * </pre>
 * Arguments: units (default 10000), seed (default 1), output file ({@code -} or none: a temporary
 * file), and {@code no-audit-hashes} to give the writer a record without the facts' and results'
 * hashes, which {@link AuditRecord#of} computes holding the facts' canonical JSON as one string (the
 * workbook's own memory, measured apart).
 */
public final class XlsxProbe {

    private XlsxProbe() {
    }

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path file = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        boolean keep = args.length > 2 && !args[2].equals("-");
        if (!keep) {
            file = Files.createTempFile("scorecard-", ".xlsx");
        }
        boolean computeAudit = !(args.length > 3 && args[3].equals("no-audit-hashes"));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        Probe.Sampler whole = new Probe.Sampler(memory);
        whole.start();

        long t0 = System.nanoTime();
        FactsDocument facts = NationalFacts.generate(units, seed);
        long t1 = System.nanoTime();
        RuleSet rules = RuleSet.load("hcm-agri/2021");
        Evaluation evaluation = rules.evaluate(facts);
        long t2 = System.nanoTime();

        System.gc();
        Thread.sleep(200);
        long before = memory.getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] gcBefore = Probe.gc();
        Probe.Sampler write = new Probe.Sampler(memory);
        write.start();
        long t3 = System.nanoTime();
        // the record ReportWriter makes when given none; made apart to time it (it holds the facts' canonical JSON)
        AuditRecord audit = computeAudit ? AuditRecord.of(rules, facts, evaluation, Instant.now())
                : new AuditRecord(rules.ref(), rules.contentHash(), null, "(not computed)", "(not computed)",
                        evaluation.asOf(), Instant.now(), evaluation.results().size(), evaluation.summary(), null);
        long t3a = System.nanoTime();
        long auditPeak = write.peak;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ReportWriter.of(rules, facts, evaluation).withAudit(audit).writeXlsx(out);
        }
        long t4 = System.nanoTime();
        write.stop = true;
        write.join();
        whole.stop = true;
        whole.join();
        long[] gcAfter = Probe.gc();
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long bytes = Files.size(file);
        if (!keep) {
            Files.deleteIfExists(file);
        }

        System.out.printf(Locale.ROOT, "units            %,d%n", units);
        System.out.printf(Locale.ROOT, "results          %,d%n", evaluation.results().size());
        System.out.printf(Locale.ROOT, "generate         %,8d ms%n", ms(t1 - t0));
        System.out.printf(Locale.ROOT, "load + evaluate  %,8d ms%n", ms(t2 - t1));
        System.out.printf(Locale.ROOT, "audit record     %,8d ms (peak heap %,d MB sampled)%n", ms(t3a - t3), mb(auditPeak));
        System.out.printf(Locale.ROOT, "write XLSX       %,8d ms%n", ms(t4 - t3a));
        System.out.printf(Locale.ROOT, "file             %,d bytes%s%n", bytes, keep ? " (" + file + ")" : "");
        System.out.printf(Locale.ROOT, "heap before XLSX %,8d MB (facts, evaluation and rule set held)%n", mb(before));
        System.out.printf(Locale.ROOT, "peak heap audit + XLSX %,d MB (sampled), %,d MB (sum of pool peaks)%n",
                mb(write.peak), mb(poolPeaks));
        System.out.printf(Locale.ROOT, "peak heap run    %,8d MB (sampled), max %,d MB%n", mb(whole.peak),
                mb(memory.getHeapMemoryUsage().getMax()));
        System.out.printf(Locale.ROOT, "collections XLSX %,d, %,d ms%n", gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
