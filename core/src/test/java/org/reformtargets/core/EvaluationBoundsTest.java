// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.authoring.Finding;

/** Every evaluation keeps its limits, and a hot reload's check can never hold up the watcher. */
class EvaluationBoundsTest {

    @TempDir
    Path tmp;

    /** A department with two targets in the demo rule set: two firings for it. */
    private static final FactsDocument FACTS = new FactsDocument(null, LocalDate.of(2021, 12, 31),
            List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 95, 100)), null, null);

    private RuleSet demo;

    private RuleSet demo() {
        if (demo == null) {
            demo = RuleSet.fromDirectory(DemoRuleSet.copy(tmp, "demo", "2021"));
        }
        return demo;
    }

    @Test
    void theDefaultsAreSaneAndWithLimitsKeepsTheRules() {
        RuleSet rules = demo();
        RuleSet bounded = rules.withLimits(new EvaluationLimits(5, Duration.ofSeconds(3)));

        assertEquals(EvaluationLimits.DEFAULT, rules.limits());
        assertEquals(1_000, EvaluationLimits.DEFAULT.maxFiringsPerUnit());
        assertEquals(Duration.ofMinutes(2), EvaluationLimits.DEFAULT.timeBudget());
        assertEquals(5, bounded.limits().maxFiringsPerUnit());
        assertEquals(rules.contentHash(), bounded.contentHash());
        assertEquals(rules.evaluate(FACTS), bounded.evaluate(FACTS));
    }

    @Test
    void firingsAtTheLimitPassAndOneMoreStopsTheEvaluationNamingTheRule() {
        RuleSet atLimit = demo().withLimits(EvaluationLimits.DEFAULT.withMaxFiringsPerUnit(2));
        RuleSet belowNeed = demo().withLimits(EvaluationLimits.DEFAULT.withMaxFiringsPerUnit(1));

        assertEquals(2, atLimit.evaluate(FACTS).results().size());
        RuleSetException e = assertThrows(RuleSetException.class, () -> belowNeed.evaluate(FACTS));

        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertTrue(p.path().startsWith("rule \""), p::toString);
        assertTrue(p.source().endsWith("demo.drl"), p::toString);
        assertTrue(p.line() > 0, p::toString);
        assertTrue(p.message().contains("more than 1 times for unit snn"), p::toString);
        assertTrue(p.message().contains("maxFiringsPerUnit"), p::toString);
    }

    @Test
    void theFiringLimitHoldsPerUnitInLargeBatchedDocuments() {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            units.add(Unit.root(String.format("d-%04d", i), "Sở " + i, Level.DEPARTMENT));
        }
        FactsDocument many = new FactsDocument(null, LocalDate.of(2021, 12, 31), units, List.of(), null, null);

        assertEquals(5_000, demo().withLimits(EvaluationLimits.DEFAULT.withMaxFiringsPerUnit(2))
                .evaluate(many).results().size());
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> demo().withLimits(EvaluationLimits.DEFAULT.withMaxFiringsPerUnit(1)).evaluate(many));
        assertTrue(e.problems().get(0).message().contains("for unit d-0000"), e::getMessage);
    }

    @Test
    void anEvaluationPastItsTimeBudgetIsStopped() {
        RuleSet hurried = demo().withLimits(EvaluationLimits.DEFAULT.withTimeBudget(Duration.ofNanos(1)));

        RuleSetException e = assertThrows(RuleSetException.class, () -> hurried.evaluate(FACTS));

        Problem p = e.problems().get(0);
        assertTrue(p.message().contains("longer than its time budget"), p::toString);
        assertTrue(p.path().startsWith("rule \""), p::toString);
    }

    @Test
    void describeKeepsTheTimeBudgetToo() {
        RuleSet hurried = demo().withLimits(EvaluationLimits.DEFAULT.withTimeBudget(Duration.ofNanos(1)));

        RuleSetException e = assertThrows(RuleSetException.class, hurried::describe);

        assertTrue(e.getMessage().contains("time budget"), e::getMessage);
    }

    @Test
    void limitsAreChecked() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new EvaluationLimits(0, Duration.ofSeconds(1)));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new EvaluationLimits(1, Duration.ofSeconds(-1)));

        assertEquals("maxFiringsPerUnit must be at least 1, was 0", zero.getMessage());
        assertEquals("timeBudget must be positive, was PT-1S", negative.getMessage());
    }

    @Test
    void aStuckCheckIsAbandonedLaterEditsStillLoadAndCloseStopsTheWatcher() throws Exception {
        Path dir = DemoRuleSet.copy(tmp, "demo", "2021");
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        AtomicReference<List<Finding>> rejected = new AtomicReference<>();
        ReloadingRuleSet.Builder builder = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofHours(1)).checkTimeout(Duration.ofMillis(3000)) // the first check compiles DRL: slow on a busy machine
                .listener(new ReloadingRuleSet.Listener() {
                    @Override
                    public void rejected(RuleSet kept, List<Finding> findings) {
                        rejected.set(findings);
                    }
                })
                .beforeCheck(() -> {
                    if (checks.incrementAndGet() == 2) {
                        try {
                            never.await();   // the second check hangs until the test ends
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        try (ReloadingRuleSet rules = builder.start()) {
            RuleSet first = rules.current();
            DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.read(dir, "demo.drl").replace("\"90\"", "\"91\""));

            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(20), rules::reload));
            assertSame(first, rules.current());
            assertTrue(rejected.get().get(0).message().contains("did not finish within 3000 ms: abandoned"),
                    rejected.get()::toString);

            DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.read(dir, "demo.drl").replace("\"91\"", "\"92\""));
            assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(20), rules::reload));
            assertEquals(3, checks.get());
        } finally {
            never.countDown();
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("reform-targets-reload-demo/2021")),
                "close() stops the watcher thread");
    }
}
