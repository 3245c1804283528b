// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.TargetResult;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * Year-to-date figures: a period means its own months only. While 2021 has not ended, the figure
 * runs from January to the furthest month measured: a span stated from January, or sub-periods
 * tiling those months without gap or overlap (ratios and counts add, levels take the latest);
 * results are not final. Once the year has ended only a figure covering all twelve months counts.
 */
class PartialYearTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");
    /** A count target (paper dossiers, at most 0) whose year to date adds up its sub-periods. */
    static final RuleSetVerifier countTarget = RuleSetVerifier.fromDirectory(
            java.nio.file.Path.of("src/test/resources/partial-year/demo-paper/2022"));

    final RuleSetVerifier.Selection satisfaction = verifier.target("satisfaction").unit("snn");
    final RuleSetVerifier.Selection paper = countTarget.target("no-paper-dossiers").unit("cc");

    static Facts midYear() {
        return Facts.asOf("2021-06-30").department("snn").subDepartment("cc", "snn");
    }

    static Facts paperAsOf(String asOf) {
        return Facts.asOf(asOf).subDepartment("cc", null);
    }

    @Test
    void atMidYearAFirstHalfFigureStandsForTheYearAndIsNotFinal() {
        satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-H1", 91, 100))
                .isMet().isFinal(false).measuredPeriod("2021-H1").saying("(January to June 2021, not final)");
    }

    @Test
    void aYearToDateFigureBelowTheThresholdIsNotMetYet() {
        satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-H1", 90, 100))
                .isNotMet().withGap(1).isFinal(false).measuredPeriod("2021-H1");
    }

    @Test
    void aSecondQuarterAloneIsTheSecondQuarterOnlyAndLeavesJanuaryToMarchMissing() {
        TargetResult r = satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-Q2", 91, 100))
                .isInsufficient().isFinal(false).withoutGap().saying("no figure for January to March 2021").result();
        assertTrue(r.message().vi().contains("còn thiếu số liệu tháng 1–3/2021"), r.message().vi());
    }

    @Test
    void firstQuarterThenSecondQuarterAddUp() {
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-Q1", 45, 50)
                        .ratio("snn", "satisfaction", "2021-Q2", 46, 50))
                .isMet().withActual("91.00").measuredPeriod("2021-H1");
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-Q1", 45, 50)
                        .ratio("snn", "satisfaction", "2021-Q2", 45, 50))
                .isNotMet().withGap(1).withActual("90.00").measuredPeriod("2021-H1");
    }

    @Test
    void aStatedSpanFromJanuaryIsPreferredToTheQuartersItCovers() {
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-H1", 92, 100)
                        .ratio("snn", "satisfaction", "2021-Q2", 85, 100))
                .isMet().measuredPeriod("2021-H1");
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-Q2", 85, 100)
                        .ratio("snn", "satisfaction", "2021-H1", 92, 100))
                .isMet().measuredPeriod("2021-H1");
        satisfaction.given(Facts.asOf("2021-09-30").department("snn")
                        .ratio("snn", "satisfaction", "2021-Q1", 10, 100)
                        .ratio("snn", "satisfaction", "2021-01/2021-09", 280, 300))
                .isMet().withActual("93.33").measuredPeriod("2021-01/2021-09").saying("January to September 2021");
    }

    @Test
    void aJanuaryFigureIsAddedToFebruaryNotReplacedByIt() {
        satisfaction.given(Facts.asOf("2021-03-01").department("snn")
                        .ratio("snn", "satisfaction", "2021-01", 50, 100)
                        .ratio("snn", "satisfaction", "2021-02", 100, 100))
                .isNotMet().withActual("75.00").withGap(32).isFinal(false).measuredPeriod("2021-01/2021-02");
        satisfaction.given(Facts.asOf("2021-03-01").department("snn")
                        .ratio("snn", "satisfaction", "2021-01", 82, 100)
                        .ratio("snn", "satisfaction", "2021-02", 100, 100))
                .isMet().withActual("91.00").measuredPeriod("2021-01/2021-02");
    }

    @Test
    void aFirstHalfAndAJulyStillRunningAddUpAndNameTheDayNotAWholeMonth() {
        TargetResult r = satisfaction.given(Facts.asOf("2021-07-10").department("snn")
                        .ratio("snn", "satisfaction", "2021-Q1", 99, 100)
                        .ratio("snn", "satisfaction", "2021-H1", 80, 100)
                        .ratio("snn", "satisfaction", "2021-07", 95, 100))
                .isNotMet().withActual("87.50").withGap(7).measuredPeriod("2021-01/2021-07")
                .saying("(January to 10 July 2021, not final)").result();
        assertTrue(r.message().vi().contains("lũy kế đến ngày 10/07/2021"), r.message().vi());
        assertFalse(r.message().vi().contains("hết tháng 7"), r.message().vi());
    }

    @Test
    void threePaperDossiersInTheFirstQuarterThenNoneInTheThirdIsAGapNotNone() {
        TargetResult r = paper.given(paperAsOf("2022-10-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 3)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q3", 0))
                .isInsufficient().isFinal(false).saying("no figure for April to June 2022").result();
        assertTrue(r.message().vi().contains("tháng 4–6/2022"), r.message().vi());
        paper.given(paperAsOf("2022-10-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 3)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q2", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q3", 0))
                .isNotMet().withActual("3").withGap(3).measuredPeriod("2022-01/2022-09");
    }

    @Test
    void quartersAndMonthsTileJanuaryToAugust() {
        TargetResult r = paper.given(paperAsOf("2022-09-02")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 2)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q2", 3)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-07", 1)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-08", 2))
                .isNotMet().withActual("8").withGap(8).isFinal(false).measuredPeriod("2022-01/2022-08")
                .saying("(January to August 2022, not final)").result();
        assertTrue(r.message().vi().contains("lũy kế đến hết tháng 8/2022"), r.message().vi());
    }

    @Test
    void overlappingPeriodsThatDisagreeNameTheDoubledMonths() {
        TargetResult r = paper.given(paperAsOf("2022-08-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-H1", 5)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 1)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q2", 3)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-07", 0))
                .isInsufficient().saying("January to June 2022 are reported twice").result();
        assertTrue(r.message().vi().contains("tháng 1–6/2022 bị báo cáo trùng"), r.message().vi());
        paper.given(paperAsOf("2022-08-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-H1", 4)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 1)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q2", 3)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-07", 0))
                .isNotMet().withActual("4").measuredPeriod("2022-01/2022-07");
        // a stated span from January to the furthest month is taken as stated
        paper.given(paperAsOf("2022-07-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-H1", 5)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 1)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q2", 3))
                .isNotMet().withActual("5").measuredPeriod("2022-H1");
    }

    @Test
    void periodsThatOverlapWithoutTilingAreDoubledNotAdded() {
        paper.given(paperAsOf("2022-05-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-01/2022-02", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-04", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-03", 0))
                .isMet().measuredPeriod("2022-01/2022-04");
        paper.given(paperAsOf("2022-05-05")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-01/2022-02", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q1", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-04", 0))
                .isMet().measuredPeriod("2022-01/2022-04");
    }

    @Test
    void aQuarterNotYetEndedIsTheFigureSoFarAndNeverNamedAsIfComplete() {
        TargetResult r = paper.given(paperAsOf("2022-08-15")
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-H1", 0)
                        .value("cc", "dossiers.paper_for_online_procedures", "2022-Q3", 0))
                .isMet().isFinal(false).measuredPeriod("2022-01/2022-09").saying("January to 15 August 2022").result();
        assertTrue(r.message().vi().contains("lũy kế đến ngày 15/08/2022"), r.message().vi());
        assertFalse(r.message().vi().contains("quý 3") || r.message().en().contains("Q3")
                || r.message().en().contains("September"), r.message().en());
    }

    @Test
    void afterTheYearEndedAFirstHalfFigureAloneIsInsufficientData() {
        satisfaction.given(Facts.asOf("2021-12-31").department("snn")
                        .ratio("snn", "satisfaction", "2021-H1", 95, 100))
                .isInsufficient().isFinal(true).measuredPeriod(null).saying("no figure for July to December 2021");
        satisfaction.given(Facts.asOf("2022-01-31").department("snn")
                        .ratio("snn", "satisfaction", "2021-H2", 95, 100))
                .isInsufficient().saying("no figure for January to June 2021");
    }

    @Test
    void afterTheYearEndedFourQuartersAreTheYearAndFinal() {
        satisfaction.given(Facts.asOf("2022-01-10").department("snn")
                        .ratio("snn", "satisfaction", "2021-Q1", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q2", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q3", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q4", 91, 100))
                .isMet().isFinal(true).measuredPeriod(null).withActual("91.00");
        satisfaction.given(Facts.asOf("2022-01-10").department("snn")
                        .ratio("snn", "satisfaction", "2021-Q1", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q2", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q3", 91, 100)
                        .ratio("snn", "satisfaction", "2021-Q4", 90, 100))
                .isNotMet().withGap(1).isFinal(true);
    }

    @Test
    void afterTheYearEndedTheYearsFigureIsFinal() {
        satisfaction.given(Facts.asOf("2021-12-31").department("snn")
                        .ratio("snn", "satisfaction", "2021-H1", 80, 100)
                        .ratio("snn", "satisfaction", "2021", 91, 100))
                .isMet().isFinal(true).measuredPeriod(null);
    }

    @Test
    void aFieldMeasuredForTheFirstHalfIsJudgedYearToDate() {
        Facts facts = midYear()
                .ratio("snn", "dossiers.on_time", "land", "2021-H1", 96, 100)
                .ratio("snn", "dossiers.on_time", "seeds", "2021-Q1", 98, 100)
                .ratio("snn", "dossiers.on_time", "seeds", "2021-Q2", 97, 100)
                .ratio("snn", "dossiers.on_time", "forestry", "2021-Q2", 97, 100);
        verifier.target("on-time-per-field").unit("snn").field("land").given(facts)
                .isMet().isFinal(false).measuredPeriod("2021-H1");
        verifier.target("on-time-per-field").unit("snn").field("seeds").given(facts)
                .isNotMet().withGap(1).withActual("97.50").measuredPeriod("2021-H1");
        verifier.target("on-time-per-field").unit("snn").field("forestry").given(facts)
                .isInsufficient();
    }

    @Test
    void afterTheYearEndedAFieldMeasuredOnlyForAHalfIsInsufficientData() {
        verifier.target("on-time-per-field").unit("snn").field("land")
                .given(Facts.asOf("2021-12-31").department("snn")
                        .ratio("snn", "dossiers.on_time", "land", "2021-H1", 96, 100))
                .isInsufficient();
    }

    @Test
    void theOnlineRateRiseIsJudgedYearToDateAgainstTheWhole2020() {
        verifier.target("online-rate-growth").unit("cc")
                .given(midYear()
                        .ratio("cc", "dossiers.online", "2020", 50, 100)
                        .ratio("cc", "dossiers.online", "2021-H1", 53, 100))
                .isMet().isFinal(false).measuredPeriod("2021-H1");
    }

    @Test
    void thePreviousYearMayBeTiledFromItsQuarters() {
        Facts quarters = midYear()
                .ratio("cc", "dossiers.online", "2020-Q1", 10, 25)
                .ratio("cc", "dossiers.online", "2020-Q2", 15, 25)
                .ratio("cc", "dossiers.online", "2020-H2", 25, 50)
                .ratio("cc", "dossiers.online", "2021-H1", 53, 100);
        verifier.target("online-rate-growth").unit("cc").given(quarters)
                .isMet().isFinal(false).withThreshold(">= 53.00 (2020 50.00 + 3 points)");
        verifier.target("online-rate-growth").unit("cc")
                .given(midYear()
                        .ratio("cc", "dossiers.online", "2020-Q1", 10, 25)
                        .ratio("cc", "dossiers.online", "2020-H2", 25, 50)
                        .ratio("cc", "dossiers.online", "2021-H1", 53, 100))
                .isInsufficient();
    }

    @Test
    void theProcedureCountIsALevelReadAtTheLatestMeasurement() {
        verifier.target("online-procedures-growth").unit("snn")
                .given(midYear()
                        .value("snn", "procedures.online", "2020", 20)
                        .value("snn", "procedures.online", "2021-Q1", 25)
                        .value("snn", "procedures.online", "2021-Q2", 20))
                .isNotMet().withGap(1).isFinal(false).measuredPeriod("2021-H1");
    }

    @Test
    void atMidYearNoResultIsFinal() {
        Evaluation evaluation = verifier.evaluate(midYear()
                .ratio("snn", "satisfaction", "2021-H1", 95, 100)
                .attestation("snn", "iso9001.converted", "2021", true)
                .event("snn", "dialogue", "2021-02-01"));
        assertFalse(evaluation.results().isEmpty());
        assertTrue(evaluation.results().stream().noneMatch(r -> r.isFinal()),
                () -> "final results at mid-year: " + evaluation.results());
    }

    @Test
    void atYearEndResultsWithoutAStandInFigureAreFinal() {
        Evaluation evaluation = verifier.evaluate(Facts.asOf("2021-12-31").department("snn")
                .subDepartment("cc", "snn").ratio("snn", "satisfaction", "2021", 95, 100));
        assertTrue(evaluation.results().stream().allMatch(r -> r.isFinal() && r.measuredPeriod() == null),
                () -> "non-final results at year end: " + evaluation.results());
        assertTrue(evaluation.results().stream().allMatch(r -> r.outlook() == null), "no outlook once the year is over");
    }

    // ---- the outlook for the rest of the year ----

    @Test
    void theOutlookExtendsThePaceSoFarWithoutAPreviousYear() {
        Outlook o = satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-H1", 90, 100))
                .isNotMet().isFinal(false).result().outlook();
        // 91 % of 200 is 182: 92 of the 100 still expected
        assertEquals(new Outlook(Outlook.Basis.RUN_RATE, 100, 92, "92.00", Outlook.Standing.AT_RISK), o);
    }

    @Test
    void theOutlookTakesTheSameMonthsOfThePreviousYearWhereMeasured() {
        TargetResult r = satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2020-H2", 30, 40)
                        .ratio("snn", "satisfaction", "2021-H1", 90, 100))
                .isNotMet().isFinal(false).result();
        // 91 % of 140 is 127.4: 38 of 40, 95.00 %
        assertEquals(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 40, 38, "95.00", Outlook.Standing.AT_RISK), r.outlook());
        assertTrue(r.message().vi().contains("cần ít nhất 38 phiếu khảo sát hài lòng trong khoảng 40 phiếu khảo sát"
                + " còn lại dự kiến (theo số liệu tháng 7–12/2020), tức 95,00%"), r.message().vi());
        assertTrue(r.message().en().contains("as in July to December 2020"), r.message().en());
    }

    @Test
    void thePreviousYearsRemainderIsTheYearLessItsFirstMonths() {
        Outlook o = satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2020", 70, 90)
                        .ratio("snn", "satisfaction", "2020-H1", 40, 50)
                        .ratio("snn", "satisfaction", "2021-H1", 95, 100))
                .isMet().isFinal(false).result().outlook();
        // 91 % of 140 is 127.4: 33 of 40 (82.50 %), below the 95 % so far
        assertEquals(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 40, 33, "82.50", Outlook.Standing.ON_TRACK), o);
    }

    @Test
    void onTrackAtRiskAndOutOfReachAtTheirBoundaries() {
        // 91 of 100 so far, 100 expected: 91 needed, no more than so far
        assertEquals(Outlook.Standing.ON_TRACK, satisfaction.given(midYear()
                .ratio("snn", "satisfaction", "2021-H1", 91, 100)).isMet().result().outlook().status());
        TargetResult reachable = satisfaction.given(midYear()
                .ratio("snn", "satisfaction", "2020-H2", 10, 10)
                .ratio("snn", "satisfaction", "2021-H1", 90, 100)).result();
        // 91 % of 110 is 100.1: 11 of 10 would be needed, out of reach
        assertEquals(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 10, 11, "110.00", Outlook.Standing.OUT_OF_REACH),
                reachable.outlook());
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2020-H2", 10, 10)
                        .ratio("snn", "satisfaction", "2021-H1", 90, 100))
                .isNotMet().isFinal(true).saying("out of reach");
        // 91 of 100 so far with 10 more: 91 % of 110 is 100.1, 10 needed of 10: reachable, at risk
        Outlook just = satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2020-H2", 10, 10)
                        .ratio("snn", "satisfaction", "2021-H1", 91, 100))
                .isMet().isFinal(false).result().outlook();
        assertEquals(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 10, 10, "100.00", Outlook.Standing.AT_RISK), just);
    }

    // A coverage (a share of a stock: public service units using e-payment) is read at the end of
    // the last period reported: its quarters never add up, and it has no outlook.
    final RuleSetVerifier.Selection education = verifier.target("e-payment-edu-health").unit("snn").field("education");

    @Test
    void aCoverageIsItsLastReportedFigureNotASumOfQuarters() {
        // summed, 1 of 3 then 3 of 3 would read 4 of 6 (66.67 %); the stock at the end of June is 3 of 3
        education.given(midYear()
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q1", 1, 3)
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q2", 3, 3))
                .isMet().isFinal(false).withActual("100.00");
    }

    @Test
    void aCoverageBelowItsThresholdMidYearIsNotMetYetAndNeverSettledEarly() {
        // 2 of 3 at the end of June: not met so far, but units can still adopt e-payment this year
        TargetResult r = education.given(midYear()
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q1", 3, 3)
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q2", 2, 3))
                .isNotMet().isFinal(false).result();
        assertEquals(null, r.outlook(), "a stock has no outlook");
    }

    @Test
    void aCoverageOfTheSecondQuarterAloneStandsWithoutTheFirst() {
        // a flow would lack January to March; a stock read at the end of June needs nothing earlier
        education.given(midYear().ratio("snn", "public_service_units.e_payment", "education", "2021-Q2", 20, 20))
                .isMet().isFinal(false);
    }

    @Test
    void afterTheYearEndsACoverageNeedsAFigureForTheEndOfTheYear() {
        education.given(Facts.asOf("2022-01-15").department("snn").subDepartment("cc", "snn")
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q4", 20, 20))
                .isMet().isFinal(true);
        education.given(Facts.asOf("2022-01-15").department("snn").subDepartment("cc", "snn")
                        .ratio("snn", "public_service_units.e_payment", "education", "2021-Q3", 20, 20))
                .isInsufficient();
    }

    @Test
    void aShareOutOfReachIsFinalAndItsSentenceNoLongerSaysNotFinal() {
        // 100 of 1,000 to September with 91 % wanted: even all of the rest cannot make it
        TargetResult r = satisfaction.given(Facts.asOf("2021-09-30").department("snn").subDepartment("cc", "snn")
                        .ratio("snn", "satisfaction", "2021-01/2021-09", 100, 1000))
                .isNotMet().isFinal(true).saying("(January to September 2021)").result();
        assertFalse(r.message().en().contains("not final"), r.message().en());
    }
}
