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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff command on two years of each bundled family, and on a folder edited from a bundled rule set. */
class DiffCommandTest {

    @TempDir
    Path dir;

    /** Whether the table has the row {@code CHANGE TARGET LEVEL WHAT…} followed, on its own lines, by {@code more}. */
    private static boolean hasRow(String out, String change, String target, String level, String what, String... more) {
        StringBuilder regex = new StringBuilder("(?m)^  " + change + " +" + Pattern.quote(target) + " +" + level
                + " +" + Pattern.quote(what) + "$");
        for (String m : more) {
            regex.append("\\n +").append(Pattern.quote(m)).append('$');
        }
        return Pattern.compile(regex.toString()).matcher(out).find();
    }

    @Test
    void hcmAgri2020To2021LoosensSatisfactionAndOnTimeAddsAndRemovesTargets() {
        Cli.Run run = Cli.run("diff", "hcm-agri/2020", "hcm-agri/2021");

        String out = run.out();
        assertEquals(0, run.status(), run.err());
        assertAll(
                () -> assertTrue(out.startsWith("From hcm-agri/2020 (version 1.0.0, 24 targets) to hcm-agri/2021"
                        + " (version 1.0.0, 17 targets)\n"), out),
                () -> assertTrue(hasRow(out, "LOOSENED", "satisfaction", "DEPARTMENT", ">= 98 % → >= 91 %",
                        "no longer also above the previous year"), out),
                () -> assertTrue(hasRow(out, "LOOSENED", "on-time-per-field", "DEPARTMENT", ">= 100 % → >= 98 %",
                        "field investment >= 100 % → >= 96 %", "field land >= 100 % → >= 96 %"), out),
                () -> assertTrue(hasRow(out, "LEVEL_CHANGED", "satisfaction", "SUB_DEPARTMENT",
                        "now binds the SUB_DEPARTMENT level too: SHARE satisfaction >= 95 %"), out),
                () -> assertTrue(hasRow(out, "CHANGED", "tasks-by-deadline", "DEPARTMENT",
                        "deadline before 2020-10-31 → before 2021-11-01"), out),
                () -> assertTrue(hasRow(out, "REMOVED", "apology-letters", "DEPARTMENT",
                        "SHARE dossiers.late_with_apology >= 100 %"), out),
                () -> assertTrue(hasRow(out, "REMOVED", "portal-on-time", "SUB_DEPARTMENT",
                        "SHARE dossiers.on_time_portal > 90 %"), out),
                () -> assertTrue(hasRow(out, "REMOVED", "inspection-coverage", "DEPARTMENT",
                        "COVERAGE inspection.periodic|inspection.surprise >= 50 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "periodic-inspection", "DEPARTMENT",
                        "COVERAGE inspection.periodic >= 30 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "early-resolution", "SUB_DEPARTMENT", "SHARE dossiers.early >= 80 %"),
                        out),
                () -> assertTrue(hasRow(out, "ADDED", "early-resolution", "DEPARTMENT", "not applicable"), out),
                () -> assertTrue(hasRow(out, "ADDED", "survey-results-quarterly", "DEPARTMENT",
                        "CADENCE survey_results.published >= 1 event every quarter",
                        "measures what the removed survey-results-monthly measured: every month → every quarter (looser)"),
                        out),
                () -> assertFalse(out.contains("UNCHANGED  "), out),
                () -> assertTrue(out.endsWith("Summary: 2 LOOSENED, 6 LEVEL_CHANGED, 3 CHANGED, 24 REMOVED, 20 ADDED,"
                        + " 3 UNCHANGED (--all lists the unchanged)\n"), out));
    }

    @Test
    void allListsTheUnchangedToo() {
        Cli.Run run = Cli.run("diff", "hcm-agri/2020", "hcm-agri/2021", "--all");

        assertEquals(0, run.status(), run.err());
        assertTrue(hasRow(run.out(), "UNCHANGED", "feedback-handled", "DEPARTMENT", "SHARE feedback.handled >= 100 %"),
                run.out());
        assertFalse(run.out().contains("--all lists"), run.out());
    }

    @Test
    void binhThuan2022To2023RemovesOneAddsFiveDigitalSharesAndKeepsTheYearlyOnes() {
        Cli.Run run = Cli.run("diff", "binh-thuan-qlcl/2022", "binh-thuan-qlcl/2023", "--all");

        String out = run.out();
        String sub = "SUB_DEPARTMENT";
        assertEquals(0, run.status(), run.err());
        assertAll(
                () -> assertTrue(hasRow(out, "REMOVED", "electronic-processes", sub, "SHARE processes.electronic >= 100 %"), out),
                () -> assertTrue(out.contains("  CHANGED    no-paper-dossiers      SUB_DEPARTMENT  the reading changed: "), out),
                () -> assertTrue(hasRow(out, "CHANGED", "office-tasks", "OFFICE",
                        "deadline by 2022-12-31 → by 2023-12-31 (the same day of its year: late from 1 January)"), out),
                () -> assertTrue(hasRow(out, "ADDED", "digitized-dossiers", sub, "SHARE dossiers.digitized >= 100 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "electronic-transfer", sub, "SHARE dossiers.electronic_transfer >= 80 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "mobile-level4", sub, "SHARE online_services.mobile >= 80 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "no-resubmission", sub, "SHARE dossiers.no_resubmission >= 80 %"), out),
                () -> assertTrue(hasRow(out, "ADDED", "work-records-online", sub, "SHARE work_records.online >= 90 %"), out),
                () -> assertTrue(hasRow(out, "UNCHANGED", "on-time", sub,
                        "SHARE dossiers.on_time >= 98 % and above the previous year"), out),
                () -> assertTrue(hasRow(out, "UNCHANGED", "training-attendance", sub, "SHARE training.attendance >= 100 %"), out),
                () -> assertTrue(hasRow(out, "UNCHANGED", "initiative", sub, "EVENT_COUNT initiative >= 1 event"), out),
                () -> assertTrue(hasRow(out, "UNCHANGED", "procedure-info-public", sub, "SHARE procedures.public >= 100 %"), out),
                () -> assertTrue(out.endsWith("Summary: 2 CHANGED, 1 REMOVED, 5 ADDED, 4 UNCHANGED\n"), out));
    }

    @Test
    void jsonHasBothSidesSummaryAndEntriesWithBothSpecs() {
        Cli.Run run = Cli.run("diff", "hcm-agri/2020", "hcm-agri/2021", "--format", "json");

        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals("hcm-agri/2020", json.get("left").get("id").asText());
        assertEquals("1.0.0", json.get("right").get("version").asText());
        assertEquals(2, json.get("summary").get("LOOSENED").asInt());
        assertEquals(3, json.get("summary").get("UNCHANGED").asInt());
        List<String> changes = new ArrayList<>();
        json.get("entries").forEach(e -> changes.add(e.get("change").asText()));
        assertEquals(55, changes.size());
        assertFalse(changes.contains("UNCHANGED"), changes::toString);
        JsonNode satisfaction = json.get("entries").get(1);
        assertEquals("satisfaction", satisfaction.get("target").asText());
        assertEquals(98, satisfaction.get("left").get("requirement").get("threshold").asInt());
        assertEquals(91, satisfaction.get("right").get("requirement").get("threshold").asInt());
        assertTrue(satisfaction.get("left").get("requirement").get("abovePreviousYear").asBoolean());
        assertEquals("hcm-agri/2021/satisfaction", satisfaction.get("right").get("target").asText());
    }

    @Test
    void folderSidesCompareAnEditedCopyWithTheBundledRuleSet() throws IOException {
        Path edited = Cli.copyBundled("hcm-agri/2021", dir);
        Path drl = edited.resolve("satisfaction-and-online.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8)
                .replace("ratio(\"satisfaction\").atLeast(\"91\")", "ratio(\"satisfaction\").atLeast(\"92\")"),
                StandardCharsets.UTF_8);
        Path dialogue = edited.resolve("dossiers-and-dialogue.drl");
        Files.writeString(dialogue, Files.readString(dialogue, StandardCharsets.UTF_8)
                .replaceFirst("events\\(\"dialogue\"\\)\\.everyQuarter\\(\\)", "events(\"dialogue\").everyMonth()"),
                StandardCharsets.UTF_8);

        Cli.Run run = Cli.run("diff", "hcm-agri/2021", "--right-dir", edited.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(hasRow(run.out(), "TIGHTENED", "satisfaction", "DEPARTMENT", ">= 91 % → >= 92 %"), run.out());
        assertTrue(hasRow(run.out(), "CADENCE_CHANGED", "quarterly-dialogue", "DEPARTMENT",
                "every quarter → every month (stricter)"), run.out());
        assertTrue(run.out().endsWith("Summary: 1 TIGHTENED, 1 CADENCE_CHANGED, 32 UNCHANGED (--all lists the unchanged)\n"),
                run.out());
    }

    @Test
    void aRuleSetAgainstItsOwnFolderHasNoChange() throws IOException {
        Path copy = Cli.copyBundled("binh-thuan-qlcl/2021", dir);
        Files.createDirectories(dir.resolve("binh-thuan-qlcl/common"));
        try (var in = getClass().getClassLoader().getResourceAsStream("rulesets/binh-thuan-qlcl/common/yearly.drl")) {
            Files.copy(in, dir.resolve("binh-thuan-qlcl/common/yearly.drl"));
        }

        Cli.Run run = Cli.run("diff", "--left-dir", copy.toString(), "--right-dir", copy.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("  no target changed\n"), run.out());
        assertTrue(run.out().endsWith("Summary: 7 UNCHANGED (--all lists the unchanged)\n"), run.out());
    }

    @Test
    void oneRuleSetOnlyIsAUsageError() {
        Cli.assertUserError(Cli.run("diff", "hcm-agri/2020"), "Give two rule sets", "--help");
    }

    @Test
    void anUnknownRuleSetExitsTwo() {
        Cli.assertUserError(Cli.run("diff", "hcm-agri/2020", "hcm-agri/2030"), "hcm-agri/2030", "available rule sets");
    }

    @Test
    void aFolderWithoutAManifestExitsTwo() {
        Cli.assertUserError(Cli.run("diff", "--left-dir", dir.toString(), "hcm-agri/2021"), "manifest.json");
    }

    @Test
    void helpExplainsEveryOptionAndTheExitStatus() {
        Cli.assertHelpExplainsEveryOption("diff");
    }
}
