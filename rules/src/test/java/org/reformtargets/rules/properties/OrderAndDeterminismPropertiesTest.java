// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/** The result document depends on the facts only: not on their order, nor on the run. */
class OrderAndDeterminismPropertiesTest {

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");
    }

    @Test
    void shufflingUnitsMeasurementsEventsAndAttestationsNeverChangesTheOutput() {
        qt().withExamples(250).withShrinkCycles(100)
                .forAll(FactsGen.documents(), Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE))
                .checkAssert((facts, seed) -> {
                    FactsDocument shuffled = FactsGen.shuffled(facts, seed);

                    assertEquals(ReformTargetsJson.writeEvaluation(rules.evaluate(facts)),
                            ReformTargetsJson.writeEvaluation(rules.evaluate(shuffled)));
                });
    }

    @Test
    void theSameFactsGiveByteIdenticalJsonOnEveryEvaluation() {
        qt().withExamples(200).withShrinkCycles(100)
                .forAll(FactsGen.documents())
                .checkAssert(facts -> {
                    String first = ReformTargetsJson.writeEvaluation(rules.evaluate(facts));

                    assertEquals(first, ReformTargetsJson.writeEvaluation(rules.evaluate(facts)));
                    assertEquals(first, ReformTargetsJson.writeEvaluation(rules.evaluate(facts)));
                });
    }

    @Test
    void factsThatTravelThroughJsonGiveTheSameResultDocument() {
        qt().withExamples(200).withShrinkCycles(100)
                .forAll(FactsGen.documents())
                .checkAssert(facts -> {
                    Evaluation direct = rules.evaluate(facts);
                    FactsDocument travelled = ReformTargetsJson.readFacts(ReformTargetsJson.writeFacts(facts));
                    String json = ReformTargetsJson.writeEvaluation(rules.evaluate(travelled));

                    assertEquals(facts, travelled);
                    assertEquals(ReformTargetsJson.writeEvaluation(direct), json);
                    assertEquals(direct, ReformTargetsJson.readEvaluation(json));
                });
    }
}
