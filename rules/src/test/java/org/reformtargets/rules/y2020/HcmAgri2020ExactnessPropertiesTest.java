// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.reformtargets.rules.y2020.Given.result;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/** hcm-agri/2020 decides in whole numbers: properties over many figures, compared with integer arithmetic. */
class HcmAgri2020ExactnessPropertiesTest {

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2020");
    }

    @Test
    void staffReductionIsMetExactlyWhen1000TimesTheHeadcountIsAtMost975TimesThe2015One() {
        qt().withExamples(300).forAll(integers().between(1, 5_000), integers().between(0, 5_000)).checkAssert((base, now) -> {
            TargetResult r = result(Given.asOf("2021-01-15").unit("snn", Level.DEPARTMENT)
                    .value("snn", "staff.headcount", "2015", Integer.toString(base))
                    .value("snn", "staff.headcount", "2020", Integer.toString(now))
                    .evaluatedBy(rules), "hcm-agri/2020/staff-reduction", "snn");
            boolean met = 1000L * now <= 975L * base;
            assertEquals(met ? Status.MET : Status.NOT_MET, r.status(), r.message()::en);
            // the gap is the fewest staff to cut: ceil(now - 0.975·base)
            long gap = met ? 0 : Math.floorDiv(1000L * now - 975L * base + 999, 1000);
            assertEquals(gap, r.gap());
        });
    }

    @Test
    void portalOnTimeIsMetExactlyWhenTheShareIsStrictlyAbove90Percent() {
        qt().withExamples(300).forAll(integers().between(1, 100_000), integers().between(0, 100_000)).checkAssert((d, k) -> {
            int n = k % (d + 1);
            TargetResult r = result(Given.asOf("2021-01-15").unit("snn", Level.DEPARTMENT)
                    .unit("cc", Level.SUB_DEPARTMENT, "snn")
                    .ratio("cc", "dossiers.on_time_portal", "2020", n, d)
                    .evaluatedBy(rules), "hcm-agri/2020/portal-on-time", "cc");
            boolean met = 10L * n > 9L * d;
            assertEquals(met ? Status.MET : Status.NOT_MET, r.status(), r.message()::en);
            assertEquals(met ? 0 : 9L * d / 10 + 1 - n, r.gap());
        });
    }
}
