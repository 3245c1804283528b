// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * A real mid-year case: the department's own report "Kết quả thực hiện công tác cải cách hành chính
 * 6 tháng đầu năm 2020" (seed {@code 003_135f3645fd424181.txt}, published 17 June 2020), modelled in
 * {@code facts/hcm-agri-2020-h1-report.json} and evaluated against {@code hcm-agri/2020} as of that day.
 * Every result is provisional ({@code final} false): the year 2020 had not ended.
 *
 * <p><b>How the report was modelled.</b> Only what the report states, nothing else:
 * <ul>
 *   <li>Units: the department {@code snn-hcm}, and the 6 divisions and 14 subordinate units it counts
 *       ("Sở hiện có 2 Phó Giám đốc, 6 phòng ban và 14 đơn vị trực thuộc"; "Sở và 14/14 đơn vị trực
 *       thuộc" received citizens). The report names none of them, so they are anonymous
 *       ({@code phong-ban-1…6}, {@code don-vi-truc-thuoc-01…14}). They are level {@code OFFICE}: the
 *       report speaks of "các chi cục trực thuộc" without saying how many of the 14 are Chi cục or
 *       which, so none is made a {@code SUB_DEPARTMENT}, and {@code portal-on-time}, which binds the
 *       sub-departments alone, has no result. Without these sub-units the two targets on sub-units
 *       would read "the unit has no sub-units", which the report contradicts. Being offices directly
 *       under the department, they are the units V.1 gives V.1.g to: each must issue its own plan and
 *       send its reports ({@code sub-unit-reform-plan}, {@code reports-on-time}).</li>
 *   <li>Measurements, all of the department for period {@code 2020-H1}: the report's "6 tháng đầu năm"
 *       figures were published on 17 June, so they run to some day in June the report does not give;
 *       the half year is the period they describe. {@code dossiers.on_time} 2,796/2,796,
 *       {@code dossiers.online} 326/337 (dossiers of the 23 procedures offered online at level 3/4),
 *       {@code dossiers.postal} 284/2,796, {@code satisfaction} 2,158/2,169 forms,
 *       {@code dossiers.surveyed} 2,169/2,796 (one form per dossier). One figure is derived, not
 *       read: {@code dossiers.late_with_apology} 0/0, since 2,796 of 2,796 on time leaves no late
 *       dossier, so no apology letter was due.</li>
 *   <li>Attestation: {@code iso9001.maintained} for {@code 2020-H1} (procedures run under TCVN ISO
 *       9001:2015), which {@code iso9001} (II.2.7.đ) reads while 2020 runs.</li>
 *   <li>No events: the report dates nothing but itself. It mentions "hội nghị các chuyên đề, sơ kết,
 *       tổng kết" only as occasions where reform was explained, without dates and without saying a
 *       reform review conference was held.</li>
 *   <li>Left out because they measure something else: 23/45 procedures handled online (procedures with
 *       dossiers, not {@code procedures.online}, the number offered), 24/80 internal workflows
 *       submitted, 300 official mailboxes (mailboxes, not staff using them), 5,000 documents received
 *       and 2,000 sent electronically (no total exchanged to divide by), 7 citizen cases "handled
 *       according to the rules" (not said to be in time, nor published, as {@code feedback.handled}
 *       requires), 17/40 software systems, 12 websites, and the 1,214 people of the department
 *       ("tổng số công chức, viên chức và người lao động"): everyone on the payroll, workers included,
 *       not the staffing quota assigned (biên chế được giao) that {@code staff.headcount} counts.</li>
 * </ul>
 *
 * <p><b>Reading the report's silence.</b> A target on a figure the report does not give is
 * {@code INSUFFICIENT_DATA}: see {@link #insufficientDataExactlyWhereTheReportGivesNoFigure}. A target
 * on events is different: a facts document lists the events that happened, and the report is the
 * department's account of its half year, so an inspection, review conference, monthly publication of
 * survey results or initiative it does not mention is read as not held. Those targets are
 * {@code NOT_MET} with a gap saying what the record lacks: 5 monthly publications (January to May;
 * June had not ended on 17 June), a review conference in the first quarter (the second had not ended),
 * 10 of the 20 sub-units inspected and an initiative in each of the 20 for the year; and, for each of
 * the 20 offices, its own plan (due before 20 February) and its first two reports (25 February and
 * 25 May). The inspections and initiatives are year targets that the rest of 2020 could still meet. {@code tasks-by-deadline} is not among them:
 * without task events the rule reads the ratio {@code tasks.completed_by_deadline}, which the report
 * does not give.
 */
class MidYear2020ReportTest {

    private static final String FACTS = "src/main/resources/facts/hcm-agri-2020-h1-report.json";
    private static final String PREFIX = "hcm-agri/2020/";
    private static final String DEPARTMENT = "snn-hcm";
    /** Targets that bind sub-departments or the offices of the department, not the department itself. */
    private static final Set<String> NOT_DEPARTMENT_TARGETS = Set.of("portal-on-time", "reports-on-time",
            "sub-unit-reform-plan");

    private static RuleSet rules;
    private static FactsDocument facts;
    private static Evaluation evaluation;

    @BeforeAll
    static void evaluateTheReport() {
        rules = RuleSet.load("hcm-agri", 2020);
        facts = ReformTargetsJson.readFacts(Path.of(FACTS));
        evaluation = rules.evaluate(facts);
    }

    /** I.2.1: no task list and no PAR Index class in the report (the 2020 index is published in 2021). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            tasks-by-deadline,      INSUFFICIENT_DATA, -, -, -
            par-index-class,        INSUFFICIENT_DATA, -, -, -
            """)
    void tasksAndIndex(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.2, II.2.4.c, II.2.5.a: staff and structure are described in words only. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            # no initiative mentioned for any of the 6 divisions and 14 subordinate units
            initiative-per-unit,    NOT_MET,           0.00, 20, -
            # "kiện toàn sắp xếp phù hợp với ... vị trí việc làm": no count of units
            job-position-structure, INSUFFICIENT_DATA, -,    -,  -
            # "được nâng lên về nghiệp vụ, kỹ năng": no count of staff meeting the standards
            staff-standards,        INSUFFICIENT_DATA, -,    -,  -
            # 1,214 people, workers included, is not the staffing quota assigned: no figure
            staff-reduction,        INSUFFICIENT_DATA, -,    -,  -
            """)
    void organisationAndStaff(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.3: the one-stop desk's figures. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            # "giải quyết đúng hạn 2.796/2.796 hồ sơ, đạt 100%", no figure per field: the total is judged
            on-time-per-field,      MET,            100.00, 0, 2020-H1
            # "326 hồ sơ/337 hồ sơ (đạt 96,7%)"
            online-dossiers,        MET,            96.73,  0, 2020-H1
            # "284/2.796 hồ sơ (đạt 10,1%)": 10.157 %, shown 10.15, just over 10 %
            postal-dossiers,        MET,            10.15,  0, 2020-H1
            # no dossier was late, so no apology letter was due
            apology-letters,        NOT_APPLICABLE, -,      -, 2020-H1
            # "Các thủ tục hành chính áp dụng ... ISO": no count of procedures published
            procedures-published,   INSUFFICIENT_DATA, -,   -, -
            """)
    void dossiers(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.4, II.2.8.a: the survey forms of the sub-departments. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            # surveys "của các chi cục trực thuộc": not how many receiving desks run them
            receiving-units-survey, INSUFFICIENT_DATA, -,     -, -
            # no publication mentioned; January to May were due, June not yet
            survey-results-monthly, NOT_MET,           0,     5, -
            # "99,5% ... (2.158 phiếu/2.169 phiếu)" meets 98 %, but no 2019 figure to be above
            satisfaction,           INSUFFICIENT_DATA, 99.49, -, 2020-H1
            # 2,169 forms for 2,796 dossiers
            survey-coverage,        MET,               77.57, 0, 2020-H1
            """)
    void satisfaction(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.5: 7 cases "đã xử lý theo đúng quy định", not said to be in time or published. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            feedback-handled,       INSUFFICIENT_DATA, -, -, -
            """)
    void feedback(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.7: 5,000 documents in and 2,000 out electronically and 300 mailboxes, but no share of either. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            electronic-documents,   INSUFFICIENT_DATA, -,    -, -
            official-email,         INSUFFICIENT_DATA, -,    -, -
            # the first half's attestation stands in for 2020 while the year runs
            iso9001,                MET,               true, -, 2020-H1
            """)
    void modernisation(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    /** I.2.9, II.2.1.f: no inspection and no review conference mentioned. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            # at least 50 % of 20 sub-units is 10
            inspection-coverage,    NOT_MET, 0.00, 10, -
            # the first quarter was due, the second not yet
            quarterly-review,       NOT_MET, 0,    1,  -
            """)
    void steeringAndReporting(String target, Status status, String actual, Long gap, String measured) {
        assertPinned(target, status, actual, gap, measured);
    }

    @Test
    void cadenceTargetsCountOnlyTheMonthsAndQuartersEndedBy17June() {
        String monthly = department("survey-results-monthly").message().en();
        String quarterly = department("quarterly-review").message().en();

        assertTrue(monthly.contains("0 of 5 months due"), monthly);
        assertTrue(monthly.endsWith("none in 2020-01, 2020-02, 2020-03, 2020-04, 2020-05."), monthly);
        assertTrue(quarterly.contains("0 of 1 quarter due"), quarterly);
        assertTrue(quarterly.endsWith("none in 2020-Q1."), quarterly);
    }

    @Test
    void theSubDepartmentTargetHasNoResultBecauseTheReportNamesNoChiCuc() {
        assertTrue(facts.units().stream().noneMatch(u -> u.level() == Level.SUB_DEPARTMENT));
        assertEquals(List.of(), evaluation.resultsOf(PREFIX + "portal-on-time"));
    }

    @Test
    void eachOfficeOfTheDepartmentOwesItsPlanAndItsReportsWhichTheReportDoesNotMention() {
        List<Unit> offices = facts.units().stream().filter(u -> DEPARTMENT.equals(u.parent())).toList();
        assertEquals(20, offices.size());
        for (Unit office : offices) {
            List<TargetResult> mine = evaluation.resultsFor(office.id());
            assertEquals(Set.of("reports-on-time", "sub-unit-reform-plan"), shortIds(mine), office.id());
            for (TargetResult r : mine) {
                assertEquals(Status.NOT_MET, r.status(), r.message().en());
                // a date already passed cannot be met any more: final before the year ends
                assertTrue(r.isFinal(), r.message().en());
            }
            // the plan was due before 20 February; the 3-month and 6-month reports by 25 February and 25 May
            assertEquals(1L, result(office.id(), "sub-unit-reform-plan").gap());
            assertEquals(2L, result(office.id(), "reports-on-time").gap());
        }
    }

    private static TargetResult result(String unit, String target) {
        return evaluation.resultsOf(PREFIX + target).stream().filter(r -> r.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " " + target));
    }

    @Test
    void insufficientDataExactlyWhereTheReportGivesNoFigure() {
        Set<String> noFigure = Set.of("tasks-by-deadline", "par-index-class", "job-position-structure",
                "staff-standards", "receiving-units-survey", "feedback-handled", "electronic-documents",
                "official-email", "staff-reduction", "procedures-published");
        Map<String, String> noComparisonYear = Map.of("satisfaction", "no figure for 2019");

        List<TargetResult> insufficient = evaluation.results().stream()
                .filter(r -> r.status() == Status.INSUFFICIENT_DATA).toList();
        Set<String> expected = new TreeSet<>(noFigure);
        expected.addAll(noComparisonYear.keySet());

        assertEquals(expected, shortIds(insufficient), () -> messages(evaluation.results()));
        for (TargetResult r : insufficient) {
            String target = shortId(r);
            if (noFigure.contains(target)) {
                assertNull(r.actual(), () -> target + ": " + r.message().en());
            } else {
                assertNotNull(r.actual(), () -> target + ": " + r.message().en());
                assertTrue(r.message().en().contains(noComparisonYear.get(target)),
                        () -> target + ": " + r.message().en());
            }
        }
    }

    @Test
    void theFactsHoldOnlyTheReportsFiguresForTheFirstHalf() {
        Set<String> indicators = facts.measurements().stream().map(Measurement::indicator)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(Set.of("dossiers.on_time", "dossiers.online", "dossiers.postal",
                "dossiers.late_with_apology", "satisfaction", "dossiers.surveyed")), indicators);
        assertEquals(6, facts.measurements().size());
        assertTrue(facts.measurements().stream().allMatch(m -> DEPARTMENT.equals(m.unit())
                && Period.parse("2020-H1").equals(m.period()) && m.field() == null), facts.measurements()::toString);
        assertEquals(List.of(), facts.events());
        assertEquals(LocalDate.parse("2020-06-17"), facts.asOf());
        assertEquals(rules.id(), facts.ruleSet());
    }

    @Test
    void theDepartmentHasTheSixDivisionsAndFourteenSubordinateUnitsTheReportCounts() {
        List<Unit> subUnits = facts.units().stream().filter(u -> DEPARTMENT.equals(u.parent())).toList();

        assertEquals(20, subUnits.size());
        assertEquals(6, subUnits.stream().filter(u -> u.id().startsWith("phong-ban-")).count());
        assertEquals(14, subUnits.stream().filter(u -> u.id().startsWith("don-vi-truc-thuoc-")).count());
        assertTrue(subUnits.stream().allMatch(u -> u.level() == Level.OFFICE));
    }

    @Test
    void everyTargetOfTheRuleSetIsPinnedOnceAndTheDepartmentHasAResultForEachOfItsLevel() {
        List<String> pinned = pinnedTargets();
        Set<String> all = rules.targets().stream().map(t -> t.substring(PREFIX.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> departmentLevel = new TreeSet<>(all);
        departmentLevel.removeAll(NOT_DEPARTMENT_TARGETS);

        assertEquals(24, all.size());
        assertEquals(pinned.size(), new TreeSet<>(pinned).size(), () -> "pinned twice: " + pinned);
        Set<String> covered = new TreeSet<>(pinned);
        covered.addAll(NOT_DEPARTMENT_TARGETS);
        assertEquals(all, covered);
        assertEquals(departmentLevel, shortIds(evaluation.resultsFor(DEPARTMENT)));
        assertEquals(departmentLevel.size(), evaluation.resultsFor(DEPARTMENT).size());
        assertEquals(departmentLevel.size() + 20 * 2, evaluation.results().size(),
                "the department, and each of its 20 offices for its plan and its reports");
    }

    @Test
    void theReportShowsWhatTheRestOfTheYearMustBring() {
        // 2,796 dossiers from 1 January to 17 June (169 days): 197 days more at that pace are 3,259
        TargetResult onTime = department("on-time-per-field");
        assertEquals(new Outlook(Outlook.Basis.RUN_RATE, 3259, 3259, "100.00", Outlook.Standing.ON_TRACK), onTime.outlook());
        assertTrue(onTime.message().vi().contains("lũy kế đến ngày 17/06/2020"), onTime.message().vi());
        // 10 % of 6,055 is 605.5: 322 more postal dossiers of the 3,259 expected
        TargetResult postal = department("postal-dossiers");
        assertEquals(new Outlook(Outlook.Basis.RUN_RATE, 3259, 322, "9.89", Outlook.Standing.ON_TRACK), postal.outlook());
        assertTrue(postal.message().vi().contains("cần ít nhất 322 hồ sơ tiếp nhận, trả kết quả qua bưu chính công ích"
                + " trong khoảng 3.259 hồ sơ còn lại dự kiến (theo tốc độ từ đầu năm), tức 9,89%: đúng hướng"),
                postal.message().vi());
        assertEquals(null, department("satisfaction").outlook(), "no outlook on insufficient data");
    }

    @Test
    void summaryIsFiveMetFourNotMetForTheDepartmentAndFortyForItsOfficesElevenInsufficientOneNotApplicable() {
        Map<Status, Integer> expected = new EnumMap<>(Status.class);
        expected.put(Status.MET, 5);
        expected.put(Status.NOT_MET, 4 + 40);
        expected.put(Status.INSUFFICIENT_DATA, 11);
        expected.put(Status.NOT_APPLICABLE, 1);

        assertEquals(expected, new EnumMap<>(evaluation.summary()), () -> messages(evaluation.results()));
    }

    private static void assertPinned(String target, Status status, String actual, Long gap, String measured) {
        TargetResult r = department(target);
        Supplier<String> why = () -> target + ": " + r.message().en();
        assertAll(target,
                () -> assertEquals(status, r.status(), why),
                () -> assertEquals(actual, r.actual(), why),
                () -> assertEquals(gap, r.gap(), why),
                () -> assertEquals(measured == null ? null : Period.parse(measured), r.measuredPeriod(), why),
                () -> assertEquals(Period.year(2020), r.period(), why),
                () -> assertFalse(r.isFinal(), why));
    }

    private static TargetResult department(String target) {
        List<TargetResult> results = evaluation.resultsOf(PREFIX + target).stream()
                .filter(r -> r.unit().equals(DEPARTMENT)).toList();
        assertEquals(1, results.size(), () -> target + ": " + messages(results));
        return results.get(0);
    }

    /** The first column of every row of the tables above. */
    private static List<String> pinnedTargets() {
        List<String> targets = new ArrayList<>();
        for (Method m : MidYear2020ReportTest.class.getDeclaredMethods()) {
            CsvSource table = m.getAnnotation(CsvSource.class);
            if (table == null) {
                continue;
            }
            for (String line : table.textBlock().split("\n")) {
                String row = line.strip();
                if (!row.isEmpty() && !row.startsWith("#")) {
                    targets.add(row.substring(0, row.indexOf(',')).strip());
                }
            }
        }
        return targets;
    }

    private static Set<String> shortIds(List<TargetResult> results) {
        return results.stream().map(MidYear2020ReportTest::shortId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String shortId(TargetResult r) {
        return r.target().substring(PREFIX.length());
    }

    private static String messages(List<TargetResult> results) {
        return results.stream().map(r -> shortId(r) + " " + r.status() + ": " + r.message().en())
                .collect(Collectors.joining("\n"));
    }
}
