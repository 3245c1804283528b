// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.HEADER_LINES;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

class ReloadingRuleSetTest {

    private static final String ID = "reload/2021";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    /** Facts where the department's satisfaction and feedback are both 92 %. */
    private static final FactsDocument FACTS = new FactsDocument(ID, LocalDate.of(2021, 12, 31),
            List.of(Unit.root("so", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("so", "satisfaction", null, Period.year(2021), 92, 100),
                    Measurement.ratio("so", "feedback.handled", null, Period.year(2021), 92, 100)),
            List.of(), List.of());

    /** Two rules in one file with the same threshold: an evaluation sees both from one version or it is torn. */
    private static String rules(String threshold) {
        return rule("Satisfaction", ID + "/satisfaction", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"" + threshold + "\");")
                + rule("Feedback", ID + "/feedback", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"" + threshold + "\");");
    }

    private Path folder(String threshold) {
        return RuleSetFolder.of(ID).drl("rules.drl", rules(threshold)).writeUnder(root.resolve("rulesets"));
    }

    /** Replaces a file the way a deployment does: written beside, then moved in at once. */
    private void replace(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(root, "edit", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String header() {
        return RuleSetFolder.of(ID).header();
    }

    /** The one threshold an evaluation's results show; fails when they show two (a torn version). */
    private static String thresholdOf(Evaluation e) {
        assertEquals(2, e.results().size(), e::toString);
        String first = e.results().get(0).threshold();
        for (TargetResult r : e.results()) {
            assertEquals(first, r.threshold(), "every result of one evaluation comes from one version");
        }
        return first;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    static final class Recorder implements ReloadingRuleSet.Listener {
        final Queue<RuleSet> reloaded = new ConcurrentLinkedQueue<>();
        final Queue<List<Finding>> rejected = new ConcurrentLinkedQueue<>();

        @Override
        public void reloaded(RuleSet current, RuleSet previous, List<Finding> findings) {
            reloaded.add(current);
        }

        @Override
        public void rejected(RuleSet kept, List<Finding> findings) {
            rejected.add(findings);
        }
    }

    @Test
    void underConcurrentLoadGoodEditsAreServedAndBrokenOnesKeepTheLastGoodVersion() throws Exception {
        Path dir = folder("91");
        Path drl = dir.resolve("rules.drl");
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).listener(events)
                .pollInterval(Duration.ofMillis(250)).quietPeriod(Duration.ofMillis(50)).start()) {
            assertEquals(">= 91", thresholdOf(rules.evaluate(FACTS)));

            AtomicBoolean stop = new AtomicBoolean();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicLong evaluations = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch running = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    running.countDown();
                    while (!stop.get()) {
                        try {
                            String threshold = thresholdOf(rules.evaluate(FACTS));
                            assertTrue(threshold.equals(">= 91") || threshold.equals(">= 93") || threshold.equals(">= 95"),
                                    threshold);
                            evaluations.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "evaluator-" + i);
                threads.add(t);
                t.start();
            }
            assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));

            replace(drl, header() + rules("93"));
            await(() -> ">= 93".equals(thresholdOf(rules.evaluate(FACTS))), "the good edit to be served");
            assertEquals(1, events.reloaded.size());

            // a syntax error on the rule's condition line
            replace(drl, header() + rules("95").replace("level == Level.DEPARTMENT )", "level == Level.DEPARTMENT ) )"));
            await(() -> !events.rejected.isEmpty(), "the broken edit to be rejected");
            List<Finding> why = events.rejected.peek();
            assertTrue(why.stream().anyMatch(f -> f.file().endsWith("rules.drl") && f.line() == HEADER_LINES + 5), why::toString);
            assertEquals(">= 93", thresholdOf(rules.evaluate(FACTS)), "the last good version stays");

            // an indicator not in the contract compiles but is refused too
            replace(drl, header() + rules("95").replace("\"feedback.handled\"", "\"feedback.ignored\""));
            await(() -> events.rejected.size() >= 2, "the second broken edit to be rejected");
            assertTrue(events.rejected.stream().skip(1).findFirst().orElseThrow().stream()
                    .anyMatch(f -> f.code().equals("unknown-code")));
            assertEquals(">= 93", thresholdOf(rules.evaluate(FACTS)));

            replace(drl, header() + rules("95"));
            await(() -> ">= 95".equals(thresholdOf(rules.evaluate(FACTS))), "the repaired edit to be served");

            stop.set(true);
            for (Thread t : threads) {
                t.join(WAIT.toMillis());
                assertFalse(t.isAlive());
            }
            assertEquals(List.of(), List.copyOf(failures), "no evaluation failed or saw a torn version");
            assertTrue(evaluations.get() > 0);
            assertEquals(2, events.reloaded.size());
        }
    }

    @Test
    void anEvaluationKeepsTheVersionItStartedWith() throws Exception {
        Path dir = folder("91");
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofHours(1)).start()) {
            RuleSet before = rules.current();

            replace(dir.resolve("rules.drl"), header() + rules("93"));
            assertTrue(rules.reload());

            assertNotSame(before, rules.current());
            assertEquals(">= 91", thresholdOf(before.evaluate(FACTS)));
            assertEquals(">= 93", thresholdOf(rules.evaluate(FACTS)));
            assertFalse(rules.reload(), "nothing changed since");
        }
    }

    @Test
    void aBrokenEditIsReportedWithItsFileAndLineAndTheOldVersionServed() throws Exception {
        Path dir = folder("91");
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false).listener(events)
                .pollInterval(Duration.ofHours(1)).start()) {
            RuleSet before = rules.current();

            replace(dir.resolve("rules.drl"), header() + rules("above all"));

            assertFalse(rules.reload());
            assertSame(before, rules.current());
            Finding f = events.rejected.element().get(0);
            assertEquals("rule-failure", f.code());
            assertTrue(f.file().endsWith("rules.drl"));
            assertEquals(HEADER_LINES + 7, f.line(), f::toString);
            assertFalse(rules.reload(), "the same broken files are not tried again");
            assertEquals(1, events.rejected.size());
        }
    }

    @Test
    void pollingAloneFindsAnEdit() throws Exception {
        Path dir = folder("91");
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofMillis(100)).start()) {
            replace(dir.resolve("rules.drl"), header() + rules("93"));

            await(() -> ">= 93".equals(thresholdOf(rules.evaluate(FACTS))), "the polled edit to be served");
        }
    }

    @Test
    void aFolderThatIsBrokenAtStartIsRefusedWithEveryProblem() throws IOException {
        Path dir = folder("91");
        replace(dir.resolve("rules.drl"), header() + rules("91").replace("\"satisfaction\"", "\"happiness\""));

        RuleSetException e = assertThrows(RuleSetException.class, () -> ReloadingRuleSet.watching(dir).start());

        assertTrue(e.getMessage().contains("happiness"), e::getMessage);
        assertTrue(e.problems().get(0).source().endsWith("rules.drl"));
    }
}
