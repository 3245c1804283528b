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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer ships hcm-agri/2022 with the command line alone, following docs/authoring.md §9:
 * copy the 2021 folder, move the manifest, the rules and the scenarios a year on, change one
 * threshold, and use {@code validate}, {@code test} and {@code evaluate} at each step.
 */
class ShipANewYearThroughTheCliTest {

    @TempDir
    Path root;

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), () -> file + " holds no " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void editAll(Path dir, String glob, String from, String to) throws IOException {
        try (var files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8).replace(from, to),
                        StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void copyingHcmAgri2021AndRaisingOneThresholdShipsA2022RuleSetThatEvaluatesWithIt() throws IOException {
        Path copy = Cli.copyBundled("hcm-agri/2021", root);
        Path dir = Files.move(copy, Files.createDirectories(root.resolve("hcm-agri")).resolve("2022"));
        Path manifest = dir.resolve("manifest.json");

        // the manifest moves a year on; the validator then names every rule still claiming 2021, with file:line
        edit(manifest, "\"id\": \"hcm-agri/2021\"", "\"id\": \"hcm-agri/2022\"");
        edit(manifest, "\"period\": \"2021\"", "\"period\": \"2022\"");
        edit(manifest, "{\"from\": \"2021-01-01\", \"to\": \"2021-12-31\"}",
                "{\"from\": \"2022-01-01\", \"to\": \"2022-12-31\"}");
        Cli.Run stale = Cli.run("validate", dir.toString());
        assertEquals(1, stale.status(), stale.out() + stale.err());
        assertTrue(stale.out().matches("(?s).*\\.drl:\\d+(:\\d+)?: error: .*@target\\(\"hcm-agri/2021/.*"), stale.out());

        // the rules and the scenarios move a year on: validate is clean and every scenario passes
        editAll(dir, "*.drl", "2021", "2022");
        editAll(dir, "*.drl", "2020", "2021");
        editAll(dir, "*.scenarios.json", "2021", "2022");
        editAll(dir, "*.scenarios.json", "2020", "2021");
        Cli.Run clean = Cli.run("validate", dir.toString());
        Cli.Run passing = Cli.run("test", dir.toString());
        assertAll(
                () -> assertEquals(0, clean.status(), clean.out() + clean.err()),
                () -> assertEquals(0, passing.status(), passing.out() + passing.err()));

        // the department's satisfaction threshold rises from 91 % to 92 %: the boundary scenario fails
        edit(dir.resolve("satisfaction-and-online.drl"), ".ratio(\"satisfaction\").atLeast(\"91\")",
                ".ratio(\"satisfaction\").atLeast(\"92\")");
        Cli.Run failing = Cli.run("test", dir.toString());
        assertAll(
                () -> assertEquals(1, failing.status(), failing.out() + failing.err()),
                () -> assertTrue(failing.out().contains(
                        "target hcm-agri/2022/satisfaction, unit snn-hcm: expected MET, got NOT_MET"), failing.out()));

        // the scenarios follow the new threshold: the rule set ships
        Path scenarios = dir.resolve("satisfaction-and-online.scenarios.json");
        edit(scenarios, "\"numerator\": 910, \"denominator\": 1000", "\"numerator\": 920, \"denominator\": 1000");
        edit(scenarios, "\"actual\": \"91.00\"", "\"actual\": \"92.00\"");
        edit(scenarios, "\"numerator\": 909, \"denominator\": 1000", "\"numerator\": 919, \"denominator\": 1000");
        Cli.Run shipped = Cli.run("test", dir.toString());
        assertEquals(0, shipped.status(), shipped.out() + shipped.err());

        // and 91.5 % in 2022 is now short of the target by 5 forms
        Path facts = Files.writeString(root.resolve("facts-2022.json"), """
                {"ruleSet": "hcm-agri/2022", "asOf": "2022-12-31",
                 "units": [{"id": "snn-hcm", "name": "Sở Nông nghiệp và PTNT TP.HCM", "level": "DEPARTMENT"}],
                 "measurements": [{"unit": "snn-hcm", "indicator": "satisfaction", "period": "2022",
                                   "numerator": 915, "denominator": 1000}]}
                """, StandardCharsets.UTF_8);
        Cli.Run evaluated = Cli.run("evaluate", "--facts", facts.toString(), "--rules-dir", dir.toString(),
                "--format", "json");
        assertEquals(0, evaluated.status(), evaluated.err());
        JsonNode json = evaluated.json();
        JsonNode satisfaction = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("target").asText().equals("hcm-agri/2022/satisfaction")) {
                satisfaction = r;
            }
        }
        JsonNode result = satisfaction;
        assertAll(
                () -> assertEquals("hcm-agri/2022", json.get("ruleSet").get("id").asText(), json.toString()),
                () -> assertTrue(result != null, json.toString()),
                () -> assertEquals("NOT_MET", result.get("status").asText()),
                () -> assertEquals(">= 92", result.get("threshold").asText()),
                () -> assertEquals(5, result.get("gap").asLong()));
    }
}
