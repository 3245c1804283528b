// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

class ScenarioGeneratorTest {

    private static final ScenarioGenerator GENERATOR = ScenarioGenerator.forRuleSet(Fixtures.tk());
    private static final Period Y2021 = Period.year(2021);

    @Test
    void theSameSeedGivesTheSameDocumentByteForByte() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            assertEquals(ReformTargetsJson.writeFacts(GENERATOR.generate(seed)),
                    ReformTargetsJson.writeFacts(ScenarioGenerator.forRuleSet(Fixtures.tk()).generate(seed)));
        }
    }

    @Test
    void differentSeedsGiveDifferentDocuments() {
        Set<String> distinct = new HashSet<>();
        GENERATOR.stream(1, 50).forEach(f -> distinct.add(ReformTargetsJson.writeFacts(f)));

        assertEquals(50, distinct.size());
    }

    @Test
    void everyDocumentIsValidAndSurvivesATripThroughJson() {
        GENERATOR.stream(1, 300).forEach(facts -> {
            String json = ReformTargetsJson.writeFacts(facts);

            assertEquals(facts, ReformTargetsJson.readFacts(json), json);
            assertEquals("tk/2021", facts.ruleSet());
        });
    }

    @Test
    void theQuickTheoriesGeneratorGivesValidDocuments() {
        qt().withExamples(200).forAll(ScenarioGen.documents(Fixtures.tk())).checkAssert(facts -> {
            assertEquals(facts, ReformTargetsJson.readFacts(ReformTargetsJson.writeFacts(facts)));
            Fixtures.tk().evaluate(facts);
        });
    }

    @ParameterizedTest
    @GeneratedScenarios(ruleSet = Fixtures.TK, count = 20, seed = 100)
    void generatedScenariosFeedParameterizedTestsOneDocumentPerSeed(FactsDocument facts) {
        assertEquals(ReformTargetsJson.writeFacts(GENERATOR.generate(seedOf(facts))), ReformTargetsJson.writeFacts(facts));
    }

    /** The seed in 100…119 whose document is {@code facts}. */
    private static long seedOf(FactsDocument facts) {
        for (long seed = 100; seed < 120; seed++) {
            if (GENERATOR.generate(seed).equals(facts)) {
                return seed;
            }
        }
        throw new AssertionError("not a document of seeds 100…119");
    }

    @Test
    void unitTreesVaryInShapeAndAlwaysHaveADepartment() {
        Set<Integer> sizes = new HashSet<>();
        Set<Integer> departments = new HashSet<>();
        GENERATOR.stream(1, 200).forEach(facts -> {
            sizes.add(facts.units().size());
            long deps = facts.units().stream().filter(u -> u.level() == Level.DEPARTMENT).count();
            departments.add((int) deps);
            assertTrue(deps >= 1);
            for (Unit u : facts.units()) {
                if (u.level() == Level.OFFICE) {
                    assertTrue(u.parent() != null, u::toString);
                }
            }
        });

        assertTrue(sizes.size() >= 8, sizes::toString);
        assertEquals(Set.of(1, 2), departments);
    }

    @Test
    void sharesLandExactlyAtOneBelowAndOneAboveTheThresholdAndOnZeroCases() {
        Set<String> seen = new HashSet<>();
        GENERATOR.stream(1, 300).forEach(facts -> {
            for (Measurement m : facts.measurements()) {
                if (!m.indicator().equals("satisfaction") || !m.isRatio()) {
                    continue;
                }
                long d = m.denominator();
                if (d == 0) {
                    seen.add("zero cases");
                    continue;
                }
                long least = BigDecimal.valueOf(d).multiply(BigDecimal.valueOf(90)).movePointLeft(2)
                        .setScale(0, RoundingMode.CEILING).longValueExact();
                long offset = m.numerator() - least;
                if (offset >= -1 && offset <= 1) {
                    seen.add("offset " + offset);
                }
                if (d > Long.MAX_VALUE / 8) {
                    seen.add("near the largest count");
                }
                if (!m.period().equals(Y2021)) {
                    seen.add(m.period().kind() == Period.Kind.YEAR ? "previous year" : "year to date");
                }
            }
        });

        assertEquals(Set.of("zero cases", "offset -1", "offset 0", "offset 1", "near the largest count",
                "year to date"), seen);
    }

    @Test
    void everyVerdictOccursForTheTargetsThatCanHaveIt() {
        java.util.Map<String, EnumSet<Status>> statuses = new java.util.TreeMap<>();
        GENERATOR.stream(1, 200).forEach(facts -> {
            Evaluation e = Fixtures.tk().evaluate(facts);
            for (TargetResult r : e.results()) {
                statuses.computeIfAbsent(r.target(), t -> EnumSet.noneOf(Status.class)).add(r.status());
            }
        });

        EnumSet<Status> all = EnumSet.allOf(Status.class);
        assertEquals(all, statuses.get("tk/2021/satisfaction"));
        assertEquals(all, statuses.get("tk/2021/on-time"));
        assertEquals(all, statuses.get("tk/2021/online-rate"));
        assertTrue(statuses.get("tk/2021/online-procedures").containsAll(
                EnumSet.of(Status.MET, Status.NOT_MET, Status.INSUFFICIENT_DATA)), statuses::toString);
        assertTrue(statuses.get("tk/2021/iso9001").containsAll(
                EnumSet.of(Status.MET, Status.NOT_MET, Status.INSUFFICIENT_DATA)), statuses::toString);
        for (String t : List.of("dialogue", "propaganda", "inspection", "initiative", "tasks")) {
            assertTrue(statuses.get("tk/2021/" + t).containsAll(EnumSet.of(Status.MET, Status.NOT_MET)),
                    () -> t + " " + statuses);
        }
    }

    @Test
    void partialYearsAndQuartersWithoutEventsOccur() {
        int partial = 0;
        int quarterMissed = 0;
        for (FactsDocument facts : GENERATOR.stream(1, 200).toList()) {
            if (facts.asOf().isBefore(Y2021.end())) {
                partial++;
            }
            for (Unit dep : facts.units().stream().filter(u -> u.level() == Level.DEPARTMENT).toList()) {
                long quarters = facts.events().stream()
                        .filter(e -> e.unit().equals(dep.id()) && e.type().equals("dialogue"))
                        .map(e -> (e.date().getMonthValue() - 1) / 3).distinct().count();
                if (facts.asOf().equals(Y2021.end()) && quarters == 3) {
                    quarterMissed++;
                }
            }
        }

        assertTrue(partial > 20, "partial years: " + partial);
        assertTrue(quarterMissed > 5, "years with one quarter without a dialogue: " + quarterMissed);
        assertNotEquals(0, partial);
    }
}
