// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.authoring.Cascade;
import org.reformtargets.core.authoring.Cascade.Verdict;

/** What hcm-agri/2021 demands per level, read by describe(), and its cascade from seed 001 (Sở) to seed 000 (Chi cục). */
class HcmAgri2021DescriptionTest {

    private static final String T = "hcm-agri/2021/";
    private static List<TargetSpec> specs;

    @BeforeAll
    static void describe() {
        specs = RuleSet.load("hcm-agri/2021").describe();
    }

    private static TargetSpec.Requirement at(String target, Level level) {
        return specs.stream().filter(s -> s.target().equals(T + target) && s.level() == level).findFirst()
                .orElseThrow(() -> new AssertionError(target + " " + level)).requirement();
    }

    @Test
    void everyTargetIsDescribedOnceForEachOfTheTwoLevels() {
        assertEquals(34, specs.size());
        Map<String, Long> perTarget = specs.stream().collect(Collectors.groupingBy(TargetSpec::target, Collectors.counting()));
        assertEquals(17, perTarget.size());
        assertTrue(perTarget.values().stream().allMatch(n -> n == 2));
        assertTrue(specs.stream().allMatch(s -> s.level() != Level.OFFICE));
    }

    @Test
    void theDescriptionReadsTheThresholdsOfTheCatalogue() {
        assertEquals(new BigDecimal("91"), at("satisfaction", Level.DEPARTMENT).threshold());
        assertEquals(new BigDecimal("95"), at("satisfaction", Level.SUB_DEPARTMENT).threshold());
        assertEquals(new BigDecimal("96"), at("on-time-per-field", Level.DEPARTMENT).thresholdOf("land"));
        assertEquals(new BigDecimal("98"), at("on-time-per-field", Level.DEPARTMENT).thresholdOf("fisheries"));
        assertEquals(new BigDecimal("100"), at("on-time-per-field", Level.SUB_DEPARTMENT).thresholdOf("land"));
        assertEquals(TargetSpec.Comparison.ABOVE, at("e-payment-edu-health", Level.DEPARTMENT).comparison());
        assertEquals(List.of("education", "health"), at("e-payment-edu-health", Level.DEPARTMENT).onlyFields());
        assertEquals(TargetSpec.Kind.NOT_APPLICABLE, at("early-resolution", Level.DEPARTMENT).kind());
        assertEquals(TargetSpec.Scale.POINTS, at("online-rate-growth", Level.DEPARTMENT).scale());
        assertEquals(TargetSpec.Scale.PERCENT_RISE, at("online-procedures-growth", Level.SUB_DEPARTMENT).scale());
        assertEquals("2021-11-01", at("tasks-by-deadline", Level.SUB_DEPARTMENT).deadline().toString());
    }

    private static Map<String, Verdict> cascade(Integer subUnits) {
        return Cascade.compare(specs, subUnits).stream()
                .collect(Collectors.toMap(Cascade.Step::target, Cascade.Step::verdict));
    }

    @Test
    void everySubDepartmentThresholdIsAtLeastAsStrictAsTheDepartmentsSaveThoseThatCannotBeCompared() {
        Map<String, Verdict> verdicts = cascade(null);

        assertEquals(16, verdicts.size(), "early-resolution binds the sub-department alone");
        assertEquals(Map.of(T + "surprise-inspection", Verdict.INCOMPARABLE, T + "iso9001", Verdict.INCOMPARABLE,
                        T + "e-payment-edu-health", Verdict.INCOMPARABLE),
                verdicts.entrySet().stream().filter(e -> e.getValue() != Verdict.AT_LEAST_AS_STRICT)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdicts.get(T + "satisfaction"), "95 >= 91");
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdicts.get(T + "on-time-per-field"), "100 >= 98, 100 >= 96");
    }

    @Test
    void fivePerQuarterAgainstHalfPerQuarterDependsOnTheNumberOfSubUnits() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, cascade(10).get(T + "surprise-inspection"), "5 of 10 each way");
        assertEquals(Verdict.AT_LEAST_AS_STRICT, cascade(12).get(T + "surprise-inspection"), "6 against 5");
        assertEquals(Verdict.LOOSER, cascade(4).get(T + "surprise-inspection"), "2 against all 4");
    }
}
