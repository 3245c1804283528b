// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Unit;

/**
 * A rule set that reloads while 8 threads evaluate with it: every evaluation equals what the
 * version it reports in {@link Evaluation#ruleSet()} gives on its own, sequentially; a broken
 * edit in the middle is never served.
 */
class ReloadingConcurrencyTest {

    private static final String ID = "reload/2021";
    private static final int THREADS = 8;
    private static final int EVALUATIONS = 10_000;
    /** Each version asks a different share of both of its targets, so a torn version cannot pass. */
    private static final Map<String, String> VERSIONS = new TreeMap<>(Map.of(
            "1.0.0", "90", "1.1.0", "92", "1.2.0", "94", "1.3.0", "96"));

    @TempDir
    Path root;

    private static String manifest(String version) {
        return """
                {
                  "id": "reload/2021",
                  "version": "%s",
                  "title": {"vi": "Thử nạp lại", "en": "Reload test"},
                  "issuer": "reform-targets tests",
                  "period": "2021",
                  "effective": {"from": "2021-01-01", "to": "2021-12-31"},
                  "sources": [{"document": "plan.txt", "title": "Plan", "issued": "2021-01-15", "level": "DEPARTMENT"}],
                  "files": ["rules.drl"]
                }
                """.formatted(version);
    }

    private static String rules(String threshold) {
        StringBuilder b = new StringBuilder("""
                package org.reformtargets.tests.reload;

                import org.reformtargets.core.Level;
                import org.reformtargets.core.rule.UnitFacts;
                import org.reformtargets.core.rule.Check;
                """);
        for (String[] t : new String[][] {{"satisfaction", "satisfaction"}, {"feedback", "feedback.handled"}}) {
            b.append("""

                    rule "%1$s at least %2$s"
                        @target("reload/2021/%1$s")
                        @document("plan.txt") @clause("1")
                    when
                        $unit : UnitFacts( level == Level.DEPARTMENT )
                    then
                        Check.of(kcontext, $unit).ratio("%3$s").atLeast("%2$s");
                    end
                    """.formatted(t[0], threshold, t[1]));
        }
        return b.toString();
    }

    private static Path write(Path dir, String version, String drl) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rules.drl"), drl, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.json"), manifest(version), StandardCharsets.UTF_8);
        return dir;
    }

    /** Departments whose shares fall between the versions' thresholds. */
    private static List<FactsDocument> documents() {
        List<FactsDocument> docs = new ArrayList<>();
        for (int share = 89; share <= 97; share++) {
            docs.add(new FactsDocument(ID, LocalDate.of(2021, 12, 31),
                    List.of(Unit.root("so", "Sở", Level.DEPARTMENT)),
                    List.of(Measurement.ratio("so", "satisfaction", null, Period.year(2021), share, 100),
                            Measurement.ratio("so", "feedback.handled", null, Period.year(2021), 186 - share, 100)),
                    null, null));
        }
        return docs;
    }

    @Test
    void everyEvaluationDuringReloadsEqualsTheSequentialResultOfTheVersionItReports() throws Exception {
        List<FactsDocument> documents = documents();
        Map<String, List<Evaluation>> expected = new TreeMap<>();
        for (Map.Entry<String, String> v : VERSIONS.entrySet()) {
            RuleSet alone = RuleSet.fromDirectory(write(root.resolve("v" + v.getKey()).resolve(ID), v.getKey(),
                    rules(v.getValue())));
            expected.put(v.getKey(), documents.stream().map(alone::evaluate).toList());
        }
        Path live = write(root.resolve("live").resolve(ID), "1.0.0", rules("90"));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicInteger evaluations = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> order = List.of("1.1.0", "1.2.0", "broken", "1.3.0", "1.0.0", "1.2.0");
        try (ReloadingRuleSet reloading = ReloadingRuleSet.watching(live).watchService(false)
                .pollInterval(Duration.ofHours(1)).start()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    int i = thread;
                    while (swapping.get() || evaluations.get() < EVALUATIONS) {
                        int doc = i++ % documents.size();
                        Evaluation e = reloading.evaluate(documents.get(doc));
                        evaluations.incrementAndGet();
                        String version = e.ruleSet().version();
                        seen.add(version);
                        List<Evaluation> want = expected.get(version);
                        if (want == null || !want.get(doc).equals(e)) {
                            wrong.add("version " + version + ", document " + doc + ":\n"
                                    + ReformTargetsJson.writeEvaluation(e));
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            List<Boolean> swapped = new ArrayList<>();
            for (String v : order) {
                while (evaluations.get() < 200 * (swapped.size() + 1)) {
                    Thread.sleep(1);
                }
                if (v.equals("broken")) {
                    write(live, "9.9.9", rules("90").replace("atLeast(", "atLeastt("));
                } else {
                    write(live, v, rules(VERSIONS.get(v)));
                }
                swapped.add(reloading.reload());
            }
            swapping.set(false);
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> w : workers) {
                wrong.addAll(w.get(10, TimeUnit.MINUTES));
            }

            assertEquals(List.of(), wrong.stream().limit(5).toList(), () -> wrong.size() + " evaluations differ");
            assertEquals(List.of(true, true, false, true, true, true), swapped, "the broken edit alone is rejected");
            assertEquals("1.2.0", reloading.current().version());
            assertTrue(evaluations.get() >= EVALUATIONS, () -> evaluations.get() + " evaluations");
            assertTrue(seen.size() >= 3, () -> "versions seen while evaluating: " + seen);
            assertFalse(seen.contains("9.9.9"), "the broken edit is never served");
        } finally {
            pool.shutdownNow();
        }
    }
}
