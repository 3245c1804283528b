// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.HEADER_LINES;
import static org.reformtargets.core.authoring.RuleSetFolder.SUB_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.authoring.Finding.Severity;

class RuleSetValidatorTest {

    private static final String ID = "test-set/2021";
    private static final String T = ID + "/";

    @TempDir
    Path root;

    private static RuleSetFolder cleanSet() {
        return RuleSetFolder.of(ID).drl("rules.drl",
                rule("A department satisfies 91 %", T + "satisfaction", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"91\");")
                        + rule("A sub-department satisfies 95 %", T + "satisfaction", SUB_DOC, "SUB_DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");"));
    }

    private ValidationReport validate(RuleSetFolder set) {
        return RuleSetValidator.standard().validate(set.writeUnder(root));
    }

    private static List<Finding> withCode(ValidationReport r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    private static Finding only(ValidationReport r, String code) {
        List<Finding> found = withCode(r, code);
        assertEquals(1, found.size(), () -> "one " + code + " finding expected in:\n" + r.render());
        return found.get(0);
    }

    @Test
    void aConsistentRuleSetIsCleanAndExitsZero() {
        ValidationReport r = validate(cleanSet());

        assertTrue(r.clean(), r::render);
        assertEquals(0, r.exitCode());
        assertEquals(List.of(ID), r.ruleSets());
    }

    @Test
    void aDrlSyntaxErrorIsReportedAtItsExactLine() {
        // the rule opens on line 7; line 11 has a stray parenthesis
        ValidationReport r = validate(RuleSetFolder.of(ID).drl("rules.drl",
                rule("Broken", T + "satisfaction", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"91\");")
                        .replace("level == Level.DEPARTMENT )", "level == Level.DEPARTMENT ) )")));

        Finding f = only(r, "drl");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.file().endsWith("rules.drl"), f::toString);
        assertEquals(HEADER_LINES + 5, f.line(), r::render);
        assertEquals(1, r.exitCode());
    }

    @Test
    void aJavaErrorInAConsequenceIsReportedInItsFile() {
        ValidationReport r = validate(RuleSetFolder.of(ID).drl("rules.drl",
                rule("Typo", T + "satisfaction", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratoi(\"satisfaction\").atLeast(\"91\");")));

        // refused by the rule grammar before anything compiles, at the misspelt method
        Finding f = r.findings(Severity.ERROR).get(0);
        assertEquals("drl", f.code(), r::render);
        assertTrue(f.file().endsWith("rules.drl"), f::toString);
        assertEquals(HEADER_LINES + 7, f.line(), r::render);
        assertTrue(f.message().contains(".ratoi(…) is not a method of Check"), f::toString);
    }

    @Test
    void anUnknownIndicatorIsAnErrorAtTheLineThatNamesIt() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Unknown indicator", T + "speed", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit)\n        .ratio(\"dossiers.speedy\").atLeast(\"90\");")));

        Finding f = only(r, "unknown-code");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.file().endsWith("more.drl"), f::toString);
        assertEquals(HEADER_LINES + 8, f.line(), r::render);
        assertTrue(f.message().contains("dossiers.speedy"), f::toString);
        assertEquals("rule \"Unknown indicator\"", f.path());
    }

    @Test
    void anUnknownEventTypeIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Unknown event", T + "dialogue", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).events(\"town-hall\").everyQuarter();")));

        Finding f = only(r, "unknown-code");
        assertEquals(HEADER_LINES + 7, f.line(), r::render);
        assertTrue(f.message().contains("town-hall"), f::toString);
    }

    @Test
    void twoRulesClaimingOneTargetForOneLevelAreAConflict() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Another department satisfaction", T + "satisfaction", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"90\");")));

        List<Finding> conflicts = withCode(r, "conflict");
        assertFalse(conflicts.isEmpty(), r::render);
        assertTrue(conflicts.stream().allMatch(f -> f.severity() == Severity.ERROR));
        assertTrue(conflicts.get(0).message().contains(T + "satisfaction"), r::render);
        assertTrue(conflicts.get(0).message().contains("DEPARTMENT unit"), r::render);
    }

    @Test
    void aCheckLeftWithoutThresholdIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Unfinished", T + "online", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"dossiers.online\");")));

        // the grammar sees the chain end without a verdict: refused at the last call, before anything runs
        Finding f = only(r, "no-verdict");
        assertEquals(HEADER_LINES + 7, f.line());
        assertTrue(f.message().contains("stops at RatioCheck without a verdict"), f::toString);
    }

    @Test
    void aRuleThatNeverCallsCheckIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Silent", T + "online", DEPT_DOC, "DEPARTMENT", "String unused = \"no verdict\";")));

        Finding f = only(r, "no-verdict");
        assertEquals(HEADER_LINES + 7, f.line());
        assertTrue(f.message().contains("Check.of"), f::toString);
    }

    @Test
    void aShareThresholdAbove100IsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Impossible", T + "feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"110\");")));

        Finding f = only(r, "threshold");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(HEADER_LINES + 1, f.line());
    }

    @Test
    void aPerFieldThresholdBelowZeroIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Negative field", T + "on-time", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"dossiers.on_time\").perField()"
                                + ".fieldAtLeast(\"land\", \"-5\").atLeast(\"98\");")));

        assertTrue(only(r, "threshold").message().contains("field land"), r::render);
    }

    @Test
    void moreThan100PercentCanNeverBeMet() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Above all", T + "feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").above(\"100\");")));

        Finding f = only(r, "unreachable");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("atLeast(\"100\")"), f::toString);
    }

    @Test
    void atMostANegativeFigureCanNeverBeMet() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("No paper", T + "paper", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).value(\"dossiers.paper_for_online_procedures\").atMost(\"-1\");")));

        assertEquals(Severity.ERROR, only(r, "unreachable").severity());
    }

    @Test
    void atLeastZeroPercentIsAlwaysMet() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Nothing asked", T + "feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"0\");")));

        assertEquals(Severity.WARNING, only(r, "trivial").severity());
        assertEquals(1, r.exitCode());
    }

    @Test
    void aThresholdThatIsNotANumberIsAnErrorAtItsLine() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Words", T + "feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit)\n        .ratio(\"feedback.handled\")\n        .atLeast(\"all\");")));

        Finding f = only(r, "rule-failure");
        assertEquals(HEADER_LINES + 9, f.line(), r::render);
        assertTrue(f.message().contains("'all'"), f::toString);
    }

    @Test
    void aTargetIdOfAnotherRuleSetIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Wrong year", "test-set/2020/feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"100\");")));

        Finding f = only(r, "target-id");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(HEADER_LINES + 1, f.line());
    }

    @Test
    void aTargetNameInCapitalsIsAWarning() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Capitals", T + "Feedback_Handled", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"100\");")));

        assertEquals(Severity.WARNING, only(r, "target-id").severity());
    }

    @Test
    void aManifestIdThatDoesNotMatchItsFolderIsAnError() throws IOException {
        Path dir = cleanSet().writeUnder(root);
        Path moved = Files.createDirectories(root.resolve("other-set")).resolve("2021");
        Files.move(dir, moved);

        ValidationReport r = RuleSetValidator.standard().validate(moved);

        Finding f = only(r, "manifest");
        assertEquals("id", f.path());
        assertTrue(f.message().contains("other-set/2021"), f::toString);
    }

    @Test
    void aMissingManifestFieldIsAnError() {
        ValidationReport r = validate(cleanSet().issuer(null));

        Finding f = only(r, "manifest");
        assertEquals("issuer", f.path());
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void aRuleWithoutClauseIsAnError() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("No clause", T + "feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"100\");")
                        .replace(" @clause(\"1\")", "")));

        Finding f = only(r, "metadata");
        assertEquals(HEADER_LINES + 1, f.line());
        assertTrue(f.message().contains("@clause"), f::toString);
    }

    @Test
    void aRuleAnsweringForALevelItsSourceDoesNotBindIsAWarning() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Cites the wrong document", T + "feedback", DEPT_DOC, "SUB_DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"100\");")));

        assertEquals(Severity.WARNING, only(r, "level").severity());
    }

    @Test
    void aDeadlineOutsideThePeriodIsAWarning() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Last year's deadline", T + "tasks", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).tasks().allCompletedBefore(\"2020-11-01\");")));

        assertTrue(only(r, "deadline").message().contains("2020-11-01"), r::render);
    }

    @Test
    void aRuleThatNeedsDataToFireIsANote() {
        ValidationReport r = validate(cleanSet().drl("more.drl",
                rule("Large departments only", T + "initiative", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).subUnits().eachWith(\"initiative\");")
                        .replace("level == Level.DEPARTMENT", "level == Level.DEPARTMENT, subUnitCount > 10")));

        assertEquals(Severity.NOTE, only(r, "never-fires").severity());
        assertTrue(r.clean(), "notes do not fail validation");
    }

    @Test
    void aDrlFileTheManifestDoesNotListIsAWarning() throws IOException {
        Path dir = cleanSet().writeUnder(root);
        Files.writeString(dir.resolve("forgotten.drl"), "package x;\n");

        ValidationReport r = RuleSetValidator.standard().validate(dir);

        Finding f = only(r, "unlisted-file");
        assertTrue(f.file().endsWith("forgotten.drl"), f::toString);
    }

    @Test
    void aListedScenarioFileThatIsMissingIsAnError() {
        ValidationReport r = validate(cleanSet().manifest(cleanSet().manifestJson()
                .replace("\"files\"", "\"scenarios\": [\"gone.scenarios.json\"],\n  \"files\"")));

        assertTrue(only(r, "scenarios").message().contains("gone.scenarios.json"), r::render);
    }

    @Test
    void aMalformedScenarioFileIsAnErrorAtItsLine() {
        ValidationReport r = validate(cleanSet().scenarios("a.scenarios.json",
                "{\n  \"scenarios\": [\n    {\n      \"name\": \"x\",\n      \"facts\": {\"asOf\": \"2021-12-31\", \"units\": []},\n"
                        + "      \"expect\": [{\"unit\": \"u\", \"target\": \"satisfaction\", \"status\": \"PASSED\"}]\n    }\n  ]\n}\n"));

        Finding f = only(r, "scenarios");
        assertEquals(6, f.line(), r::render);
        assertTrue(f.message().contains("PASSED"), f::toString);
    }

    @Test
    void aParentFolderValidatesEachRuleSetAndItsIndex() throws IOException {
        cleanSet().writeUnder(root);
        RuleSetFolder.of("other-set/2022").drl("r.drl",
                rule("Feedback", "other-set/2022/feedback", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"100\");")).writeUnder(root);
        Files.writeString(root.resolve("index.txt"), "# ids\n" + ID + "\nmissing-set/2021\n");

        ValidationReport r = RuleSetValidator.standard().validate(root);

        assertEquals(List.of("other-set/2022", ID), r.ruleSets());
        List<Finding> index = withCode(r, "index");
        assertEquals(2, index.size(), r::render);
        assertTrue(index.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.ruleSet().equals("other-set/2022")));
        assertTrue(index.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.ruleSet().equals("missing-set/2021")));
    }

    @Test
    void aPathWithoutManifestIsAnError() {
        ValidationReport r = RuleSetValidator.standard().validate(root);

        assertEquals("no-rule-set", r.findings().get(0).code());
        assertEquals(1, r.exitCode());
    }

    @Test
    void findingsRenderAsFileLineSeverityMessageAndCode() {
        Finding f = new Finding(Severity.WARNING, "trivial", ID, "rules.drl", "rule \"x\"", 12, 3, "always met");

        assertEquals("rules.drl:12:3: warning: rule \"x\": always met [trivial]", f.toString());
    }
}
