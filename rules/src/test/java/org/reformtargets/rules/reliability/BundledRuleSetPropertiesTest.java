// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.testkit.GeneratedScenarios;
import org.reformtargets.testkit.RuleSetProperties;
import org.reformtargets.testkit.RuleSetVerifier;
import org.reformtargets.testkit.ScenarioGen;
import org.reformtargets.testkit.ScenarioGenerator;

/** The testkit's ready-made properties hold for every bundled rule set, on generated scenarios. */
class BundledRuleSetPropertiesTest {

    private static final int EXAMPLES = 40;

    @TestFactory
    Stream<DynamicTest> everyBundledRuleSetKeepsEveryProperty() {
        return RuleSet.available().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            RuleSet rules = RuleSetVerifier.of(id).ruleSet();
            RuleSetProperties.of(rules).checkAll(ScenarioGenerator.forRuleSet(rules).stream(1, EXAMPLES));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDescribedTargetButThoseOfKindOtherHasThresholdCases() {
        return RuleSet.available().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            RuleSet rules = RuleSetVerifier.of(id).ruleSet();
            List<String> cases = RuleSetProperties.of(rules).thresholdCases();
            for (TargetSpec s : rules.describe()) {
                if (s.requirement().kind() != TargetSpec.Kind.OTHER) {
                    assertTrue(cases.stream().anyMatch(c -> c.startsWith(s.target() + " " + s.level() + " ")),
                            () -> s.target() + " " + s.level() + " (" + s.requirement() + ") has no case");
                }
            }
        }));
    }

    @Test
    void hcmAgri2021KeepsThePropertiesOnShrinkableQuickTheoriesDocuments() {
        RuleSet rules = RuleSetVerifier.of("hcm-agri/2021").ruleSet();
        RuleSetProperties properties = RuleSetProperties.of(rules);

        qt().withExamples(40).withShrinkCycles(50).forAll(ScenarioGen.documents(rules)).checkAssert(properties::check);
    }

    @ParameterizedTest
    @GeneratedScenarios(ruleSet = "hcm-agri/2020", count = 30, seed = 2020)
    void hcmAgri2020JudgesEveryDepartmentOncePerTarget(FactsDocument facts) {
        RuleSetProperties.of(RuleSetVerifier.of("hcm-agri/2020").ruleSet()).checkOneResultPerUnitFieldAndPeriod(facts);
    }
}
