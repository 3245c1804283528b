// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.Source;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.authoring.Cascade.Verdict;

/** The cascade check of the demands recorded by {@code dueBy(…).allOnTime()}, {@code rankedAtLeast} and {@code atMostPercentOfYear}. */
class CascadeOfDueDatesRanksAndBaseYearsTest {

    private static final List<String> SCALE = List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "POOR");

    private static TargetSpec at(Level level, Requirement r) {
        return new TargetSpec("c/2020/t", level, level + " rule", r, null, new Source("d.txt", "1", null), "r.drl", 1);
    }

    private static Cascade.Step step(Requirement department, Requirement subDepartment) {
        List<Cascade.Step> steps = Cascade.compare(List.of(at(Level.DEPARTMENT, department),
                at(Level.SUB_DEPARTMENT, subDepartment)), null);
        assertEquals(1, steps.size(), steps::toString);
        return steps.get(0);
    }

    private static Requirement reports(String... itemThenDate) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        for (int i = 0; i < itemThenDate.length; i += 2) {
            due.put(itemThenDate[i], LocalDate.parse(itemThenDate[i + 1]));
        }
        return Requirement.of(Kind.DUE_DATES, List.of("report.submitted")).dueBy(due);
    }

    private static Requirement ranked(String least) {
        return Requirement.of(Kind.ATTESTATION, List.of("par_index.class")).rankedAtLeast(least, SCALE);
    }

    private static Requirement headcount(String percent, int baseYear) {
        return Requirement.of(Kind.GROWTH, List.of("staff.headcount"))
                .compared(Comparison.AT_MOST, new BigDecimal(percent), Scale.PERCENT_OF_BASE).ofBaseYear(baseYear);
    }

    @Test
    void theSameItemsDueNoLaterAreAtLeastAsStrict() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(reports("Q1", "2020-02-25", "H1", "2020-05-25"),
                reports("Q1", "2020-02-20", "H1", "2020-05-25", "Y", "2020-11-20")).verdict());
    }

    @Test
    void anItemDueLaterOrNotAskedForIsLooserAndNamed() {
        Cascade.Step s = step(reports("Q1", "2020-02-25", "H1", "2020-05-25"), reports("Q1", "2020-02-26"));

        assertEquals(Verdict.LOOSER, s.verdict());
        assertTrue(s.reason().contains("Q1 is due later (by 2020-02-26 instead of by 2020-02-25)"), s::reason);
        assertTrue(s.reason().contains("it does not ask for H1"), s::reason);
    }

    @Test
    void itemsAreComparedByTheirFirstLateDayWhateverTheWording() {
        Requirement byTheDay = reports("Q1", "2020-02-24");
        Requirement beforeTheNext = reports("Q1", "2020-02-25").compared(Comparison.BEFORE, null, null);
        Requirement beforeTheDay = reports("Q1", "2020-02-24").compared(Comparison.BEFORE, null, null);

        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(byTheDay, beforeTheNext).verdict());
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(beforeTheNext, byTheDay).verdict());
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(byTheDay, beforeTheDay).verdict());
        Cascade.Step looser = step(beforeTheDay, byTheDay);
        assertEquals(Verdict.LOOSER, looser.verdict());
        assertTrue(looser.reason().contains("Q1 is due later (by 2020-02-24 instead of before 2020-02-24)"),
                looser::reason);
    }

    @Test
    void aBetterLeastClassOnTheSameScaleIsAtLeastAsStrictAWorseOneLooser() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(ranked("GOOD"), ranked("EXCELLENT")).verdict());
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(ranked("GOOD"), ranked("GOOD")).verdict());
        Cascade.Step s = step(ranked("GOOD"), ranked("FAIR"));
        assertEquals(Verdict.LOOSER, s.verdict());
        assertTrue(s.reason().contains("accepts FAIR"), s::reason);
    }

    @Test
    void classesOnDifferentScalesOrAgainstATrueAttestationCannotBeCompared() {
        Requirement otherScale = Requirement.of(Kind.ATTESTATION, List.of("par_index.class"))
                .rankedAtLeast("GOOD", List.of("EXCELLENT", "GOOD", "POOR"));
        Requirement isTrue = Requirement.of(Kind.ATTESTATION, List.of("par_index.class"))
                .compared(Comparison.IS_TRUE, null, null);

        assertEquals(Verdict.INCOMPARABLE, step(ranked("GOOD"), otherScale).verdict());
        assertEquals(Verdict.INCOMPARABLE, step(ranked("GOOD"), isTrue).verdict());
    }

    @Test
    void aSmallerPercentOfTheSameBaseYearIsStricterAnotherBaseYearIsIncomparable() {
        assertEquals(Verdict.AT_LEAST_AS_STRICT, step(headcount("97.5", 2015), headcount("95", 2015)).verdict());
        assertEquals(Verdict.LOOSER, step(headcount("97.5", 2015), headcount("98", 2015)).verdict());
        assertEquals(Verdict.INCOMPARABLE, step(headcount("97.5", 2015), headcount("97.5", 2016)).verdict());
    }
}
