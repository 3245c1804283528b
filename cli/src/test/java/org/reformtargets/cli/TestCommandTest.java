// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    private static final String WRONG = "{\"unit\": \"snn-hcm\", \"target\": \"satisfaction\", \"status\": \"NOT_MET\", \"gap\": 1}";

    @TempDir
    Path dir;

    @Test
    void theBundledScenariosPassWithFullCoverage() {
        Cli.Run run = Cli.run("test", "hcm-agri/2021");

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(Pattern.compile("(?m)^hcm-agri/2021: \\d+ scenarios, \\d+ expectations, 0 failures; targets covered"
                + " 17/17 \\(100 %\\)$").matcher(run.out()).find(), run.out());
        assertFalse(run.out().contains("FAIL"), run.out());
    }

    @Test
    void aWrongExpectationFailsNamingItsFileLineTargetAndUnit() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);
        Path scenarios = folder.resolve("satisfaction-and-online.scenarios.json");
        String text = Files.readString(scenarios, StandardCharsets.UTF_8);
        int at = text.indexOf(WRONG);
        assertTrue(at >= 0, text);
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(scenarios, text.replace(WRONG, WRONG.replace("NOT_MET", "MET").replace(", \"gap\": 1", "")),
                StandardCharsets.UTF_8);

        Cli.Run run = Cli.run("test", folder.toString());

        String out = run.out();
        assertAll(
                () -> assertEquals(1, run.status(), out + run.err()),
                () -> assertTrue(Pattern.compile("(?m)^FAIL " + Pattern.quote(scenarios.toString()) + ":" + line
                        + ": scenario \".*\": target hcm-agri/2021/satisfaction, unit snn-hcm: expected MET, got NOT_MET")
                        .matcher(out).find(), out),
                () -> assertTrue(out.contains("1 failure;"), out));
    }

    @Test
    void coverageBelowTheMinimumFailsUnlessTheMinimumIsLowered() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8)
                .replace("\"iso9001.scenarios.json\",", ""), StandardCharsets.UTF_8);
        Files.delete(folder.resolve("iso9001.scenarios.json"));

        Cli.Run strict = Cli.run("test", folder.toString());
        Cli.Run lenient = Cli.run("test", folder.toString(), "--min-coverage", "90");

        assertAll(
                () -> assertEquals(1, strict.status(), strict.out()),
                () -> assertTrue(strict.out().contains("targets covered 16/17 (94.1 %)"), strict.out()),
                () -> assertTrue(strict.out().contains("  not covered: hcm-agri/2021/iso9001"), strict.out()),
                () -> assertTrue(strict.out().contains("  coverage 94.1 % is below --min-coverage 100 %"), strict.out()),
                () -> assertEquals(0, lenient.status(), lenient.out()));
    }

    @Test
    void jsonGivesPerRuleSetCountsCoverageAndWhetherItPassed() {
        Cli.Run run = Cli.run("test", "hcm-agri/2021", "--format", "json");

        assertEquals(0, run.status(), run.err());
        JsonNode report = run.json().get(0);
        assertEquals("hcm-agri/2021", report.get("ruleSet").asText());
        assertTrue(report.get("passed").asBoolean());
        assertEquals(0, report.get("failures").size());
        assertEquals(100, report.get("coverage").get("percent").asInt());
        assertEquals(17, report.get("coverage").get("targets").size());
        assertTrue(report.get("scenarios").asInt() > 0);
    }

    @Test
    void aPathThatIsNeitherAFolderNorABundledIdExitsTwo() {
        Cli.assertUserError(Cli.run("test", "hcm-agri/1999"), "hcm-agri/1999", "hcm-agri/2021");
    }

    @Test
    void aMinimumCoverageAboveAHundredIsAUsageError() {
        Cli.assertUserError(Cli.run("test", "hcm-agri/2021", "--min-coverage", "101"), "--min-coverage", "101");
    }

    @Test
    void helpExplainsEveryOptionAndTheExitStatus() {
        Cli.assertHelpExplainsEveryOption("test");
    }
}
