package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * Year-to-date figures: while 2021 has not ended, the latest-ending (and, on a tie, the longest)
 * measured sub-period stands for the year, and results are not final; once the year has ended a
 * sub-period alone is not enough.
 */
class PartialYearTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    final RuleSetVerifier.Selection satisfaction = verifier.target("satisfaction").unit("snn");

    static Facts midYear() {
        return Facts.asOf("2021-06-30").department("snn").subDepartment("cc", "snn");
    }

    @Test
    void atMidYearAFirstHalfFigureStandsForTheYearAndIsNotFinal() {
        satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-H1", 91, 100))
                .isMet().isFinal(false).measuredPeriod("2021-H1").saying("2021-H1, not final");
    }

    @Test
    void aYearToDateFigureBelowTheThresholdIsNotMetYet() {
        satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-H1", 90, 100))
                .isNotMet().withGap(1).isFinal(false).measuredPeriod("2021-H1");
    }

    @Test
    void atMidYearASecondQuarterFigureAloneStandsForTheYear() {
        satisfaction.given(midYear().ratio("snn", "satisfaction", "2021-Q2", 91, 100))
                .isMet().isFinal(false).measuredPeriod("2021-Q2");
    }

    @Test
    void theFirstHalfIsPreferredToTheSecondQuarterEndingTheSameDay() {
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-H1", 92, 100)
                        .ratio("snn", "satisfaction", "2021-Q2", 85, 100))
                .isMet().measuredPeriod("2021-H1");
    }

    @Test
    void theFirstHalfIsPreferredToTheSecondQuarterWhicheverIsListedFirst() {
        satisfaction.given(midYear()
                        .ratio("snn", "satisfaction", "2021-Q2", 85, 100)
                        .ratio("snn", "satisfaction", "2021-H1", 92, 100))
                .isMet().measuredPeriod("2021-H1");
    }

    @Test
    void theLatestEndingSubPeriodIsUsed() {
        satisfaction.given(Facts.asOf("2021-07-10").department("snn")
                        .ratio("snn", "satisfaction", "2021-Q1", 99, 100)
                        .ratio("snn", "satisfaction", "2021-H1", 80, 100)
                        .ratio("snn", "satisfaction", "2021-07", 95, 100))
                .isMet().measuredPeriod("2021-07");
    }

    @Test
    void afterTheYearEndedAFirstHalfFigureAloneIsInsufficientData() {
        satisfaction.given(Facts.asOf("2021-12-31").department("snn")
                        .ratio("snn", "satisfaction", "2021-H1", 95, 100))
                .isInsufficient().isFinal(true).measuredPeriod(null);
        satisfaction.given(Facts.asOf("2022-01-31").department("snn")
                        .ratio("snn", "satisfaction", "2021-H2", 95, 100))
                .isInsufficient();
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
                .ratio("snn", "dossiers.on_time", "seeds", "2021-Q2", 97, 100);
        verifier.target("on-time-per-field").unit("snn").field("land").given(facts)
                .isMet().isFinal(false).measuredPeriod("2021-H1");
        verifier.target("on-time-per-field").unit("snn").field("seeds").given(facts)
                .isNotMet().withGap(1).measuredPeriod("2021-Q2");
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
    void theProcedureCountIsJudgedYearToDate() {
        verifier.target("online-procedures-growth").unit("snn")
                .given(midYear()
                        .value("snn", "procedures.online", "2020", 20)
                        .value("snn", "procedures.online", "2021-Q2", 20))
                .isNotMet().withGap(1).isFinal(false).measuredPeriod("2021-Q2");
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
    }
}
