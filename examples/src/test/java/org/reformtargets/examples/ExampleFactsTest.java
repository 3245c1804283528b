// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

class ExampleFactsTest {

    private static RuleSet rules;
    private static FactsDocument fullYearFacts;
    private static Evaluation fullYear;
    private static Evaluation firstHalf;

    @BeforeAll
    static void evaluateBothExamples() {
        rules = RuleSet.load(EmbeddingExample.RULE_SET);
        fullYearFacts = EmbeddingExample.readExample(EmbeddingExample.FULL_YEAR);
        fullYear = rules.evaluate(fullYearFacts);
        firstHalf = rules.evaluate(EmbeddingExample.readExample(EmbeddingExample.FIRST_HALF));
    }

    @ParameterizedTest
    @CsvSource({"hcm-agri-2021.json, 2021-12-31", "hcm-agri-2021-h1.json, 2021-06-30"})
    void exampleFileReadFromTheFileSystemNamesTheRuleSetAndEvaluates(String file, LocalDate asOf) {
        FactsDocument facts = ReformTargetsJson.readFacts(Path.of("src/main/resources/facts", file));

        Evaluation evaluation = rules.evaluate(facts);

        assertEquals(rules.id(), facts.ruleSet());
        assertEquals(asOf, evaluation.asOf());
        assertFalse(evaluation.results().isEmpty());
    }

    @Test
    void fullYearHasEveryTargetForTheDepartmentAndEverySubDepartment() {
        List<Unit> evaluated = fullYearFacts.units().stream()
                .filter(u -> u.level() == Level.DEPARTMENT || u.level() == Level.SUB_DEPARTMENT)
                .toList();
        assertEquals(4, evaluated.size(), "one department and three sub-departments");
        for (Unit unit : evaluated) {
            Set<String> targets = fullYear.resultsFor(unit.id()).stream()
                    .map(TargetResult::target)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(rules.targets()), targets, unit.id());
        }
    }

    @Test
    void fullYearShowsEveryStatusAndOnlyFinalResults() {
        Set<Status> statuses = fullYear.results().stream().map(TargetResult::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));

        assertEquals(EnumSet.allOf(Status.class), statuses);
        assertTrue(fullYear.results().stream().allMatch(TargetResult::isFinal));
    }

    @Test
    void fullYearDepartmentMissesLandJustUnder96AndATaskCompletedOnTheFirstOfNovember() {
        TargetResult land = only(fullYear.resultsOf("hcm-agri/2021/on-time-per-field"), "land");
        TargetResult tasks = only(fullYear.resultsOf("hcm-agri/2021/tasks-by-deadline"), null);

        assertEquals(Status.NOT_MET, land.status());
        assertEquals("95.89", land.actual());
        assertEquals(2L, land.gap());
        assertEquals(Status.NOT_MET, tasks.status());
        assertTrue(tasks.message().en().contains("late: danh-gia-iso-9001"), tasks.message().en());
    }

    @Test
    void firstHalfGivesOnlyNonFinalResultsSomeOnAYearToDateFigure() {
        assertFalse(firstHalf.results().isEmpty());
        // final before the year ends only where the year's target is already out of reach
        assertTrue(firstHalf.results().stream().filter(TargetResult::isFinal).allMatch(r -> r.status() == Status.NOT_MET
                && r.outlook() != null && r.outlook().status() == Outlook.Standing.OUT_OF_REACH));
        assertTrue(firstHalf.results().stream().anyMatch(r -> r.measuredPeriod() != null));
        assertTrue(firstHalf.results().stream().anyMatch(r -> r.outlook() != null
                && r.outlook().status() == Outlook.Standing.ON_TRACK));
        assertTrue(firstHalf.results().stream().anyMatch(r -> r.outlook() != null
                && r.outlook().status() == Outlook.Standing.AT_RISK && !r.isFinal()));
    }

    private static TargetResult only(List<TargetResult> results, String field) {
        List<TargetResult> matching = results.stream()
                .filter(r -> r.unit().equals(EmbeddingExample.DEPARTMENT))
                .filter(r -> field == null ? r.field() == null : field.equals(r.field()))
                .toList();
        assertEquals(1, matching.size(), () -> "results for field " + field + ": " + matching);
        return matching.get(0);
    }
}
