// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    /** Replaces {@code from} (which must occur) in a file of {@code folder}; returns its 1-based line. */
    private static int edit(Path folder, String file, String from, String to) throws IOException {
        Path p = folder.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        assertTrue(at >= 0, from + " not in " + file);
        Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int lineOf(Path file, String text) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.contains(text), text + " not in " + file);
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theBundledRuleSetIsCleanAndExitsZero() {
        Cli.Run run = Cli.run("validate", "hcm-agri/2021");

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(Pattern.compile("\n1 rule set: 0 errors, 0 warnings, \\d+ notes\n$").matcher(run.out()).find(), run.out());
    }

    @Test
    void aBrokenCopyReportsEachFindingAtItsFileAndLineAndExitsOne() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);
        int typo = edit(folder, "satisfaction-and-online.drl", "ratio(\"satisfaction\").atLeast(\"91\")",
                "ratio(\"satisfation\").atLeast(\"91\")");
        edit(folder, "feedback.drl", "atLeast(\"100\")", "atLeast(\"1000\")");
        int outOfRange = lineOf(folder.resolve("feedback.drl"), "rule \"A department handles all feedback");

        Cli.Run run = Cli.run("validate", folder.toString());

        String out = run.out();
        assertAll(
                () -> assertEquals(1, run.status(), out + run.err()),
                () -> assertTrue(Pattern.compile("(?m)^" + Pattern.quote(folder.resolve("satisfaction-and-online.drl").toString())
                        + ":" + typo + "(:\\d+)?: error: .*satisfation.*\\[unknown-code]$").matcher(out).find(), out),
                () -> assertTrue(Pattern.compile("(?m)^" + Pattern.quote(folder.resolve("feedback.drl").toString())
                        + ":" + outOfRange + "(:\\d+)?: error: .*threshold 1000 % is outside 0–100 %.*\\[threshold]$").matcher(out).find(), out),
                () -> assertTrue(Pattern.compile("\n1 rule set: [1-9]\\d* errors?, ").matcher(out).find(), out));
    }

    @Test
    void aParentFolderValidatesEveryRuleSetBelowIt() throws IOException {
        Cli.copyBundled("hcm-agri/2021", dir);
        Cli.copyBundled("binh-thuan-qlcl/2022", dir);
        Files.createDirectories(dir.resolve("binh-thuan-qlcl/common"));
        try (var in = getClass().getClassLoader().getResourceAsStream("rulesets/binh-thuan-qlcl/common/yearly.drl")) {
            Files.copy(in, dir.resolve("binh-thuan-qlcl/common/yearly.drl"));
        }

        Cli.Run run = Cli.run("validate", dir.toString());

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("\n2 rule sets: 0 errors, 0 warnings, "), run.out());
    }

    @Test
    void jsonListsFindingsWithTheirPlaceAndCounts() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);
        int typo = edit(folder, "satisfaction-and-online.drl", "ratio(\"satisfaction\").atLeast(\"91\")",
                "ratio(\"satisfation\").atLeast(\"91\")");

        Cli.Run run = Cli.run("validate", folder.toString(), "--format", "json");

        assertEquals(1, run.status(), run.out() + run.err());
        JsonNode json = run.json();
        assertEquals(List.of("hcm-agri/2021"), List.of(json.get("ruleSets").get(0).asText()));
        assertTrue(json.get("errors").asInt() >= 1, json::toString);
        assertEquals(1, json.get("exitCode").asInt());
        boolean found = false;
        for (JsonNode f : json.get("findings")) {
            if (f.get("code").asText().equals("unknown-code")) {
                found = true;
                assertEquals("ERROR", f.get("severity").asText());
                assertEquals(typo, f.get("line").asInt());
                assertTrue(f.get("file").asText().endsWith("satisfaction-and-online.drl"), f::toString);
            }
        }
        assertTrue(found, json::toString);
    }

    @Test
    void cascadeComparesTheSubDepartmentWithTheDepartment() {
        Cli.Run run = Cli.run("validate", "--cascade", "hcm-agri/2021");

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(Pattern.compile("(?m)^  satisfaction +SHARE satisfaction +DEPARTMENT >= 91 % +SUB_DEPARTMENT >= 95 %"
                + " +AT_LEAST_AS_STRICT$").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("(?m)^  surprise-inspection +COVERAGE inspection.surprise +DEPARTMENT >= 5 sub-units"
                + " every quarter +SUB_DEPARTMENT >= 50 % every quarter +INCOMPARABLE$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().endsWith("16 steps: 13 at least as strict, 0 looser, 3 incomparable\n"), run.out());
    }

    @Test
    void cascadeAtFourSubUnitsFindsTheSubDepartmentLooserAndExitsOne() {
        Cli.Run run = Cli.run("validate", "--cascade", "hcm-agri/2021", "--sub-units", "4");

        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(Pattern.compile("(?m)^  surprise-inspection .* LOOSER\\n +it asks for fewer sub-units at 4 sub-units"
                + " \\(2 where the upper level asks 4\\)$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().endsWith("16 steps: 13 at least as strict, 1 looser, 2 incomparable\n"), run.out());
    }

    @Test
    void aPathThatIsNeitherAFolderNorABundledIdExitsTwo() {
        Cli.assertUserError(Cli.run("validate", dir.resolve("absent").toString()), "absent", "hcm-agri/2021");
    }

    @Test
    void aFolderWithoutAnyManifestExitsTwo() {
        Cli.assertUserError(Cli.run("validate", dir.toString()), "holds no manifest.json");
    }

    @Test
    void nothingToValidateIsAUsageError() {
        Cli.assertUserError(Cli.run("validate"), "PATH", "--cascade");
    }

    @Test
    void anUnknownCascadeRuleSetExitsTwo() {
        Cli.assertUserError(Cli.run("validate", "--cascade", "hcm-agri/1999"), "hcm-agri/1999");
    }

    @Test
    void helpExplainsEveryOptionAndTheExitStatus() {
        Cli.assertHelpExplainsEveryOption("validate");
    }
}
