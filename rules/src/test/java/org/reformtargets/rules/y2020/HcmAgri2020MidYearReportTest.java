// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.rules.y2020.Given.result;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * The real mid-year case: the department's figures for the first half of 2020 as reported on
 * 17 June 2020 (seed 003) stand in, not final, for the year in hcm-agri/2020.
 */
class HcmAgri2020MidYearReportTest {

    private static Evaluation evaluation;

    @BeforeAll
    static void evaluate() {
        Given g = Given.asOf("2020-06-17").unit("snn", Level.DEPARTMENT);
        for (int i = 1; i <= 14; i++) {
            g.unit("unit" + i, Level.SUB_DEPARTMENT, "snn");
        }
        evaluation = g
                .ratio("snn", "dossiers.on_time", "2020-H1", 2796, 2796)
                .ratio("snn", "dossiers.online", "2020-H1", 326, 337)
                .ratio("snn", "dossiers.postal", "2020-H1", 284, 2796)
                .ratio("snn", "satisfaction", "2020-H1", 2158, 2169)
                .evaluatedBy(RuleSet.load("hcm-agri/2020"));
    }

    @Test
    void everyDossierOnTimeMeetsTheTargetSoFar() {
        TargetResult r = result(evaluation, "hcm-agri/2020/on-time-per-field", "snn");
        assertEquals(Status.MET, r.status());
        assertEquals("100.00", r.actual());
        assertEquals(Period.half(2020, 1), r.measuredPeriod());
        assertFalse(r.isFinal());
    }

    @Test
    void onlineAndPostalSharesMeetTheirTargetsSoFar() {
        assertEquals("96.73", result(evaluation, "hcm-agri/2020/online-dossiers", "snn").actual());
        assertEquals(Status.MET, result(evaluation, "hcm-agri/2020/online-dossiers", "snn").status());
        TargetResult postal = result(evaluation, "hcm-agri/2020/postal-dossiers", "snn");
        assertEquals("10.15", postal.actual());
        assertEquals(Status.MET, postal.status());
    }

    @Test
    void satisfactionAbove98PercentStillLacksThe2019FigureToCompareWith() {
        TargetResult r = result(evaluation, "hcm-agri/2020/satisfaction", "snn");
        assertEquals("99.49", r.actual());
        assertEquals(Status.INSUFFICIENT_DATA, r.status());
    }

    @Test
    void beforeTheYearEndsOnlyAMissedDeadlineOrAShareOutOfReachIsFinal() {
        java.util.Set<String> deadlines = java.util.Set.of("hcm-agri/2020/reports-on-time",
                "hcm-agri/2020/sub-unit-reform-plan", "hcm-agri/2020/tasks-by-deadline");
        for (TargetResult r : evaluation.results()) {
            if (r.isFinal()) {
                assertEquals(Status.NOT_MET, r.status(), r.message()::en);
                boolean outOfReach = r.outlook() != null
                        && r.outlook().status() == org.reformtargets.core.Outlook.Standing.OUT_OF_REACH;
                assertTrue(deadlines.contains(r.target()) || outOfReach, r.message()::en);
            }
        }
    }

    @Test
    void theSubDepartmentsSentNoReportSoTheirQ1AndH1ReportsHaveMissedTheirDates() {
        TargetResult r = result(evaluation, "hcm-agri/2020/reports-on-time", "unit1");
        assertEquals(Status.NOT_MET, r.status());
        assertEquals(2L, r.gap());
        assertTrue(r.isFinal(), "a report not sent by its date cannot be sent in time later");
    }
}
