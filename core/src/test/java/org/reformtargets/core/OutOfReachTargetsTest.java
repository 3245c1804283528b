// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A share target no count of successes can reach is NOT_MET without a gap, and says so; it is
 * not an error of the rule set.
 */
class OutOfReachTargetsTest {

    @TempDir
    Path tmp;

    private RuleSet rules;

    @BeforeEach
    void compile() {
        Path dir = DemoRuleSet.copy(tmp, "demo", "2021");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.HEADER + """

                rule "Online share rises 3 points"
                    @target("demo/2021/online-rise") @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("dossiers.online").risesByPoints("3");
                end

                rule "More than every form is satisfied"
                    @target("demo/2021/over-100") @document("demo-plan.txt") @clause("2")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").above("100");
                end
                """);
        rules = RuleSet.fromDirectory(dir);
    }

    private Evaluation evaluate(Measurement... measurements) {
        return rules.evaluate(new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)), List.of(measurements), null, null));
    }

    @Test
    void aRiseBeyondAHundredPercentIsNotMetWithoutAGap() {
        Evaluation e = evaluate(
                Measurement.ratio("snn", "dossiers.online", null, Period.year(2020), 99, 100),
                Measurement.ratio("snn", "dossiers.online", null, Period.year(2021), 100, 100));

        TargetResult r = e.resultsOf("demo/2021/online-rise").get(0);
        assertEquals(Status.NOT_MET, r.status());
        assertNull(r.gap());
        assertEquals("100.00", r.actual());
        assertTrue(r.message().en().contains("out of reach even if every case succeeded"), r.message().en());
        assertTrue(r.message().vi().contains("không thể đạt"), r.message().vi());
    }

    @Test
    void aRiseWithinReachStillCountsItsGap() {
        Evaluation e = evaluate(
                Measurement.ratio("snn", "dossiers.online", null, Period.year(2020), 50, 100),
                Measurement.ratio("snn", "dossiers.online", null, Period.year(2021), 50, 100));

        TargetResult r = e.resultsOf("demo/2021/online-rise").get(0);
        assertEquals(Status.NOT_MET, r.status());
        assertEquals(3L, r.gap());
    }

    @Test
    void moreThanAHundredPercentIsNotMetWithoutAGap() {
        Evaluation e = evaluate(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 100, 100));

        TargetResult r = e.resultsOf("demo/2021/over-100").get(0);
        assertEquals(Status.NOT_MET, r.status());
        assertNull(r.gap());
        assertTrue(r.message().en().contains("out of reach"), r.message().en());
    }
}
