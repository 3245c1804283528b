// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.SUB_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.authoring.Finding.Severity;

/** The validator reads the dates of {@code dueBy(…).allOnTime()} like any other deadline. */
class DueDatesValidationTest {

    private static final String T = "test-set/2021/";

    @TempDir
    Path root;

    private ValidationReport validate(String... itemThenDate) {
        StringBuilder check = new StringBuilder("Check.of(kcontext, $unit).reports()");
        for (int i = 0; i < itemThenDate.length; i += 2) {
            check.append(".dueBy(\"").append(itemThenDate[i]).append("\", \"").append(itemThenDate[i + 1]).append("\")");
        }
        check.append(".allOnTime();");
        return RuleSetValidator.standard().validate(RuleSetFolder.of("test-set/2021").drl("rules.drl",
                rule("A sub-department sends its reports on time", T + "reports", SUB_DOC, "SUB_DEPARTMENT",
                        check.toString())).writeUnder(root));
    }

    @Test
    void dueDatesWithinThePeriodAreClean() {
        ValidationReport r = validate("Q1", "2021-02-25", "Y", "2021-12-31");

        assertTrue(r.clean(), r::render);
    }

    @Test
    void aDueDateCopiedFromAnotherYearIsAWarningNamingTheItem() {
        ValidationReport r = validate("Q1", "2021-02-25", "Y", "2020-11-20");

        List<Finding> deadlines = r.findings().stream().filter(f -> f.code().equals("deadline")).toList();
        assertEquals(1, deadlines.size(), r::render);
        assertEquals(Severity.WARNING, deadlines.get(0).severity());
        assertTrue(deadlines.get(0).message().contains("2020-11-20 of Y"), deadlines.get(0)::toString);
    }
}
