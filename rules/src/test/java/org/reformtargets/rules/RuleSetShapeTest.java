// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Period;
import org.reformtargets.core.TargetResult;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * The shape of every hcm-agri/2021 evaluation: every catalogue target, one result per
 * department and sub-department (per field where the target is per field), none for offices,
 * each citing its source document, clause and rule.
 */
class RuleSetShapeTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    static final String DEPARTMENT_SOURCE = "001_71801934a71350b6.txt";
    static final String SUB_DEPARTMENT_SOURCE = "000_68aedd695de7ffa6.txt";

    /** The catalogue's targets for hcm-agri/2021 and the item of the documents each comes from. */
    static final Map<String, String> CLAUSES = new TreeMap<>(Map.ofEntries(
            Map.entry("hcm-agri/2021/tasks-by-deadline", "1"),
            Map.entry("hcm-agri/2021/periodic-inspection", "3"),
            Map.entry("hcm-agri/2021/surprise-inspection", "3"),
            Map.entry("hcm-agri/2021/satisfaction", "4"),
            Map.entry("hcm-agri/2021/online-rate-growth", "4"),
            Map.entry("hcm-agri/2021/online-procedures-growth", "4"),
            Map.entry("hcm-agri/2021/e-payment-edu-health", "4"),
            Map.entry("hcm-agri/2021/initiative-per-unit", "4"),
            Map.entry("hcm-agri/2021/on-time-per-field", "5"),
            Map.entry("hcm-agri/2021/early-resolution", "5"),
            Map.entry("hcm-agri/2021/quarterly-dialogue", "5"),
            Map.entry("hcm-agri/2021/receiving-units-survey", "6"),
            Map.entry("hcm-agri/2021/survey-results-quarterly", "6"),
            Map.entry("hcm-agri/2021/feedback-handled", "7"),
            Map.entry("hcm-agri/2021/iso9001", "8"),
            Map.entry("hcm-agri/2021/propaganda-product", "9"),
            Map.entry("hcm-agri/2021/propaganda-section", "9")));

    /** Two departments, each with a sub-department and offices; an office under a department too. */
    static Facts twoHierarchies() {
        return Facts.asOf("2021-12-31")
                .department("snn").subDepartment("cc", "snn").office("p1", "snn").office("o1", "cc")
                .department("snn2").subDepartment("cc2", "snn2").office("o2", "cc2");
    }

    static final Set<String> DEPARTMENTS = Set.of("snn", "snn2");
    static final Set<String> SUB_DEPARTMENTS = Set.of("cc", "cc2");

    @Test
    void theRuleSetCarriesExactlyTheCatalogueTargets() {
        assertEquals(List.copyOf(CLAUSES.keySet()), verifier.ruleSet().targets());
    }

    @Test
    void everyTargetGivesExactlyOneResultPerDepartmentAndSubDepartmentWhenNoFieldIsReported() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies()
                .ratio("o1", "satisfaction", "2021", 1, 2)
                .event("o2", "dialogue", "2021-02-01"));
        Map<String, Integer> perTargetAndUnit = new TreeMap<>();
        for (TargetResult r : evaluation.results()) {
            perTargetAndUnit.merge(r.target() + " @ " + r.unit(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (String target : CLAUSES.keySet()) {
            for (String unit : List.of("snn", "snn2", "cc", "cc2")) {
                expected.put(target + " @ " + unit, 1);
            }
        }
        // a per-field target over named fields gives a result for each named field, even unreported
        expected.put("hcm-agri/2021/e-payment-edu-health @ snn", 2);
        expected.put("hcm-agri/2021/e-payment-edu-health @ snn2", 2);
        assertEquals(expected, perTargetAndUnit);
        assertEquals(CLAUSES.size() * 4 + 2, evaluation.results().size());
    }

    @Test
    void noResultIsGivenForAnOfficeEvenWithFactsOfItsOwn() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies()
                .ratio("o1", "satisfaction", "2021", 1, 2)
                .ratio("p1", "dossiers.on_time", "land", "2021", 1, 2)
                .attestation("o2", "iso9001.maintained", "2021", true)
                .event("o1", "propaganda.product", "2021-05-01"));
        Set<String> units = evaluation.results().stream().map(TargetResult::unit).collect(Collectors.toSet());
        assertEquals(Set.of("snn", "snn2", "cc", "cc2"), units);
    }

    @Test
    void perFieldTargetsGiveOneResultPerFieldAndNoTargetIsSilent() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies()
                .ratio("snn", "dossiers.on_time", "2021", 4890, 5000)
                .ratio("snn", "dossiers.on_time", "land", "2021", 97, 100)
                .ratio("snn", "dossiers.on_time", "investment", "2021", 95, 100)
                .ratio("cc", "dossiers.on_time", "seeds", "2021", 10, 10)
                .ratio("snn", "public_service_units.e_payment", "education", "2021", 96, 100)
                .ratio("snn", "public_service_units.e_payment", "health", "2021", 90, 100));
        Set<String> seen = new HashSet<>();
        Map<String, Set<String>> unitsPerTarget = new HashMap<>();
        for (TargetResult r : evaluation.results()) {
            assertTrue(seen.add(r.target() + "|" + r.unit() + "|" + r.field()), () -> "repeated result " + r);
            unitsPerTarget.computeIfAbsent(r.target(), t -> new HashSet<>()).add(r.unit());
        }
        for (String target : CLAUSES.keySet()) {
            assertEquals(Set.of("snn", "snn2", "cc", "cc2"), unitsPerTarget.get(target), target);
        }
        verifier.target("on-time-per-field").unit("snn").given(twoHierarchies()
                        .ratio("snn", "dossiers.on_time", "2021", 4890, 5000)
                        .ratio("snn", "dossiers.on_time", "land", "2021", 97, 100)
                        .ratio("snn", "dossiers.on_time", "investment", "2021", 95, 100))
                .judgesFields(null, "investment", "land");
        verifier.target("e-payment-edu-health").unit("snn").given(twoHierarchies()
                        .ratio("snn", "public_service_units.e_payment", "education", "2021", 96, 100)
                        .ratio("snn", "public_service_units.e_payment", "health", "2021", 90, 100))
                .judgesFields("education", "health");
    }

    @Test
    void everyResultCitesTheDocumentOfItsLevelTheClauseAndItsRule() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies());
        List<String> wrong = new ArrayList<>();
        for (TargetResult r : evaluation.results()) {
            String document = DEPARTMENTS.contains(r.unit()) ? DEPARTMENT_SOURCE : SUB_DEPARTMENT_SOURCE;
            assertNotNull(r.source(), () -> "no source: " + r);
            if (!document.equals(r.source().document()) || !CLAUSES.get(r.target()).equals(r.source().clause())) {
                wrong.add(r.unit() + " " + r.target() + " cites " + r.source());
            }
            if (r.rule() == null || r.rule().isBlank()) {
                wrong.add(r.unit() + " " + r.target() + " names no rule");
            }
            if (r.message() == null || r.message().vi() == null || r.message().vi().isBlank()
                    || r.message().en() == null || r.message().en().isBlank()) {
                wrong.add(r.unit() + " " + r.target() + " has no message in both languages");
            }
            if (!Period.year(2021).equals(r.period())) {
                wrong.add(r.unit() + " " + r.target() + " is for " + r.period());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachLevelIsJudgedByItsOwnRuleAndBothUnitsOfALevelByTheSameRule() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies());
        for (String target : CLAUSES.keySet()) {
            Map<String, String> rules = evaluation.resultsOf(target).stream()
                    .collect(Collectors.toMap(TargetResult::unit, TargetResult::rule, (a, b) -> a));
            assertEquals(rules.get("snn"), rules.get("snn2"), target);
            assertEquals(rules.get("cc"), rules.get("cc2"), target);
            assertNotEquals(rules.get("snn"), rules.get("cc"), target);
        }
    }

    @Test
    void rulesAreNamedForWhatTheyRequire() {
        Facts facts = twoHierarchies();
        verifier.target("satisfaction").unit("snn").given(facts)
                .fromRule("Citizens and businesses are satisfied with a department in at least 91 % of survey forms")
                .fromSource(DEPARTMENT_SOURCE, "4");
        verifier.target("satisfaction").unit("cc").given(facts)
                .fromRule("Citizens and businesses are satisfied with a sub-department in at least 95 % of survey forms")
                .fromSource(SUB_DEPARTMENT_SOURCE, "4");
        verifier.target("surprise-inspection").unit("snn").given(facts)
                .fromRule("A department makes surprise inspections of at least 5 units under it in every quarter");
    }

    @Test
    void ambiguousClausesStateTheReadingTaken() {
        Evaluation evaluation = verifier.evaluate(twoHierarchies());
        for (String target : List.of("hcm-agri/2021/online-rate-growth", "hcm-agri/2021/online-procedures-growth",
                "hcm-agri/2021/tasks-by-deadline")) {
            for (TargetResult r : evaluation.resultsOf(target)) {
                assertNotNull(r.source().reading(), () -> "no reading stated: " + r);
                assertFalse(r.source().reading().isBlank());
            }
        }
    }

    @Test
    void aSubDepartmentWithoutAParentIsStillJudged() {
        Evaluation evaluation = verifier.evaluate(Facts.asOf("2021-12-31").subDepartment("cc", null));
        assertEquals(CLAUSES.size(), evaluation.resultsFor("cc").size());
    }

    @Test
    void theSameFactsGiveTheSameEvaluation() {
        Facts facts = twoHierarchies().ratio("snn", "dossiers.on_time", "land", "2021", 97, 100)
                .event("snn", "dialogue", "2021-02-01");
        assertEquals(verifier.evaluate(facts), verifier.evaluate(facts));
    }
}
