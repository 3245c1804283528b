// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.ResultAssert;
import org.reformtargets.testkit.RuleSetVerifier;

/** The test helper itself: it fails where it should, and says why. */
class RuleSetVerifierTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    static Facts facts() {
        return Facts.asOf("2021-12-31").department("snn").ratio("snn", "satisfaction", "2021", 90, 100);
    }

    @Test
    void theRuleSetIsCompiledOncePerJvm() {
        assertSame(verifier.ruleSet(), RuleSetVerifier.of("hcm-agri/2021").ruleSet());
    }

    @Test
    void aWrongStatusFailsPrintingTheResultsMessageAndTheWholeResult() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> verifier.target("satisfaction").unit("snn").given(facts()).isMet());
        String m = e.getMessage();
        assertTrue(m.contains("status MET but it has NOT_MET"), m);
        assertTrue(m.contains("message: Satisfied survey forms: 90 of 100"), m);
        assertTrue(m.contains("\"target\" : \"hcm-agri/2021/satisfaction\""), m);
        assertTrue(m.contains("\"gap\" : 1"), m);
    }

    @Test
    void aWrongGapFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> verifier.target("satisfaction").unit("snn").given(facts()).isNotMet().withGap(2));
        assertTrue(e.getMessage().contains("gap 2 but it has 1"), e.getMessage());
    }

    @Test
    void everyAssertionCanFail() {
        ResultAssert then = verifier.target("satisfaction").unit("snn").given(facts());
        assertThrows(AssertionFailedError.class, then::isInsufficient);
        assertThrows(AssertionFailedError.class, then::isNotApplicable);
        assertThrows(AssertionFailedError.class, then::withoutGap);
        assertThrows(AssertionFailedError.class, () -> then.isFinal(false));
        assertThrows(AssertionFailedError.class, () -> then.measuredPeriod("2021-H1"));
        assertThrows(AssertionFailedError.class, () -> then.withActual("91.00"));
        assertThrows(AssertionFailedError.class, () -> then.withThreshold(">= 95"));
        assertThrows(AssertionFailedError.class, () -> then.fromSource("000_68aedd695de7ffa6.txt", "4"));
        assertThrows(AssertionFailedError.class, () -> then.fromRule("no such rule"));
        assertThrows(AssertionFailedError.class, () -> then.saying("no such words"));
        assertThrows(AssertionFailedError.class, () -> then.judgesFields("land"));
    }

    @Test
    void anUnknownTargetFailsListingTheTargets() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> verifier.target("satisfactoin"));
        assertTrue(e.getMessage().contains("hcm-agri/2021/satisfaction"), e.getMessage());
    }

    @Test
    void aFieldWithoutResultFailsListingTheResultsOfTheUnit() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> verifier.target("on-time-per-field").unit("snn").field("land").given(facts()));
        assertTrue(e.getMessage().contains("in field land but found 0"), e.getMessage());
        assertTrue(e.getMessage().contains("INSUFFICIENT_DATA"), e.getMessage());
    }

    @Test
    void aUnitWithoutResultFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> verifier.target("satisfaction").unit("nobody").given(facts()));
        assertTrue(e.getMessage().contains("for unit nobody"), e.getMessage());
    }
}
