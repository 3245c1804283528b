// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents of several thousand units, evaluated in batches on several threads: the results are
 * those of one session over every unit, whatever the executor, the units' order or the way the
 * result document is written, and errors read as one session reports them.
 */
class BatchedEvaluationTest {

    /** Departments of the test documents; each has two sub-departments with an office each. */
    private static final int TREES = 1_200;

    /** Every sub-unit of a department has a dialogue: it reads the sub-units, which other batches hold. */
    private static final String EACH_SUB_UNIT = """

            rule "Every sub-unit of a department holds a dialogue"
                @target("demo/2021/each-dialogue") @document("demo-plan.txt") @clause("3")
            when
                $unit : UnitFacts( level == Level.DEPARTMENT )
            then
                Check.of(kcontext, $unit).subUnits().eachWith("dialogue");
            end
            """;

    @TempDir
    static Path tmp;
    private static RuleSet rules;
    private static ExecutorService pool;

    @BeforeAll
    static void load() {
        Path dir = DemoRuleSet.copy(tmp, "demo", "2021");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.read(dir, "demo.drl") + EACH_SUB_UNIT);
        rules = RuleSet.fromDirectory(dir);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /**
     * {@code trees} departments ({@code d-0007}) whose sub-units' ids sort far from theirs
     * ({@code x-0007-1}), so that a batch of units sorted by id never holds a whole tree.
     */
    private static FactsDocument document(int trees, long seed) {
        Random random = new Random(seed);
        List<Unit> units = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            String d = String.format("d-%04d", t);
            units.add(Unit.root(d, "Sở " + t, Level.DEPARTMENT));
            measurements.add(Measurement.ratio(d, "satisfaction", null, Period.year(2021), 80 + random.nextInt(21), 100));
            for (int q = 0; q < 4; q++) {
                if (random.nextInt(5) > 0) {
                    events.add(Event.of(d, "dialogue", LocalDate.of(2021, q * 3 + 2, 10)));
                }
            }
            for (int s = 1; s <= 2; s++) {
                String sub = String.format("x-%04d-%d", t, s);
                units.add(new Unit(sub, "Chi cục " + t + "." + s, Level.SUB_DEPARTMENT, d));
                units.add(new Unit("o-" + sub, "Phòng " + t + "." + s, Level.OFFICE, sub));
                if (random.nextBoolean()) {
                    events.add(Event.of(sub, "dialogue", LocalDate.of(2021, 6, 1 + random.nextInt(28))));
                }
            }
        }
        return new FactsDocument("demo/2021", LocalDate.of(2021, 12, 31), units, measurements, events, null);
    }

    /** The part of {@code facts} that is the tree of department {@code t}. */
    private static FactsDocument tree(FactsDocument facts, int t) {
        String d = String.format("d-%04d", t);
        String x = String.format("x-%04d-", t);
        java.util.function.Predicate<String> mine = id -> id.equals(d) || id.startsWith(x) || id.startsWith("o-" + x);
        return new FactsDocument(facts.ruleSet(), facts.asOf(),
                facts.units().stream().filter(u -> mine.test(u.id())).toList(),
                facts.measurements().stream().filter(m -> mine.test(m.unit())).toList(),
                facts.events().stream().filter(e -> mine.test(e.unit())).toList(), null);
    }

    @Test
    void theResultsOfEachTreeAreThoseItHasEvaluatedAlone() {
        FactsDocument facts = document(TREES, 1);
        assertTrue(facts.units().size() > 3 * 1000, "several batches");

        Evaluation whole = rules.evaluate(facts, pool);

        assertEquals(3 * TREES, whole.results().size());
        for (int t = 0; t < TREES; t += 37) {
            Evaluation alone = rules.evaluate(tree(facts, t));
            assertEquals(alone.results(), whole.resultsFor(String.format("d-%04d", t)), "tree " + t);
        }
    }

    @Test
    void theResultsAreTheSameWhateverTheExecutorAndTheOrderOfUnits() {
        FactsDocument facts = document(TREES, 2);
        List<Unit> shuffled = new ArrayList<>(facts.units());
        Collections.shuffle(shuffled, new Random(3));
        FactsDocument reordered = new FactsDocument(facts.ruleSet(), facts.asOf(), shuffled, facts.measurements(),
                facts.events(), null);

        Evaluation alone = rules.evaluate(facts, Runnable::run);

        assertEquals(alone, rules.evaluate(facts));
        assertEquals(alone, rules.evaluate(facts, pool));
        assertEquals(alone, rules.evaluate(reordered, pool));
        assertEquals(alone, rules.evaluate(facts, task -> {
            throw new java.util.concurrent.RejectedExecutionException("busy");
        }));
    }

    @Test
    void theStreamedResultDocumentIsTheWrittenEvaluationByteForByte() {
        FactsDocument facts = document(TREES, 4);
        Evaluation e = rules.evaluate(facts, pool);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ReformTargetsJson.writeEvaluation(e, written);

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        Map<Status, Integer> summary = ReformTargetsJson.writeEvaluation(rules, facts, pool, streamed);

        assertArrayEquals(written.toByteArray(), streamed.toByteArray());
        assertEquals(e.summary(), summary);
        assertEquals(ReformTargetsJson.writeEvaluation(e), streamed.toString(StandardCharsets.UTF_8) + "\n");
        assertEquals(e, ReformTargetsJson.readEvaluation(streamed.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void twoRulesClaimingOneResultInALargeDocumentAreReportedAsOneSessionReportsThem() {
        Path dir = DemoRuleSet.copy(tmp.resolve("conflict"), "demo", "2021");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.read(dir, "demo.drl") + """

                rule "A department satisfies at least 95 % of survey forms"
                    @target("demo/2021/satisfaction") @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT, id == "d-0700" || id == "d-0100" )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("95");
                end
                """);
        RuleSet conflicting = RuleSet.fromDirectory(dir);
        FactsDocument facts = document(TREES, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RuleSetException e = assertThrows(RuleSetException.class, () -> conflicting.evaluate(facts, pool));
        RuleSetException streamed = assertThrows(RuleSetException.class,
                () -> ReformTargetsJson.writeEvaluation(conflicting, facts, pool, out));

        assertEquals(2, e.problems().size(), e::getMessage);
        assertTrue(e.problems().get(0).message().contains("unit d-0100"), e::getMessage);
        assertTrue(e.problems().get(1).message().contains("unit d-0700"), e::getMessage);
        assertEquals(e.problems(), streamed.problems());
        assertEquals(0, out.size(), "the first batch failed: nothing written");
    }
}
