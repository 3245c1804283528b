// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/** surveys.drl: every receiving desk surveys satisfaction; results published every quarter (item 6). */
class SurveysRulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn").office("o1", "cc");
    }

    @Nested
    class ReceivingUnitsSurvey {

        final RuleSetVerifier.Selection department = verifier.target("receiving-units-survey").unit("snn");
        final RuleSetVerifier.Selection subDepartment = verifier.target("receiving-units-survey").unit("cc");

        @Test
        void everyReceivingDeskSurveyingIsMet() {
            Facts facts = yearEnd()
                    .ratio("snn", "receiving_units.surveying", "2021", 14, 14)
                    .ratio("cc", "receiving_units.surveying", "2021", 11, 12);
            department.given(facts).isMet().withGap(0).withActual("100.00").withThreshold(">= 100");
            subDepartment.given(facts).isNotMet().withGap(1).withActual("91.66");
        }

        @Test
        void oneDeskNotSurveyingOutOfManyIsStillNotMet() {
            department.given(yearEnd().ratio("snn", "receiving_units.surveying", "2021", 999, 1000))
                    .isNotMet().withGap(1);
        }

        @Test
        void aSubDepartmentWithEveryDeskSurveyingIsMet() {
            subDepartment.given(yearEnd().ratio("cc", "receiving_units.surveying", "2021", 3, 3))
                    .isMet().fromSource("000_68aedd695de7ffa6.txt", "6");
        }

        @Test
        void withoutFiguresItIsInsufficientData() {
            department.given(yearEnd().ratio("cc", "receiving_units.surveying", "2021", 3, 3)).isInsufficient();
        }

        @Test
        void withoutReceivingDesksItDoesNotApply() {
            subDepartment.given(yearEnd().ratio("cc", "receiving_units.surveying", "2021", 0, 0)).isNotApplicable();
        }
    }

    @Nested
    class SurveyResultsQuarterly {

        final RuleSetVerifier.Selection department = verifier.target("survey-results-quarterly").unit("snn");
        final RuleSetVerifier.Selection subDepartment = verifier.target("survey-results-quarterly").unit("cc");

        static final String PUBLISHED = "survey_results.published";

        @Test
        void publishingInEveryQuarterIsMet() {
            department.given(yearEnd()
                            .event("snn", PUBLISHED, "2021-01-01")
                            .event("snn", PUBLISHED, "2021-06-30")
                            .event("snn", PUBLISHED, "2021-07-01")
                            .event("snn", PUBLISHED, "2021-12-31"))
                    .isMet().withGap(0).withThreshold(">= 1 per quarter");
        }

        @Test
        void aMissingQuarterIsNotMetByOne() {
            department.given(yearEnd()
                            .event("snn", PUBLISHED, "2021-01-15")
                            .event("snn", PUBLISHED, "2021-04-15")
                            .event("snn", PUBLISHED, "2021-07-15")
                            .event("snn", "dialogue", "2021-10-15")
                            .event("cc", PUBLISHED, "2021-10-15"))
                    .isNotMet().withGap(1).saying("2021-Q4");
        }

        @Test
        void twoMissingQuartersCountTwo() {
            subDepartment.given(yearEnd()
                            .event("cc", PUBLISHED, "2021-01-15")
                            .event("cc", PUBLISHED, "2021-02-15")
                            .event("cc", PUBLISHED, "2021-12-15"))
                    .isNotMet().withGap(2);
        }

        @Test
        void atMidYearLaterQuartersAreNotYetDue() {
            Facts facts = Facts.asOf("2021-06-30").department("snn").subDepartment("cc", "snn")
                    .event("snn", PUBLISHED, "2021-03-01")
                    .event("snn", PUBLISHED, "2021-06-01")
                    .event("cc", PUBLISHED, "2021-06-01");
            department.given(facts).isMet().withGap(0).isFinal(false);
            subDepartment.given(facts).isNotMet().withGap(1).isFinal(false);
        }
    }
}
