// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.binhthuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.rules.y2020.Given.result;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Level;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.TargetResult;
import org.reformtargets.rules.y2020.Given;

/**
 * Rules shared by the years of a family: a manifest's {@code include} names DRL files of the
 * family folder, which must stay inside it, and {@code {ruleSet}} in a shared rule's target id
 * becomes the including rule set's id.
 */
class SharedRuleFilesTest {

    private static final String SHARED = """
            package demo.common;
            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;

            rule "A sub-department resolves at least 98 % of dossiers on time, more than the year before"
                @target("{ruleSet}/on-time") @document("plan.txt") @clause("c")
            when
                $unit : UnitFacts( level == Level.SUB_DEPARTMENT )
            then
                Check.of(kcontext, $unit).ratio("dossiers.on_time").alsoAbovePreviousYear().atLeast("98");
            end
            """;

    @TempDir
    Path root;

    @Test
    void theBundledFamilyLoadsFromItsFolderOnDiskAsFromTheClassPath() throws URISyntaxException {
        Path year = Path.of(getClass().getClassLoader().getResource("rulesets/binh-thuan-qlcl/2023/manifest.json").toURI())
                .getParent();
        assertEquals(RuleSet.load("binh-thuan-qlcl/2023").targets(), RuleSet.fromDirectory(year).targets());
    }

    @Test
    void eachYearIncludingTheSharedFileGetsItsOwnTargetIdAndComparesWithItsOwnPreviousYear() throws IOException {
        Path family = family(List.of("common/shared.drl"));
        Files.createDirectories(family.resolve("2031"));
        Files.writeString(family.resolve("2031/manifest.json"), manifest(2031, List.of("common/shared.drl")));

        for (int year : new int[] {2030, 2031}) {
            RuleSet rules = RuleSet.fromDirectory(family.resolve(String.valueOf(year)));
            assertEquals(List.of("demo-family/" + year + "/on-time"), rules.targets());
            TargetResult r = result(Given.asOf(year + "-12-31")
                    .unit("cc", Level.SUB_DEPARTMENT)
                    .ratio("cc", "dossiers.on_time", String.valueOf(year), 99, 100)
                    .ratio("cc", "dossiers.on_time", String.valueOf(year - 1), 98, 100)
                    .evaluatedBy(rules), "demo-family/" + year + "/on-time", "cc");
            assertEquals(">= 98 and > " + (year - 1), r.threshold());
            assertTrue(r.message().en().contains(String.valueOf(year - 1)), r.message().en());
        }
    }

    @Test
    void anIncludeLeavingTheFamilyFolderIsRefused() throws IOException {
        for (String outside : List.of("../outside.drl", "common/../../outside.drl", "/tmp/outside.drl", "C:/outside.drl")) {
            Path family = family(List.of(outside));
            RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(family.resolve("2030")));
            Problem p = e.problems().get(0);
            assertEquals("include", p.path(), e.getMessage());
            assertTrue(p.message().contains("inside the family folder"), p.message());
        }
    }

    @Test
    void aRuleSetFileReachingIntoTheFamilyFolderThroughFilesIsRefused() throws IOException {
        Path family = family(List.of());
        Files.writeString(family.resolve("2030/manifest.json"), manifest(2030, List.of())
                .replace("\"files\": []", "\"files\": [\"../common/shared.drl\"]"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(family.resolve("2030")));
        assertTrue(e.getMessage().contains("inside the rule-set folder"), e.getMessage());
    }

    @Test
    void aMissingIncludeIsNamedWithWhereItWasLookedFor() throws IOException {
        Path family = family(List.of("common/missing.drl"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(family.resolve("2030")));
        assertTrue(e.getMessage().contains("lists common/missing.drl, which does not exist in the family folder"),
                e.getMessage());
        assertTrue(e.getMessage().contains(family.resolve("common/missing.drl").toString()), e.getMessage());
    }

    @Test
    void aCompileErrorInASharedFileIsReportedAtThatFile() throws IOException {
        Path family = family(List.of("common/shared.drl"));
        Files.writeString(family.resolve("common/shared.drl"), SHARED.replace("then", "then oops("),
                StandardCharsets.UTF_8);
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(family.resolve("2030")));
        assertTrue(e.problems().stream().anyMatch(p -> family.resolve("common/shared.drl").toString().equals(p.source())),
                e.getMessage());
    }

    @Test
    void aManifestWithNeitherFilesNorIncludesIsRefused() throws IOException {
        Path family = family(List.of());
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(family.resolve("2030")));
        assertTrue(e.getMessage().contains("must list the rule set's DRL files"), e.getMessage());
    }

    /** A family folder {@code demo-family} with {@code common/shared.drl} and a year 2030 including {@code include}. */
    private Path family(List<String> include) throws IOException {
        Path family = root.resolve("f" + System.nanoTime()).resolve("demo-family");
        Files.createDirectories(family.resolve("common"));
        Files.createDirectories(family.resolve("2030"));
        Files.writeString(family.resolve("common/shared.drl"), SHARED, StandardCharsets.UTF_8);
        Files.writeString(family.resolve("2030/manifest.json"), manifest(2030, include), StandardCharsets.UTF_8);
        return family;
    }

    private static String manifest(int year, List<String> include) {
        String list = String.join(", ", include.stream().map(s -> "\"" + s + "\"").toList());
        return """
                {
                  "id": "demo-family/%d",
                  "version": "1.0.0",
                  "title": {"vi": "Thử", "en": "Test"},
                  "issuer": "tests",
                  "period": "%d",
                  "effective": {"from": "%d-01-01", "to": "%d-12-31"},
                  "sources": [{"document": "plan.txt"}],
                  "files": [],
                  "include": [%s]
                }
                """.formatted(year, year, year, year, list);
    }
}
