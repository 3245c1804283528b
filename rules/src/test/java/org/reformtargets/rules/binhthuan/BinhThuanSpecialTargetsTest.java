// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.binhthuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.rules.y2020.Given.result;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.rules.y2020.Given;

/** binh-thuan-qlcl: on time and above last year, the yearly initiative, paper dossiers, the 2021 milestones. */
class BinhThuanSpecialTargetsTest {

    private static final Map<Integer, RuleSet> RULES = new ConcurrentHashMap<>();

    static RuleSet rules(int year) {
        return RULES.computeIfAbsent(year, y -> RuleSet.load("binh-thuan-qlcl", y));
    }

    static Given subDepartment(String asOf) {
        return Given.asOf(asOf).unit("snn", Level.DEPARTMENT).unit("cc", Level.SUB_DEPARTMENT, "snn");
    }

    static TargetResult of(int year, Given given, String target) {
        return result(given.evaluatedBy(rules(year)), "binh-thuan-qlcl/" + year + "/" + target, "cc");
    }

    @Nested
    class OnTime {

        @ParameterizedTest(name = "{0}: {1}/10000 against {2}/10000 the year before: {3}, gap {4}")
        @CsvSource({
                "2021, 9800, 9700, MET, 0",        // at 98 %, above 2020
                "2022, 9799, 9700, NOT_MET, 1",    // just below 98 %
                "2023, 9801, 9800, MET, 0",        // just above 98 % and one dossier above the year before
                "2024, 9900, 9900, NOT_MET, 1",    // equal to the year before
                "2025, 9900, 9950, NOT_MET, 51",   // 99 % but below the year before
                "2025, 9951, 9950, MET, 0",
        })
        void atLeast98PercentAndStrictlyAboveThePreviousYear(int year, long n, long previous, Status expected, long gap) {
            TargetResult r = of(year, subDepartment((year + 1) + "-01-15")
                    .ratio("cc", "dossiers.on_time", String.valueOf(year), n, 10_000)
                    .ratio("cc", "dossiers.on_time", String.valueOf(year - 1), previous, 10_000)
                    .ratio("cc", "dossiers.on_time", String.valueOf(year - 2), 0, 10_000)
                    .ratio("snn", "dossiers.on_time", String.valueOf(year - 1), 0, 10_000), "on-time");
            assertEquals(expected, r.status(), r.message()::en);
            assertEquals(gap, r.gap());
            assertEquals(">= 98 and > " + (year - 1), r.threshold());
            assertEquals("II.2.c", r.source().clause());
            assertNotNull(r.source().reading());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2021, 2022, 2023, 2024, 2025})
        void withoutThePreviousYearTheComparisonLacksData(int year) {
            TargetResult r = of(year, subDepartment((year + 1) + "-01-15")
                    .ratio("cc", "dossiers.on_time", String.valueOf(year), 10_000, 10_000)
                    .ratio("cc", "dossiers.on_time", String.valueOf(year - 2), 0, 10_000), "on-time");
            assertEquals(Status.INSUFFICIENT_DATA, r.status());
        }
    }

    @Nested
    class Initiative {

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2021, 2022, 2023, 2024, 2025})
        void oneInitiativeInTheYearIsMet(int year) {
            TargetResult r = of(year, subDepartment((year + 1) + "-01-15")
                    .event("cc", "initiative", year + "-12-31"), "initiative");
            assertEquals(Status.MET, r.status());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2021, 2022, 2023, 2024, 2025})
        void anInitiativeOfThePreviousYearOrOfTheDepartmentDoesNotCount(int year) {
            TargetResult r = of(year, subDepartment((year + 1) + "-01-15")
                    .event("cc", "initiative", (year - 1) + "-12-31")
                    .event("snn", "initiative", year + "-06-01"), "initiative");
            assertEquals(Status.NOT_MET, r.status());
            assertEquals(1L, r.gap());
        }
    }

    @Nested
    class NoPaperDossiers {

        @ParameterizedTest(name = "{0} paper dossiers: {1}, gap {2}")
        @CsvSource({"0, MET, 0", "1, NOT_MET, 1", "7, NOT_MET, 7"})
        void noPaperDossierForProceduresOfferedOnline(String paper, Status expected, long gap) {
            TargetResult r = of(2022, subDepartment("2023-01-15")
                    .value("cc", "dossiers.paper_for_online_procedures", "2022", paper)
                    .value("cc", "dossiers.paper_for_online_procedures", "2021", "12"), "no-paper-dossiers");
            assertEquals(expected, r.status(), r.message()::en);
            assertEquals(gap, r.gap());
            assertEquals("<= 0 in the last period reported", r.threshold());
        }

        @Test
        void withoutACountTheTargetLacksData() {
            TargetResult r = of(2022, subDepartment("2023-01-15")
                    .value("cc", "dossiers.paper_for_online_procedures", "2021", "0"), "no-paper-dossiers");
            assertEquals(Status.INSUFFICIENT_DATA, r.status());
        }
    }

    @Nested
    class Milestones {

        Given allOnTheirLastDayInTime(String asOf) {
            return subDepartment(asOf)
                    .taskCompleted("cc", "plan", "2021-09-09")
                    .taskCompleted("cc", "contacts-published", "2021-09-14")
                    .taskCompleted("cc", "form-guides", "2021-09-29")
                    .taskCompleted("cc", "guide-column", "2021-09-29");
        }

        @Test
        void everyTaskCompletedTheDayBeforeItsDateIsMet() {
            TargetResult r = of(2021, allOnTheirLastDayInTime("2021-12-31"), "milestones");
            assertEquals(Status.MET, r.status(), r.message()::en);
            assertEquals("4", r.actual());
            assertEquals(0L, r.gap());
            assertEquals("plan before 2021-09-10, contacts-published before 2021-09-15, form-guides before 2021-09-30, "
                    + "guide-column before 2021-09-30", r.threshold());
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({"plan, 2021-09-10", "contacts-published, 2021-09-15", "form-guides, 2021-09-30", "guide-column, 2021-09-30"})
        void aTaskCompletedOnItsDateItselfIsLateAndNotMetByOne(String task, String day) {
            Given g = subDepartment("2021-12-31");
            for (String[] t : new String[][] {{"plan", "2021-09-09"}, {"contacts-published", "2021-09-14"},
                    {"form-guides", "2021-09-29"}, {"guide-column", "2021-09-29"}}) {
                g.taskCompleted("cc", t[0], t[0].equals(task) ? day : t[1]);
            }
            TargetResult r = of(2021, g, "milestones");
            assertEquals(Status.NOT_MET, r.status(), r.message()::en);
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("completed late: " + task + " (on " + day), r.message().en());
            assertTrue(r.message().vi().contains("trước ngày"), r.message().vi());
            assertFalse(r.message().vi().contains("đến hết ngày"), r.message().vi());
        }

        @Test
        void aTaskNeverCompletedCountsOnceItsDateHasCome() {
            TargetResult r = of(2021, subDepartment("2021-09-30")
                    .taskCompleted("cc", "plan", "2021-09-01")
                    .taskCompleted("cc", "contacts-published", "2021-09-01")
                    .taskCompleted("cc", "form-guides", "2021-09-29")
                    .taskCompleted("snn", "guide-column", "2021-09-29"), "milestones");
            assertEquals(Status.NOT_MET, r.status());
            assertTrue(r.isFinal());
            assertEquals(1L, r.gap());
            assertTrue(r.message().en().contains("not completed, overdue: guide-column (due before 2021-09-30)"),
                    r.message().en());
        }

        @Test
        void tasksWhoseDateHasNotComeArePending() {
            TargetResult r = of(2021, subDepartment("2021-09-14").taskCompleted("cc", "plan", "2021-09-09"), "milestones");
            assertEquals(Status.MET, r.status(), r.message()::en);
            assertFalse(r.isFinal());
            assertEquals("1", r.actual());
            assertTrue(r.message().en().contains("3 tasks not yet due (contacts-published, form-guides, guide-column)"),
                    r.message().en());
        }

        @Test
        void onTheLastDayInTimeOfTheFirstTaskNothingIsDueYet() {
            TargetResult r = of(2021, subDepartment("2021-09-09"), "milestones");
            assertEquals(Status.MET, r.status());
            assertFalse(r.isFinal());
            assertEquals(Status.NOT_MET, of(2021, subDepartment("2021-09-10"), "milestones").status());
        }

        @Test
        void otherTasksOfTheUnitDoNotCount() {
            TargetResult r = of(2021, allOnTheirLastDayInTime("2021-12-31")
                    .taskCompleted("cc", "unrelated", "2021-12-30")
                    .taskAssigned("cc", "never-done"), "milestones");
            assertEquals(Status.MET, r.status());
        }
    }
}
