// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.reformtargets.core.*;
import org.reformtargets.testkit.*;

/** The worked example of docs/testing.md, compiled and run as the project's own test. */
class HostScorecardPropertiesExampleTest {

    static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");            // the rule set the host ships
    }

    /** Our own code: targets met per unit. */
    static java.util.Map<String, Long> metPerUnit(Evaluation e) {
        return e.results().stream().filter(r -> r.status() == Status.MET)
                .collect(java.util.stream.Collectors.groupingBy(TargetResult::unit,
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    @Test
    void theScorecardAgreesWithTheSummaryOnRandomProvinces() {
        qt().withExamples(100)
            .forAll(ScenarioGen.documents(rules))          // shrinks to a small failing province
            .checkAssert(facts -> {
                Evaluation e = rules.evaluate(facts);
                long met = metPerUnit(e).values().stream().mapToLong(Long::longValue).sum();
                assertEquals(e.summary().get(Status.MET).longValue(), met);
            });
    }

    @ParameterizedTest
    @GeneratedScenarios(ruleSet = "hcm-agri/2021", count = 30, seed = 2021)
    void theScorecardIgnoresTheOrderOfTheFacts(FactsDocument facts) {
        java.util.List<Measurement> reversed = new java.util.ArrayList<>(facts.measurements());
        java.util.Collections.reverse(reversed);
        FactsDocument shuffled = new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), reversed,
                facts.events(), facts.attestations());

        assertEquals(metPerUnit(rules.evaluate(facts)), metPerUnit(rules.evaluate(shuffled)));
    }

    @Test
    void theShippedRuleSetKeepsTheLibrarysProperties() {
        RuleSetProperties.of(rules).checkAll(1, 40);
    }

    @Test
    void ourProvincesSatisfactionTargetTurnsExactlyAt91Percent() {
        RuleSetVerifier.of(rules).target("satisfaction").unit("snn")
                .given(Facts.asOf("2021-12-31").department("snn").ratio("snn", "satisfaction", "2021", 910, 1000))
                .isMet();
    }
}
