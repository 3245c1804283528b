// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.Source;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Cadence;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.authoring.Cascade.Verdict;
import org.reformtargets.core.authoring.Finding.Severity;

class CascadeTest {

    private static final String TARGET = "c/2021/t";

    private static TargetSpec at(Level level, Requirement r) {
        return new TargetSpec(TARGET, level, level + " rule", r, null, new Source("d.txt", "1", null), "r.drl",
                level == Level.DEPARTMENT ? 10 : 20);
    }

    private static Requirement share(Comparison c, String t) {
        return Requirement.of(Kind.SHARE, List.of("satisfaction")).compared(c, new BigDecimal(t), Scale.PERCENT);
    }

    private static Cascade.Step step(Requirement department, Requirement subDepartment, Integer subUnits) {
        List<Cascade.Step> steps = Cascade.compare(List.of(at(Level.DEPARTMENT, department),
                at(Level.SUB_DEPARTMENT, subDepartment)), subUnits);
        assertEquals(1, steps.size(), steps::toString);
        return steps.get(0);
    }

    private static Verdict verdict(Requirement department, Requirement subDepartment) {
        return step(department, subDepartment, null).verdict();
    }

    @Test
    void aHigherSubDepartmentShareIsAtLeastAsStrict() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(share(Comparison.AT_LEAST, "91"), share(Comparison.AT_LEAST, "95")));
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(share(Comparison.AT_LEAST, "91"), share(Comparison.AT_LEAST, "91")));
    }

    @Test
    void aLowerSubDepartmentShareIsLooser() {
        Cascade.Step s = step(share(Comparison.AT_LEAST, "91"), share(Comparison.AT_LEAST, "90.5"), null);

        assertEquals(Verdict.LOOSER, s.verdict());
        assertTrue(s.reason().contains(">= 90.5 is below >= 91"), s::reason);
    }

    @Test
    void atLeastIsLooserThanAboveTheSameThresholdAndStricterThanALowerOne() {
        assertEquals(Verdict.LOOSER, verdict(share(Comparison.ABOVE, "95"), share(Comparison.AT_LEAST, "95")));
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(share(Comparison.AT_LEAST, "95"), share(Comparison.ABOVE, "95")));
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(share(Comparison.ABOVE, "95"), share(Comparison.AT_LEAST, "96")));
    }

    @Test
    void perFieldThresholdsAreComparedFieldByField() {
        Requirement department = share(Comparison.AT_LEAST, "98").perField(List.of(),
                Map.of("land", new BigDecimal("96"), "investment", new BigDecimal("96")));

        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(department, share(Comparison.AT_LEAST, "100").perField(List.of(), Map.of())));
        Cascade.Step looser = step(department, share(Comparison.AT_LEAST, "98").perField(List.of(),
                Map.of("land", new BigDecimal("95"))), null);
        assertEquals(Verdict.LOOSER, looser.verdict());
        assertTrue(looser.reason().contains("in field land"), looser::reason);
    }

    @Test
    void aTotalAgainstEveryFieldIsIncomparable() {
        assertEquals(Verdict.INCOMPARABLE, verdict(share(Comparison.AT_LEAST, "98").perField(List.of(), Map.of()),
                share(Comparison.AT_LEAST, "100")));
    }

    @Test
    void droppingTheRiseOnThePreviousYearIsLooser() {
        assertEquals(Verdict.LOOSER, verdict(share(Comparison.AT_LEAST, "98").abovePreviousYear(true),
                share(Comparison.AT_LEAST, "99")));
    }

    private static Requirement coverage(String t, Scale scale, Cadence cadence) {
        return Requirement.of(Kind.COVERAGE, List.of("inspection.surprise"))
                .compared(Comparison.AT_LEAST, new BigDecimal(t), scale).every(cadence);
    }

    @Test
    void aCountOfSubUnitsAndAShareOfThemAreIncomparableWithoutANumberOfSubUnits() {
        Cascade.Step s = step(coverage("5", Scale.COUNT, Cadence.QUARTER), coverage("50", Scale.PERCENT, Cadence.QUARTER), null);

        assertEquals(Verdict.INCOMPARABLE, s.verdict());
        List<Finding> findings = Cascade.findings(List.of(s));
        assertEquals(Severity.NOTE, findings.get(0).severity());
        assertEquals("cascade-incomparable", findings.get(0).code());
        assertEquals(20, findings.get(0).line(), "the finding points at the lower level's rule");
    }

    @Test
    void aCountAndAShareCompareAtAGivenNumberOfSubUnits() {
        Requirement department = coverage("5", Scale.COUNT, Cadence.QUARTER);
        Requirement subDepartment = coverage("50", Scale.PERCENT, Cadence.QUARTER);

        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(department, subDepartment, 10).verdict(), "5 of 10 against 50 % of 10");
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(department, subDepartment, 9).verdict(), "5 of 9 against 5 of 9");
        assertEquals(Verdict.LOOSER, step(department, subDepartment, 3).verdict(), "all 3 against 2 of 3");
    }

    @Test
    void aShareBelowTheCountAtThatNumberOfSubUnitsIsLooser() {
        Cascade.Step s = step(coverage("5", Scale.COUNT, Cadence.QUARTER), coverage("50", Scale.PERCENT, Cadence.QUARTER), 8);

        assertEquals(Verdict.LOOSER, s.verdict());
        assertTrue(s.reason().contains("at 8 sub-units (4 where the upper level asks 5)"), s::reason);
    }

    @Test
    void coverageEveryQuarterIsStricterThanOverThePeriod() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(coverage("30", Scale.PERCENT, null), coverage("30", Scale.PERCENT, Cadence.QUARTER)));
        assertEquals(Verdict.LOOSER, verdict(coverage("30", Scale.PERCENT, Cadence.QUARTER), coverage("30", Scale.PERCENT, null)));
        assertEquals(Verdict.INCOMPARABLE, verdict(coverage("30", Scale.PERCENT, Cadence.QUARTER), coverage("60", Scale.PERCENT, null)));
    }

    @Test
    void aMonthlyCadenceIsStricterThanAQuarterlyOne() {
        Requirement quarterly = Requirement.of(Kind.CADENCE, List.of("dialogue"))
                .compared(Comparison.AT_LEAST, BigDecimal.ONE, Scale.COUNT).every(Cadence.QUARTER);
        Requirement monthly = quarterly.every(Cadence.MONTH);

        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(quarterly, monthly));
        assertEquals(Verdict.LOOSER, verdict(monthly, quarterly));
    }

    @Test
    void aLaterDeadlineIsLooserAndBeforeTheNextDayEqualsByTheDay() {
        Requirement before = Requirement.of(Kind.DEADLINE, List.of("task.assigned", "task.completed"))
                .by(Comparison.BEFORE, LocalDate.of(2021, 11, 1));
        Requirement by = before.by(Comparison.ON_OR_BEFORE, LocalDate.of(2021, 10, 31));
        Requirement later = before.by(Comparison.ON_OR_BEFORE, LocalDate.of(2021, 11, 1));

        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(before, by));
        assertEquals(Verdict.LOOSER, verdict(before, later));
    }

    @Test
    void differentAttestationsAreIncomparable() {
        Requirement converted = Requirement.of(Kind.ATTESTATION, List.of("iso9001.converted")).compared(Comparison.IS_TRUE, null, null);
        Requirement maintained = Requirement.of(Kind.ATTESTATION, List.of("iso9001.maintained")).compared(Comparison.IS_TRUE, null, null);

        assertEquals(Verdict.INCOMPARABLE, verdict(converted, maintained));
        assertEquals(Verdict.AT_LEAST_AS_STRICT, verdict(converted, converted));
    }

    @Test
    void aLowerLevelThatDoesNotApplyIsANoteAndAnUpperOneIsNotCompared() {
        Requirement na = Requirement.of(Kind.NOT_APPLICABLE, List.of());

        assertEquals(Verdict.INCOMPARABLE, verdict(share(Comparison.ABOVE, "95"), na));
        assertEquals(List.of(), Cascade.compare(List.of(at(Level.DEPARTMENT, na),
                at(Level.SUB_DEPARTMENT, share(Comparison.AT_LEAST, "80"))), null));
    }

    @Test
    void eachLevelIsComparedWithTheNearestLevelAboveThatHasTheTarget() {
        List<Cascade.Step> steps = Cascade.compare(List.of(at(Level.DEPARTMENT, share(Comparison.AT_LEAST, "90")),
                at(Level.OFFICE, share(Comparison.AT_LEAST, "80"))), null);

        assertEquals(1, steps.size());
        assertEquals(Level.OFFICE, steps.get(0).lower().level());
        assertEquals(Verdict.LOOSER, steps.get(0).verdict());
        assertEquals(Severity.WARNING, Cascade.findings(steps).get(0).severity());
        assertEquals("cascade-looser", Cascade.findings(steps).get(0).code());
    }

    @Test
    void aNumberOfSubUnitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Cascade.compare(List.of(), 0));
    }
}
