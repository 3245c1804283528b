// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import picocli.CommandLine.Model.OptionSpec;

/** Runs the command line in-process on the spec's example facts and on broken inputs. */
class EvaluateCommandTest {

    private static final String RULE_SET = "hcm-agri/2021";

    @TempDir
    static Path dir;
    static Path specExample;
    static String specJson;
    static Evaluation expected;
    static List<String> ruleFiles;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        try (InputStream in = EvaluateCommandTest.class.getResourceAsStream("/spec-example.json")) {
            specJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        specExample = write("spec-example.json", specJson);
        RuleSet bundled = RuleSet.load(RULE_SET);
        expected = bundled.evaluate(ReformTargetsJson.readFacts(specExample));
        ruleFiles = bundled.manifest().files();
    }

    static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
    }

    @Test
    void anEvaluationPastItsFiringLimitStopsWithExit2NamingTheRule() {
        Run within = run("evaluate", "--facts", specExample.toString(), "--max-firings-per-unit", "1000",
                "--time-budget", "120", "--format", "json");
        Run over = run("evaluate", "--facts", specExample.toString(), "--max-firings-per-unit", "1");

        assertEquals(0, within.status(), within.err());
        assertEquals(ReformTargetsJson.writeEvaluation(expected), within.out());
        assertEquals(2, over.status(), over.out() + over.err());
        assertTrue(over.err().contains("(EvaluationLimits.maxFiringsPerUnit)"), over.err());
        assertTrue(over.err().matches("(?s).*\\.drl:\\d+: rule \".*"), over.err());
        assertNoStackTrace(over);
    }

    @Test
    void limitsBelowOneAreAUsageError() {
        Run run = run("evaluate", "--facts", specExample.toString(), "--time-budget", "0");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--max-firings-per-unit and --time-budget must be at least 1"), run.err());
    }

    @Test
    void auditWritesARecordTracingTheScorecardToItsRulesAndFacts() throws IOException {
        Path audit = dir.resolve("audit.json");

        Run run = run("evaluate", "--facts", specExample.toString(), "--audit", audit.toString());

        assertEquals(0, run.status(), run.err());
        String record = Files.readString(audit, StandardCharsets.UTF_8);
        assertTrue(record.contains("\"id\": \"" + RULE_SET + "\""), record);
        assertTrue(record.contains("\"rulesSha256\": \"" + RuleSet.load(RULE_SET).contentHash() + "\""), record);
        assertTrue(record.matches("(?s).*\"factsSha256\": \"[0-9a-f]{64}\".*"), record);
        assertTrue(record.contains("\"results\": " + expected.results().size()), record);
    }

    @Test
    void jsonFormatPrintsTheResultDocumentForBothUnitsOfTheSpecExample() {
        Run run = run("evaluate", "--facts", specExample.toString(), "--format", "json");

        assertEquals(0, run.status(), run.err());
        Evaluation parsed = ReformTargetsJson.readEvaluation(run.out());
        assertAll(
                () -> assertEquals(RULE_SET, parsed.ruleSet().id()),
                () -> assertFalse(parsed.resultsFor("snn-hcm").isEmpty()),
                () -> assertFalse(parsed.resultsFor("cc-ttbvtv").isEmpty()),
                () -> assertEquals(expected, parsed),
                () -> assertEquals(ReformTargetsJson.writeEvaluation(expected), run.out()),
                () -> assertEquals("", run.err()));
    }

    @Test
    void tableFormatIsTheDefaultAndShowsUnitsStatusesAndSummary() {
        Run run = run("evaluate", "--facts", specExample.toString());

        assertEquals(0, run.status(), run.err());
        String summary = "Summary: " + expected.results().size() + " results: "
                + expected.summary().get(Status.MET) + " MET, "
                + expected.summary().get(Status.NOT_MET) + " NOT_MET, "
                + expected.summary().get(Status.INSUFFICIENT_DATA) + " INSUFFICIENT_DATA, "
                + expected.summary().get(Status.NOT_APPLICABLE) + " NOT_APPLICABLE";
        assertAll(
                () -> assertTrue(run.out().startsWith("Rule set hcm-agri/2021 (version "), run.out()),
                () -> assertTrue(run.out().contains("as of 2021-12-31"), run.out()),
                () -> assertTrue(run.out().contains("snn-hcm · Sở Nông nghiệp và PTNT TP.HCM · DEPARTMENT"), run.out()),
                () -> assertTrue(run.out().contains("cc-ttbvtv · "), run.out()),
                () -> assertTrue(run.out().contains("tram-cu-chi · "), run.out()),
                () -> assertTrue(run.out().contains(summary), run.out()));
        for (TargetResult r : expected.results()) {
            String shortId = r.target().substring(RULE_SET.length() + 1);
            assertTrue(Pattern.compile("(?m)^  " + Pattern.quote(shortId) + " .*" + r.status().name() + "\\b")
                    .matcher(run.out()).find(), () -> shortId + " " + r.status() + " missing in\n" + run.out());
        }
    }

    @Test
    void explainAddsTheMessageInTheChosenLanguage() {
        TargetResult first = expected.results().get(0);

        Run vi = run("evaluate", "--facts", specExample.toString(), "--explain", "--lang", "vi");
        Run en = run("evaluate", "--facts", specExample.toString(), "--explain");

        assertAll(
                () -> assertEquals(0, vi.status(), vi.err()),
                () -> assertTrue(vi.out().contains(first.message().vi()), vi.out()),
                () -> assertFalse(vi.out().contains(first.message().en()), vi.out()),
                () -> assertTrue(en.out().contains(first.message().en()), en.out()));
    }

    @Test
    void malformedJsonExitsTwoNamingLineAndColumn() throws IOException {
        Path bad = write("malformed.json", "{\n  \"asOf\": \"2021-12-31\",\n  \"units\": [\n    {\"id\": \"x\",, }\n");

        Run run = run("evaluate", "--facts", bad.toString(), "--rule-set", RULE_SET);

        assertEquals(2, run.status());
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(bad.toString()) + ":4:\\d+: ").matcher(run.err()).find(),
                run.err());
        assertEquals("", run.out());
        assertNoStackTrace(run);
    }

    @Test
    void twoMillionProblemsExitTwoListingTheFirst200AndCountingTheRest() throws IOException {
        Path bad = dir.resolve("nulls.json");
        try (var w = Files.newBufferedWriter(bad, StandardCharsets.UTF_8)) {
            w.write("{\"asOf\": \"2021-12-31\",\n\"measurements\": [\n");
            for (int i = 0; i < 2_000_000; i++) {
                w.write(i == 0 ? "null" : ",\nnull");
            }
            w.write("\n]}\n");
        }

        Run run = run("evaluate", "--facts", bad.toString(), "--rule-set", RULE_SET);

        assertEquals(2, run.status(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(202, lines.size(), () -> lines.subList(0, Math.min(5, lines.size())).toString());
        assertEquals("The facts document has 2,000,000 problems; nothing was evaluated:", lines.get(0));
        assertEquals(bad + ":3:1: measurements[0]: must be an object, found null", lines.get(1));
        assertEquals(bad + ":202:1: measurements[199]: must be an object, found null", lines.get(200));
        assertEquals("… and 1,999,800 more problems", lines.get(201));
        assertEquals("", run.out());
        assertNoStackTrace(run);
    }

    @Test
    void numeratorAboveDenominatorExitsTwoNamingTheField() throws IOException {
        Path bad = write("numerator.json", specJson.replace("\"numerator\": 4890", "\"numerator\": 5890"));

        Run run = run("evaluate", "--facts", bad.toString());

        assertEquals(2, run.status());
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(bad.toString()) + ":\\d+:\\d+: measurements\\[0]\\.numerator: ")
                .matcher(run.err()).find(), run.err());
        assertEquals("", run.out());
        assertNoStackTrace(run);
    }

    @Test
    void unknownRuleSetExitsTwoListingTheAvailableOnes() {
        Run run = run("evaluate", "--facts", specExample.toString(), "--rule-set", "hcm-agri/1999");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("hcm-agri/1999"), run.err());
        assertTrue(Pattern.compile("available rule sets: .*" + Pattern.quote(RULE_SET)).matcher(run.err()).find(),
                run.err());
        assertNoStackTrace(run);
    }

    @Test
    void noRuleSetInFactsOrOptionsExitsTwoAskingForOne() throws IOException {
        Path facts = write("no-rule-set.json", specJson.replace("\"ruleSet\": \"hcm-agri/2021\",", ""));

        Run run = run("evaluate", "--facts", facts.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--rule-set"), run.err());
        assertTrue(run.err().contains(RULE_SET), run.err());
    }

    @Test
    void ruleSetOptionOverridesAMissingRuleSetField() throws IOException {
        Path facts = write("no-rule-set-2.json", specJson.replace("\"ruleSet\": \"hcm-agri/2021\",", ""));

        Run run = run("evaluate", "--facts", facts.toString(), "--rule-set", RULE_SET, "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertEquals(expected, ReformTargetsJson.readEvaluation(run.out()));
    }

    @Test
    void rulesDirLoadsTheRuleSetFromDisk() throws IOException {
        Path rules = copyBundledRuleSet("from-disk");

        Run run = run("evaluate", "--facts", specExample.toString(), "--rules-dir", rules.toString(), "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertEquals(expected, ReformTargetsJson.readEvaluation(run.out()));
    }

    @Test
    void brokenRulesDirExitsTwoListingTheProblemWithItsFile() throws IOException {
        Path rules = copyBundledRuleSet("broken");
        String drl = ruleFiles.get(0);
        Files.writeString(rules.resolve(drl), "\nrule \"broken\" when $x : then end\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        Run run = run("evaluate", "--facts", specExample.toString(), "--rules-dir", rules.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains(drl), run.err());
        assertEquals("", run.out());
        assertNoStackTrace(run);
    }

    @Test
    void rulesDirAndADifferentRuleSetIdExitTwo() throws IOException {
        Path rules = copyBundledRuleSet("mismatch");

        Run run = run("evaluate", "--facts", specExample.toString(), "--rules-dir", rules.toString(),
                "--rule-set", "hcm-agri/2022");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("hcm-agri/2022"), run.err());
    }

    @Test
    void missingFactsFileExitsTwo() {
        Run run = run("evaluate", "--facts", dir.resolve("absent.json").toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("absent.json: no such file"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void missingFactsOptionIsAUsageErrorWithAHint() {
        Run run = run("evaluate");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--facts"), run.err());
        assertTrue(run.err().contains("Try 'reform-targets evaluate --help'"), run.err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() {
        Run run = run("evaluate", "--facts", specExample.toString(), "--colour");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("--colour"), run.err());
        assertTrue(run.err().contains("--help"), run.err());
        assertFalse(run.err().contains("Usage:"), "a hint, not the whole help: " + run.err());
    }

    @Test
    void badFormatValueIsAUsageError() {
        Run run = run("evaluate", "--facts", specExample.toString(), "--format", "xml");

        assertEquals(2, run.status());
        assertTrue(run.err().contains("xml"), run.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertEquals(2, run.status());
        assertTrue(run.err().contains("evaluate"), run.err());
    }

    @Test
    void helpOfEvaluateExplainsEveryOption() {
        Run run = run("evaluate", "--help");

        assertEquals(0, run.status());
        List<OptionSpec> options = Main.commandLine().getSubcommands().get("evaluate")
                .getCommandSpec().options();
        assertTrue(options.size() >= 8, options::toString);
        for (OptionSpec option : options) {
            assertTrue(run.out().contains(option.longestName()), option.longestName() + " missing in\n" + run.out());
            assertFalse(String.join(" ", option.description()).isBlank(), option.longestName());
        }
        assertTrue(run.out().contains("Exit status"), run.out());
    }

    @Test
    void helpOfTheTopCommandNamesEvaluateAndItsOptions() {
        Run run = run("--help");

        assertEquals(0, run.status());
        for (String word : List.of("evaluate", "--help", "--version", "Exit status")) {
            assertTrue(run.out().contains(word), word + " missing in\n" + run.out());
        }
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Run run = run("--version");

        assertEquals(0, run.status());
        assertTrue(Pattern.compile("^reform-targets \\d+\\.\\d+\\.\\d+").matcher(run.out()).find(), run.out());
    }

    /** Copies the bundled rule set's manifest and DRL files into a folder {@code <name>/hcm-agri/2021}. */
    static Path copyBundledRuleSet(String name) throws IOException {
        Path target = Files.createDirectories(dir.resolve(name).resolve(RULE_SET));
        List<String> files = new java.util.ArrayList<>(ruleFiles);
        files.add("manifest.json");
        for (String file : files) {
            try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream("rulesets/" + RULE_SET + "/" + file)) {
                Files.copy(in, target.resolve(file));
            }
        }
        return target;
    }
}
