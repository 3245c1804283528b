// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;

/** The verifier on the fixture rule set: given/then reads right, and fails saying why. */
class RuleSetVerifierTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of(Fixtures.TK);

    @Test
    void looseFactsAreJudgedAsOfTheEndOfTheRuleSetsPeriod() {
        verifier.target("satisfaction")
                .given(Unit.root("so", "Sở", Level.DEPARTMENT),
                        Measurement.ratio("so", "satisfaction", null, Period.year(2021), 90, 100))
                .isMet().withGap(0).isFinal(true);
    }

    @Test
    void withoutAUnitTheOneUnitJudgedIsChecked() {
        verifier.target("satisfaction")
                .given(Facts.asOf("2021-12-31").department("so").ratio("so", "satisfaction", "2021", 80, 100))
                .isNotMet().withGap(10).saying("80 of 100");
    }

    @Test
    void withoutAUnitSeveralJudgedUnitsFailNamingThem() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> verifier.target("satisfaction")
                .given(Facts.asOf("2021-12-31").department("a").department("b")));

        assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
        assertTrue(e.getMessage().contains("unit(\"...\")"), e.getMessage());
    }

    @Test
    void aWrongStatusFailsShowingTheRulesOwnExplanationInBothLanguages() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> verifier.target("satisfaction")
                .given(Facts.asOf("2021-12-31").department("so").ratio("so", "satisfaction", "2021", 89, 100))
                .isMet());

        assertTrue(e.getMessage().contains("status MET but it has NOT_MET"), e.getMessage());
        assertTrue(e.getMessage().contains("message: Satisfied survey forms: 89 of 100"), e.getMessage());
        assertTrue(e.getMessage().contains("thông báo: "), e.getMessage());
        assertTrue(e.isExpectedDefined() && e.isActualDefined(), "expected and actual for IDE diffs");
    }

    @Test
    void aMissingFigureIsInsufficient() {
        verifier.target("satisfaction").given(Unit.root("so", "Sở", Level.DEPARTMENT)).isInsufficient().withoutGap();
    }

    @Test
    void looseFactsOfAnotherKindAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> verifier.target("satisfaction").given("so", 90));
    }

    @Test
    void aRuleSetLoadedByIdIsCompiledOncePerJvm() {
        assertSame(verifier.ruleSet(), RuleSetVerifier.of(Fixtures.TK).ruleSet());
    }

    @Test
    void aRuleSetFromAFolderCanBeVerified() {
        RuleSetVerifier broken = RuleSetVerifier.fromDirectory(Fixtures.resource("broken/tk-broken/2021"));

        broken.target("satisfaction").unit("so")
                .given(Facts.asOf("2021-12-31").department("so").office("o", "so")
                        .ratio("so", "satisfaction", "2021", 95, 100))
                .isMet();
    }
}
