// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.Message;
import org.reformtargets.core.Outlook;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSetRef;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

class ScorecardTest {

    private static TargetResult result(String target, String field, Status status, boolean isFinal, String actual,
                                       Period measured) {
        return TargetResult.builder("demo/2021/" + target, "u1", Period.year(2021), status).field(field)
                .isFinal(isFinal).actual(actual).threshold(">= 98").gap(status == Status.MET ? 0L : null)
                .message(new Message("Câu tiếng Việt.", "English sentence.")).measuredPeriod(measured).rule("rule")
                .build();
    }

    @Test
    void anOutlookColumnAppearsWhenAResultHasAnOutlook() {
        TargetResult open = TargetResult.builder("demo/2021/a", "u1", Period.year(2021), Status.MET).actual("99.00")
                .threshold(">= 98").gap(0L).measuredPeriod(Period.half(2021, 1)).rule("rule")
                .outlook(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 1204, 1193, "99.09", Outlook.Standing.AT_RISK))
                .build();
        Evaluation with = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 6, 30),
                List.of(open, result("b", null, Status.MET, false, "99.00", Period.half(2021, 1))));

        String out = new Scorecard(with, List.of(Unit.root("u1", "Sở", Level.DEPARTMENT)), null).render();

        assertTrue(out.lines().anyMatch(l -> l.endsWith("OUTLOOK")), out);
        assertTrue(out.lines().anyMatch(l -> l.endsWith("AT_RISK 1193 of 1204 (99.09%)")), out);
        assertTrue(out.contains("OUTLOOK: what the rest of the period must bring"), out);
        assertEquals("ON_TRACK 5 (7 expected)",
                Scorecard.outlook(new Outlook(Outlook.Basis.RUN_RATE, 7, 5, null, Outlook.Standing.ON_TRACK)));
        String without = new Scorecard(new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 6, 30),
                List.of(result("b", null, Status.MET, false, "99.00", null))), List.of(), null).render();
        assertFalse(without.contains("OUTLOOK"), without);
    }

    @Test
    void widthCountsCodePointsAndIgnoresCombiningMarks() {
        String composed = "Trạm Củ Chi";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

        assertAll(
                () -> assertEquals(11, Scorecard.width(composed)),
                () -> assertEquals(11, Scorecard.width(decomposed)),
                () -> assertTrue(decomposed.length() > 11));
    }

    @Test
    void columnsLineUpWhenCellsHoldVietnameseText() {
        Evaluation e = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 12, 31), List.of(
                result("a", "đất đai", Status.MET, true, "99.00", null),
                result("b", Normalizer.normalize("thủy sản", Normalizer.Form.NFD), Status.NOT_MET, true, "1.00", null),
                result("c", "land", Status.INSUFFICIENT_DATA, true, null, null)));

        String out = new Scorecard(e, List.of(Unit.root("u1", "Sở", Level.DEPARTMENT)), null).render();

        List<String> rows = out.lines().filter(l -> l.startsWith("  ")).toList();
        assertEquals(4, rows.size(), out);
        Pattern status = Pattern.compile("\\b(STATUS|MET|NOT_MET|INSUFFICIENT_DATA)\\b");
        Pattern actual = Pattern.compile("(?<= )(ACTUAL|99\\.00|1\\.00|-)(?= )");
        for (String row : rows) {
            Matcher s = status.matcher(row);
            Matcher a = actual.matcher(row);
            assertTrue(s.find() && a.find(), row);
            assertEquals(Scorecard.width(rows.get(0).substring(0, rows.get(0).indexOf("STATUS"))),
                    Scorecard.width(row.substring(0, s.start())), out);
            assertEquals(Scorecard.width(rows.get(0).substring(0, rows.get(0).indexOf("ACTUAL"))),
                    Scorecard.width(row.substring(0, a.start())), out);
        }
    }

    @Test
    void nonFinalResultsAreStarredWithALegendAndTheMeasuredPeriod() {
        Evaluation e = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 9, 30), List.of(
                result("a", null, Status.NOT_MET, false, "97.50", Period.quarter(2021, 3)),
                result("b", null, Status.MET, true, "99.00", null)));

        String out = new Scorecard(e, List.of(Unit.root("u1", "Sở", Level.DEPARTMENT)), "vi").render();

        assertAll(
                () -> assertTrue(out.contains("NOT_MET*"), out),
                () -> assertTrue(out.contains("97.50 [2021-Q3]"), out),
                () -> assertFalse(Pattern.compile("\\bMET\\*").matcher(out).find(), "final results carry no star:\n" + out),
                () -> assertTrue(out.contains("\n* not final: the period had not ended on 2021-09-30"), out),
                () -> assertTrue(out.contains("Câu tiếng Việt."), out),
                () -> assertTrue(out.contains("Summary: 2 results: 1 MET, 1 NOT_MET, 0 INSUFFICIENT_DATA, 0 NOT_APPLICABLE"),
                        out));
    }

    @Test
    void noLegendWhenEveryResultIsFinal() {
        Evaluation e = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 12, 31), List.of(
                result("a", null, Status.MET, true, "99.00", null)));

        String out = new Scorecard(e, List.of(), null).render();

        assertFalse(out.contains("not final"), out);
        assertFalse(out.contains("English sentence."), out);
    }

    @Test
    void resultsOfSeveralPeriodsGetAPeriodColumnInsteadOfAHeaderPeriod() {
        TargetResult y2021 = result("a", null, Status.MET, true, "99.00", null);
        TargetResult y2022 = TargetResult.builder("demo/2021/a", "u1", Period.year(2022), Status.NOT_MET)
                .isFinal(true).actual("90.00").threshold(">= 98").gap(8L).rule("rule").build();
        Evaluation e = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2022, 12, 31),
                List.of(y2021, y2022));

        String out = new Scorecard(e, List.of(), null).render();

        assertAll(
                () -> assertFalse(out.lines().findFirst().orElseThrow().contains("period"), out),
                () -> assertTrue(Pattern.compile("(?m)^  TARGET +PERIOD +FIELD +STATUS").matcher(out).find(), out),
                () -> assertTrue(Pattern.compile("(?m)^  a +2022 +NOT_MET +90\\.00 +>= 98 +8$").matcher(out).find(), out));
    }

    @Test
    void aScoredEvaluationShowsPointsAndPerUnitAndPeriodTheTotalGroupsAndGains() {
        TargetResult r = TargetResult.builder("vn-766/digitization/electronic-result", "u1", Period.quarter(2025, 3),
                Status.NOT_MET).isFinal(true).actual("90.00").threshold("linear, max 6").gap(800L)
                .message(new Message("Câu.", "Sentence.")).rule("rule").points("5.40").maxPoints("6").build();
        org.reformtargets.core.Score score = new org.reformtargets.core.Score("u1", Period.quarter(2025, 3), "5.40",
                "6", "27/5", false, java.util.Map.of("digitization", "5.40"), List.of("vn-766/progress/on-time"),
                List.of(new org.reformtargets.core.Score.Gain("vn-766/digitization/electronic-result", 800, "0.60",
                        new Message("Thêm 800 hồ sơ có kết quả điện tử: +0,60 điểm",
                                "800 more dossiers with an electronic result: +0.60"))));
        Evaluation e = new Evaluation(new RuleSetRef("vn-766/2025", "1.0.0"), LocalDate.of(2025, 10, 15), List.of(r),
                List.of(score));

        String out = new Scorecard(e, List.of(), null).render();

        assertTrue(out.contains("POINTS"), out);
        assertTrue(out.contains("5.40/6"), out);
        assertTrue(out.contains("Score 2025-Q3: 5.40 / 6 (incomplete: no figure for 1 indicator)"), out);
        assertTrue(out.contains("digitization 5.40"), out);
        assertTrue(out.contains("800 more dossiers with an electronic result: +0.60"), out);
        String vi = new Scorecard(e, List.of(), "vi").render();
        assertTrue(vi.contains("Thêm 800 hồ sơ có kết quả điện tử: +0,60 điểm"), vi);
    }
}
