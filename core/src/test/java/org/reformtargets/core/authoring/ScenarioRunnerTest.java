// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.SUB_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Status;

class ScenarioRunnerTest {

    private static final String ID = "sc/2021";

    @TempDir
    Path root;

    private static final String FACTS = """
            {
                "asOf": "2021-12-31",
                "units": [
                  {"id": "so", "name": "Sở", "level": "DEPARTMENT"},
                  {"id": "cc", "name": "Chi cục", "level": "SUB_DEPARTMENT", "parent": "so"}
                ],
                "measurements": [
                  {"unit": "so", "indicator": "satisfaction", "period": "2021", "numerator": 91, "denominator": 100},
                  {"unit": "cc", "indicator": "satisfaction", "period": "2021", "numerator": 94, "denominator": 100},
                  {"unit": "so", "indicator": "dossiers.on_time", "field": "land", "period": "2021", "numerator": 99, "denominator": 100},
                  {"unit": "so", "indicator": "dossiers.on_time", "field": "health", "period": "2021", "numerator": 97, "denominator": 100}
                ]
              }""";

    private static RuleSetFolder set(String scenarios) {
        return RuleSetFolder.of(ID).drl("rules.drl",
                rule("Department satisfaction", ID + "/satisfaction", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"91\");")
                        + rule("Sub-department satisfaction", ID + "/satisfaction", SUB_DOC, "SUB_DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");")
                        + rule("Department on time", ID + "/on-time", DEPT_DOC, "DEPARTMENT",
                        "Check.of(kcontext, $unit).ratio(\"dossiers.on_time\").perField().atLeast(\"98\");"))
                .scenarios("rules.scenarios.json", scenarios);
    }

    private static String scenario(String name, String expect) {
        return "{\n  \"scenarios\": [\n    {\n      \"name\": \"" + name + "\",\n      \"facts\": " + FACTS + ",\n"
                + "      \"expect\": [\n" + expect + "\n      ]\n    }\n  ]\n}\n";
    }

    private ScenarioReport run(String scenarios) {
        return ScenarioRunner.run(set(scenarios).writeUnder(root));
    }

    @Test
    void expectationsThatHoldPassAndCountAsCoverage() {
        ScenarioReport r = run(scenario("both levels", """
                {"unit": "so", "target": "satisfaction", "status": "MET", "gap": 0, "actual": "91.00"},
                {"unit": "cc", "target": "sc/2021/satisfaction", "status": "NOT_MET", "gap": 1},
                {"unit": "so", "target": "on-time", "field": "land", "status": "MET"}"""));

        assertTrue(r.passed(), r::render);
        assertEquals(1, r.scenarios());
        assertEquals(3, r.expectations());
        assertEquals(List.of(ID + "/on-time", ID + "/satisfaction"), r.coverage().covered());
        assertEquals(0, new BigDecimal("100").compareTo(r.coverage().percent()));
        assertEquals(0, r.exitCode(100));
        assertEquals(List.of(Status.INSUFFICIENT_DATA, Status.NOT_APPLICABLE),
                r.coverage().missingStatuses().get(ID + "/satisfaction"));
    }

    @Test
    void aFailureNamesTargetUnitExpectedAndActualStatusAndTheRulesMessage() {
        ScenarioReport r = run(scenario("wrong", """
                {"unit": "so", "target": "satisfaction", "status": "MET"},
                {"unit": "cc", "target": "satisfaction", "status": "MET"}"""));

        assertFalse(r.passed());
        assertEquals(1, r.failures().size(), r::render);
        ScenarioReport.Failure f = r.failures().get(0);
        assertEquals(ID + "/satisfaction", f.target());
        assertEquals("cc", f.unit());
        assertEquals(Status.MET, f.expected());
        assertEquals(Status.NOT_MET, f.actual());
        assertEquals("Sub-department satisfaction", f.rule());
        assertTrue(f.message().en().contains("94 of 100"), f::toString);
        assertEquals(20, f.line(), "the expectation's own line");
        assertTrue(f.toString().contains("rules.scenarios.json:20: scenario \"wrong\": target sc/2021/satisfaction, unit cc:"
                + " expected MET, got NOT_MET"), f::toString);
        assertEquals(1, r.exitCode(0));
        assertFalse(r.coverage().statuses().get(ID + "/satisfaction").contains(Status.NOT_MET),
                "a failed expectation asserts no status");
    }

    @Test
    void aWrongGapIsAFailureEvenWithTheRightStatus() {
        ScenarioReport r = run(scenario("gap", """
                {"unit": "cc", "target": "satisfaction", "status": "NOT_MET", "gap": 2}"""));

        assertEquals(1, r.failures().size());
        assertEquals("gap 2 expected, 1 given", r.failures().get(0).detail());
    }

    @Test
    void withoutAFieldEveryFieldOfTheTargetMustHaveTheStatusAndWithOneOnlyThatField() {
        ScenarioReport r = run(scenario("fields", """
                {"unit": "so", "target": "on-time", "status": "MET"},
                {"unit": "so", "target": "on-time", "field": "health", "status": "NOT_MET"},
                {"unit": "so", "target": "on-time", "field": null, "status": "MET"}"""));

        // land is met, health (97 %) is not, and no total was reported
        assertEquals(2, r.failures().size(), r::render);
        assertEquals("health", r.failures().get(0).field());
        assertEquals(Status.MET, r.failures().get(0).expected());
        assertEquals(Status.NOT_MET, r.failures().get(0).actual());
        assertNull(r.failures().get(1).field());
        assertNull(r.failures().get(1).actual());
        assertEquals(List.of(Status.NOT_MET), List.copyOf(r.coverage().statuses().get(ID + "/on-time")));
    }

    @Test
    void aResultThatIsNotThereIsAFailure() {
        ScenarioReport r = run(scenario("missing", """
                {"unit": "cc", "target": "on-time", "status": "MET"},
                {"unit": "nobody", "target": "satisfaction", "status": "MET"},
                {"unit": "so", "target": "speed", "status": "MET"}"""));

        assertEquals(3, r.failures().size(), r::render);
        assertNull(r.failures().get(0).actual());
        assertEquals("no result for this target, unit and field", r.failures().get(0).detail());
        assertEquals("unit nobody is not in the scenario's facts", r.failures().get(1).detail());
        assertEquals("the rule set has no target sc/2021/speed", r.failures().get(2).detail());
    }

    @Test
    void aTargetNoExpectationAssertsIsUncovered() {
        ScenarioReport r = run(scenario("one target", """
                {"unit": "so", "target": "satisfaction", "status": "MET"}"""));

        assertTrue(r.passed());
        assertEquals(List.of(ID + "/on-time"), r.coverage().uncovered());
        assertEquals(0, new BigDecimal("50.0").compareTo(r.coverage().percent()));
        assertTrue(r.coverage().meets(50));
        assertFalse(r.coverage().meets(51));
        assertEquals(1, r.exitCode(100));
        assertEquals(0, r.exitCode(50));
        assertTrue(r.render().contains("targets covered 1/2 (50 %)"), r::render);
        assertTrue(r.render().contains("not covered: sc/2021/on-time"), r::render);
    }

    @Test
    void factsThatBreakTheContractAreAProblemAtTheirLineInTheScenarioFile() {
        ScenarioReport r = run(scenario("bad facts", """
                {"unit": "so", "target": "satisfaction", "status": "MET"}""").replace("\"numerator\": 91", "\"numerator\": 191"));

        assertEquals(1, r.problems().size(), r::render);
        assertEquals(12, r.problems().get(0).line(), r::render);
        assertEquals(7, r.problems().get(0).column(), r::render);
        assertTrue(r.problems().get(0).message().contains("above the denominator"), r::render);
        assertEquals(1, r.exitCode(0));
    }

    @Test
    void factsCanComeFromAFileBesideTheScenarios() throws IOException {
        Path dir = set("""
                {"scenarios": [{"name": "from a file", "factsFile": "facts/2021.json",
                  "expect": [{"unit": "so", "target": "satisfaction", "status": "MET"}]}]}
                """).writeUnder(root);
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/2021.json"), FACTS);

        ScenarioReport r = ScenarioRunner.run(dir);

        assertTrue(r.passed(), r::render);
        assertEquals(1, r.expectations());
    }

    @Test
    void aFactsFileOfMoreThan200ProblemsListsTheFirst200AndSaysHowManyMore() throws IOException {
        Path dir = set("""
                {"scenarios": [{"name": "from a file", "factsFile": "facts/2021.json",
                  "expect": [{"unit": "so", "target": "satisfaction", "status": "MET"}]}]}
                """).writeUnder(root);
        Files.createDirectories(dir.resolve("facts"));
        Files.writeString(dir.resolve("facts/2021.json"),
                "{\"asOf\": \"2021-12-31\", \"measurements\": [" + "null, ".repeat(249) + "null]}");

        ScenarioReport r = ScenarioRunner.run(dir);

        assertEquals(201, r.problems().size(), r::render);
        assertEquals("measurements[199]", r.problems().get(199).path(), r::render);
        assertEquals("… and 50 more problems", r.problems().get(200).message(), r::render);
        assertEquals(1, r.exitCode(0));
    }

    @Test
    void anUnknownKeyIsAProblem() {
        ScenarioReport r = run(scenario("typo", """
                {"unit": "so", "target": "satisfaction", "satus": "MET"}"""));

        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("not a scenario-file key")), r::render);
        assertTrue(r.problems().stream().anyMatch(p -> p.path().endsWith(".status")), r::render);
    }

    @Test
    void aRuleSetWithoutScenarioFilesFailsWithAProblemSayingSo() {
        Path dir = RuleSetFolder.of(ID).drl("rules.drl", rule("x", ID + "/x", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"91\");")).writeUnder(root);

        ScenarioReport r = ScenarioRunner.run(dir);

        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("lists no scenario files"));
        assertEquals(List.of(ID + "/x"), r.coverage().uncovered());
    }

    @Test
    void aRuleSetThatDoesNotCompileIsAProblem() {
        Path dir = RuleSetFolder.of(ID).rawDrl("rules.drl", "package x;\nrule \"broken\" when then end end\n").writeUnder(root);

        ScenarioReport r = ScenarioRunner.run(dir);

        assertFalse(r.passed());
        assertTrue(r.problems().stream().anyMatch(p -> p.source() != null && p.source().endsWith("rules.drl")), r::render);
    }

    @Test
    void runAllRunsEveryRuleSetBelowAFolder() {
        set(scenario("one", """
                {"unit": "so", "target": "satisfaction", "status": "MET"}""")).writeUnder(root);

        List<ScenarioReport> reports = ScenarioRunner.runAll(root);

        assertEquals(1, reports.size());
        assertEquals(ID, reports.get(0).ruleSet());
        assertEquals(1, ScenarioReport.exitCode(reports, 100));
        assertEquals(0, ScenarioReport.exitCode(reports, 50));
    }
}
