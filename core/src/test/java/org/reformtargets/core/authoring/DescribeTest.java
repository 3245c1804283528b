// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.HEADER_LINES;
import static org.reformtargets.core.authoring.RuleSetFolder.SUB_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Cadence;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;

class DescribeTest {

    private static final String T = "kinds/2021/";

    @TempDir
    static Path root;

    private static List<TargetSpec> specs;

    @BeforeAll
    static void describeOneRuleOfEachKind() {
        String d = "DEPARTMENT";
        Path dir = RuleSetFolder.of("kinds/2021").drl("kinds.drl",
                rule("share", T + "share", DEPT_DOC, d, "Check.of(kcontext, $unit).ratio(\"satisfaction\").above(\"95.5\");")
                        + rule("per field", T + "per-field", DEPT_DOC, d, "Check.of(kcontext, $unit).ratio(\"dossiers.on_time\")"
                        + ".perField().fieldAtLeast(\"land\", \"96\").fieldAtLeast(\"investment\", \"96\").atLeast(\"98\");")
                        + rule("only fields", T + "only-fields", DEPT_DOC, d, "Check.of(kcontext, $unit)"
                        + ".ratio(\"public_service_units.e_payment\").onlyFields(\"health\", \"education\").above(\"95\");")
                        + rule("previous year", T + "above-last-year", DEPT_DOC, d,
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").alsoAbovePreviousYear().atLeast(\"98\");")
                        + rule("growth points", T + "growth-points", DEPT_DOC, d,
                        "Check.of(kcontext, $unit).ratio(\"dossiers.online\").risesByPoints(\"3\");")
                        + rule("growth percent", T + "growth-percent", DEPT_DOC, d,
                        "Check.of(kcontext, $unit).value(\"procedures.online\").risesByPercent(\"5\");")
                        + rule("value", T + "value", DEPT_DOC, d,
                        "Check.of(kcontext, $unit).value(\"dossiers.paper_for_online_procedures\").atMost(\"0\");")
                        + rule("coverage", T + "coverage", DEPT_DOC, d, "Check.of(kcontext, $unit).subUnits()"
                        + ".inspected(\"inspection.periodic\", \"inspection.surprise\").atLeastPercent(\"30\");")
                        + rule("coverage count", T + "coverage-count", DEPT_DOC, d, "Check.of(kcontext, $unit).subUnits()"
                        + ".inspected(\"inspection.surprise\").everyQuarter().atLeast(5);")
                        + rule("each", T + "each", DEPT_DOC, d, "Check.of(kcontext, $unit).subUnits().eachWith(\"initiative\");")
                        + rule("count", T + "count", DEPT_DOC, d, "Check.of(kcontext, $unit).events(\"propaganda.product\").atLeast(2);")
                        + rule("cadence", T + "cadence", DEPT_DOC, d, "Check.of(kcontext, $unit).events(\"survey_results.published\").everyMonth();")
                        + rule("deadline", T + "deadline", DEPT_DOC, d, "Check.of(kcontext, $unit).tasks().allCompletedBy(\"2021-10-31\");")
                        + rule("attestation", T + "attestation", DEPT_DOC, d, "Check.of(kcontext, $unit).attestation(\"iso9001.converted\").isTrue();")
                        + rule("not applicable", T + "attestation", SUB_DOC, "SUB_DEPARTMENT",
                        "Check.of(kcontext, $unit).notApplicable(\"Không áp dụng.\", \"Does not apply.\");"))
                .writeUnder(root);
        specs = RuleSet.fromDirectory(dir).describe();
    }

    private static TargetSpec spec(String target, Level level) {
        List<TargetSpec> found = specs.stream().filter(s -> s.target().equals(T + target) && s.level() == level).toList();
        assertEquals(1, found.size(), () -> target + " " + level + " in " + specs);
        return found.get(0);
    }

    private static Requirement req(String target) {
        return spec(target, Level.DEPARTMENT).requirement();
    }

    @Test
    void eachRuleIsDescribedOncePerLevelItAnswersFor() {
        assertEquals(15, specs.size(), specs::toString);
        TargetSpec share = spec("share", Level.DEPARTMENT);
        assertEquals("share", share.rule());
        assertEquals(HEADER_LINES + 1, share.line());
        assertTrue(share.file().endsWith("kinds.drl"));
        assertEquals(DEPT_DOC, share.source().document());
        assertEquals("1", share.source().clause());
        assertNull(share.threshold(), "the shown threshold is only for checks without a description");
    }

    @Test
    void aShareRecordsItsComparisonAndExactThreshold() {
        Requirement r = req("share");
        assertEquals(Kind.SHARE, r.kind());
        assertEquals(List.of("satisfaction"), r.subjects());
        assertEquals(Comparison.ABOVE, r.comparison());
        assertEquals(new BigDecimal("95.5"), r.threshold());
        assertEquals(Scale.PERCENT, r.scale());
        assertFalse(r.perField());
    }

    @Test
    void aPerFieldShareRecordsTheThresholdOfEachNamedField() {
        Requirement r = req("per-field");
        assertTrue(r.perField());
        assertEquals(List.of(), r.onlyFields());
        assertEquals(Map.of("investment", new BigDecimal("96"), "land", new BigDecimal("96")), r.fieldThresholds());
        assertEquals(new BigDecimal("96"), r.thresholdOf("land"));
        assertEquals(new BigDecimal("98"), r.thresholdOf("fisheries"));
        assertEquals("SHARE dossiers.on_time >= 98 % per field (investment >= 96, land >= 96)", r.toString());
    }

    @Test
    void onlyFieldsAreRecordedSorted() {
        assertEquals(List.of("education", "health"), req("only-fields").onlyFields());
    }

    @Test
    void aRiseOnThePreviousYearIsRecorded() {
        assertTrue(req("above-last-year").abovePreviousYear());
        Requirement points = req("growth-points");
        assertEquals(Kind.GROWTH, points.kind());
        assertEquals(Scale.POINTS, points.scale());
        assertEquals(new BigDecimal("3"), points.threshold());
        Requirement percent = req("growth-percent");
        assertEquals(Scale.PERCENT_RISE, percent.scale());
        assertEquals(List.of("procedures.online"), percent.subjects());
    }

    @Test
    void aValueLimitIsRecorded() {
        Requirement r = req("value");
        assertEquals(Kind.VALUE, r.kind());
        assertEquals(Comparison.AT_MOST, r.comparison());
        assertEquals(0, r.threshold().signum());
        assertEquals(Scale.NUMBER, r.scale());
    }

    @Test
    void coverageRecordsItsEventTypesScaleAndCadence() {
        Requirement share = req("coverage");
        assertEquals(Kind.COVERAGE, share.kind());
        assertEquals(List.of("inspection.periodic", "inspection.surprise"), share.subjects());
        assertEquals(Scale.PERCENT, share.scale());
        assertNull(share.cadence());
        Requirement count = req("coverage-count");
        assertEquals(Scale.COUNT, count.scale());
        assertEquals(new BigDecimal("5"), count.threshold());
        assertEquals(Cadence.QUARTER, count.cadence());
    }

    @Test
    void eventDemandsRecordTheirCountOrCadence() {
        assertEquals(Kind.EACH_SUB_UNIT, req("each").kind());
        Requirement count = req("count");
        assertEquals(Kind.EVENT_COUNT, count.kind());
        assertEquals(new BigDecimal("2"), count.threshold());
        Requirement cadence = req("cadence");
        assertEquals(Kind.CADENCE, cadence.kind());
        assertEquals(Cadence.MONTH, cadence.cadence());
    }

    @Test
    void aDeadlineIsRecordedAsWrittenEvenWhenNoTaskIsGiven() {
        Requirement r = req("deadline");
        assertEquals(Kind.DEADLINE, r.kind());
        assertEquals(Comparison.ON_OR_BEFORE, r.comparison());
        assertEquals(LocalDate.of(2021, 10, 31), r.deadline());
        assertNull(r.threshold());
    }

    @Test
    void attestationsAndNotApplicableAreRecorded() {
        assertEquals(Comparison.IS_TRUE, req("attestation").comparison());
        assertEquals(List.of("iso9001.converted"), req("attestation").subjects());
        assertEquals(Kind.NOT_APPLICABLE, spec("attestation", Level.SUB_DEPARTMENT).requirement().kind());
    }

    @Test
    void describingARuleSetWhoseRuleFailsListsTheFailure(@TempDir Path other) {
        Path dir = RuleSetFolder.of("broken/2021").drl("r.drl",
                rule("bad", "broken/2021/x", DEPT_DOC, "DEPARTMENT", "Check.of(kcontext, $unit).ratio(\"nope\").atLeast(\"1\");"))
                .writeUnder(other);
        RuleSet rules = RuleSet.fromDirectory(dir);

        RuleSetException e = assertThrows(RuleSetException.class, rules::describe);

        assertEquals(HEADER_LINES + 1, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("unknown indicator 'nope'"), e::getMessage);
    }
}
