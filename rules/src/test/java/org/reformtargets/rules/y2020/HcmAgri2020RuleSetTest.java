// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;

/** hcm-agri/2020 as a whole: its catalogue targets, the level each binds, and its rules' metadata. */
class HcmAgri2020RuleSetTest {

    static final List<String> DEPARTMENT_TARGETS = List.of(
            "apology-letters", "electronic-documents", "feedback-handled", "initiative-per-unit", "inspection-coverage",
            "iso9001", "job-position-structure", "official-email", "on-time-per-field", "online-dossiers",
            "par-index-class", "postal-dossiers", "procedures-published", "quarterly-review", "receiving-units-survey",
            "satisfaction", "staff-reduction", "staff-standards", "survey-coverage", "survey-results-monthly",
            "tasks-by-deadline");
    /** App.1 3.6, 3.9, 3.12, 8.1, II.2.1.f, II.2.7.đ and V.1.g name the sub-departments too. */
    static final List<String> SUB_DEPARTMENT_TARGETS = List.of("iso9001", "online-dossiers", "portal-on-time",
            "postal-dossiers", "procedures-published", "quarterly-review", "reports-on-time", "sub-unit-reform-plan",
            "survey-coverage");
    /** V.1.g binds the offices directly under the department (Văn phòng Sở, Văn phòng Điều phối NTM, Ban QLDA). */
    static final List<String> DEPARTMENT_OFFICE_TARGETS = List.of("reports-on-time", "sub-unit-reform-plan");

    static final Map<String, String> CLAUSES = Map.ofEntries(
            Map.entry("tasks-by-deadline", "I.2.1"), Map.entry("par-index-class", "I.2.1"),
            Map.entry("initiative-per-unit", "I.2.2"), Map.entry("job-position-structure", "I.2.2, App.1 5.4"),
            Map.entry("on-time-per-field", "I.2.3"), Map.entry("online-dossiers", "I.2.3, App.1 3.6a"),
            Map.entry("postal-dossiers", "I.2.3, App.1 3.6b"), Map.entry("apology-letters", "I.2.3, App.1 3.13"),
            Map.entry("receiving-units-survey", "I.2.4"), Map.entry("survey-results-monthly", "I.2.4"),
            Map.entry("satisfaction", "I.2.4"), Map.entry("feedback-handled", "I.2.5"),
            Map.entry("electronic-documents", "I.2.7, App.1 7.3"), Map.entry("official-email", "I.2.7"),
            Map.entry("inspection-coverage", "I.2.9, II.2.1.b, App.1 1.3"),
            Map.entry("staff-reduction", "II.2.4.c, App.1 4.5"), Map.entry("survey-coverage", "II.2.8.a, App.1 8.1"),
            Map.entry("staff-standards", "II.2.5.a, App.1 5.2"), Map.entry("quarterly-review", "II.2.1.f"),
            Map.entry("portal-on-time", "App.1 3.12"), Map.entry("reports-on-time", "V.1.g"),
            Map.entry("procedures-published", "II.2.3.a, App.1 3.9"), Map.entry("sub-unit-reform-plan", "V.1.g"),
            Map.entry("iso9001", "II.2.7.đ"));

    private static RuleSet rules;
    private static Evaluation empty;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2020");
        empty = Given.asOf("2021-01-31")
                .unit("snn", Level.DEPARTMENT)
                .unit("cc", Level.SUB_DEPARTMENT, "snn")
                .unit("tram", Level.OFFICE, "cc")
                .unit("van-phong", Level.OFFICE, "snn")
                .evaluatedBy(rules);
    }

    @Test
    void theRuleSetHoldsExactlyThe24CatalogueTargets() {
        TreeSet<String> expected = new TreeSet<>();
        DEPARTMENT_TARGETS.forEach(t -> expected.add("hcm-agri/2020/" + t));
        SUB_DEPARTMENT_TARGETS.forEach(t -> expected.add("hcm-agri/2020/" + t));
        assertEquals(24, expected.size());
        assertEquals(List.copyOf(expected), rules.targets());
    }

    @Test
    void itIsListedAndItsManifestNamesThePlanAndTheYear() {
        assertTrue(RuleSet.available().contains("hcm-agri/2020"));
        assertEquals("1.0.0", rules.version());
        assertEquals(Period.year(2020), rules.manifest().period());
        assertEquals(LocalDate.of(2020, 1, 1), rules.manifest().effective().from());
        assertEquals(LocalDate.of(2020, 12, 31), rules.manifest().effective().to());
        assertEquals("002_cc650dbebc4d473f.txt", rules.manifest().sources().get(0).document());
    }

    @Test
    void eachTargetBindsTheLevelsItsClauseNamesAndAStationOfASubDepartmentNone() {
        assertEquals(DEPARTMENT_TARGETS, targetsOf("snn"));
        assertEquals(SUB_DEPARTMENT_TARGETS, targetsOf("cc"));
        assertEquals(DEPARTMENT_OFFICE_TARGETS, targetsOf("van-phong"));
        assertEquals(List.of(), targetsOf("tram"));
    }

    @Test
    void everyResultCitesPlan77AndTheCatalogueClause() {
        for (TargetResult r : empty.results()) {
            String suffix = r.target().substring("hcm-agri/2020/".length());
            assertEquals("002_cc650dbebc4d473f.txt", r.source().document(), r.target());
            assertEquals(CLAUSES.get(suffix), r.source().clause(), r.target());
        }
    }

    @Test
    void theAmbiguousClausesCarryTheirReading() {
        for (String t : List.of("inspection-coverage", "satisfaction", "tasks-by-deadline", "reports-on-time", "par-index-class",
                "staff-reduction", "sub-unit-reform-plan", "iso9001", "procedures-published")) {
            TargetResult r = empty.results().stream().filter(x -> x.target().equals("hcm-agri/2020/" + t))
                    .findFirst().orElseThrow();
            assertNotNull(r.source().reading(), t);
        }
    }

    @Test
    void everyRuleIsNamedByOnePlainSentence() {
        for (TargetResult r : empty.results()) {
            assertFalse(r.rule().contains("\n") || r.rule().endsWith("."), r.rule());
            assertTrue(Character.isUpperCase(r.rule().charAt(0)), r.rule());
        }
    }

    @Test
    void withoutFactsFiguresLackDataWhileEventsThatNeverHappenedAreNotMet() {
        List<String> notMet = empty.results().stream()
                .filter(r -> r.status() == org.reformtargets.core.Status.NOT_MET)
                .map(r -> r.target().substring("hcm-agri/2020/".length())).sorted().toList();
        // quarterly-review and the plan bind the sub-department too, reports and the plan the department's office
        assertEquals(List.of("initiative-per-unit", "inspection-coverage", "quarterly-review", "quarterly-review",
                "reports-on-time", "reports-on-time", "sub-unit-reform-plan", "sub-unit-reform-plan",
                "survey-results-monthly"), notMet);
        assertEquals(0, empty.summary().get(org.reformtargets.core.Status.MET));
        assertEquals(23, empty.summary().get(org.reformtargets.core.Status.INSUFFICIENT_DATA));
    }

    private static List<String> targetsOf(String unit) {
        return empty.resultsFor(unit).stream().map(r -> r.target().substring("hcm-agri/2020/".length()))
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
