// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.rule.Deadlines.Deadline;
import org.reformtargets.core.rule.Deadlines.State;
import org.reformtargets.core.rule.Deadlines.Tally;

/** The one deadline mechanism: on time, late, missed or pending, at and either side of the deadline. */
class DeadlinesTest {

    private static final LocalDate D = LocalDate.of(2021, 11, 1);
    private static final Deadline BEFORE = new Deadline(D, false);
    private static final Deadline BY = new Deadline(D, true);

    @Test
    void beforeDMakesDItselfLateAndByDKeepsItOnTime() {
        assertEquals(State.ON_TIME, BEFORE.of(D.minusDays(1), D.plusDays(5)));
        assertEquals(State.LATE, BEFORE.of(D, D.plusDays(5)));
        assertEquals(State.ON_TIME, BY.of(D, D.plusDays(5)));
        assertEquals(State.LATE, BY.of(D.plusDays(1), D.plusDays(5)));
        assertEquals(D, BEFORE.firstLateDay());
        assertEquals(D.plusDays(1), BY.firstLateDay());
        assertEquals(TargetSpec.Comparison.BEFORE, BEFORE.comparison());
        assertEquals(TargetSpec.Comparison.ON_OR_BEFORE, BY.comparison());
    }

    @Test
    void anItemNotDoneIsPendingUntilTheFirstLateDayAndMissedFromIt() {
        assertEquals(State.PENDING, BEFORE.of(null, D.minusDays(1)));
        assertEquals(State.MISSED, BEFORE.of(null, D));
        assertEquals(State.PENDING, BY.of(null, D));
        assertEquals(State.MISSED, BY.of(null, D.plusDays(1)));
        assertFalse(BEFORE.passed(D.minusDays(1)));
        assertTrue(BEFORE.passed(D));
    }

    @Test
    void theWordsAreTheSourcesTrướcNgàyOrĐếnHếtNgày() {
        assertEquals("trước ngày 01/11/2021", BEFORE.vi());
        assertEquals("đến hết ngày 01/11/2021", BY.vi());
        assertEquals("before 2021-11-01", BEFORE.en());
        assertEquals("by 2021-11-01", BY.en());
    }

    @Test
    void aMalformedDateIsRefusedNamingWhoseItIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Deadline.parse("2021-11-31", false, "plan"));
        assertEquals("deadline '2021-11-31' of plan is not a date YYYY-MM-DD", e.getMessage());
    }

    @Test
    void pendingWithNoneLateIsMetAndSaysSo() {
        Tally t = new Tally("hoàn thành", "completed");
        t.add("t1", D.minusDays(20), BEFORE, D.minusDays(1), false);
        t.add("t2", null, BEFORE, D.minusDays(1), false);
        t.add("t3", null, BEFORE, D.minusDays(1), false);
        assertEquals(Status.MET, t.status());
        assertEquals(0, t.failed());
        assertEquals(1, t.settled());
        assertEquals("đạt, chưa phải kết quả cuối cùng: chưa có nhiệm vụ nào trễ hạn; còn 2 nhiệm vụ chưa đến hạn (t2, t3)",
                t.verdictVi("nhiệm vụ"));
        assertEquals("met so far, not final: no task is late; 2 tasks not yet due (t2, t3)", t.verdictEn("task"));
        assertEquals("", t.detailVi());
    }

    @Test
    void oneItemLateOrMissedFailsTheTarget() {
        Tally t = new Tally("hoàn thành", "completed");
        t.add("t1", D.minusDays(1), BEFORE, D, true);
        t.add("t2", D, BEFORE, D, true);
        t.add("t3", null, BEFORE, D, true);
        assertEquals(Status.NOT_MET, t.status());
        assertEquals(2, t.failed());
        assertEquals("; hoàn thành trễ hạn: t2 (ngày 01/11/2021, hạn trước ngày 01/11/2021)"
                + "; chưa hoàn thành, đã quá hạn: t3 (hạn trước ngày 01/11/2021)", t.detailVi());
        assertEquals("; completed late: t2 (on 2021-11-01, due before 2021-11-01)"
                + "; not completed, overdue: t3 (due before 2021-11-01)", t.detailEn());
        assertEquals("chưa đạt, 2 nhiệm vụ không hoàn thành đúng hạn", t.verdictVi("nhiệm vụ"));
        assertEquals("not met, 2 tasks not completed in time", t.verdictEn("task"));
    }

    @Test
    void allOnTimeIsPlainlyMetAndOneFailureIsSingular() {
        Tally t = new Tally("gửi", "submitted");
        t.add("Q1", D.minusDays(1), BEFORE, D, true);
        assertEquals(Status.MET, t.status());
        assertEquals("đạt", t.verdictVi("báo cáo"));
        assertEquals("met", t.verdictEn("report"));
        t.add("H1", null, BEFORE, D, true);
        assertEquals("not met, 1 report not submitted in time", t.verdictEn("report"));
    }
}
