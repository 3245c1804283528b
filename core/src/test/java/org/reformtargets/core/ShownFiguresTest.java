// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures and sentences of share targets: the shown share never contradicts the status,
 * English counts take their singular or plural, and a base year without cases says so.
 */
class ShownFiguresTest {

    @TempDir
    Path tmp;

    private RuleSet rules;

    @BeforeEach
    void compile() {
        Path dir = DemoRuleSet.copy(tmp, "demo", "2021");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.HEADER + """

                rule "On time at least 98"
                    @target("demo/2021/on-time-98") @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("dossiers.on_time").atLeast("98");
                end

                rule "Early all"
                    @target("demo/2021/early-100") @document("demo-plan.txt") @clause("2")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("dossiers.early").atLeast("100");
                end

                rule "Satisfaction above 95 and above last year"
                    @target("demo/2021/satisfaction") @document("demo-plan.txt") @clause("3")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").alsoAbovePreviousYear().above("95");
                end

                rule "Online rises 3 points"
                    @target("demo/2021/online-rise") @document("demo-plan.txt") @clause("4")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("dossiers.online").risesByPoints("3");
                end
                """);
        rules = RuleSet.fromDirectory(dir);
    }

    private Evaluation evaluate(Measurement... measurements) {
        return rules.evaluate(new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)), List.of(measurements), null, null));
    }

    private static Measurement ratio(String indicator, int year, long n, long d) {
        return Measurement.ratio("snn", indicator, null, Period.year(year), n, d);
    }

    @Test
    void aShareJustShortOfItsThresholdNeverReadsAsTheThreshold() {
        Evaluation e = evaluate(ratio("dossiers.on_time", 2021, 97_999, 100_000), ratio("dossiers.early", 2021, 99_999, 100_000));

        TargetResult onTime = e.resultsOf("demo/2021/on-time-98").get(0);
        assertEquals(Status.NOT_MET, onTime.status());
        assertEquals("97.99", onTime.actual());
        assertTrue(onTime.message().vi().contains("tỷ lệ 97,99%, chỉ tiêu từ 98% trở lên: chưa đạt, cần thêm 1 hồ sơ"),
                onTime.message().vi());
        assertTrue(onTime.message().en().contains("a share of 97.99%, against a target of at least 98%: not met,"
                + " 1 more dossier resolved on time needed."), onTime.message().en());

        TargetResult early = e.resultsOf("demo/2021/early-100").get(0);
        assertEquals("99.99", early.actual());
        assertTrue(early.message().vi().contains("tỷ lệ 99,99%, chỉ tiêu đạt 100%: chưa đạt"), early.message().vi());
        assertTrue(early.message().en().contains("against a target of 100%: not met, 1 more dossier resolved early needed"),
                early.message().en());
    }

    @Test
    void aShareJustOverAStrictThresholdShowsTheDecimalThatTellsItApart() {
        Evaluation e = evaluate(ratio("satisfaction", 2020, 9_000, 10_000), ratio("satisfaction", 2021, 95_001, 100_000));

        TargetResult r = e.resultsOf("demo/2021/satisfaction").get(0);
        assertEquals(Status.MET, r.status());
        assertEquals("95.001", r.actual());
        assertTrue(r.message().vi().contains("95,001%"), r.message().vi());
    }

    @Test
    void aShareHigherThanLastYearNeverReadsEqual() {
        Evaluation e = evaluate(ratio("satisfaction", 2020, 9_600, 10_000), ratio("satisfaction", 2021, 960_001, 1_000_000));

        TargetResult r = e.resultsOf("demo/2021/satisfaction").get(0);
        assertEquals(Status.MET, r.status());
        assertEquals("96.0001", r.actual());
        assertTrue(r.message().en().contains("2020 had 96.0000%"), r.message().en());
    }

    @Test
    void aBaseYearWithoutCasesSaysSoRatherThanThatTheFigureIsMissing() {
        Evaluation e = evaluate(ratio("satisfaction", 2020, 0, 0), ratio("satisfaction", 2021, 99, 100),
                ratio("dossiers.online", 2020, 0, 0), ratio("dossiers.online", 2021, 50, 100));

        TargetResult satisfaction = e.resultsOf("demo/2021/satisfaction").get(0);
        assertTrue(satisfaction.message().vi().contains("năm 2020 không có phiếu khảo sát nên không có tỷ lệ để so sánh"),
                satisfaction.message().vi());
        assertTrue(satisfaction.message().en().contains("2020 had no survey forms, so there is no share to compare with"),
                satisfaction.message().en());
        TargetResult rise = e.resultsOf("demo/2021/online-rise").get(0);
        assertTrue(rise.message().vi().contains("năm 2020 không có hồ sơ của thủ tục có dịch vụ công trực tuyến"),
                rise.message().vi());
        assertTrue(rise.message().en().contains("2020 had no dossiers of procedures offered online, so there is no share"
                + " to rise from"), rise.message().en());
    }

    @Test
    void aRiseShowsThisYearAndTheRequiredShareOnTheirRightSides() {
        // required 100·1/3 + 3 = 36.333…; 36,333 of 100,000 is just below it
        Evaluation e = evaluate(ratio("dossiers.online", 2020, 1, 3), ratio("dossiers.online", 2021, 36_333, 100_000));

        TargetResult r = e.resultsOf("demo/2021/online-rise").get(0);
        assertEquals(Status.NOT_MET, r.status());
        assertTrue(new java.math.BigDecimal(r.actual()).compareTo(new java.math.BigDecimal(
                r.threshold().substring(3, r.threshold().indexOf(' ', 3)))) < 0, r.actual() + " vs " + r.threshold());
    }
}
