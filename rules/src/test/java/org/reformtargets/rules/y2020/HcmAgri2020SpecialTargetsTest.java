// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.rules.y2020.Given.hasResult;
import static org.reformtargets.rules.y2020.Given.result;

import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/** hcm-agri/2020, the targets that are not a single share: cadences, deadlines, classes, comparisons. */
class HcmAgri2020SpecialTargetsTest {

    private static final String ID = "hcm-agri/2020/";
    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2020");
    }

    /** A department {@code snn} with sub-departments {@code cc1} … {@code ccN}. */
    static Given department(String asOf, int subUnits) {
        Given g = Given.asOf(asOf).unit("snn", Level.DEPARTMENT);
        for (int i = 1; i <= subUnits; i++) {
            g.unit("cc" + i, Level.SUB_DEPARTMENT, "snn");
        }
        return g;
    }

    static TargetResult of(Given given, String target, String unit) {
        return result(given.evaluatedBy(rules), ID + target, unit);
    }

    @Nested
    class OnTimePerField {

        @Test
        void everyFieldIsJudgedAtOneHundredPercentAndOneLateDossierInAFieldIsNotMetByOne() {
            Evaluation e = department("2021-01-15", 0)
                    .ratio("snn", "dossiers.on_time", "2020", 1999, 2000)
                    .ratio("snn", "dossiers.on_time", "land", "2020", 1000, 1000)
                    .ratio("snn", "dossiers.on_time", "investment", "2020", 999, 1000)
                    .evaluatedBy(rules);

            assertEquals(Status.NOT_MET, result(e, ID + "on-time-per-field", "snn").status());
            assertEquals(Status.MET, result(e, ID + "on-time-per-field", "snn", "land").status());
            TargetResult investment = result(e, ID + "on-time-per-field", "snn", "investment");
            assertEquals(Status.NOT_MET, investment.status());
            assertEquals(1L, investment.gap());
        }
    }

    @Nested
    class ApologyLetters {

        @Test
        void noLateDossierMakesApologyLettersNotApplicable() {
            TargetResult r = of(department("2021-01-15", 0).ratio("snn", "dossiers.late_with_apology", "2020", 0, 0),
                    "apology-letters", "snn");
            assertEquals(Status.NOT_APPLICABLE, r.status());
            assertNull(r.gap());
        }

        @Test
        void oneLateDossierWithoutALetterIsNotMetByOne() {
            TargetResult r = of(department("2021-01-15", 0).ratio("snn", "dossiers.late_with_apology", "2020", 4, 5),
                    "apology-letters", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }
    }

    @Nested
    class SurveyResultsMonthly {

        Given everyMonthExcept(int skipped, String asOf) {
            Given g = department(asOf, 1);
            for (int m = 1; m <= 12; m++) {
                if (m != skipped) {
                    g.event("snn", "survey_results.published", String.format("2020-%02d-28", m));
                }
            }
            // near misses: the month skipped has a publication in 2019 and one by a sub-department
            if (skipped > 0) {
                g.event("snn", "survey_results.published", String.format("2019-%02d-15", skipped));
                g.event("cc1", "survey_results.published", String.format("2020-%02d-15", skipped));
            }
            return g;
        }

        @Test
        void aPublicationInEveryMonthIsMet() {
            TargetResult r = of(everyMonthExcept(0, "2021-01-15"), "survey-results-monthly", "snn");
            assertEquals(Status.MET, r.status());
            assertEquals("12", r.actual());
            assertEquals(0L, r.gap());
        }

        @Test
        void aMonthWithoutPublicationIsNotMetByOneAndNamed() {
            TargetResult r = of(everyMonthExcept(7, "2021-01-15"), "survey-results-monthly", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("2020-07"), r.message().en());
            assertTrue(r.message().vi().contains("tháng 7/2020"), r.message().vi());
        }

        @Test
        void monthsNotEndedOnTheFactsDateAreNotYetDue() {
            Given g = department("2020-06-30", 0);
            for (int m = 1; m <= 6; m++) {
                g.event("snn", "survey_results.published", String.format("2020-%02d-01", m));
            }
            TargetResult r = of(g, "survey-results-monthly", "snn");
            assertEquals(Status.MET, r.status());
            assertFalse(r.isFinal());
        }
    }

    @Nested
    class QuarterlyReview {

        @Test
        void aConferenceOnTheLastDayOfEachQuarterIsMet() {
            TargetResult r = of(department("2021-01-15", 0)
                    .event("snn", "review.conference", "2020-03-31")
                    .event("snn", "review.conference", "2020-06-30")
                    .event("snn", "review.conference", "2020-09-30")
                    .event("snn", "review.conference", "2020-12-31"), "quarterly-review", "snn");
            assertEquals(Status.MET, r.status());
        }

        @Test
        void aConferenceOneDayIntoTheNextQuarterLeavesTheThirdQuarterWithoutOne() {
            TargetResult r = of(department("2021-01-15", 0)
                    .event("snn", "review.conference", "2020-03-31")
                    .event("snn", "review.conference", "2020-06-30")
                    .event("snn", "review.conference", "2020-10-01")
                    .event("snn", "review.conference", "2020-12-31"), "quarterly-review", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("2020-Q3"), r.message().en());
        }
    }

    @Nested
    class Satisfaction {

        @ParameterizedTest(name = "2020 {0}/10000, 2019 {1}/10000: {2}")
        @CsvSource({
                "9800, 9700, MET",            // at 98 %, above 2019
                "9799, 9700, NOT_MET",        // just below 98 %
                "9801, 9700, MET",            // just above 98 %
                "9850, 9850, NOT_MET",        // equal to 2019: not higher
                "9851, 9850, MET",            // one form above 2019
                "9800, 9900, NOT_MET",        // 98 % but below 2019
        })
        void atLeast98PercentAndStrictlyAbove2019(long n2020, long n2019, Status expected) {
            TargetResult r = of(department("2021-01-15", 0)
                    .ratio("snn", "satisfaction", "2020", n2020, 10_000)
                    .ratio("snn", "satisfaction", "2019", n2019, 10_000)
                    .ratio("snn", "satisfaction", "2018", 0, 10_000), "satisfaction", "snn");
            assertEquals(expected, r.status(), r.message()::en);
        }

        @Test
        void equalTo2019IsNotMetByOneForm() {
            TargetResult r = of(department("2021-01-15", 0)
                    .ratio("snn", "satisfaction", "2020", 9900, 10_000)
                    .ratio("snn", "satisfaction", "2019", 990, 1_000), "satisfaction", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }

        @Test
        void without2019TheComparisonLacksData() {
            TargetResult r = of(department("2021-01-15", 0).ratio("snn", "satisfaction", "2020", 9900, 10_000),
                    "satisfaction", "snn");
            assertEquals(Status.INSUFFICIENT_DATA, r.status());
        }
    }

    @Nested
    class StaffReduction {

        @ParameterizedTest(name = "2015 {0}, 2020 {1}: {2}, gap {3}")
        @CsvSource({
                "200, 195, MET, 0",       // exactly 97.5 % of 2015
                "200, 196, NOT_MET, 1",   // one above 97.5 %
                "200, 194, MET, 0",
                "201, 195, MET, 0",       // 97.5 % of 201 is 195.975
                "201, 196, NOT_MET, 1",
                "40, 39, MET, 0",         // exactly 97.5 % again
                "40, 40, NOT_MET, 1",     // no reduction at all
        })
        void headcountIsAtMost97Point5PercentOf2015(String in2015, String in2020, Status expected, long gap) {
            TargetResult r = of(department("2021-01-15", 0)
                    .value("snn", "staff.headcount", "2015", in2015)
                    .value("snn", "staff.headcount", "2020", in2020)
                    .value("snn", "staff.headcount", "2019", "1"), "staff-reduction", "snn");
            assertEquals(expected, r.status(), r.message()::en);
            assertEquals(gap, r.gap());
        }

        @Test
        void without2015TheTargetLacksData() {
            TargetResult r = of(department("2021-01-15", 0)
                    .value("snn", "staff.headcount", "2016", "200")
                    .value("snn", "staff.headcount", "2020", "150"), "staff-reduction", "snn");
            assertEquals(Status.INSUFFICIENT_DATA, r.status());
        }
    }

    @Nested
    class TasksByDeadline {

        @Test
        void aTaskCompletedOn30OctoberIsOnTime() {
            TargetResult r = of(department("2021-01-15", 0)
                    .taskCompleted("snn", "t1", "2020-03-01")
                    .taskCompleted("snn", "t2", "2020-10-30"), "tasks-by-deadline", "snn");
            assertEquals(Status.MET, r.status());
        }

        @Test
        void aTaskCompletedOn31OctoberIsLateTheDayItselfExcluded() {
            TargetResult r = of(department("2021-01-15", 0)
                    .taskCompleted("snn", "t1", "2020-03-01")
                    .taskCompleted("snn", "t2", "2020-10-31"), "tasks-by-deadline", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
            assertTrue(r.message().vi().contains("trước ngày 31/10/2020"), r.message().vi());
            assertFalse(r.message().vi().contains("đến hết ngày"), r.message().vi());
        }

        @Test
        void aTaskCompletedOn1NovemberIsLate() {
            TargetResult r = of(department("2021-01-15", 0)
                    .taskCompleted("snn", "t1", "2020-03-01")
                    .taskCompleted("snn", "t2", "2020-11-01"), "tasks-by-deadline", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }

        @Test
        void anAssignedTaskNeverCompletedIsNotMet() {
            TargetResult r = of(department("2021-01-15", 0)
                    .taskAssigned("snn", "t1")
                    .taskCompleted("snn", "t2", "2020-05-01"), "tasks-by-deadline", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }

        @Test
        void withoutTaskEventsTheShareOfTasksCompletedIsJudged() {
            assertEquals(Status.MET, of(department("2021-01-15", 0)
                    .ratio("snn", "tasks.completed_by_deadline", "2020", 40, 40), "tasks-by-deadline", "snn").status());
            assertEquals(Status.NOT_MET, of(department("2021-01-15", 0)
                    .ratio("snn", "tasks.completed_by_deadline", "2020", 39, 40), "tasks-by-deadline", "snn").status());
        }
    }

    @Nested
    class ParIndexClass {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"EXCELLENT, MET", "GOOD, MET", "good, MET", "FAIR, NOT_MET", "AVERAGE, NOT_MET", "POOR, NOT_MET"})
        void goodOrBetterIsMet(String word, Status expected) {
            TargetResult r = of(department("2021-06-01", 0)
                    .attestation("snn", "par_index.class", "2020", word)
                    .attestation("snn", "par_index.class", "2019", word.equals("EXCELLENT") ? "POOR" : "EXCELLENT"),
                    "par-index-class", "snn");
            assertEquals(expected, r.status(), r.message()::en);
        }

        @Test
        void fairIsOneClassShort() {
            TargetResult r = of(department("2021-06-01", 0).attestation("snn", "par_index.class", "2020", "FAIR"),
                    "par-index-class", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(">= GOOD", r.threshold());
            assertTrue(r.message().en().contains("1 class short"), r.message().en());
        }

        @Test
        void sentencesNameTheClassesAndTheAttestationByTheirLabelsNeverByCode() {
            TargetResult r = of(department("2021-06-01", 0).attestation("snn", "par_index.class", "2020", "FAIR"),
                    "par-index-class", "snn");

            assertEquals(Status.NOT_MET, r.status());
            assertEquals("FAIR", r.actual());
            assertTrue(r.message().vi().contains("xếp loại Chỉ số cải cách hành chính (PAR Index)"), r.message().vi());
            assertTrue(r.message().vi().contains(": Khá, chỉ tiêu từ Tốt trở lên (Xuất sắc, Tốt): "), r.message().vi());
            assertTrue(r.message().en().contains(": Fair, against a target of Good or better (Excellent, Good): "),
                    r.message().en());
            for (String code : List.of("par_index.class", "FAIR", "GOOD", "EXCELLENT")) {
                assertFalse(r.message().vi().contains(code) || r.message().en().contains(code), code + " in " + r.message());
            }
        }

        @Test
        void aWordNotOnTheScaleLacksDataAndTheMessageListsTheScale() {
            TargetResult r = of(department("2021-06-01", 0).attestation("snn", "par_index.class", "2020", "Tốt"),
                    "par-index-class", "snn");
            assertEquals(Status.INSUFFICIENT_DATA, r.status());
            // the words the facts must use, after their labels: the scale is what the office has to write
            assertTrue(r.message().en().contains("Excellent (EXCELLENT) > Good (GOOD) > Fair (FAIR) > Average (AVERAGE)"
                    + " > Poor (POOR)"), r.message().en());
            assertTrue(r.message().vi().contains("'Tốt', không thuộc thang Xuất sắc (EXCELLENT) > Tốt (GOOD)"),
                    r.message().vi());
        }

        @Test
        void noAttestationLacksData() {
            assertEquals(Status.INSUFFICIENT_DATA, of(department("2021-06-01", 0), "par-index-class", "snn").status());
        }
    }

    @Nested
    class InspectionCoverage {

        @ParameterizedTest(name = "{1} of {0} sub-units inspected: {2}, gap {3}")
        @CsvSource({"4, 2, MET, 0", "4, 1, NOT_MET, 1", "4, 3, MET, 0", "5, 2, NOT_MET, 1", "5, 3, MET, 0"})
        void atLeastHalfTheSubUnitsInspectedPeriodicallyOrBySurprise(int subUnits, int inspected, Status expected, long gap) {
            Given g = department("2021-01-15", subUnits);
            for (int i = 1; i <= inspected; i++) {
                g.inspection("snn", i % 2 == 0 ? "inspection.surprise" : "inspection.periodic", "2020-03-1" + i, "cc" + i);
            }
            // near misses: a sub-unit inspected twice, a sub-unit not yet inspected in 2020 but in 2019,
            // and an inspection of an office below a sub-department
            g.inspection("snn", "inspection.surprise", "2020-09-01", "cc1");
            g.inspection("snn", "inspection.periodic", "2019-12-31", "cc" + subUnits);
            g.unit("office", Level.OFFICE, "cc1").inspection("snn", "inspection.periodic", "2020-05-05", "office");
            TargetResult r = of(g, "inspection-coverage", "snn");
            assertEquals(expected, r.status(), r.message()::en);
            assertEquals(gap, r.gap());
        }

        @Test
        void theRuleRecordsTheConflictBetweenMoreThanAndAtLeast50Percent() {
            TargetResult r = of(department("2021-01-15", 2), "inspection-coverage", "snn");
            assertTrue(r.source().reading().contains("trên 50 %"), r.source().reading());
            assertTrue(r.source().reading().contains("tối thiểu 50 %"), r.source().reading());
            assertTrue(r.source().reading().contains(">="), r.source().reading());
        }
    }

    @Nested
    class InitiativePerUnit {

        @Test
        void everySubUnitWithAnInitiativeIn2020IsMet() {
            TargetResult r = of(department("2021-01-15", 2)
                    .event("cc1", "initiative", "2020-01-01")
                    .event("cc2", "initiative", "2020-12-31"), "initiative-per-unit", "snn");
            assertEquals(Status.MET, r.status());
        }

        @Test
        void aSubUnitWhoseOnlyInitiativeIsFrom2019IsNotMetByOne() {
            TargetResult r = of(department("2021-01-15", 2)
                    .event("cc1", "initiative", "2020-06-01")
                    .event("cc2", "initiative", "2019-12-31")
                    .event("snn", "initiative", "2020-06-01"), "initiative-per-unit", "snn");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }
    }

    @Nested
    class ReportsOnTime {

        Given subDepartment(String asOf) {
            return Given.asOf(asOf).unit("snn", Level.DEPARTMENT).unit("cc", Level.SUB_DEPARTMENT, "snn");
        }

        @Test
        void everyReportSentTheDayBeforeItsDateIsMet() {
            Evaluation e = subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-24")
                    .report("cc", "H1", "2020-05-24")
                    .report("cc", "9M", "2020-08-24")
                    .report("cc", "Y", "2020-11-19")
                    .evaluatedBy(rules);
            TargetResult r = result(e, ID + "reports-on-time", "cc");
            assertEquals(Status.MET, r.status(), r.message()::en);
            assertEquals("4", r.actual());
            assertEquals("Q1 before 2020-02-25, H1 before 2020-05-25, 9M before 2020-08-25, Y before 2020-11-20",
                    r.threshold());
            assertFalse(hasResult(e, ID + "reports-on-time", "snn"), "the target binds sub-departments only");
        }

        @Test
        void aReportOneDayLateIsNotMetByOne() {
            TargetResult r = of(subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-26")
                    .report("cc", "H1", "2020-05-20")
                    .report("cc", "9M", "2020-08-20")
                    .report("cc", "Y", "2020-11-19"), "reports-on-time", "cc");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("submitted late: Q1 (on 2020-02-26, due before 2020-02-25)"),
                    r.message().en());
            assertTrue(r.message().vi().contains("gửi trễ hạn: quý I (ngày 26/02/2020, hạn trước ngày 25/02/2020)"),
                    r.message().vi());
        }

        @Test
        void aMissingReportIsNotMetAndAReportOfAnotherUnitDoesNotCount() {
            TargetResult r = of(subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-20")
                    .report("cc", "H1", "2020-05-20")
                    .report("snn", "9M", "2020-08-20")
                    .report("cc", "9M", "2019-08-20")
                    .report("cc", "Y", "2020-11-19"), "reports-on-time", "cc");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("not submitted, overdue: 9M (due before 2020-08-25)"), r.message().en());
        }

        @Test
        void onTheDayBeforeItsDateAReportNotYetSentIsPending() {
            TargetResult r = of(subDepartment("2020-05-24").report("cc", "Q1", "2020-02-24"), "reports-on-time", "cc");
            assertEquals(Status.MET, r.status(), r.message()::en);
            assertFalse(r.isFinal(), "reports still pending leave the result open");
            assertEquals(0L, r.gap());
            assertTrue(r.message().en().contains("met so far, not final: no report is late; 3 reports not yet due"
                    + " (H1, 9M, Y)"), r.message().en());
            assertTrue(r.message().vi().contains("đạt, chưa phải kết quả cuối cùng: chưa có báo cáo nào trễ hạn;"
                    + " còn 3 báo cáo chưa đến hạn (6 tháng, 9 tháng, năm)"), r.message().vi());
        }

        @Test
        void onItsDateAMissingReportIsLateAndTheResultFinalAtOnce() {
            TargetResult r = of(subDepartment("2020-05-25").report("cc", "Q1", "2020-02-24"), "reports-on-time", "cc");
            assertEquals(Status.NOT_MET, r.status());
            assertTrue(r.isFinal(), "a missed date cannot be made good later in the year");
            assertEquals(1L, r.gap());
            assertTrue(r.message().vi().contains("chưa đạt, 1 báo cáo không gửi đúng hạn"), r.message().vi());
        }

        @Test
        void beforeTheFirstDateNothingIsDueYetSoTheTargetIsMetNotFinal() {
            TargetResult r = of(subDepartment("2020-02-20"), "reports-on-time", "cc");
            assertEquals(Status.MET, r.status());
            assertFalse(r.isFinal());
            assertTrue(r.message().vi().contains("chưa có báo cáo nào đến hạn vào ngày 20/02/2020"), r.message().vi());
        }

        @Test
        void lastYearsYearReportSentInJanuaryIsNotThisYears() {
            Given facts = subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-20")
                    .report("cc", "H1", "2020-05-20")
                    .report("cc", "9M", "2020-08-20");
            TargetResult withPeriod = of(facts.report("cc", "Y", "2020-01-10", "2019"), "reports-on-time", "cc");
            assertEquals(Status.NOT_MET, withPeriod.status(), withPeriod.message()::en);
            assertEquals("3", withPeriod.actual());
            TargetResult withoutPeriod = of(subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-20")
                    .report("cc", "H1", "2020-05-20")
                    .report("cc", "9M", "2020-08-20")
                    .report("cc", "Y", "2020-01-10"), "reports-on-time", "cc");
            assertEquals(Status.NOT_MET, withoutPeriod.status(), withoutPeriod.message()::en);
            TargetResult thisYears = of(subDepartment("2020-12-31")
                    .report("cc", "Q1", "2020-02-20")
                    .report("cc", "H1", "2020-05-20")
                    .report("cc", "9M", "2020-08-20")
                    .report("cc", "Y", "2020-01-10", "2019")
                    .report("cc", "Y", "2020-11-19", "2020"), "reports-on-time", "cc");
            assertEquals(Status.MET, thisYears.status(), thisYears.message()::en);
        }

        @Test
        void aReportSentEarlyCountsBeforeItIsDue() {
            TargetResult r = of(subDepartment("2020-03-01")
                    .report("cc", "Q1", "2020-02-24")
                    .report("cc", "H1", "2020-02-28"), "reports-on-time", "cc");
            assertEquals(Status.MET, r.status());
            assertEquals("2", r.actual());
        }
    }
}
