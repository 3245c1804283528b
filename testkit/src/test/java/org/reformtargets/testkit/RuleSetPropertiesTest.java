// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.core.TargetSpec;

class RuleSetPropertiesTest {

    @Test
    void theFixtureKeepsEveryPropertyOnGeneratedScenarios() {
        RuleSetProperties.of(Fixtures.tk()).checkAll(1, 60);
    }

    @Test
    void casesAreDerivedForEveryKindOfTarget() {
        List<String> cases = RuleSetProperties.of(Fixtures.tk()).thresholdCases();
        String all = String.join("\n", cases);

        for (String target : Fixtures.tk().targets()) {
            assertTrue(all.contains(target + " "), () -> target + " has no case in\n" + all);
        }
        assertTrue(cases.contains("tk/2021/satisfaction DEPARTMENT dep: satisfaction 630 of 700 (exactly at 90 %)"
                + " -> MET gap 0"), all);
        assertTrue(cases.contains("tk/2021/satisfaction DEPARTMENT dep: satisfaction 629 of 700 (one count below)"
                + " -> NOT_MET gap 1"), all);
        // above 97.5 %: 6825 of 7000 is exactly 97.5 %, not above it; land is at least 96 %
        assertTrue(cases.contains("tk/2021/on-time SUB_DEPARTMENT sub field land: dossiers.on_time in field land"
                + " 672 of 700 (exactly at 96 %) -> MET gap 0"), all);
        assertTrue(cases.contains("tk/2021/on-time SUB_DEPARTMENT sub field investment: dossiers.on_time in field"
                + " investment 6826 of 7000 (the least count above 97.5 %) -> MET gap 0"), all);
        assertTrue(cases.contains("tk/2021/on-time SUB_DEPARTMENT sub field investment: dossiers.on_time in field"
                + " investment 6825 of 7000 (one count below) -> NOT_MET gap 1"), all);
        assertTrue(cases.stream().anyMatch(c -> c.startsWith("tk/2021/online-rate") && c.endsWith("INSUFFICIENT_DATA")),
                all);
    }

    @Test
    void aRuleThatSkipsSomeUnitsOfItsLevelBreaksOneResultPerUnit() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleSetProperties.of(Fixtures.broken()).checkAll(
                        ScenarioGenerator.forRuleSet(Fixtures.broken()).stream(1, 40)));

        String m = e.getMessage();
        assertTrue(m.contains("ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD: no result of tk-broken/2021/satisfaction for"
                + " DEPARTMENT"), m);
        assertTrue(m.contains("broken.drl:"), m);
        assertTrue(m.contains("Facts of the first violation of ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD:\n{"), m);
    }

    @Test
    void aDescriptionThatDisagreesWithTheRulesFailsTheThresholdCasesWithTheRulesExplanation() {
        List<TargetSpec> specs = new ArrayList<>();
        for (TargetSpec s : Fixtures.tk().describe()) {
            TargetSpec.Requirement r = s.requirement();
            if (s.target().equals("tk/2021/satisfaction")) {
                r = r.compared(r.comparison(), new BigDecimal("91"), r.scale());
            }
            specs.add(new TargetSpec(s.target(), s.level(), s.rule(), r, s.threshold(), s.source(), s.file(), s.line()));
        }
        RuleSetProperties properties = new RuleSetProperties(Fixtures.tk(), specs);

        AssertionFailedError e = assertThrows(AssertionFailedError.class, properties::checkExactThresholds);

        String m = e.getMessage();
        assertTrue(m.contains("EXACT_THRESHOLDS: tk/2021/satisfaction (SHARE satisfaction >= 91 %"), m);
        assertTrue(m.contains("given satisfaction 636 of 700 (one count below): expected NOT_MET gap 1 but got MET"
                + " gap 0: \"Satisfied survey forms: 636 of 700"), m);
        properties.checkMissingFactsAreInsufficient();
    }

    @Test
    void eachPropertyCanBeCheckedAloneOnOneDocument() {
        RuleSetProperties properties = RuleSetProperties.of(Fixtures.tk());
        ScenarioGenerator generator = ScenarioGenerator.forRuleSet(Fixtures.tk());
        for (long seed = 1; seed <= 5; seed++) {
            var facts = generator.generate(seed);
            properties.checkOneResultPerUnitFieldAndPeriod(facts);
            properties.checkOrderOfFactsNeverMatters(facts, seed);
            properties.checkDeterministic(facts);
            properties.checkMonotoneInSuccesses(facts);
            properties.checkRemovingAFactNeverThrows(facts);
            properties.check(facts);
        }
        properties.checkExactThresholds();
        properties.checkMissingFactsAreInsufficient();
        assertEquals(RuleSetProperties.Property.values().length, 7);
    }
}
