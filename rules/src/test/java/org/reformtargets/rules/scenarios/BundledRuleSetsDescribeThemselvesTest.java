// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ValidationReport;

/**
 * Every bundled rule set describes every one of its targets in machine-readable form (no
 * {@link Kind#OTHER}), which the {@code describe} and {@code diff} commands rely on, and validates
 * without an error or a warning.
 */
class BundledRuleSetsDescribeThemselvesTest {

    private static final ClassLoader LOADER = BundledRuleSetsDescribeThemselvesTest.class.getClassLoader();

    @TestFactory
    Stream<DynamicTest> everyTargetOfEveryBundledRuleSetIsDescribedAndNoneAsOther() {
        return RuleSet.available(LOADER).stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            RuleSet ruleSet = RuleSet.load(id, LOADER);
            List<TargetSpec> specs = ruleSet.describe();

            // a scored target (points, not a verdict at a threshold) is OTHER but names what it measures
            assertEquals(List.of(), specs.stream().filter(s -> s.requirement().kind() == Kind.OTHER
                            && s.requirement().subjects().isEmpty())
                            .map(s -> s.target() + " for " + s.level() + " (" + s.file() + ":" + s.line() + ")").toList(),
                    id + ": these checks record no description of what they demand");
            assertEquals(new TreeSet<>(ruleSet.targets()),
                    specs.stream().map(TargetSpec::target).collect(Collectors.toCollection(TreeSet::new)),
                    id + ": every target is described");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledRuleSetValidatesWithNoErrorAndNoWarning() {
        return RuleSet.available(LOADER).stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            ValidationReport report = RuleSetValidator.standard().validate(id, LOADER);

            assertEquals(List.of(), report.findings(Finding.Severity.ERROR), report::render);
            assertEquals(List.of(), report.findings(Finding.Severity.WARNING), report::render);
        }));
    }

    private static Requirement at(String id, String target, Level level) {
        return RuleSet.load(id, LOADER).describe().stream()
                .filter(s -> s.target().equals(id + "/" + target) && s.level() == level).findFirst()
                .orElseThrow(() -> new AssertionError(id + "/" + target + " is not described for " + level))
                .requirement();
    }

    @Test
    void reportsEachDueBeforeItsOwnDateAreDescribedAsDueDatesInTheRulesOrder() {
        Requirement r = at("hcm-agri/2020", "reports-on-time", Level.SUB_DEPARTMENT);

        assertEquals(Kind.DUE_DATES, r.kind());
        assertEquals(List.of("report.submitted"), r.subjects());
        assertEquals(Comparison.BEFORE, r.comparison());
        Map<String, LocalDate> expected = new LinkedHashMap<>();
        expected.put("Q1", LocalDate.parse("2020-02-25"));
        expected.put("H1", LocalDate.parse("2020-05-25"));
        expected.put("9M", LocalDate.parse("2020-08-25"));
        expected.put("Y", LocalDate.parse("2020-11-20"));
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(r.dueDates().entrySet()));
        assertEquals("DUE_DATES report.submitted before Q1 2020-02-25, H1 2020-05-25, 9M 2020-08-25, Y 2020-11-20",
                r.toString());
    }

    @Test
    void namedMilestonesAreDescribedAsDueDatesOfCompletedTasks() {
        Requirement r = at("binh-thuan-qlcl/2021", "milestones", Level.SUB_DEPARTMENT);

        assertEquals(Kind.DUE_DATES, r.kind());
        assertEquals(List.of("task.completed"), r.subjects());
        assertEquals(Comparison.BEFORE, r.comparison());
        assertEquals(List.of("plan", "contacts-published", "form-guides", "guide-column"), List.copyOf(r.dueDates().keySet()));
        assertEquals(LocalDate.parse("2021-09-10"), r.dueDates().get("plan"));
        assertEquals(LocalDate.parse("2021-09-30"), r.dueDates().get("guide-column"));
    }

    @Test
    void aClassOnARankedScaleIsDescribedWithItsScaleAndLeastClass() {
        Requirement r = at("hcm-agri/2020", "par-index-class", Level.DEPARTMENT);

        assertEquals(Kind.ATTESTATION, r.kind());
        assertEquals(List.of("par_index.class"), r.subjects());
        assertEquals(Comparison.RANKED_AT_LEAST, r.comparison());
        assertEquals("GOOD", r.leastRank());
        assertEquals(List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "POOR"), r.ranks());
        assertEquals("ATTESTATION par_index.class >= GOOD on EXCELLENT > GOOD > FAIR > AVERAGE > POOR", r.toString());
    }

    @Test
    void aReductionOnABaseYearIsDescribedAsAtMostAPercentOfThatYear() {
        Requirement r = at("hcm-agri/2020", "staff-reduction", Level.DEPARTMENT);

        assertEquals(Kind.GROWTH, r.kind());
        assertEquals(List.of("staff.headcount"), r.subjects());
        assertEquals(Comparison.AT_MOST, r.comparison());
        assertEquals(0, new BigDecimal("97.5").compareTo(r.threshold()));
        assertEquals(Scale.PERCENT_OF_BASE, r.scale());
        assertEquals(Integer.valueOf(2015), r.baseYear());
        assertEquals("GROWTH staff.headcount <= 97.5 % of 2015", r.toString());
    }

    @Test
    void theSharedTargetsOfBinhThuanAreDescribedForEveryYearThatIncludesThem() {
        for (int year = 2021; year <= 2025; year++) {
            String id = "binh-thuan-qlcl/" + year;
            Requirement onTime = at(id, "on-time", Level.SUB_DEPARTMENT);

            assertEquals(Kind.SHARE, onTime.kind(), id);
            assertEquals(0, new BigDecimal("98").compareTo(onTime.threshold()), id);
            assertTrue(onTime.abovePreviousYear(), id);
            // the plan binds the sub-department, and its offices for their assigned tasks (III.3)
            List<org.reformtargets.core.TargetSpec> specs = RuleSet.load(id, LOADER).describe();
            assertEquals(List.of(id + "/office-tasks"), specs.stream()
                    .filter(s -> s.level() != Level.SUB_DEPARTMENT).map(s -> s.target()).toList(), id);
            assertEquals(Level.SUB_DEPARTMENT, specs.stream().filter(s -> s.level() == Level.OFFICE)
                    .findFirst().orElseThrow().parentLevel(), id);
            assertEquals(Kind.SHARE, at(id, "procedure-info-public", Level.SUB_DEPARTMENT).kind(), id);
        }
        assertEquals(Kind.SHARE, at("binh-thuan-qlcl/2023", "digitized-dossiers", Level.SUB_DEPARTMENT).kind());
        assertEquals(Kind.VALUE, at("binh-thuan-qlcl/2022", "no-paper-dossiers", Level.SUB_DEPARTMENT).kind());
        assertEquals(Kind.VALUE, at("binh-thuan-qlcl/2025", "no-paper-dossiers", Level.SUB_DEPARTMENT).kind());
    }
}
