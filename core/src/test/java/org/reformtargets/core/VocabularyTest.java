// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard vocabulary against today's enums, and a rule set's own vocabulary files. */
class VocabularyTest {

    @TempDir
    Path root;

    @Test
    void theStandardIndicatorsAreTheEnumsByteForByte() {
        Vocabulary v = Vocabulary.standard();
        assertEquals(Arrays.stream(Indicator.values()).map(Indicator::code).toList(),
                v.indicators().stream().map(Vocabulary.IndicatorTerm::code).toList());
        for (Indicator i : Indicator.values()) {
            Vocabulary.IndicatorTerm t = v.indicator(i.code()).orElseThrow();
            assertAll(i.code(),
                    () -> assertEquals(i.isRatio(), t.isRatio()),
                    () -> assertEquals(i.viCounted(), t.counted().vi()),
                    () -> assertEquals(i.enCounted(), t.counted().en()),
                    () -> assertEquals(i.viOutOf(), t.outOf() == null ? null : t.outOf().vi()),
                    () -> assertEquals(i.enOutOf(), t.outOf() == null ? null : t.outOf().en()));
        }
        assertEquals(Vocabulary.IndicatorKind.COUNT, v.indicator("dossiers.paper_for_online_procedures").orElseThrow().kind());
        assertEquals(Vocabulary.IndicatorKind.LEVEL, v.indicator("staff.headcount").orElseThrow().kind());
        assertEquals(Vocabulary.IndicatorKind.LEVEL, v.indicator("procedures.online").orElseThrow().kind());
        assertEquals(Vocabulary.IndicatorKind.COVERAGE, v.indicator("public_service_units.e_payment").orElseThrow().kind());
        assertTrue(v.indicator("public_service_units.e_payment").orElseThrow().isRatio(), "a coverage has a numerator and a denominator");
    }

    @Test
    void theStandardEventTypesAreTheEnumsByteForByte() {
        Vocabulary v = Vocabulary.standard();
        assertEquals(Arrays.stream(EventType.values()).map(EventType::code).toList(),
                v.eventTypes().stream().map(Vocabulary.EventTypeTerm::code).toList());
        for (EventType e : EventType.values()) {
            Vocabulary.EventTypeTerm t = v.eventType(e.code()).orElseThrow();
            assertEquals(List.of(e.vi(), e.en()), List.of(t.label().vi(), t.label().en()), e.code());
        }
        // what FactsValidator requires today
        for (EventType e : EventType.values()) {
            List<String> requires = v.eventType(e.code()).orElseThrow().requires();
            assertEquals(e != EventType.TASK_ASSIGNED, requires.contains("date"), e.code());
            assertEquals(e == EventType.TASK_ASSIGNED || e == EventType.TASK_COMPLETED, requires.contains("task"), e.code());
            assertEquals(e == EventType.REPORT_SUBMITTED, requires.contains("report"), e.code());
        }
    }

    @Test
    void theStandardLevelsHoldTheEnumsWithTheLabelsMessagesUse() {
        Vocabulary v = Vocabulary.standard();
        for (Level l : Level.values()) {
            assertTrue(v.level(l.name()).isPresent(), l.name());
        }
        // the labels of cli Demands.who
        assertEquals(new Vocabulary.Label("Sở", "Department"), v.level("DEPARTMENT").orElseThrow().label());
        assertEquals(new Vocabulary.Label("Chi cục", "Sub-department"), v.level("SUB_DEPARTMENT").orElseThrow().label());
        assertEquals(new Vocabulary.Label("Phòng, trạm", "Office or station"), v.level("OFFICE").orElseThrow().label());
        assertEquals(List.of("MINISTRY", "PROVINCE", "DEPARTMENT", "SUB_DEPARTMENT", "DISTRICT", "COMMUNE", "OFFICE"),
                v.levels().stream().map(Vocabulary.LevelTerm::code).toList());
        assertAll(
                () -> assertTrue(v.mayStandUnder("SUB_DEPARTMENT", "DEPARTMENT")),
                () -> assertTrue(v.mayStandUnder("OFFICE", "DEPARTMENT")),
                () -> assertTrue(v.mayStandUnder("OFFICE", "SUB_DEPARTMENT")),
                () -> assertTrue(v.mayStandUnder("DEPARTMENT", "PROVINCE")),
                () -> assertTrue(v.mayStandUnder("DISTRICT", "PROVINCE")),
                () -> assertTrue(v.mayStandUnder("COMMUNE", "DISTRICT")),
                () -> assertFalse(v.mayStandUnder("DEPARTMENT", "OFFICE")),
                () -> assertFalse(v.mayStandUnder("DEPARTMENT", "MINISTRY")),
                () -> assertFalse(v.mayStandUnder("OFFICE", "NOWHERE")),
                () -> assertEquals(List.of(), v.level("MINISTRY").orElseThrow().under()),
                () -> assertEquals(List.of(), v.level("PROVINCE").orElseThrow().under()));
    }

    @Test
    void theStandardFieldsNameThemAsMessagesDidBefore() {
        // the four fields sentences translated before the vocabulary, word for word
        Vocabulary v = Vocabulary.standard();
        Map<String, List<String>> before = Map.of("land", List.of("đất đai", "land"),
                "investment", List.of("đầu tư", "investment"), "education", List.of("giáo dục", "education"),
                "health", List.of("y tế", "health"));
        before.forEach((code, names) -> {
            Vocabulary.Label label = v.field(code).orElseThrow().label();
            assertEquals(names, List.of(label.vi(), label.en()), code);
        });
    }

    @Test
    void theStandardParClassIsTheScaleTheRulesUse() {
        Vocabulary.AttestationTerm par = Vocabulary.standard().attestation("par_index.class").orElseThrow();
        assertEquals(Vocabulary.AttestationKind.RANKED, par.kind());
        assertEquals(List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "POOR"), par.words());
        assertEquals(List.of("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"),
                par.scale().stream().map(w -> w.label().vi()).toList());
        assertEquals(Vocabulary.AttestationKind.BOOLEAN,
                Vocabulary.standard().attestation("iso9001.converted").orElseThrow().kind());
    }

    @Test
    void theStandardIsReadOnceAndImmutable() {
        assertSame(Vocabulary.standard(), Vocabulary.standard());
        assertThrows(UnsupportedOperationException.class, () -> Vocabulary.standard().levels().clear());
    }

    @Test
    void ofRefusesWhatAFileCannotSay() {
        Vocabulary.Label l = new Vocabulary.Label("a", "b");
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of(), List.of(), List.of(), List.of(),
                List.of(new Vocabulary.LevelTerm("A", l, List.of("B")))));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of(), List.of(), List.of(), List.of(),
                List.of(new Vocabulary.LevelTerm("A", l, List.of("B")), new Vocabulary.LevelTerm("B", l, List.of("A")))));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of(), List.of(), List.of(),
                List.of(new Vocabulary.FieldTerm("a", l), new Vocabulary.FieldTerm("a", l)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary.IndicatorTerm("x",
                Vocabulary.IndicatorKind.RATIO, l, null));
    }

    // ---- a rule set's own vocabulary ----

    private static final String COMMUNE_WORDS = """
            {
              "indicators": [
                {"code": "dossiers.e_result", "kind": "ratio",
                 "counted": {"vi": "hồ sơ trả kết quả điện tử", "en": "dossiers with an electronic result"},
                 "outOf": {"vi": "hồ sơ đã giải quyết", "en": "dossiers resolved"}}
              ],
              "eventTypes": [
                {"code": "citizen.reception", "label": {"vi": "tiếp công dân định kỳ", "en": "regular citizen reception"},
                 "requires": ["date"], "allows": []}
              ],
              "fields": [{"code": "civil_status", "label": {"vi": "hộ tịch", "en": "civil status"}}],
              "levels": [{"code": "COMMUNE", "label": {"vi": "Xã, phường", "en": "Commune or ward"}, "under": ["DISTRICT", "PROVINCE"]}]
            }
            """;

    private static final String FAMILY_WORDS = """
            {"fields": [{"code": "justice", "label": {"vi": "tư pháp", "en": "justice"}}]}
            """;

    private Path demoWith(String vocabulary) {
        Path dir = DemoRuleSet.copy(root, "demo", "2021");
        String manifest = DemoRuleSet.read(dir, "manifest.json");
        DemoRuleSet.write(dir, "manifest.json", manifest.replace("\"files\": [\"demo.drl\"]",
                "\"files\": [\"demo.drl\"],\n  \"vocabulary\": " + vocabulary));
        return dir;
    }

    @Test
    void aRuleSetExtendsTheStandardWithItsFamilysWordsThenItsOwn() throws Exception {
        Path dir = demoWith("{\"files\": [\"words.json\"], \"include\": [\"common/words.json\"]}");
        DemoRuleSet.write(dir, "words.json", COMMUNE_WORDS);
        Files.createDirectories(root.resolve("demo/common"));
        Files.writeString(root.resolve("demo/common/words.json"), FAMILY_WORDS);
        RuleSet rules = RuleSet.fromDirectory(dir);
        Vocabulary v = rules.vocabulary();
        Vocabulary std = Vocabulary.standard();
        assertEquals(std.indicators().size() + 1, v.indicators().size());
        assertEquals("dossiers.e_result", v.indicators().get(v.indicators().size() - 1).code());
        assertEquals(List.of("justice", "civil_status"), v.fields().subList(std.fields().size(), v.fields().size())
                .stream().map(Vocabulary.FieldTerm::code).toList());
        assertEquals(std.levels(), v.levels()); // COMMUNE re-declared identically
        assertTrue(v.eventType("citizen.reception").isPresent());
        assertEquals(new RuleSetManifest.VocabularyFiles(List.of("words.json"), List.of("common/words.json")),
                rules.manifest().vocabulary());
        // the vocabulary files are part of what the rule set is
        String hash = rules.contentHash();
        DemoRuleSet.write(dir, "words.json", COMMUNE_WORDS.replace("hộ tịch", "hộ tịch, chứng thực"));
        assertNotEquals(hash, RuleSet.fromDirectory(dir).contentHash());
    }

    @Test
    void hotReloadPicksUpAnEditOfItsOwnAndOfAnIncludedVocabularyFile() throws Exception {
        Path dir = demoWith("{\"files\": [\"words.json\"], \"include\": [\"common/words.json\"]}");
        DemoRuleSet.write(dir, "words.json", COMMUNE_WORDS);
        Files.createDirectories(root.resolve("demo/common"));
        Files.writeString(root.resolve("demo/common/words.json"), FAMILY_WORDS);
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(java.time.Duration.ofHours(1)).start()) {
            assertEquals("hộ tịch", rules.current().vocabulary().field("civil_status").orElseThrow().label().vi());

            DemoRuleSet.write(dir, "words.json", COMMUNE_WORDS.replace("\"hộ tịch\"", "\"hộ tịch, chứng thực\""));
            assertTrue(rules.reload(), "an edit of the rule set's own vocabulary file reloads");
            assertEquals("hộ tịch, chứng thực",
                    rules.current().vocabulary().field("civil_status").orElseThrow().label().vi());

            Files.writeString(root.resolve("demo/common/words.json"), FAMILY_WORDS.replace("tư pháp", "tư pháp, hộ tịch"));
            assertTrue(rules.reload(), "an edit of an included vocabulary file reloads");
            assertEquals("tư pháp, hộ tịch", rules.current().vocabulary().field("justice").orElseThrow().label().vi());

            assertFalse(rules.reload(), "nothing changed: no reload");
        }
    }

    @Test
    void aRuleSetWithoutVocabularyFilesSpeaksTheStandard() {
        RuleSet rules = RuleSet.fromDirectory(DemoRuleSet.copy(root, "demo", "2021"));
        assertSame(Vocabulary.standard(), rules.vocabulary());
        assertTrue(rules.manifest().vocabulary().isEmpty());
    }

    @Test
    void aClashWithTheStandardIsRefusedAtItsLineAndColumn() {
        Path dir = demoWith("{\"files\": [\"words.json\"]}");
        DemoRuleSet.write(dir, "words.json", "{\n  \"fields\": [\n    {\"code\": \"land\", \"label\": {\"vi\": \"đất\", \"en\": \"land\"}}\n  ]\n}\n");
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals(dir.resolve("words.json").toString(), p.source());
        assertEquals("fields[0]", p.path());
        assertEquals(3, p.line());
        assertEquals(5, p.column());
        assertTrue(p.message().contains("declares field land differently from the standard vocabulary: its label differ"),
                p.message());
    }

    @Test
    void theManifestsVocabularyFilesMustExistStayInsideAndBeJson() {
        Map<String, String> cases = Map.of(
                "{\"files\": [\"missing.json\"]}", "vocabulary.files: lists missing.json, which does not exist",
                "{\"include\": [\"common/missing.json\"]}", "vocabulary.include: lists common/missing.json, which does not exist",
                "{\"files\": [\"../words.json\"]}", "is not a .json vocabulary file inside the rule-set folder",
                "{\"files\": [\"words.txt\"]}", "is not a .json vocabulary file inside the rule-set folder",
                "{\"files\": [\"a.json\", \"a.json\"]}", "vocabulary.files: lists a file twice",
                "{\"include\": [\"/etc/words.json\"]}", "is not a .json vocabulary file inside the family folder",
                "{\"file\": [\"a.json\"]}", "Unrecognized field \"file\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path dir = demoWith(c.getKey());
            RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir), c.getKey());
            assertTrue(e.problems().stream().anyMatch(p -> p.toString().contains(c.getValue())),
                    c.getKey() + " → " + e.problems());
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }
    }

    @Test
    void aBrokenVocabularyFileIsReportedWithTheRuleFilesProblems() {
        Path dir = demoWith("{\"files\": [\"words.json\"]}");
        DemoRuleSet.write(dir, "words.json", "{\"levels\": [{\"code\": \"X\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}, \"under\": [\"Y\"]}]}");
        DemoRuleSet.write(dir, "demo.drl", DemoRuleSet.read(dir, "demo.drl") + "\nrule broken\n");
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.toString().contains("words.json:1:70: levels[0].under[0]: names level Y")),
                e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.source().endsWith("demo.drl")), e.problems().toString());
    }

    @Test
    void aManifestWithVocabularyWritesItBackAndOneWithoutLeavesItOut() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        RuleSetManifest bare = new RuleSetManifest("demo/2021", "1.0.0", new Message("v", "e"), "i", null, null,
                List.of(), List.of("a.drl"));
        assertFalse(mapper.writeValueAsString(bare).contains("vocabulary"));
        RuleSetManifest with = new RuleSetManifest("demo/2021", "1.0.0", new Message("v", "e"), "i", null, null,
                List.of(), List.of("a.drl"), List.of(), List.of(),
                new RuleSetManifest.VocabularyFiles(List.of("w.json"), null));
        assertTrue(mapper.writeValueAsString(with).contains("\"vocabulary\":{\"files\":[\"w.json\"]}"),
                mapper.writeValueAsString(with));
    }
}
