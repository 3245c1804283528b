// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/** dossiers-and-dialogue.drl: on time per field, early resolution, a dialogue every quarter (item 5). */
class DossiersAndDialogueRulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn").office("o1", "cc");
    }

    @Nested
    class OnTimePerField {

        final RuleSetVerifier.Selection department = verifier.target("on-time-per-field").unit("snn");
        final RuleSetVerifier.Selection subDepartment = verifier.target("on-time-per-field").unit("cc");

        @Test
        void landAtExactly96PercentIsMetForADepartmentWhileAnotherFieldAt97IsNot() {
            Facts facts = yearEnd()
                    .ratio("snn", "dossiers.on_time", "land", "2021", 96, 100)
                    .ratio("snn", "dossiers.on_time", "forestry", "2021", 97, 100);
            department.field("land").given(facts).isMet().withGap(0).withActual("96.00").withThreshold(">= 96");
            department.field("forestry").given(facts).isNotMet().withGap(1).withThreshold(">= 98");
        }

        @Test
        void landOneDossierBelow96PercentIsNotMetByOne() {
            department.field("land")
                    .given(yearEnd().ratio("snn", "dossiers.on_time", "land", "2021", 95, 100))
                    .isNotMet().withGap(1);
        }

        @Test
        void landJustAbove96PercentIsMet() {
            department.field("land")
                    .given(yearEnd().ratio("snn", "dossiers.on_time", "land", "2021", 961, 1000))
                    .isMet();
        }

        @Test
        void investmentAtExactly96PercentIsMetAndOneBelowIsNot() {
            department.field("investment")
                    .given(yearEnd().ratio("snn", "dossiers.on_time", "investment", "2021", 96, 100))
                    .isMet().withThreshold(">= 96");
            department.field("investment")
                    .given(yearEnd().ratio("snn", "dossiers.on_time", "investment", "2021", 959, 1000))
                    .isNotMet().withGap(1);
        }

        @Test
        void otherFieldsOfADepartmentNeed98PercentExactly() {
            Facts facts = yearEnd()
                    .ratio("snn", "dossiers.on_time", "agriculture", "2021", 98, 100)
                    .ratio("snn", "dossiers.on_time", "fisheries", "2021", 97, 100)
                    .ratio("snn", "dossiers.on_time", "veterinary", "2021", 99, 100);
            department.field("agriculture").given(facts).isMet().withGap(0);
            department.field("fisheries").given(facts).isNotMet().withGap(1);
            department.field("veterinary").given(facts).isMet();
        }

        @Test
        void aDepartmentTotalOf4890Of5000AgainstA98PercentTargetIsShortBy10() {
            department.given(yearEnd().ratio("snn", "dossiers.on_time", "2021", 4890, 5000))
                    .isNotMet().withGap(10).withActual("97.80").withThreshold(">= 98")
                    .saying("4,890 of 5,000");
        }

        @Test
        void aDepartmentTotalOf4900Of5000IsMet() {
            department.given(yearEnd().ratio("snn", "dossiers.on_time", "2021", 4900, 5000))
                    .isMet().withGap(0);
        }

        @Test
        void aDepartmentIsJudgedOnItsTotalAndEveryFieldReported() {
            department.given(yearEnd()
                            .ratio("snn", "dossiers.on_time", "2021", 4890, 5000)
                            .ratio("snn", "dossiers.on_time", "land", "2021", 970, 1000)
                            .ratio("snn", "dossiers.on_time", "investment", "2021", 95, 100))
                    .judgesFields(null, "investment", "land");
        }

        @Test
        void aUnitWithOnlyFieldsIsJudgedOnItsFieldsOnly() {
            department.given(yearEnd().ratio("snn", "dossiers.on_time", "land", "2021", 970, 1000))
                    .judgesFields("land");
        }

        @Test
        void aUnitReportingOnlyATotalIsJudgedOnTheTotal() {
            department.given(yearEnd().ratio("snn", "dossiers.on_time", "2021", 98, 100))
                    .judgesFields((String) null).isMet();
        }

        @Test
        void aSubDepartmentNeedsEveryDossierOnTimeInEveryField() {
            Facts facts = yearEnd()
                    .ratio("cc", "dossiers.on_time", "plant-protection", "2021", 1000, 1000)
                    .ratio("cc", "dossiers.on_time", "seeds", "2021", 999, 1000);
            subDepartment.field("plant-protection").given(facts).isMet().withThreshold(">= 100");
            subDepartment.field("seeds").given(facts).isNotMet().withGap(1);
        }

        @Test
        void aSubDepartmentGetsNoLandOrInvestmentAllowance() {
            Facts facts = yearEnd()
                    .ratio("cc", "dossiers.on_time", "land", "2021", 99, 100)
                    .ratio("snn", "dossiers.on_time", "land", "2021", 99, 100);
            subDepartment.field("land").given(facts).isNotMet().withGap(1).withThreshold(">= 100");
            department.field("land").given(facts).isMet();
        }

        @Test
        void aSubDepartmentTotalAt100PercentIsMet() {
            subDepartment.given(yearEnd().ratio("cc", "dossiers.on_time", "2021", 250, 250)).isMet();
        }

        @Test
        void noDossierFiguresAtAllIsInsufficientData() {
            Facts facts = yearEnd().ratio("o1", "dossiers.on_time", "2021", 10, 10);
            department.given(facts).judgesFields((String) null).isInsufficient().withoutGap();
            subDepartment.given(facts).isInsufficient();
        }

        @Test
        void aFieldWithNoDossiersResolvedDoesNotApply() {
            department.field("investment")
                    .given(yearEnd().ratio("snn", "dossiers.on_time", "investment", "2021", 0, 0))
                    .isNotApplicable();
        }

        @Test
        void onlyThe2021FiguresCount() {
            department.given(yearEnd()
                            .ratio("snn", "dossiers.on_time", "2020", 100, 100)
                            .ratio("snn", "dossiers.on_time", "2021", 97, 100))
                    .isNotMet().withGap(1);
        }
    }

    @Nested
    class EarlyResolution {

        final RuleSetVerifier.Selection subDepartment = verifier.target("early-resolution").unit("cc");

        @Test
        void aSubDepartmentResolving80PercentEarlyIsMet() {
            subDepartment.given(yearEnd().ratio("cc", "dossiers.early", "2021", 80, 100))
                    .isMet().withGap(0).withThreshold(">= 80");
        }

        @Test
        void aSubDepartmentOneDossierShortOf80PercentIsNotMetByOne() {
            subDepartment.given(yearEnd().ratio("cc", "dossiers.early", "2021", 79, 100))
                    .isNotMet().withGap(1);
        }

        @Test
        void aSubDepartmentJustAbove80PercentIsMet() {
            subDepartment.given(yearEnd().ratio("cc", "dossiers.early", "2021", 801, 1000)).isMet();
        }

        @Test
        void theDepartmentsFigureDoesNotCountForItsSubDepartment() {
            subDepartment.given(yearEnd().ratio("snn", "dossiers.early", "2021", 90, 100)).isInsufficient();
        }

        @Test
        void doesNotApplyToADepartmentEvenWithFigures() {
            verifier.target("early-resolution").unit("snn")
                    .given(yearEnd().ratio("snn", "dossiers.early", "2021", 10, 100))
                    .isNotApplicable().withoutGap()
                    .fromRule("A department's commitment sets no share of dossiers resolved early");
        }
    }

    @Nested
    class QuarterlyDialogue {

        final RuleSetVerifier.Selection department = verifier.target("quarterly-dialogue").unit("snn");
        final RuleSetVerifier.Selection subDepartment = verifier.target("quarterly-dialogue").unit("cc");

        @Test
        void aDialogueInEachOfTheFourQuartersIsMet() {
            department.given(yearEnd()
                            .event("snn", "dialogue", "2021-03-31")
                            .event("snn", "dialogue", "2021-04-01")
                            .event("snn", "dialogue", "2021-09-30")
                            .event("snn", "dialogue", "2021-12-31"))
                    .isMet().withGap(0).withActual("4").isFinal(true);
        }

        @Test
        void aMissingQuarterIsNotMetByOneQuarter() {
            department.given(yearEnd()
                            .event("snn", "dialogue", "2021-02-10")
                            .event("snn", "dialogue", "2021-05-10")
                            .event("snn", "dialogue", "2021-11-10")
                            .event("cc", "dialogue", "2021-08-10"))
                    .isNotMet().withGap(1).withActual("3").saying("2021-Q3");
        }

        @Test
        void twoDialoguesInOneQuarterDoNotMakeUpForAMissingOne() {
            department.given(yearEnd()
                            .event("snn", "dialogue", "2021-01-10")
                            .event("snn", "dialogue", "2021-02-10")
                            .event("snn", "dialogue", "2021-08-10")
                            .event("snn", "dialogue", "2021-11-10"))
                    .isNotMet().withGap(1);
        }

        @Test
        void everyMissingQuarterCountsInTheGap() {
            department.given(yearEnd().event("snn", "dialogue", "2021-05-10").event("snn", "dialogue", "2020-12-20"))
                    .isNotMet().withGap(3);
        }

        @Test
        void noDialogueAtAllMissesAllFourQuarters() {
            subDepartment.given(yearEnd()).isNotMet().withGap(4).withActual("0");
        }

        @Test
        void atMidYearOnlyTheQuartersEndedAreDue() {
            department.given(Facts.asOf("2021-07-15").department("snn")
                            .event("snn", "dialogue", "2021-02-10")
                            .event("snn", "dialogue", "2021-06-10"))
                    .isMet().withGap(0).isFinal(false);
        }

        @Test
        void atMidYearAMissingEndedQuarterIsNotMet() {
            department.given(Facts.asOf("2021-09-29").department("snn")
                            .event("snn", "dialogue", "2021-02-10")
                            .event("snn", "dialogue", "2021-09-10"))
                    .isNotMet().withGap(1).isFinal(false).saying("2021-Q2");
        }

        @Test
        void beforeTheFirstQuarterEndsNothingIsDue() {
            department.given(Facts.asOf("2021-03-30").department("snn").event("snn", "dialogue", "2021-02-10"))
                    .isNotApplicable().isFinal(false);
        }

        @Test
        void aSubDepartmentIsJudgedOnItsOwnDialogues() {
            Facts facts = yearEnd();
            for (String date : new String[] {"2021-02-10", "2021-05-10", "2021-08-10", "2021-11-10"}) {
                facts.event("cc", "dialogue", date);
            }
            facts.event("snn", "dialogue", "2021-02-10");
            subDepartment.given(facts).isMet().fromSource("000_68aedd695de7ffa6.txt", "5");
            department.given(facts).isNotMet().withGap(3).fromSource("001_71801934a71350b6.txt", "5");
        }
    }
}
