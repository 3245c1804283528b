// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;

class DescribeCommandTest {

    @TempDir
    Path dir;

    /** The block {@code describe} prints for one target and level: from its heading to the next blank line. */
    private static String block(String out, String target, String level) {
        int start = out.indexOf("\n" + target + " · " + level + " (");
        assertTrue(start >= 0, target + " " + level + " missing in\n" + out);
        int end = out.indexOf("\n\n", start + 1);
        return out.substring(start + 1, end < 0 ? out.length() : end);
    }

    @Test
    void printsEveryTargetAndLevelOfTheRuleSet() {
        Cli.Run run = Cli.run("describe", "hcm-agri/2021");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("hcm-agri/2021 · version 1.0.0 · 17 targets · in force 2021-01-01 to 2021-12-31\n"),
                run.out());
        for (TargetSpec s : RuleSet.load("hcm-agri/2021").describe()) {
            String block = block(run.out(), s.target(), s.level().name());
            assertTrue(block.contains("  source     " + s.source().document() + ", clause " + s.source().clause()), block);
            assertTrue(block.contains(s.file() + ":" + s.line()), block);
        }
    }

    @Test
    void aShareTargetShowsItsThresholdFactsSourceAndSentencesInBothLanguages() {
        Cli.Run run = Cli.run("describe", "hcm-agri/2021");

        String department = block(run.out(), "hcm-agri/2021/satisfaction", "DEPARTMENT");
        String sub = block(run.out(), "hcm-agri/2021/satisfaction", "SUB_DEPARTMENT");
        assertAll(
                () -> assertTrue(department.contains("  demand     SHARE satisfaction >= 91 %"), department),
                () -> assertTrue(department.contains("  needs      measurement satisfaction (numerator: satisfied survey forms;"
                        + " denominator: survey forms)"), department),
                () -> assertTrue(department.contains("  source     001_71801934a71350b6.txt, clause 4"), department),
                () -> assertTrue(department.contains("  vi         Sở: tỷ lệ phiếu khảo sát hài lòng trên tổng số phiếu khảo sát"
                        + " đạt tối thiểu 91 %."), department),
                () -> assertTrue(department.contains("  en         Department: satisfied survey forms are at least 91 % of"
                        + " survey forms."), department),
                () -> assertTrue(sub.contains("SUB_DEPARTMENT (Chi cục)"), sub),
                () -> assertTrue(sub.contains("tối thiểu 95 %"), sub));
    }

    @Test
    void perFieldThresholdsReadingsDeadlinesAndCoverageReadPlainly() {
        Cli.Run run = Cli.run("describe", "hcm-agri/2021");

        String onTime = block(run.out(), "hcm-agri/2021/on-time-per-field", "DEPARTMENT");
        String growth = block(run.out(), "hcm-agri/2021/online-rate-growth", "DEPARTMENT");
        String tasks = block(run.out(), "hcm-agri/2021/tasks-by-deadline", "SUB_DEPARTMENT");
        String surprise = block(run.out(), "hcm-agri/2021/surprise-inspection", "DEPARTMENT");
        assertAll(
                () -> assertTrue(onTime.contains("at least 98 % of dossiers resolved in every field, at least 96 % in"
                        + " investment and land."), onTime),
                () -> assertTrue(onTime.contains("riêng lĩnh vực đầu tư và đất đai tối thiểu 96 %"), onTime),
                () -> assertTrue(onTime.contains(", per field"), onTime),
                () -> assertTrue(growth.contains("  reading    'tăng 3 % so với năm 2020' for a rate is read as 3 percentage points"),
                        growth),
                () -> assertTrue(growth.contains("rises at least 3 percentage points on the previous year"), growth),
                () -> assertTrue(growth.contains("the previous year's too"), growth),
                () -> assertTrue(tasks.contains("trước ngày 01/11/2021"), tasks),
                () -> assertTrue(tasks.contains("before 1 November 2021"), tasks),
                () -> assertTrue(tasks.contains("events task.assigned and task.completed, dated"), tasks),
                () -> assertTrue(surprise.contains("at least 5 of its sub-units get a surprise inspection every quarter"),
                        surprise),
                () -> assertTrue(surprise.contains("events inspection.surprise whose subject is a sub-unit"), surprise));
    }

    @Test
    void everyTargetOf2020IsDescribedAndAnyCheckWithoutADescriptionShowsItsThresholdText() {
        Cli.Run run = Cli.run("describe", "hcm-agri/2020", "--lang", "en");

        assertEquals(0, run.status(), run.err());
        for (TargetSpec s : RuleSet.load("hcm-agri/2020").describe()) {
            String block = block(run.out(), s.target(), s.level().name());
            assertTrue(block.contains("  en         "), block);
            if (s.requirement().kind() == TargetSpec.Kind.OTHER) {
                block = block(run.out(), s.target(), s.level().name());
                assertTrue(block.contains("  demand     OTHER " + s.threshold()), block);
                assertTrue(block.contains("as its rule states: " + s.threshold()), block);
            }
        }
    }

    @Test
    void langChoosesTheLanguageOfTitlesAndSentences() {
        Cli.Run vi = Cli.run("describe", "hcm-agri/2021", "--lang", "vi");
        Cli.Run en = Cli.run("describe", "hcm-agri/2021", "--lang", "en");

        assertAll(
                () -> assertEquals(0, vi.status(), vi.err()),
                () -> assertTrue(Pattern.compile("(?m)^  vi +").matcher(vi.out()).find(), vi.out()),
                () -> assertFalse(Pattern.compile("(?m)^  en +").matcher(vi.out()).find(), vi.out()),
                () -> assertTrue(vi.out().contains("  needs      số đo satisfaction (tử số: phiếu khảo sát hài lòng;"), vi.out()),
                () -> assertFalse(vi.out().contains("The nine 2021"), vi.out()),
                () -> assertTrue(Pattern.compile("(?m)^  en +").matcher(en.out()).find(), en.out()),
                () -> assertFalse(Pattern.compile("(?m)^  vi +").matcher(en.out()).find(), en.out()),
                () -> assertTrue(en.out().contains("The nine 2021"), en.out()));
    }

    @Test
    void jsonPrintsTheTargetSpecsAsDescribeGivesThem() throws IOException {
        Cli.Run run = Cli.run("describe", "binh-thuan-qlcl/2023", "--format", "json");

        assertEquals(0, run.status(), run.err());
        List<TargetSpec> parsed = Cli.JSON.readValue(run.out(), new TypeReference<List<TargetSpec>>() { });
        assertEquals(RuleSet.load("binh-thuan-qlcl/2023").describe(), parsed);
    }

    @Test
    void rulesDirDescribesAFolder() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);

        Cli.Run run = Cli.run("describe", "--rules-dir", folder.toString(), "--format", "json");

        assertEquals(0, run.status(), run.err());
        assertEquals(RuleSet.load("hcm-agri/2021").describe().size(), run.json().size());
    }

    @Test
    void anUnknownRuleSetExitsTwoNamingTheAvailableOnes() {
        Cli.assertUserError(Cli.run("describe", "hcm-agri/1999"), "hcm-agri/1999", "available rule sets: ", "hcm-agri/2021");
    }

    @Test
    void anIdAndAFolderTogetherAreAUsageError() {
        Cli.assertUserError(Cli.run("describe", "hcm-agri/2021", "--rules-dir", dir.toString()), "not both");
    }

    @Test
    void neitherIdNorFolderIsAUsageError() {
        Cli.assertUserError(Cli.run("describe"), "--rules-dir", "hcm-agri/2021");
    }

    @Test
    void helpExplainsEveryOptionAndTheExitStatus() {
        Cli.assertHelpExplainsEveryOption("describe");
    }

    @Test
    void printsTheStandardVocabularyAfterTheTargets() {
        Cli.Run run = Cli.run("describe", "hcm-agri/2021");
        assertEquals(0, run.status(), run.err());
        int vocabulary = run.out().indexOf("\nvocabulary · standard\n");
        assertTrue(vocabulary > run.out().lastIndexOf(" · DEPARTMENT ("), run.out());
        String section = run.out().substring(vocabulary);
        assertAll(
                () -> assertTrue(section.contains("  indicators dossiers.on_time, "), section),
                () -> assertTrue(section.contains("staff.headcount (level)"), section),
                () -> assertTrue(section.contains("  attested   iso9001.converted, iso9001.maintained, website.reform_section, par_index.class"
                        + " (EXCELLENT > GOOD > FAIR > AVERAGE > POOR)"), section),
                () -> assertTrue(section.contains("  fields     land, investment, "), section),
                () -> assertTrue(section.contains("SUB_DEPARTMENT < DEPARTMENT"), section),
                () -> assertFalse(section.contains("+"), section));
    }

    @Test
    void printsTheWordsARuleSetsOwnVocabularyAdds() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", dir);
        Path manifest = folder.resolve("manifest.json");
        java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
                .replaceFirst("\"files\": \\[", "\"vocabulary\": {\"files\": [\"words.json\"]},\n  \"files\": ["));
        java.nio.file.Files.writeString(folder.resolve("words.json"), """
                {"indicators": [{"code": "dossiers.e_result", "kind": "ratio",
                  "counted": {"vi": "hồ sơ trả kết quả điện tử", "en": "dossiers with an electronic result"},
                  "outOf": {"vi": "hồ sơ đã giải quyết", "en": "dossiers resolved"}}],
                 "fields": [{"code": "civil_status", "label": {"vi": "hộ tịch", "en": "civil status"}}]}
                """);
        Cli.Run run = Cli.run("describe", "--rules-dir", folder.toString(), "--lang", "en");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\nvocabulary · standard + words.json\n"), run.out());
        assertTrue(run.out().contains("  +indicator dossiers.e_result: dossiers with an electronic result / dossiers resolved\n"),
                run.out());
        assertTrue(run.out().contains("  +field     civil_status: civil status\n"), run.out());
    }

    @Test
    void theLevelNamesAreThoseOfTheStandardVocabulary() {
        for (org.reformtargets.core.Level l : org.reformtargets.core.Level.values()) {
            org.reformtargets.core.Vocabulary.Label label =
                    org.reformtargets.core.Vocabulary.standard().level(l.name()).orElseThrow().label();
            assertEquals(label.vi(), Demands.levelName(l, true));
            assertEquals(label.en(), Demands.levelName(l, false));
        }
    }
}
