// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/** feedback.drl: every piece of feedback and every petition handled in time and published (item 7). */
class FeedbackRulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    final RuleSetVerifier.Selection department = verifier.target("feedback-handled").unit("snn");
    final RuleSetVerifier.Selection subDepartment = verifier.target("feedback-handled").unit("cc");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn");
    }

    @Test
    void allFeedbackHandledIsMetForADepartment() {
        department.given(yearEnd()
                        .ratio("snn", "feedback.handled", "2021", 250, 250)
                        .ratio("cc", "feedback.handled", "2021", 249, 250))
                .isMet().withGap(0).withThreshold(">= 100").fromSource("001_71801934a71350b6.txt", "7");
    }

    @Test
    void onePetitionUnhandledIsNotMetByOne() {
        subDepartment.given(yearEnd()
                        .ratio("snn", "feedback.handled", "2021", 250, 250)
                        .ratio("cc", "feedback.handled", "2021", 249, 250))
                .isNotMet().withGap(1).withActual("99.60").fromSource("000_68aedd695de7ffa6.txt", "7");
    }

    @Test
    void allFeedbackHandledIsMetForASubDepartment() {
        subDepartment.given(yearEnd().ratio("cc", "feedback.handled", "2021", 7, 7)).isMet();
    }

    @Test
    void withNoFeedbackReceivedTheTargetDoesNotApply() {
        department.given(yearEnd().ratio("snn", "feedback.handled", "2021", 0, 0)).isNotApplicable().withoutGap();
    }

    @Test
    void withoutFiguresItIsInsufficientData() {
        department.given(yearEnd()).isInsufficient();
    }
}
