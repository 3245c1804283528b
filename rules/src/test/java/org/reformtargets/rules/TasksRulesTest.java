// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/** tasks.drl: every 2021 reform task completed before 1 November 2021 (item 1). */
class TasksRulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    final RuleSetVerifier.Selection department = verifier.target("tasks-by-deadline").unit("snn");
    final RuleSetVerifier.Selection subDepartment = verifier.target("tasks-by-deadline").unit("cc");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn");
    }

    @Test
    void aTaskCompletedOn31OctoberIsInTime() {
        department.given(yearEnd().taskCompleted("snn", "t1", "2021-10-31"))
                .isMet().withGap(0).withActual("100.00").withThreshold("100% before 2021-11-01");
    }

    @Test
    void aTaskCompletedOn1NovemberItselfIsLate() {
        Facts facts = yearEnd()
                .taskCompleted("snn", "t1", "2021-10-31")
                .taskCompleted("snn", "t2", "2021-11-01");
        department.given(facts).isNotMet().withGap(1).withActual("50.00").isFinal(true).saying("completed late: t2 (on 2021-11-01)");
    }

    @Test
    void aTaskCompletedWellBeforeTheDeadlineIsInTime() {
        subDepartment.given(yearEnd()
                        .taskAssigned("cc", "t1", "2021-02-01")
                        .taskCompleted("cc", "t1", "2021-06-15"))
                .isMet();
    }

    @Test
    void aTaskAssignedAndNeverCompletedIsNotMet() {
        subDepartment.given(yearEnd()
                        .taskAssigned("cc", "t1", "2021-02-01")
                        .taskCompleted("cc", "t1", "2021-06-15")
                        .taskAssigned("cc", "t2"))
                .isNotMet().withGap(1).saying("not completed, overdue: t2");
    }

    @Test
    void theRulesDeadlineGovernsOverALaterDeadlineOnTheEvent() {
        department.given(yearEnd().taskCompleted("snn", "t1", "2021-11-20", "2021-12-15"))
                .isNotMet().withGap(1);
    }

    @Test
    void anotherUnitsTasksDoNotCount() {
        Facts facts = yearEnd()
                .taskCompleted("snn", "t1", "2021-10-01")
                .taskAssigned("cc", "t9");
        department.given(facts).isMet();
        subDepartment.given(facts).isNotMet().withGap(1);
    }

    @Test
    void withoutTaskEventsTheRatioOfTasksCompletedByDeadlineIsJudged() {
        Facts facts = yearEnd()
                .ratio("snn", "tasks.completed_by_deadline", "2021", 12, 12)
                .ratio("cc", "tasks.completed_by_deadline", "2021", 11, 12);
        department.given(facts).isMet().withThreshold("100% before 2021-11-01");
        subDepartment.given(facts).isNotMet().withGap(1).isFinal(true);
    }

    @Test
    void taskEventsGovernOverTheRatio() {
        department.given(yearEnd()
                        .ratio("snn", "tasks.completed_by_deadline", "2021", 12, 12)
                        .taskAssigned("snn", "t1"))
                .isNotMet().withGap(1);
    }

    @Test
    void withNeitherTasksNorRatioItIsInsufficientData() {
        department.given(yearEnd().ratio("cc", "tasks.completed_by_deadline", "2021", 12, 12))
                .isInsufficient().withoutGap();
    }

    @Test
    void aTaskCompletedIn2020IsNotA2021Task() {
        department.given(yearEnd().taskCompleted("snn", "old", "2020-10-01")).isInsufficient();
    }

    @Test
    void atMidYearAnOpenTaskIsPendingSoTheTargetIsMetNotFinal() {
        department.given(Facts.asOf("2021-06-30").department("snn")
                        .taskCompleted("snn", "t1", "2021-03-01")
                        .taskAssigned("snn", "t2", "2021-01-15"))
                .isMet().withGap(0).withActual("50.00").isFinal(false)
                .saying("met so far, not final: no task is late; 1 task not yet due (t2)");
    }

    @Test
    void onTheLastDayInTimeAnOpenTaskIsStillPending() {
        department.given(Facts.asOf("2021-10-31").department("snn")
                        .taskCompleted("snn", "t1", "2021-03-01")
                        .taskAssigned("snn", "t2", "2021-01-15"))
                .isMet().isFinal(false);
    }

    @Test
    void onTheDeadlineDayAnOpenTaskHasMissedItAndTheResultIsFinalAtOnce() {
        department.given(Facts.asOf("2021-11-01").department("snn")
                        .taskCompleted("snn", "t1", "2021-03-01")
                        .taskAssigned("snn", "t2", "2021-01-15"))
                .isNotMet().withGap(1).isFinal(true).saying("not completed, overdue: t2");
    }

    @Test
    void beforeTheDeadlineAShareBelow100PercentIsMetNotFinalAfterItNotMetFinal() {
        department.given(Facts.asOf("2021-10-31").department("snn")
                        .ratio("snn", "tasks.completed_by_deadline", "2021", 9, 12))
                .isMet().withGap(0).isFinal(false).saying("not late yet");
        department.given(Facts.asOf("2021-11-01").department("snn")
                        .ratio("snn", "tasks.completed_by_deadline", "2021", 9, 12))
                .isNotMet().withGap(3).isFinal(true).saying("3 tasks not completed in time");
    }

    @Test
    void aYearToDateShareIsWordedByItsSpanOnceNeverAsACode() {
        // a span to September, read on 5 November: it ends before the deadline, so it cannot tell
        org.reformtargets.core.TargetResult r = department.given(Facts.asOf("2021-11-05").department("snn")
                        .ratio("snn", "tasks.completed_by_deadline", "2021-01/2021-09", 9, 12))
                .isInsufficient().isFinal(false)
                .saying("(January to September 2021, not final); the figure ends with September 2021").result();
        org.junit.jupiter.api.Assertions.assertTrue(r.message().vi().contains(
                "lũy kế đến hết tháng 9/2021 (chưa phải số liệu cả năm 2021); số liệu chỉ đến hết tháng 9/2021"),
                r.message().vi());
        // to 31 October, read on 1 November: the deadline has passed within the figure, settled at once
        org.reformtargets.core.TargetResult settled = department.given(Facts.asOf("2021-11-01").department("snn")
                        .ratio("snn", "tasks.completed_by_deadline", "2021-01/2021-10", 9, 12))
                .isNotMet().isFinal(true).saying("(January to October 2021)").result();
        org.junit.jupiter.api.Assertions.assertFalse(settled.message().en().contains("not final"),
                settled.message().en());
    }
}
