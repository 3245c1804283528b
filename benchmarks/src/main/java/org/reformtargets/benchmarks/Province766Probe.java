// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;
import org.reformtargets.core.dossier.Dossiers;
import org.reformtargets.testkit.DossierGenerator;

/**
 * One province of {@link CountryBenchmark}'s country (1 province, 20 departments, 159 communes; 16,000
 * dossiers January to September 2025, aggregated in plain Java) scored by {@code vn-766/2025} in plain
 * Java, repeatedly, on one thread: the CPU time and the allocation of each evaluation (13 periods,
 * 2,340 unit-periods, 60,840 results), without Spark. Both depend little on the machine's load.
 *
 * <pre>
 * java -cp "$CP" org.reformtargets.benchmarks.Province766Probe 30
 * java -cp "$CP" org.reformtargets.benchmarks.Province766Probe 30 render
 * </pre>
 */
public final class Province766Probe {

    private Province766Probe() {
    }

    /**
     * Runs the probe; the first argument is the number of evaluations (default 20; the second half is
     * averaged); a second, {@code render}, also renders every result's two sentences, as a writer does.
     */
    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean render = args.length > 1 && args[1].equals("render");
        List<Unit> units = CountryUnits.province(1);
        List<String> offices = units.stream().filter(u -> u.parent() != null).map(Unit::id).toList();
        LocalDate asOf = LocalDate.of(2025, 9, 30);
        StringWriter w = new StringWriter();
        new DossierGenerator(1, offices, LocalDate.of(2025, 1, 1), asOf).write(w, 16_000);
        FactsDocument facts = Dossiers.aggregate(new FactsDocument("vn-766/2025", asOf, units, List.of(), List.of(), List.of()),
                new StringReader(w.toString()), "x");
        System.out.printf(Locale.ROOT, "%d units, %d measurements%n", facts.units().size(), facts.measurements().size());
        RuleSet rs = RuleSet.load("vn-766/2025");
        com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long cpuSum = 0;
        int counted = 0;
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            long c = tm.getCurrentThreadCpuTime();
            long a = tm.getThreadAllocatedBytes(id);
            Evaluation e = rs.evaluate(facts, Runnable::run);
            if (render) {
                for (TargetResult x : e.results()) {
                    if (x.message() != null) {
                        x.message().vi();
                        x.message().en();
                    }
                }
            }
            long ns = System.nanoTime() - t;
            long cpu = tm.getCurrentThreadCpuTime() - c;
            long alloc = tm.getThreadAllocatedBytes(id) - a;
            if (r >= reps / 2) {
                cpuSum += cpu;
                counted++;
            }
            System.out.printf(Locale.ROOT, "run %d: %d ms wall, %d ms CPU, %d MB allocated, %d results, %d scores, %.2f us CPU/result, %d B/result%n",
                    r, ns / 1_000_000, cpu / 1_000_000, alloc >> 20, e.results().size(), e.scores().size(),
                    cpu / 1e3 / e.results().size(), alloc / e.results().size());
        }
        System.out.printf(Locale.ROOT, "second half: %.1f ms CPU per evaluation (load average %.2f)%n",
                cpuSum / 1e6 / counted, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
