// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule sets that compile but go wrong when they run: each is refused naming the rule at fault. */
class RuleSetEvaluationErrorsTest {

    @TempDir
    Path tmp;

    private static final FactsDocument FACTS = new FactsDocument(null, LocalDate.of(2021, 12, 31),
            List.of(Unit.root("snn", "Sở", Level.DEPARTMENT), new Unit("cc", "Chi cục", Level.SUB_DEPARTMENT, "snn")),
            List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 95, 100)), null, null);

    private RuleSet demoWith(String rules) {
        Path dir = DemoRuleSet.copy(tmp, "demo", "2021");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.HEADER + rules);
        return RuleSet.fromDirectory(dir);
    }

    /** A rule in the demo's file: after the 5-line header the first starts on line 7, a second on line 15. */
    private static String rule(String name, String target, String condition, String consequence) {
        return """

                rule "%s"
                    @target("%s") @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( %s )
                then
                    %s
                end
                """.formatted(name, target, condition, consequence);
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void anUnknownIndicatorInAConsequenceIsReportedNamingTheRule() {
        RuleSet rules = demoWith(rule("Happiness of a department", "demo/2021/happiness", "level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"happiness\").atLeast(\"90\");"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> rules.evaluate(FACTS));

        assertEquals(1, e.problems().size(), render(e.problems()));
        Problem p = e.problems().get(0);
        assertEquals("rule \"Happiness of a department\"", p.path(), p::toString);
        assertTrue(p.source().endsWith("demo.drl"), p::toString);
        assertEquals(7, p.line(), p::toString);
        assertTrue(p.message().contains("unknown indicator 'happiness'"), p::toString);
        assertTrue(e.getMessage().startsWith("Rule set demo/2021 cannot be used"), e.getMessage());
        assertNotNull(e.getCause());
    }

    @Test
    void anUnknownEventTypeInAConsequenceIsReportedNamingTheRule() {
        RuleSet rules = demoWith(rule("Parties of a department", "demo/2021/parties", "level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).events(\"party\").everyQuarter();"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> rules.evaluate(FACTS));

        Problem p = e.problems().get(0);
        assertEquals("rule \"Parties of a department\"", p.path(), p::toString);
        assertTrue(p.message().contains("unknown event type 'party'"), p::toString);
    }

    @Test
    void aValueIndicatorUsedAsARatioIsReportedNamingTheRule() {
        RuleSet rules = demoWith(rule("Headcount as a share", "demo/2021/headcount", "level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"staff.headcount\").atLeast(\"90\");"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> rules.evaluate(FACTS));

        Problem p = e.problems().get(0);
        assertEquals("rule \"Headcount as a share\"", p.path(), p::toString);
        assertTrue(p.message().contains("use value(\"staff.headcount\")"), p::toString);
    }

    @Test
    void twoRulesGivingAResultForTheSameTargetAndUnitAreAConflict() {
        RuleSet rules = demoWith(
                rule("Satisfaction of a department", "demo/2021/satisfaction", "level == Level.DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"90\");")
                + rule("Satisfaction of any unit", "demo/2021/satisfaction", "",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> rules.evaluate(FACTS));

        assertEquals(1, e.problems().size(), render(e.problems()));
        Problem p = e.problems().get(0);
        assertTrue(p.source().endsWith("demo.drl"), p::toString);
        assertTrue(p.message().contains("second result for target demo/2021/satisfaction, unit snn"), p::toString);
        List<String> both = List.of("rule \"Satisfaction of a department\"", "rule \"Satisfaction of any unit\"");
        assertTrue(both.contains(p.path()), p::toString);
        String other = p.path().equals(both.get(0)) ? both.get(1) : both.get(0);
        assertEquals(p.path().equals(both.get(0)) ? 7 : 15, p.line(), p::toString);
        assertTrue(p.message().contains("after " + other), p::toString);
    }

    @Test
    void twoRulesOnDifferentUnitsOfOneTargetAreNoConflict() {
        RuleSet rules = demoWith(
                rule("Satisfaction of a department", "demo/2021/satisfaction", "level == Level.DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"90\");")
                + rule("Satisfaction of a sub-department", "demo/2021/satisfaction", "level == Level.SUB_DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");"));

        Evaluation e = rules.evaluate(FACTS);

        assertEquals(List.of("cc", "snn"), e.results().stream().map(TargetResult::unit).toList());
        assertEquals(Status.INSUFFICIENT_DATA, e.resultsFor("cc").get(0).status());
        assertEquals(Status.MET, e.resultsFor("snn").get(0).status());
    }

    @Test
    void aRuleThatStartsACheckAndNeverEndsItIsRefusedBeforeItRuns() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> demoWith(rule("An unfinished check",
                "demo/2021/satisfaction", "level == Level.DEPARTMENT", "Check.of(kcontext, $unit).ratio(\"satisfaction\");")));

        assertEquals(1, e.problems().size(), render(e.problems()));
        Problem p = e.problems().get(0);
        assertEquals("rule \"An unfinished check\"", p.path(), p::toString);
        assertTrue(p.source().endsWith("demo.drl"), p::toString);
        assertEquals(12, p.line(), p::toString);
        assertTrue(p.message().contains("stops at RatioCheck without a verdict"), p::toString);
    }

    @Test
    void aCheckGivenSomethingOtherThanTheMatchedUnitIsRefusedBeforeItRuns() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> demoWith(rule("A check of a made-up unit",
                "demo/2021/satisfaction", "level == Level.DEPARTMENT", "Check.of(kcontext, (UnitFacts) null);")));

        Problem p = e.problems().get(0);
        assertEquals("rule \"A check of a made-up unit\"", p.path(), p::toString);
        assertEquals(12, p.line(), p::toString);
        assertTrue(p.message().contains("starts with Check.of(kcontext, $unit)"), p::toString);
    }

    @Test
    void aFailingRuleLeavesTheRuleSetUsableForTheNextEvaluation() {
        RuleSet rules = demoWith(rule("Satisfaction only when surveyed", "demo/2021/satisfaction",
                "level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"90\");"));
        FactsDocument bad = new FactsDocument(null, null, FACTS.units(), FACTS.measurements(), null, null);

        assertThrows(InvalidFactsException.class, () -> rules.evaluate(bad));

        assertEquals(Status.MET, rules.evaluate(FACTS).resultsFor("snn").get(0).status());
    }
}
