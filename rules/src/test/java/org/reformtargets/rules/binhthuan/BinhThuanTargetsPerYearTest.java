// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.binhthuan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.rules.y2020.Given;

/**
 * binh-thuan-qlcl/2021 … 2025: each year holds exactly the catalogue's targets of that year, for the
 * sub-department, and office-tasks for its offices.
 */
class BinhThuanTargetsPerYearTest {

    /** common/yearly.drl: procedure information public every year (II.2.a, the Appendix), on time, training, initiative. */
    static final List<String> YEARLY = List.of("initiative", "on-time", "procedure-info-public", "training-attendance");
    static final List<String> DIGITAL = List.of("digitized-dossiers", "electronic-transfer", "mobile-level4",
            "no-paper-dossiers", "no-resubmission", "work-records-online");

    static Stream<Arguments> years() {
        return Stream.of(
                Arguments.of(2021, List.of("forms-templated", "milestones")),
                Arguments.of(2022, List.of("electronic-processes", "no-paper-dossiers")),
                Arguments.of(2023, DIGITAL),
                Arguments.of(2024, DIGITAL),
                Arguments.of(2025, DIGITAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void eachYearHoldsExactlyItsTargets(int year, List<String> ofTheYear) {
        RuleSet rules = RuleSet.load("binh-thuan-qlcl", year);
        TreeSet<String> expected = new TreeSet<>();
        Stream.concat(YEARLY.stream(), ofTheYear.stream()).forEach(t -> expected.add("binh-thuan-qlcl/" + year + "/" + t));
        TreeSet<String> all = new TreeSet<>(expected);
        all.add("binh-thuan-qlcl/" + year + "/office-tasks");
        assertEquals(List.copyOf(all), rules.targets());

        assertEquals("binh-thuan-qlcl/" + year, rules.id());
        assertEquals("1.0.0", rules.version());
        assertEquals(Period.year(year), rules.manifest().period());
        assertEquals(LocalDate.of(year, 1, 1), rules.manifest().effective().from());
        assertEquals(LocalDate.of(year, 12, 31), rules.manifest().effective().to());

        Evaluation e = Given.asOf(year + "-12-31")
                .unit("snn", Level.DEPARTMENT)
                .unit("cc", Level.SUB_DEPARTMENT, "snn")
                .unit("phong", Level.OFFICE, "cc")
                .unit("phong-so", Level.OFFICE, "snn")
                .evaluatedBy(rules);
        assertEquals(List.of(), e.resultsFor("snn"), "the plan binds the sub-department and its offices only");
        assertEquals(List.of(), e.resultsFor("phong-so"), "an office of the department is not the sub-department's");
        assertEquals(List.copyOf(expected), e.resultsFor("cc").stream().map(TargetResult::target).toList());
        assertEquals(List.of("binh-thuan-qlcl/" + year + "/office-tasks"),
                e.resultsFor("phong").stream().map(TargetResult::target).toList(), "III.3: the offices' tasks");
        for (TargetResult r : e.results()) {
            assertEquals("004_0498704f6e7d4cd6.txt", r.source().document(), r.target());
            assertEquals(Period.year(year), r.period());
        }
        assertEquals(0, e.summary().get(Status.MET));
    }
}
