// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading rule sets: the demo fixture loads from the class path and from a folder, and every
 * way a rule-set folder can be wrong is refused naming the file, and the line where one is known.
 */
class RuleSetLoadingTest {

    private static final String HEADER = DemoRuleSet.HEADER;

    @TempDir
    Path tmp;

    private Path demoCopy(String family, String year) {
        return DemoRuleSet.copy(tmp, family, year);
    }

    private Path demoCopy() {
        return demoCopy("demo", "2021");
    }

    private static void write(Path dir, String file, String text) {
        DemoRuleSet.write(dir, file, text);
    }

    private static String read(Path dir, String file) {
        return DemoRuleSet.read(dir, file);
    }

    private static List<Problem> refused(Path dir) {
        return assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir)).problems();
    }

    private static Problem onlyProblem(Path dir) {
        List<Problem> problems = refused(dir);
        assertEquals(1, problems.size(), () -> render(problems));
        return problems.get(0);
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static void assertLine(String text, int line, String fragment) {
        assertTrue(text.split("\n", -1)[line - 1].contains(fragment), "line " + line + " should hold " + fragment);
    }

    private static void says(Problem p, String fragment) {
        assertTrue(p.message().contains(fragment), () -> "'" + p.message() + "' should say '" + fragment + "'");
    }

    private static FactsDocument department(long satisfied, long surveyed, LocalDate... dialogues) {
        return new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(Unit.root("snn", "Sở", Level.DEPARTMENT), new Unit("tram", "Trạm", Level.OFFICE, "snn")),
                List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), satisfied, surveyed)),
                java.util.Arrays.stream(dialogues).map(d -> Event.of("snn", "dialogue", d)).toList(), null);
    }

    // ---- good rule sets

    @Test
    void aGoodFolderLoadsAndEvaluates() {
        RuleSet rules = RuleSet.fromDirectory(demoCopy());

        assertEquals("demo/2021", rules.id());
        assertEquals("1.2.3", rules.version());
        assertEquals(new RuleSetRef("demo/2021", "1.2.3"), rules.ref());
        assertEquals(List.of("demo/2021/quarterly-dialogue", "demo/2021/satisfaction"), rules.targets());
        assertEquals(Period.year(2021), rules.manifest().period());
        assertEquals(List.of("demo.drl"), rules.manifest().files());

        Evaluation e = rules.evaluate(department(95, 100, LocalDate.of(2021, 2, 1)));

        assertEquals(rules.ref(), e.ruleSet());
        assertEquals(2, e.results().size(), e.results()::toString);
        TargetResult dialogue = e.results().get(0);
        assertEquals("demo/2021/quarterly-dialogue", dialogue.target());
        assertEquals(Status.NOT_MET, dialogue.status());
        assertEquals(3L, dialogue.gap());
        assertEquals(new Source("demo-plan.txt", "2", null), dialogue.source());
        assertEquals("A department holds a dialogue every quarter", dialogue.rule());
        TargetResult satisfaction = e.results().get(1);
        assertEquals(Status.MET, satisfaction.status());
        assertEquals("95.00", satisfaction.actual());
        assertEquals(">= 90", satisfaction.threshold());
        assertTrue(satisfaction.isFinal());
        assertEquals(List.of(), e.resultsFor("tram"), "no rule is written for offices");
    }

    @Test
    void aRuleSetOnTheClassPathLoadsById() {
        RuleSet rules = RuleSet.load("demo/2021");

        assertEquals(new RuleSetRef("demo/2021", "1.2.3"), rules.ref());
        assertEquals(List.of("demo/2021/quarterly-dialogue", "demo/2021/satisfaction"), rules.targets());
        Evaluation e = rules.evaluate(department(89, 100));
        assertEquals(Status.NOT_MET, e.resultsOf("demo/2021/satisfaction").get(0).status());
        assertEquals(1L, e.resultsOf("demo/2021/satisfaction").get(0).gap());
    }

    @Test
    void availableListsTheIdsOfEveryIndexOnTheClassPath() {
        assertEquals(List.of("demo/2021"), RuleSet.available());
    }

    @Test
    void anUnknownIdIsRefusedListingTheAvailableOnes() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class, () -> RuleSet.load("demo/2019"));

        assertEquals("demo/2019", e.requested());
        assertEquals(List.of("demo/2021"), e.available());
        assertTrue(e.getMessage().contains("There is no rule set demo/2019."), e.getMessage());
        assertTrue(e.getMessage().contains("available rule sets: demo/2021"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAnIdIsNotFoundRatherThanLookedUp() {
        for (String id : new String[] {"demo", "../demo/2021", "demo/2021/", "Demo/2021", ""}) {
            RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class, () -> RuleSet.load(id), id);
            assertEquals(List.of("demo/2021"), e.available());
        }
    }

    @Test
    void withNoRuleSetOnTheClassPathTheMessageSaysWhatToAdd() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class,
                    () -> RuleSet.load("demo/2021", empty));

            assertEquals(List.of(), e.available());
            assertTrue(e.getMessage().contains("add reform-targets-rules"), e.getMessage());
            assertEquals(List.of(), RuleSet.available(empty));
        }
    }

    // ---- DRL files

    @Test
    void aDrlSyntaxErrorIsRefusedWithItsFileAndLine() {
        Path dir = demoCopy();
        String drl = HEADER + """

                rule "A broken rule"
                    @target("demo/2021/satisfaction")
                    @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
                end
                """;
        write(dir, "demo.drl", drl);
        assertLine(drl, 11, "$unit : UnitFacts( level == Level.DEPARTMENT");
        assertLine(drl, 12, "then");

        List<Problem> problems = refused(dir);

        Problem first = problems.get(0);
        assertEquals(dir.resolve("demo.drl").toString(), first.source(), render(problems));
        assertEquals(12, first.line(), render(problems));
        assertTrue(problems.stream().allMatch(p -> p.source().equals(dir.resolve("demo.drl").toString())),
                render(problems));
    }

    @Test
    void aMisspelledKeywordIsRefusedWithItsLine() {
        Path dir = demoCopy();
        String drl = HEADER + """

                rule "A rule with a typo"
                    @target("demo/2021/satisfaction")
                    @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                thn
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
                end
                """;
        write(dir, "demo.drl", drl);
        assertLine(drl, 12, "thn");
        assertLine(drl, 13, "Check.of");

        List<Problem> problems = refused(dir);

        // the parser reads "thn" as part of the condition and stops at the first token it cannot take
        assertEquals(dir.resolve("demo.drl").toString(), problems.get(0).source(), render(problems));
        assertEquals(13, problems.get(0).line(), render(problems));
        assertEquals(5, problems.get(0).column(), render(problems));
    }

    @Test
    void aRuleOnAnUnknownPropertyIsRefusedWithItsFileAndLine() {
        Path dir = demoCopy();
        String drl = HEADER + """

                rule "A rule on a property units do not have"
                    @target("demo/2021/satisfaction")
                    @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( levle == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
                end
                """;
        write(dir, "demo.drl", drl);
        assertLine(drl, 11, "levle");

        List<Problem> problems = refused(dir);

        // the rule grammar knows the properties a constraint may compare: refused at the property itself
        Problem first = problems.get(0);
        assertEquals(dir.resolve("demo.drl").toString(), first.source(), render(problems));
        assertEquals("rule \"A rule on a property units do not have\"", first.path(), render(problems));
        assertEquals(11, first.line(), render(problems));
        assertEquals(24, first.column(), render(problems));
        assertTrue(render(problems).contains("levle"), render(problems));
    }

    @Test
    void aConsequenceThatDoesNotCompileIsRefusedWithItsFile() {
        Path dir = demoCopy();
        String drl = HEADER + """

                rule "A rule calling what does not exist"
                    @target("demo/2021/satisfaction")
                    @document("demo-plan.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").atLest("90");
                end
                """;
        write(dir, "demo.drl", drl);

        List<Problem> problems = refused(dir);

        assertEquals(dir.resolve("demo.drl").toString(), problems.get(0).source(), render(problems));
        assertTrue(problems.get(0).line() > 0, render(problems));
        assertTrue(render(problems).contains("atLest"), render(problems));
    }

    private Path demoWithRule(String metadata) {
        Path dir = demoCopy();
        write(dir, "demo.drl", HEADER + """

                rule "Satisfaction of a department"
                %s
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
                end
                """.formatted(metadata));
        return dir;
    }

    private static void assertAtTheRule(Path dir, Problem p) {
        assertEquals(dir.resolve("demo.drl").toString(), p.source(), p::toString);
        assertEquals("rule \"Satisfaction of a department\"", p.path(), p::toString);
        assertEquals(7, p.line(), p::toString);
    }

    @Test
    void aRuleWithoutTargetIsRefusedNamingTheRuleAndItsLine() {
        Path dir = demoWithRule("    @document(\"demo-plan.txt\") @clause(\"1\")");
        assertLine(read(dir, "demo.drl"), 7, "rule \"Satisfaction of a department\"");

        Problem p = onlyProblem(dir);

        assertAtTheRule(dir, p);
        says(p, "has no @target(\"demo/2021/…\") metadata");
        assertTrue(p.toString().startsWith(dir.resolve("demo.drl") + ":7: rule \"Satisfaction of a department\": "),
                p.toString());
    }

    @Test
    void aRuleWithoutDocumentIsRefusedNamingTheRuleAndItsLine() {
        Path dir = demoWithRule("    @target(\"demo/2021/satisfaction\") @clause(\"1\")");

        Problem p = onlyProblem(dir);

        assertAtTheRule(dir, p);
        says(p, "has no @document");
    }

    @Test
    void aRuleWithoutClauseIsRefusedNamingTheRuleAndItsLine() {
        Path dir = demoWithRule("    @target(\"demo/2021/satisfaction\") @document(\"demo-plan.txt\")");

        Problem p = onlyProblem(dir);

        assertAtTheRule(dir, p);
        says(p, "has no @clause");
    }

    @Test
    void aRuleWithNoMetadataAtAllHasEachMissingPieceListed() {
        Path dir = demoWithRule("");

        List<Problem> problems = refused(dir);

        assertEquals(3, problems.size(), render(problems));
        problems.forEach(p -> assertAtTheRule(dir, p));
    }

    @Test
    void aTargetOutsideTheRuleSetIsRefused() {
        Path dir = demoWithRule("    @target(\"other/2021/satisfaction\") @document(\"demo-plan.txt\") @clause(\"1\")");

        Problem p = onlyProblem(dir);

        assertAtTheRule(dir, p);
        says(p, "@target(\"other/2021/satisfaction\") does not belong to rule set demo/2021");
    }

    @Test
    void aTargetOfAnotherYearOfTheFamilyIsRefused() {
        Path dir = demoWithRule("    @target(\"demo/2020/satisfaction\") @document(\"demo-plan.txt\") @clause(\"1\")");

        says(onlyProblem(dir), "does not belong to rule set demo/2021");
    }

    @Test
    void aTargetThatIsOnlyTheRuleSetIdIsRefused() {
        Path dir = demoWithRule("    @target(\"demo/2021/\") @document(\"demo-plan.txt\") @clause(\"1\")");

        says(onlyProblem(dir), "does not belong to rule set demo/2021");
    }

    @Test
    void aDocumentNotAmongTheManifestSourcesIsRefused() {
        Path dir = demoWithRule("    @target(\"demo/2021/satisfaction\") @document(\"other-plan.txt\") @clause(\"1\")");

        Problem p = onlyProblem(dir);

        assertAtTheRule(dir, p);
        says(p, "@document(\"other-plan.txt\") is not among the manifest's sources: demo-plan.txt");
    }

    @Test
    void problemsInSeveralRulesAreAllListed() {
        Path dir = demoCopy();
        write(dir, "demo.drl", read(dir, "demo.drl")
                .replace("@clause(\"1\")", "")
                .replace("@target(\"demo/2021/quarterly-dialogue\")", "@target(\"x/2021/q\")"));

        List<Problem> problems = refused(dir);

        assertEquals(List.of("rule \"A department holds a dialogue every quarter\"",
                        "rule \"A department satisfies at least 90 % of survey forms\""),
                problems.stream().map(Problem::path).sorted().toList(), render(problems));
        assertEquals(List.of(8, 17), problems.stream().map(Problem::line).sorted().toList(), render(problems));
    }

    // ---- the manifest

    @Test
    void aMissingManifestIsRefused() throws IOException {
        Path dir = demoCopy();
        Files.delete(dir.resolve("manifest.json"));

        Problem p = onlyProblem(dir);

        assertEquals(dir.resolve("manifest.json").toString(), p.source());
        says(p, "is missing: every rule-set folder needs a manifest.json");
    }

    @Test
    void aMalformedManifestIsRefusedWithLineAndColumn() {
        Path dir = demoCopy();
        write(dir, "manifest.json", """
                {
                  "id": "demo/2021",
                  "version": "1.2.3"
                  "issuer": "x"
                }
                """);

        Problem p = onlyProblem(dir);

        assertEquals(dir.resolve("manifest.json").toString(), p.source());
        assertEquals(4, p.line(), p::toString);
        assertEquals(3, p.column(), p::toString);
    }

    @Test
    void aManifestMissingItsFieldsListsEachOne() {
        Path dir = demoCopy();
        write(dir, "manifest.json", "{\"id\": \"demo/2021\"}\n");

        List<Problem> problems = refused(dir);

        assertEquals(List.of("version", "title", "issuer", "period", "effective", "sources", "files"),
                problems.stream().map(Problem::path).toList(), render(problems));
        assertTrue(problems.stream().allMatch(p -> p.source().equals(dir.resolve("manifest.json").toString())));
    }

    @Test
    void aManifestWithoutIdIsRefused() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("\"id\": \"demo/2021\",", ""));

        Problem p = onlyProblem(dir);

        assertEquals("id", p.path());
        says(p, "is required: FAMILY/YEAR");
    }

    @Test
    void aVersionThatIsNotSemanticIsRefused() {
        for (String bad : new String[] {"1.0", "v1.0.0", "1.0.0.0", "one"}) {
            Path dir = tmp.resolve(bad).resolve("demo").resolve("2021");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path source = demoCopy("v-" + bad.replace('.', '_'), "2021");
            write(dir, "manifest.json", read(source, "manifest.json").replace("\"1.2.3\"", "\"" + bad + "\""));
            write(dir, "demo.drl", read(source, "demo.drl"));

            Problem p = onlyProblem(dir);

            assertEquals("version", p.path(), bad);
            says(p, "must be a semantic version such as 1.0.0");
        }
    }

    @Test
    void aPreReleaseVersionIsAccepted() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("\"1.2.3\"", "\"2.0.0-rc.1\""));

        assertEquals("2.0.0-rc.1", RuleSet.fromDirectory(dir).version());
    }

    @Test
    void anUnknownManifestFieldIsRefusedNamingIt() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("\"issuer\":", "\"isuer\":"));

        Problem p = onlyProblem(dir);

        assertEquals(dir.resolve("manifest.json").toString(), p.source());
        assertTrue(p.line() > 0, p::toString);
        says(p, "\"isuer\"");
    }

    @Test
    void aManifestListingAMissingDrlIsRefused() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("[\"demo.drl\"]", "[\"demo.drl\", \"gone.drl\"]"));

        Problem p = onlyProblem(dir);

        assertEquals(dir.resolve("manifest.json").toString(), p.source());
        assertEquals("files", p.path());
        says(p, "lists gone.drl, which does not exist in the rule-set folder");
    }

    @Test
    void aManifestListingFilesOutsideTheFolderOrNotDrlIsRefused() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json")
                .replace("[\"demo.drl\"]", "[\"demo.drl\", \"../2020/demo.drl\", \"notes.txt\", \"/etc/x.drl\"]"));

        List<Problem> problems = refused(dir);

        assertEquals(3, problems.size(), render(problems));
        assertTrue(problems.stream().allMatch(p -> "files".equals(p.path())
                && p.message().contains("is not a .drl file inside the rule-set folder")), render(problems));
    }

    @Test
    void aManifestPeriodOutsideItsYearIsRefused() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("\"period\": \"2021\"", "\"period\": \"2020\""));

        Problem p = onlyProblem(dir);

        assertEquals("period", p.path());
        says(p, "2020 is not in the rule set's year 2021");
    }

    @Test
    void anEffectivePeriodThatEndsBeforeItStartsIsRefused() {
        Path dir = demoCopy();
        write(dir, "manifest.json", read(dir, "manifest.json").replace("\"to\": \"2021-12-31\"", "\"to\": \"2020-12-31\""));

        Problem p = onlyProblem(dir);

        assertEquals("effective", p.path());
        says(p, "starts after it ends");
    }

    @Test
    void aRuleSetWithoutRulesIsRefused() {
        Path dir = demoCopy();
        write(dir, "demo.drl", HEADER);

        Problem p = onlyProblem(dir);

        says(p, "the rule set holds no rule");
    }

    // ---- the folder

    @Test
    void aFolderWhoseFamilyDoesNotMatchTheManifestIdIsRefused() {
        Path dir = demoCopy("other", "2021");

        Problem p = onlyProblem(dir);

        assertEquals(dir.resolve("manifest.json").toString(), p.source());
        assertEquals("id", p.path());
        says(p, "'demo/2021' does not match its folder other/2021");
    }

    @Test
    void aFolderWhoseYearDoesNotMatchTheManifestIdIsRefused() {
        Path dir = demoCopy("demo", "2022");

        Problem p = onlyProblem(dir);

        says(p, "'demo/2021' does not match its folder demo/2022");
    }

    @Test
    void aFolderNotNamedFamilyYearIsNotCheckedAgainstTheId() {
        Path dir = demoCopy("fixtures", "current");

        assertEquals("demo/2021", RuleSet.fromDirectory(dir).id());
    }

    @Test
    void aPathThatIsNotADirectoryIsRefused() {
        Path missing = tmp.resolve("nowhere").resolve("2021");

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(missing));

        assertEquals(1, e.problems().size());
        assertEquals(missing.toString(), e.problems().get(0).source());
        says(e.problems().get(0), "is not a directory");
    }

    @Test
    void theExceptionMessageNamesTheRuleSetAndListsEveryProblem() {
        Path dir = demoCopy();
        write(dir, "manifest.json", "{\"id\": \"demo/2021\"}\n");

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir));

        assertTrue(e.getMessage().startsWith("Rule set demo/2021 cannot be used (7 problems):"), e.getMessage());
        assertEquals(8, e.getMessage().split("\\R").length, e.getMessage());
    }
}
