// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * Every department and sub-department gets exactly one result per target of the rule set (per
 * field for per-field targets), whatever its place in a random unit tree; offices get none.
 */
class OneResultPerTargetPropertiesTest {

    private static final String ON_TIME = "hcm-agri/2021/on-time-per-field";
    private static final String E_PAYMENT = "hcm-agri/2021/e-payment-edu-health";

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");
    }

    @Test
    void theRuleSetHasTheCataloguedTargets() {
        assertEquals(17, rules.targets().size(), rules.targets()::toString);
        assertTrue(rules.targets().contains(ON_TIME));
        assertTrue(rules.targets().contains(E_PAYMENT));
    }

    @Test
    void everyDepartmentAndSubDepartmentGetsExactlyOneResultPerTargetAndField() {
        qt().withExamples(250).withShrinkCycles(100)
                .forAll(FactsGen.documents())
                .checkAssert(facts -> {
                    Evaluation e = rules.evaluate(facts);

                    Set<String> keys = new HashSet<>();
                    for (TargetResult r : e.results()) {
                        assertTrue(keys.add(r.unit() + " " + r.target() + " " + r.period() + " " + r.field()),
                                () -> "a second result " + r);
                        assertEquals(FactsGen.Y2021, r.period(), r::toString);
                    }
                    for (Unit u : facts.units()) {
                        List<TargetResult> mine = e.resultsFor(u.id());
                        if (u.level() == Level.OFFICE) {
                            assertEquals(List.of(), mine, u.id());
                            continue;
                        }
                        for (String target : rules.targets()) {
                            List<String> fields = new ArrayList<>();
                            mine.stream().filter(r -> r.target().equals(target)).forEach(r -> fields.add(r.field()));
                            assertEquals(expectedFields(facts, u, target), fields, () -> u.id() + " " + target);
                        }
                    }
                    assertEquals(e.results().size(), e.summary().values().stream().mapToInt(Integer::intValue).sum());
                });
    }

    @Test
    void perFieldResultsOfAMissingFieldFigureAreInsufficientNeverSilent() {
        qt().withExamples(200).withShrinkCycles(100)
                .forAll(FactsGen.documents())
                .checkAssert(facts -> {
                    Evaluation e = rules.evaluate(facts);
                    for (TargetResult r : e.resultsOf(ON_TIME)) {
                        if (r.status() == Status.INSUFFICIENT_DATA) {
                            assertEquals(null, r.actual(), r::toString);
                            assertEquals(null, r.gap(), r::toString);
                        }
                        if (r.status() == Status.MET) {
                            assertEquals(0L, r.gap(), r::toString);
                        }
                    }
                });
    }

    /** The fields a unit's results of {@code target} should have, in the contract's order (no field first). */
    static List<String> expectedFields(FactsDocument facts, Unit unit, String target) {
        if (target.equals(ON_TIME)) {
            TreeSet<String> fields = measuredFields(facts, unit, "dossiers.on_time");
            List<String> expected = new ArrayList<>();
            if (fields.isEmpty() || hasTotal(facts, unit, "dossiers.on_time")) {
                expected.add(null);
            }
            expected.addAll(fields);
            return expected;
        }
        if (target.equals(E_PAYMENT) && unit.level() == Level.DEPARTMENT) {
            // a result for each named field, reported or not
            return List.of("education", "health");
        }
        return java.util.Collections.singletonList(null);
    }

    private static TreeSet<String> measuredFields(FactsDocument facts, Unit unit, String indicator) {
        TreeSet<String> fields = new TreeSet<>();
        for (Measurement m : facts.measurements()) {
            if (m.unit().equals(unit.id()) && m.indicator().equals(indicator) && m.field() != null
                    && FactsGen.Y2021.contains(m.period())) {
                fields.add(m.field());
            }
        }
        return fields;
    }

    /**
     * Whether the unit's total is judged for 2021: any figure of it within the year (once the year
     * has ended, sub-periods that do not cover it give an insufficient-data result naming the gap).
     */
    private static boolean hasTotal(FactsDocument facts, Unit unit, String indicator) {
        return facts.measurements().stream().anyMatch(m -> m.unit().equals(unit.id())
                && m.indicator().equals(indicator) && Objects.isNull(m.field()) && FactsGen.Y2021.contains(m.period()));
    }
}
