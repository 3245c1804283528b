// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.diff;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.reformtargets.core.diff.RuleSetDiff.Change;
import org.reformtargets.core.diff.RuleSetDiff.Entry;

/** The comparison of two demands, on small hand-made descriptions of two years of a family "f". */
class RuleSetDiffTest {

    private static final String OLD = "f/2020";
    private static final String NEW = "f/2021";

    private static TargetSpec spec(String ruleSet, String target, Level level, Requirement r) {
        return spec(ruleSet, target, level, r, null, null);
    }

    private static TargetSpec spec(String ruleSet, String target, Level level, Requirement r, String threshold,
                                   String reading) {
        return new TargetSpec(ruleSet + "/" + target, level, target + " rule", r, threshold,
                new Source(ruleSet + ".txt", "1", reading), ruleSet + "/r.drl", 3);
    }

    private static Requirement share(Comparison c, String t) {
        return Requirement.of(Kind.SHARE, List.of("satisfaction")).compared(c, new BigDecimal(t), Scale.PERCENT);
    }

    private static Requirement events(String type, Cadence cadence) {
        return Requirement.of(Kind.CADENCE, List.of(type)).compared(Comparison.AT_LEAST, BigDecimal.ONE, Scale.COUNT)
                .every(cadence);
    }

    /** The single entry of one target at the department level, both years binding it. */
    private static Entry one(Requirement before, Requirement after) {
        RuleSetDiff diff = RuleSetDiff.between(OLD, List.of(spec(OLD, "t", Level.DEPARTMENT, before)),
                NEW, List.of(spec(NEW, "t", Level.DEPARTMENT, after)));
        assertEquals(1, diff.entries().size(), diff::toString);
        return diff.entries().get(0);
    }

    @Test
    void aLowerFloorIsLoosenedWithBothValues() {
        Entry e = one(share(Comparison.AT_LEAST, "98"), share(Comparison.AT_LEAST, "91"));

        assertAll(
                () -> assertEquals(Change.LOOSENED, e.change()),
                () -> assertEquals(List.of(">= 98 % → >= 91 %"), e.details()),
                () -> assertEquals("t", e.target()),
                () -> assertEquals(Level.DEPARTMENT, e.level()));
    }

    @Test
    void aHigherFloorIsTightened() {
        assertEquals(Change.TIGHTENED, one(share(Comparison.AT_LEAST, "91"), share(Comparison.AT_LEAST, "95")).change());
    }

    @Test
    void aStrictComparisonAtTheSameValueIsTightenedAndTheReverseLoosened() {
        Entry stricter = one(share(Comparison.AT_LEAST, "95"), share(Comparison.ABOVE, "95"));
        Entry looser = one(share(Comparison.ABOVE, "95"), share(Comparison.AT_LEAST, "95"));

        assertEquals(Change.TIGHTENED, stricter.change());
        assertEquals(List.of(">= 95 % → > 95 %"), stricter.details());
        assertEquals(Change.LOOSENED, looser.change());
    }

    @Test
    void aLowerCeilingIsTightenedAndAHigherOneLoosened() {
        Requirement atMost5 = Requirement.of(Kind.VALUE, List.of("dossiers.paper_for_online_procedures"))
                .compared(Comparison.AT_MOST, new BigDecimal("5"), Scale.NUMBER);
        Requirement atMost0 = atMost5.compared(Comparison.AT_MOST, BigDecimal.ZERO, Scale.NUMBER);

        assertEquals(Change.TIGHTENED, one(atMost5, atMost0).change());
        assertEquals(Change.LOOSENED, one(atMost0, atMost5).change());
        assertEquals(List.of("<= 0 → <= 5"), one(atMost0, atMost5).details());
    }

    @Test
    void aFloorAgainstACeilingIsChanged() {
        Requirement floor = Requirement.of(Kind.VALUE, List.of("staff.headcount"))
                .compared(Comparison.AT_LEAST, new BigDecimal("5"), Scale.NUMBER);
        Requirement ceiling = floor.compared(Comparison.AT_MOST, new BigDecimal("5"), Scale.NUMBER);

        Entry e = one(floor, ceiling);

        assertEquals(Change.CHANGED, e.change());
        assertTrue(e.details().get(0).startsWith(">= 5 → <= 5"), e.details()::toString);
    }

    @Test
    void equalThresholdsWrittenDifferentlyAreUnchanged() {
        Entry e = one(share(Comparison.AT_LEAST, "98"), share(Comparison.AT_LEAST, "98.0"));

        assertEquals(Change.UNCHANGED, e.change());
        assertEquals(List.of(), e.details());
    }

    @Test
    void perFieldThresholdsAreComparedFieldByField() {
        Requirement all100 = share(Comparison.AT_LEAST, "100").perField(List.of(), Map.of());
        Requirement mostly98 = share(Comparison.AT_LEAST, "98")
                .perField(List.of(), Map.of("land", new BigDecimal("96"), "investment", new BigDecimal("96")));

        Entry e = one(all100, mostly98);

        assertEquals(Change.LOOSENED, e.change());
        assertEquals(List.of(">= 100 % → >= 98 %", "field investment >= 100 % → >= 96 %",
                "field land >= 100 % → >= 96 %"), e.details());
    }

    @Test
    void oneFieldTighterAndAnotherLooserIsChangedSayingWhichWay() {
        Requirement before = share(Comparison.AT_LEAST, "98").perField(List.of(), Map.of("land", new BigDecimal("96")));
        Requirement after = share(Comparison.AT_LEAST, "98").perField(List.of(), Map.of("land", new BigDecimal("97"),
                "investment", new BigDecimal("95")));

        Entry e = one(before, after);

        assertEquals(Change.CHANGED, e.change());
        assertEquals(List.of("field investment >= 98 % → >= 95 % (looser)", "field land >= 96 % → >= 97 % (stricter)"),
                e.details());
    }

    @Test
    void droppingAboveThePreviousYearLoosensAndAddingItTightens() {
        Requirement plain = share(Comparison.AT_LEAST, "98");
        Requirement above = plain.abovePreviousYear(true);

        Entry dropped = one(above, plain);
        Entry added = one(plain, above);

        assertEquals(Change.LOOSENED, dropped.change());
        assertEquals(List.of("no longer also above the previous year"), dropped.details());
        assertEquals(Change.TIGHTENED, added.change());
    }

    @Test
    void judgingOnlySomeFieldsLoosensAndJudgingPerFieldTightens() {
        Requirement total = share(Comparison.ABOVE, "95");
        Requirement everyField = total.perField(List.of(), Map.of());
        Requirement twoFields = total.perField(List.of("education", "health"), Map.of());

        assertEquals(Change.TIGHTENED, one(total, everyField).change());
        assertEquals(Change.LOOSENED, one(everyField, total).change());
        assertEquals(Change.LOOSENED, one(everyField, twoFields).change());
        assertEquals(List.of("judged in every field → fields education, health"), one(everyField, twoFields).details());
    }

    @Test
    void monthToQuarterIsACadenceChange() {
        Entry e = one(events("survey_results.published", Cadence.MONTH), events("survey_results.published", Cadence.QUARTER));

        assertEquals(Change.CADENCE_CHANGED, e.change());
        assertEquals(List.of("every month → every quarter (looser)"), e.details());
    }

    @Test
    void perQuarterCoverageAgainstTheYearIsACadenceChange() {
        Requirement yearly = Requirement.of(Kind.COVERAGE, List.of("inspection.surprise"))
                .compared(Comparison.AT_LEAST, new BigDecimal("50"), Scale.PERCENT);

        Entry e = one(yearly, yearly.every(Cadence.QUARTER));

        assertEquals(Change.CADENCE_CHANGED, e.change());
        assertEquals(List.of("over the whole period → every quarter (stricter)"), e.details());
    }

    @Test
    void aCountOfSubUnitsAgainstAShareIsChanged() {
        Requirement count = Requirement.of(Kind.COVERAGE, List.of("inspection.surprise"))
                .compared(Comparison.AT_LEAST, new BigDecimal("5"), Scale.COUNT);
        Requirement share = count.compared(Comparison.AT_LEAST, new BigDecimal("50"), Scale.PERCENT);

        Entry e = one(count, share);

        assertEquals(Change.CHANGED, e.change());
        assertTrue(e.details().get(0).startsWith(">= 5 sub-units → >= 50 %: "), e.details()::toString);
    }

    @Test
    void anotherIndicatorIsChangedNamingBoth() {
        Requirement online = Requirement.of(Kind.SHARE, List.of("dossiers.online"))
                .compared(Comparison.AT_LEAST, new BigDecimal("70"), Scale.PERCENT);
        Requirement postal = Requirement.of(Kind.SHARE, List.of("dossiers.postal"))
                .compared(Comparison.AT_LEAST, new BigDecimal("70"), Scale.PERCENT);

        Entry e = one(online, postal);

        assertEquals(Change.CHANGED, e.change());
        assertEquals(List.of("measures dossiers.postal instead of dossiers.online"), e.details());
    }

    @Test
    void aShareBecomingARiseIsAKindChange() {
        Requirement share = Requirement.of(Kind.SHARE, List.of("dossiers.online"))
                .compared(Comparison.AT_LEAST, new BigDecimal("70"), Scale.PERCENT);
        Requirement growth = Requirement.of(Kind.GROWTH, List.of("dossiers.online"))
                .compared(Comparison.AT_LEAST, new BigDecimal("3"), Scale.POINTS);

        Entry e = one(share, growth);

        assertEquals(Change.KIND_CHANGED, e.change());
        assertEquals(List.of("SHARE dossiers.online >= 70 % → GROWTH dossiers.online >= 3 points"), e.details());
    }

    @Test
    void aDeadlineInAnotherYearIsChangedAndNotedWhenOnTheSameDayOfTheYear() {
        Requirement tasks = Requirement.of(Kind.DEADLINE, List.of("task.assigned", "task.completed"));
        Requirement by31October2020 = tasks.by(Comparison.ON_OR_BEFORE, LocalDate.of(2020, 10, 31));
        Requirement before1November2021 = tasks.by(Comparison.BEFORE, LocalDate.of(2021, 11, 1));

        Entry e = one(by31October2020, before1November2021);

        assertEquals(Change.CHANGED, e.change());
        assertEquals(List.of("deadline by 2020-10-31 → before 2021-11-01 (the same day of its year: late from 1 November)"),
                e.details());
    }

    @Test
    void aDeadlineOfTheSameYearIsTightenedWhenEarlierAndEquivalentWordingIsUnchanged() {
        Requirement tasks = Requirement.of(Kind.DEADLINE, List.of("task.assigned", "task.completed"));

        assertEquals(Change.TIGHTENED, one(tasks.by(Comparison.BEFORE, LocalDate.of(2021, 11, 1)),
                tasks.by(Comparison.BEFORE, LocalDate.of(2021, 10, 1))).change());
        assertEquals(Change.UNCHANGED, one(tasks.by(Comparison.ON_OR_BEFORE, LocalDate.of(2021, 10, 31)),
                tasks.by(Comparison.BEFORE, LocalDate.of(2021, 11, 1))).change());
    }

    @Test
    void checksWithoutADescriptionAreComparedByTheirThresholdText() {
        Requirement other = Requirement.of(Kind.OTHER, List.of());
        RuleSetDiff same = RuleSetDiff.between(OLD, List.of(spec(OLD, "t", Level.DEPARTMENT, other, ">= GOOD", null)),
                NEW, List.of(spec(NEW, "t", Level.DEPARTMENT, other, ">= GOOD", null)));
        RuleSetDiff changed = RuleSetDiff.between(OLD, List.of(spec(OLD, "t", Level.DEPARTMENT, other, ">= GOOD", null)),
                NEW, List.of(spec(NEW, "t", Level.DEPARTMENT, other, ">= FAIR", null)));

        assertEquals(Change.UNCHANGED, same.entries().get(0).change());
        Entry e = changed.entries().get(0);
        assertEquals(Change.CHANGED, e.change());
        assertTrue(e.details().get(0).startsWith("OTHER >= GOOD → OTHER >= FAIR"), e.details()::toString);
    }

    @Test
    void aChangedReadingOfAnEqualDemandIsChanged() {
        Requirement r = share(Comparison.AT_LEAST, "98");
        RuleSetDiff diff = RuleSetDiff.between(OLD, List.of(spec(OLD, "t", Level.DEPARTMENT, r, null, "strictly")),
                NEW, List.of(spec(NEW, "t", Level.DEPARTMENT, r, null, null)));

        Entry e = diff.entries().get(0);
        assertEquals(Change.CHANGED, e.change());
        assertEquals(List.of("the reading dropped: strictly"), e.details());
    }

    @Test
    void targetsAreMatchedByTheIdAfterTheRuleSetAndByLevel() {
        TargetSpec kept = spec(OLD, "kept", Level.DEPARTMENT, share(Comparison.AT_LEAST, "90"));
        TargetSpec gone = spec(OLD, "gone", Level.DEPARTMENT, share(Comparison.AT_LEAST, "90"));
        TargetSpec keptAgain = spec(NEW, "kept", Level.DEPARTMENT, share(Comparison.AT_LEAST, "90"));
        TargetSpec keptLower = spec(NEW, "kept", Level.SUB_DEPARTMENT, share(Comparison.AT_LEAST, "95"));
        TargetSpec fresh = spec(NEW, "fresh", Level.SUB_DEPARTMENT, events("dialogue", Cadence.QUARTER));

        RuleSetDiff diff = RuleSetDiff.between(OLD, List.of(kept, gone), NEW, List.of(keptAgain, keptLower, fresh));

        assertAll(
                () -> assertEquals(Change.UNCHANGED, diff.entry("kept", Level.DEPARTMENT).orElseThrow().change()),
                () -> assertEquals(Change.LEVEL_CHANGED, diff.entry("kept", Level.SUB_DEPARTMENT).orElseThrow().change()),
                () -> assertSame(keptLower, diff.entry("kept", Level.SUB_DEPARTMENT).orElseThrow().right()),
                () -> assertNull(diff.entry("kept", Level.SUB_DEPARTMENT).orElseThrow().left()),
                () -> assertEquals(Change.REMOVED, diff.entry("gone", Level.DEPARTMENT).orElseThrow().change()),
                () -> assertEquals(Change.ADDED, diff.entry("fresh", Level.SUB_DEPARTMENT).orElseThrow().change()),
                () -> assertEquals(List.of("CADENCE dialogue >= 1 event every quarter"),
                        diff.entry("fresh", Level.SUB_DEPARTMENT).orElseThrow().details()),
                () -> assertEquals(4, diff.changes().size() + 1),
                () -> assertEquals(List.of(Change.LEVEL_CHANGED, Change.REMOVED, Change.ADDED, Change.UNCHANGED),
                        diff.entries().stream().map(Entry::change).toList()),
                () -> assertEquals(Map.of(Change.ADDED, 1, Change.REMOVED, 1, Change.LEVEL_CHANGED, 1, Change.UNCHANGED, 1),
                        diff.counts()));
    }

    @Test
    void aRemovedAndAnAddedTargetMeasuringTheSameAreNotedAsPerhapsRenamed() {
        RuleSetDiff diff = RuleSetDiff.between(
                OLD, List.of(spec(OLD, "results-monthly", Level.DEPARTMENT, events("survey_results.published", Cadence.MONTH))),
                NEW, List.of(spec(NEW, "results-quarterly", Level.DEPARTMENT, events("survey_results.published", Cadence.QUARTER))));

        Entry added = diff.entry("results-quarterly", Level.DEPARTMENT).orElseThrow();
        Entry removed = diff.entry("results-monthly", Level.DEPARTMENT).orElseThrow();
        assertEquals(Change.ADDED, added.change());
        assertEquals("measures what the removed results-monthly measured: every month → every quarter (looser)",
                added.details().get(1));
        assertEquals(Change.REMOVED, removed.change());
        assertEquals("the added results-quarterly measures the same", removed.details().get(1));
    }

    @Test
    void aRuleSetComparedWithItselfIsUnchangedThroughout() {
        List<TargetSpec> specs = List.of(spec(OLD, "a", Level.DEPARTMENT, share(Comparison.AT_LEAST, "90")),
                spec(OLD, "b", Level.SUB_DEPARTMENT, events("dialogue", Cadence.QUARTER)));

        RuleSetDiff diff = RuleSetDiff.between(OLD, specs, OLD, specs);

        assertEquals(List.of(), diff.changes());
        assertEquals(2, diff.entries(Change.UNCHANGED).size());
    }
}
