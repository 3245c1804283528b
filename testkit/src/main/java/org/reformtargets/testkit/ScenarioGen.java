// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/**
 * The documents of {@link ScenarioGenerator} as a QuickTheories generator. Every choice is drawn
 * from QuickTheories' randomness source, so a failing document shrinks choice by choice, and a
 * failure shows the document as JSON. Needs {@code org.quicktheories:quicktheories} on the test
 * class path (the testkit does not bring it).
 *
 * <pre>{@code
 * qt().forAll(ScenarioGen.documents(RuleSet.load("hcm-agri/2021")))
 *     .checkAssert(facts -> ...);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScenarioGen {

    private ScenarioGen() {
    }

    /** Random valid documents for {@code ruleSet}'s targets. */
    public static Gen<FactsDocument> documents(RuleSet ruleSet) {
        return documents(ScenarioGenerator.forRuleSet(ruleSet));
    }

    /** Random valid documents from {@code generator}. */
    public static Gen<FactsDocument> documents(ScenarioGenerator generator) {
        Gen<FactsDocument> gen = in -> generator.generate(from(in));
        return gen.describedAs(ReformTargetsJson::writeFacts);
    }

    private static Draw from(RandomnessSource in) {
        return new Draw() {
            @Override
            long between(long lo, long hi) {
                return in.next(Constraint.between(lo, hi));
            }
        };
    }
}
