// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.diff;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.diff.RuleSetDiff;
import org.reformtargets.core.diff.RuleSetDiff.Change;
import org.reformtargets.core.diff.RuleSetDiff.Entry;

/**
 * What changed between bundled years, as the DRL files say: hcm-agri 2020 (Plan 77/KH-SNN) to 2021
 * (the nine targets and the sub-department's commitment), and Bình Thuận 2022 to 2023 (the
 * digital-transformation phase).
 */
class BundledYearsDiffTest {

    static RuleSetDiff hcm;
    static RuleSetDiff binhThuan;

    @BeforeAll
    static void compare() {
        hcm = RuleSetDiff.between(RuleSet.load("hcm-agri/2020"), RuleSet.load("hcm-agri/2021"));
        binhThuan = RuleSetDiff.between(RuleSet.load("binh-thuan-qlcl/2022"), RuleSet.load("binh-thuan-qlcl/2023"));
    }

    private static Entry entry(RuleSetDiff diff, String target, Level level) {
        return diff.entry(target, level).orElseThrow(() -> new AssertionError(target + " " + level + " not in " + diff));
    }

    private static Set<String> targets(RuleSetDiff diff, Change change) {
        return diff.entries(change).stream().map(Entry::target).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void hcmSatisfactionAtTheDepartmentLoosensFrom98To91AndDropsAbovePreviousYear() {
        Entry e = entry(hcm, "satisfaction", Level.DEPARTMENT);

        assertAll(
                () -> assertEquals(Change.LOOSENED, e.change()),
                () -> assertEquals(List.of(">= 98 % → >= 91 %", "no longer also above the previous year"), e.details()),
                () -> assertEquals(0, new BigDecimal("98").compareTo(e.left().requirement().threshold())),
                () -> assertTrue(e.left().requirement().abovePreviousYear()),
                () -> assertEquals(0, new BigDecimal("91").compareTo(e.right().requirement().threshold())),
                () -> assertEquals("hcm-agri/2020/satisfaction", e.left().target()),
                () -> assertEquals("hcm-agri/2021/satisfaction", e.right().target()));
    }

    @Test
    void hcmOnTimePerFieldLoosensFrom100To98WithLandAndInvestmentAt96() {
        Entry e = entry(hcm, "on-time-per-field", Level.DEPARTMENT);

        assertEquals(Change.LOOSENED, e.change());
        assertEquals(List.of(">= 100 % → >= 98 %", "field investment >= 100 % → >= 96 %", "field land >= 100 % → >= 96 %"),
                e.details());
        assertEquals(Map.of("investment", new BigDecimal("96"), "land", new BigDecimal("96")),
                e.right().requirement().fieldThresholds());
    }

    @Test
    void hcmTheSubDepartmentIsBoundIn2021ByTheTargetsBothYearsShare() {
        assertEquals(Set.of("feedback-handled", "initiative-per-unit", "on-time-per-field", "receiving-units-survey",
                "satisfaction", "tasks-by-deadline"), targets(hcm, Change.LEVEL_CHANGED));
        Entry satisfaction = entry(hcm, "satisfaction", Level.SUB_DEPARTMENT);
        assertNull(satisfaction.left());
        assertEquals(0, new BigDecimal("95").compareTo(satisfaction.right().requirement().threshold()));
    }

    @Test
    void hcmTheTasksDeadlineMovesToTheNextYearADayLater() {
        Entry e = entry(hcm, "tasks-by-deadline", Level.DEPARTMENT);

        assertEquals(Change.CHANGED, e.change());
        assertEquals(List.of("deadline before 2020-10-31 → before 2021-11-01"), e.details());
    }

    @Test
    void hcmTheNine2021TargetsAreAddedAtBothLevels() {
        Set<String> added = Set.of("e-payment-edu-health", "early-resolution", "online-procedures-growth",
                "online-rate-growth", "periodic-inspection", "propaganda-product", "propaganda-section",
                "quarterly-dialogue", "surprise-inspection", "survey-results-quarterly");

        assertEquals(added, targets(hcm, Change.ADDED));
        for (String t : added) {
            assertEquals(Change.ADDED, entry(hcm, t, Level.DEPARTMENT).change(), t);
            assertEquals(Change.ADDED, entry(hcm, t, Level.SUB_DEPARTMENT).change(), t);
        }
        assertEquals("COVERAGE inspection.surprise >= 5 sub-units every quarter",
                entry(hcm, "surprise-inspection", Level.DEPARTMENT).details().get(0));
    }

    @Test
    void hcmThe2020TargetsNotIn2021AreRemoved() {
        assertEquals(Set.of("apology-letters", "electronic-documents", "inspection-coverage", "job-position-structure",
                "official-email", "online-dossiers", "par-index-class", "portal-on-time", "postal-dossiers",
                "procedures-published", "quarterly-review", "reports-on-time", "staff-reduction", "staff-standards",
                "sub-unit-reform-plan", "survey-coverage", "survey-results-monthly"), targets(hcm, Change.REMOVED));
        assertEquals(Change.REMOVED, entry(hcm, "portal-on-time", Level.SUB_DEPARTMENT).change());
    }

    @Test
    void hcmMonthlySurveyResultsAreNotedAsTheQuarterlyOnesRenamed() {
        assertEquals("measures what the removed survey-results-monthly measured: every month → every quarter (looser)",
                entry(hcm, "survey-results-quarterly", Level.DEPARTMENT).details().get(1));
    }

    @Test
    void hcmTheDepartmentDemandsBothYearsShareUnchangedAreFeedbackInitiativesAndSurveyDesks() {
        assertEquals(Set.of("feedback-handled", "initiative-per-unit", "receiving-units-survey"),
                targets(hcm, Change.UNCHANGED));
        // iso9001 is in both years now: 2020 keeps the system maintained (II.2.7.đ), 2021 converts it (item 8)
        assertEquals(Map.of(Change.LOOSENED, 2, Change.LEVEL_CHANGED, 6, Change.CHANGED, 3, Change.REMOVED, 24,
                Change.ADDED, 20, Change.UNCHANGED, 3), hcm.counts());
    }

    @Test
    void binhThuanElectronicProcessesAreRemovedAndNoPaperDossiersHeldFrom2023() {
        assertEquals(Set.of("electronic-processes"), targets(binhThuan, Change.REMOVED));
        // reached by the end of 2022 (the last period), held in every period from 2023: the rule changes
        assertEquals(Change.CHANGED, entry(binhThuan, "no-paper-dossiers", Level.SUB_DEPARTMENT).change());
    }

    @Test
    void binhThuanFiveDigitalSharesAreAdded() {
        assertEquals(Set.of("digitized-dossiers", "electronic-transfer", "mobile-level4", "no-resubmission",
                "work-records-online"), targets(binhThuan, Change.ADDED));
        Map<String, String> thresholds = Map.of("digitized-dossiers", "100", "electronic-transfer", "80",
                "mobile-level4", "80", "no-resubmission", "80", "work-records-online", "90");
        thresholds.forEach((t, v) -> assertEquals(0, new BigDecimal(v).compareTo(
                entry(binhThuan, t, Level.SUB_DEPARTMENT).right().requirement().threshold()), t));
    }

    @Test
    void binhThuanTheYearlyTargetsAreUnchanged() {
        assertEquals(Set.of("initiative", "on-time", "procedure-info-public", "training-attendance"),
                targets(binhThuan, Change.UNCHANGED));
        // office-tasks moves its deadline to the end of its year; no-paper-dossiers changes its reading
        assertEquals(Map.of(Change.REMOVED, 1, Change.ADDED, 5, Change.UNCHANGED, 4, Change.CHANGED, 2),
                binhThuan.counts());
    }

    @Test
    void binhThuan2023To2025ShareTheirRulesSoOnlyTheOfficesYearEndMoves() {
        RuleSetDiff diff = RuleSetDiff.between(RuleSet.load("binh-thuan-qlcl/2023"), RuleSet.load("binh-thuan-qlcl/2025"));

        assertEquals(List.of("office-tasks"), diff.changes().stream().map(Entry::target).toList());
        assertEquals(List.of("deadline by 2023-12-31 → by 2025-12-31 (the same day of its year: late from 1 January)"),
                diff.changes().get(0).details());
        assertEquals(11, diff.entries().size());
    }
}
