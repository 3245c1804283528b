// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.testkit.ScenarioGenerator;

/**
 * The rule set {@code hcm-agri/2021} and the independent {@link ReferenceEvaluator} give the same
 * results: for every (target, unit, field), the same status, gap, actual figure and final flag,
 * and neither gives a result the other lacks. Documents: 2,000 seeds of the testkit's
 * {@link ScenarioGenerator} (thresholds, zero denominators, counts near {@code Long.MAX_VALUE},
 * partial years) and {@link NationalFacts} documents of a few hundred units, whole-year and
 * year-to-date.
 */
class ReferenceDifferentialTest {

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");
    }

    @Test
    void generatedScenariosAgree() {
        ScenarioGenerator scenarios = ScenarioGenerator.forRuleSet(rules);
        List<String> differences = new ArrayList<>();
        Map<Status, Integer> seen = new EnumMap<>(Status.class);
        for (long seed = 1; seed <= 2_000 && differences.size() < 20; seed++) {
            compare("scenario seed " + seed, scenarios.generate(seed), differences, seen);
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
        assertEquals(Status.values().length, seen.size(), "every status occurs: " + seen);
    }

    @Test
    void nationalDocumentsAgree() {
        List<String> differences = new ArrayList<>();
        Map<Status, Integer> seen = new EnumMap<>(Status.class);
        for (long seed = 1; seed <= 6; seed++) {
            compare("national 400 units seed " + seed, NationalFacts.generate(400, seed), differences, seen);
        }
        LocalDate[] partial = {LocalDate.of(2021, 2, 10), LocalDate.of(2021, 6, 30), LocalDate.of(2021, 9, 30),
                LocalDate.of(2021, 11, 15), LocalDate.of(2022, 1, 20)};
        for (int i = 0; i < partial.length; i++) {
            compare("national 300 units seed " + (100 + i) + " as of " + partial[i],
                    NationalFacts.generate(300, 100 + i, partial[i]), differences, seen);
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
        assertEquals(Status.values().length, seen.size(), "every status occurs: " + seen);
    }

    @Test
    void nationalFactsAreDeterministicAndSized() {
        FactsDocument a = NationalFacts.generate(1_000, 7L);
        FactsDocument b = NationalFacts.generate(1_000, 7L);
        assertEquals(a, b);
        assertEquals(1_000, a.units().size());
        int facts = a.measurements().size() + a.events().size() + a.attestations().size();
        assertTrue(facts >= 15_000 && facts <= 30_000, "about 20 facts per unit: " + facts);
    }

    private static void compare(String label, FactsDocument facts, List<String> differences, Map<Status, Integer> seen) {
        Map<String, TargetResult> expected = new HashMap<>();
        for (TargetResult r : rules.evaluate(facts).results()) {
            expected.put(key(r.target(), r.unit(), r.field()), r);
        }
        Map<String, ReferenceEvaluator.Result> actual = new HashMap<>();
        for (ReferenceEvaluator.Result r : ReferenceEvaluator.evaluate(facts)) {
            if (actual.put(key(r.target(), r.unit(), r.field()), r) != null) {
                differences.add(label + ": the reference gives two results for " + key(r.target(), r.unit(), r.field()));
            }
        }
        for (Map.Entry<String, TargetResult> e : expected.entrySet()) {
            TargetResult want = e.getValue();
            ReferenceEvaluator.Result got = actual.remove(e.getKey());
            seen.merge(want.status(), 1, Integer::sum);
            if (got == null) {
                differences.add(label + ": only the rule set gives " + e.getKey() + " " + want.status());
            } else if (want.status() != got.status() || !Objects.equals(want.gap(), got.gap())
                    || !Objects.equals(want.actual(), got.actual()) || want.isFinal() != got.isFinal()) {
                differences.add(label + ": " + e.getKey() + " rule set " + want.status() + " gap " + want.gap()
                        + " actual " + want.actual() + " final " + want.isFinal() + " (" + want.message().en() + ")"
                        + ", reference " + got.status() + " gap " + got.gap() + " actual " + got.actual()
                        + " final " + got.isFinal());
            }
        }
        for (String k : actual.keySet()) {
            differences.add(label + ": only the reference gives " + k + " " + actual.get(k).status());
        }
        if (!ReferenceEvaluator.evaluate(facts, 3).equals(ReferenceEvaluator.evaluate(facts))) {
            differences.add(label + ": the reference gives other results on three threads than on one");
        }
    }

    private static String key(String target, String unit, String field) {
        return target + " | " + unit + " | " + (field == null ? "-" : field);
    }
}
