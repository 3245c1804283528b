// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Vocabulary;

/** Each rule of a vocabulary file at its boundary: accepted just inside, refused just outside, at line:column. */
class VocabularyReaderTest {

    @Test
    void theStreamingReadingOfARegularFileIsTheMappersAndAnIrregularOneIsLeftToTheMapper() throws Exception {
        List<byte[]> regular = new ArrayList<>();
        regular.add(GOOD.getBytes(StandardCharsets.UTF_8));
        try (var in = getClass().getClassLoader().getResourceAsStream(Vocabulary.STANDARD_RESOURCE)) {
            regular.add(in.readAllBytes());
        }
        regular.add("{}".getBytes(StandardCharsets.UTF_8));
        regular.add("{\"levels\": null, \"fields\": [null, {\"code\": null}]}".getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : regular) {
            VocabularyReader.FileForm plain = VocabularyReader.Plain.read(bytes);
            assertNotNull(plain, () -> new String(bytes, StandardCharsets.UTF_8));
            assertEquals(VocabularyReader.Plain.mapped(bytes), plain);
        }
        for (String irregular : new String[] {"", "null", "[]", "{} {}", "{\"fields\": {}}", "{\"other\": 1}",
            "{\"fields\": [], \"fields\": []}", "{\"indicators\": [{\"code\": 1}]}",
            "{\"indicators\": [{\"code\": \"a\", \"kind\": \"RATIO\"}]}",
            "{\"attestations\": [{\"key\": \"a\", \"kind\": \"boolean\", \"scale\": [{\"word\": \"A\", \"x\": 1}]}]}"}) {
            assertNull(VocabularyReader.Plain.read(irregular.getBytes(StandardCharsets.UTF_8)), irregular);
        }
    }

    private static final String GOOD = """
            {
              "indicators": [
                {"code": "dossiers.e_result", "kind": "ratio",
                 "counted": {"vi": "hồ sơ trả kết quả điện tử", "en": "dossiers with an electronic result"},
                 "outOf": {"vi": "hồ sơ đã giải quyết", "en": "dossiers resolved"}},
                {"code": "dossiers.received", "kind": "count", "counted": {"vi": "hồ sơ tiếp nhận", "en": "dossiers received"}},
                {"code": "staff.civil_servants", "kind": "level", "counted": {"vi": "công chức cấp xã", "en": "commune civil servants"}}
              ],
              "eventTypes": [
                {"code": "citizen.meeting", "label": {"vi": "tiếp công dân", "en": "citizen reception"},
                 "requires": ["date"], "allows": ["title"]}
              ],
              "attestations": [
                {"key": "one_stop.modernised", "kind": "boolean", "label": {"vi": "một cửa hiện đại", "en": "modern one-stop desk"}},
                {"key": "commune.grade", "kind": "ranked", "label": {"vi": "xếp loại", "en": "grade"},
                 "scale": [{"word": "A", "label": {"vi": "Loại A", "en": "Grade A"}}, {"word": "B", "label": {"vi": "Loại B", "en": "Grade B"}}]}
              ],
              "fields": [{"code": "civil_status", "label": {"vi": "hộ tịch", "en": "civil status"}}],
              "levels": [
                {"code": "COMMUNE", "label": {"vi": "Xã, phường", "en": "Commune or ward"}, "under": ["DISTRICT", "PROVINCE"]},
                {"code": "HAMLET", "label": {"vi": "Thôn, ấp", "en": "Hamlet"}, "under": ["COMMUNE"]}
              ]
            }
            """;

    private static List<Problem> problems(String... files) {
        List<Problem> problems = new ArrayList<>();
        List<VocabularyReader.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            parsed.add(VocabularyReader.read("words" + i + ".json", files[i].getBytes(StandardCharsets.UTF_8), problems));
        }
        Vocabulary v = VocabularyReader.merge(Vocabulary.standard(), parsed, problems);
        assertEquals(problems.isEmpty(), v != null, problems.toString());
        return problems;
    }

    /** The one problem of {@code json}, asserted to be at {@code path}, line and column, and to contain {@code words}. */
    private static Problem refused(String json, String path, int line, int column, String words) {
        List<Problem> problems = problems(json);
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("words0.json", p.source(), p.toString());
        assertEquals(path, p.path(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertEquals(column, p.column(), p.toString());
        assertTrue(p.message().contains(words), p.toString());
        return p;
    }

    @Test
    void aGoodFileIsAccepted() {
        List<Problem> problems = new ArrayList<>();
        VocabularyReader.Parsed parsed = VocabularyReader.read("w.json", GOOD.getBytes(StandardCharsets.UTF_8), problems);
        Vocabulary v = VocabularyReader.merge(Vocabulary.standard(), List.of(parsed), problems);
        assertEquals(List.of(), problems);
        assertEquals(Vocabulary.IndicatorKind.COUNT, v.indicator("dossiers.received").orElseThrow().kind());
        assertEquals("hồ sơ đã giải quyết", v.indicator("dossiers.e_result").orElseThrow().outOf().vi());
        assertEquals(List.of("A", "B"), v.attestation("commune.grade").orElseThrow().words());
        assertTrue(v.mayStandUnder("HAMLET", "COMMUNE"));
        // COMMUNE re-declared identically keeps its standard place; HAMLET comes after the standard levels
        assertEquals(Vocabulary.standard().levels().size() + 1, v.levels().size());
        assertEquals("HAMLET", v.levels().get(v.levels().size() - 1).code());
        assertEquals(Vocabulary.standard().levels(), v.levels().subList(0, v.levels().size() - 1));
    }

    @Test
    void englishSingularAndPluralFormsAreReadAndChecked() {
        List<Problem> problems = new ArrayList<>();
        VocabularyReader.Parsed parsed = VocabularyReader.read("w.json", """
                {"eventTypes": [{"code": "citizen.reception", "label": {"vi": "tiếp công dân", "en": "citizen reception",
                  "enMany": "citizen receptions"}, "requires": ["date"], "allows": []}],
                 "indicators": [{"code": "dossiers.e_result", "kind": "ratio",
                  "counted": {"vi": "hồ sơ trả kết quả điện tử", "en": "dossiers with an e-result", "enOne": "dossier with an e-result"},
                  "outOf": {"vi": "hồ sơ", "en": "dossiers"}}]}
                """.getBytes(StandardCharsets.UTF_8), problems);
        Vocabulary v = VocabularyReader.merge(Vocabulary.standard(), List.of(parsed), problems);
        assertEquals(List.of(), problems);
        Vocabulary.Label reception = v.eventType("citizen.reception").orElseThrow().label();
        assertEquals("citizen receptions", reception.en(2));
        assertEquals("citizen reception", reception.en(1));
        Vocabulary.Label counted = v.indicator("dossiers.e_result").orElseThrow().counted();
        assertEquals("dossier with an e-result", counted.en(1));
        assertEquals("dossiers with an e-result", counted.en(0));
        assertEquals("dossiers", v.indicator("dossiers.e_result").orElseThrow().outOf().en(1), "a form not given is en");
        refused("{\"fields\": [{\"code\": \"a\", \"label\": {\"vi\": \"x\", \"en\": \"y\", \"enMany\": \" \"}}]}",
                "fields[0].label.enMany", 1, 69, "is blank");
    }

    @Test
    void anEmptyObjectIsAVocabularyOfNothingNew() {
        assertEquals(List.of(), problems("{}"));
        assertEquals(List.of(), problems("{\"indicators\": [], \"levels\": []}"));
    }

    @Test
    void brokenJsonIsRefusedWhereReadingStopped() {
        refused("{\n  \"fields\": [\n    {\"code\": \"a\",, }\n  ]\n}", "fields[0]", 3, 18, "Unexpected character");
    }

    @Test
    void aNameGivenTwiceInOneObjectIsRefused() {
        refused("{\"fields\": [{\"code\": \"a\", \"code\": \"b\", \"label\": {\"vi\": \"x\", \"en\": \"y\"}}]}",
                "fields[0]", 1, 33, "Duplicate field 'code'");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheKnownOnes() {
        refused("{\n  \"fields\": [\n    {\"code\": \"a\", \"labl\": {}}\n  ]\n}", "fields[0].labl", 3, 30,
                "'labl' is not a field of a vocabulary entry: the fields are code, label");
        refused("{\"indicator\": []}", "indicator", 1, 18, "the fields are attestations, eventTypes, fields, indicators, levels");
    }

    @Test
    void anUnknownKindIsRefusedWithTheKinds() {
        refused("{\"indicators\": [{\"code\": \"x\", \"kind\": \"ratios\"}]}", "indicators[0].kind", 1, 39,
                "'ratios' is not one of ratio, coverage, count, level");
        refused("{\"attestations\": [{\"key\": \"x\", \"kind\": \"bool\"}]}", "attestations[0].kind", 1, 40,
                "'bool' is not one of boolean, ranked");
    }

    @Test
    void aWrongTypeIsRefused() {
        refused("{\"levels\": [{\"code\": \"X\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}, \"under\": \"PROVINCE\"}]}",
                "levels[0].under", 1, 69, "must be a list");
        refused("{\"fields\": {}}", "fields", 1, 12, "must be a list");
    }

    @Test
    void codesMustBePresentWellFormedAndUnique() {
        refused("{\"fields\": [\n {\"label\": {\"vi\": \"x\", \"en\": \"x\"}}]}", "fields[0].code", 2, 2, "is required");
        refused("{\"fields\": [{\"code\": \"Land\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}}]}", "fields[0].code", 1, 22,
                "'Land' is not a code");
        refused("{\"levels\": [{\"code\": \"commune\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}}]}", "levels[0].code", 1, 22,
                "'commune' is not a code such as DEPARTMENT");
        String f = "{\"code\": \"civil_status\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}}";
        refused("{\"fields\": [\n  " + f + ",\n  " + f + "\n]}", "fields[1].code", 3, 12,
                "declared twice in this file: first at fields[0].code (line 2)");
        // the longest code is 100 characters
        String longest = "a".repeat(100);
        assertEquals(List.of(), problems("{\"fields\": [{\"code\": \"" + longest + "\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}}]}"));
        refused("{\"fields\": [{\"code\": \"" + longest + "a\", \"label\": {\"vi\": \"x\", \"en\": \"x\"}}]}", "fields[0].code", 1, 22,
                "at most 100");
    }

    @Test
    void labelsNeedBothLanguagesOnOneLine() {
        assertEquals(List.of(), problems("{\"fields\": [{\"code\": \"a\", \"label\": {\"vi\": \"x\", \"en\": \"y\"}}]}"));
        refused("{\"fields\": [{\"code\": \"a\", \"label\": {\"vi\": \" \", \"en\": \"y\"}}]}", "fields[0].label.vi", 1, 43,
                "is blank: every word needs a label in Vietnamese");
        refused("{\"fields\": [{\"code\": \"a\", \"label\": {\"vi\": \"x\"}}]}", "fields[0].label.en", 1, 36,
                "is required: every word needs a label in English");
        refused("{\"fields\": [{\"code\": \"a\"}]}", "fields[0].label", 1, 13, "is required");
        refused("{\"fields\": [{\"code\": \"a\", \"label\": {\"vi\": \"x\\ny\", \"en\": \"y\"}}]}", "fields[0].label.vi", 1, 43,
                "is one line of words");
    }

    @Test
    void aRatioHasADenominatorAndOnlyARatio() {
        refused("{\"indicators\": [{\"code\": \"x\", \"kind\": \"ratio\", \"counted\": {\"vi\": \"a\", \"en\": \"b\"}}]}",
                "indicators[0].outOf", 1, 17, "is required for a ratio");
        refused("{\"indicators\": [{\"code\": \"x\", \"kind\": \"count\", \"counted\": {\"vi\": \"a\", \"en\": \"b\"},"
                        + " \"outOf\": {\"vi\": \"a\", \"en\": \"b\"}}]}",
                "indicators[0].outOf", 1, 92, "is for ratios and coverages only: a count indicator has no denominator");
        refused("{\"indicators\": [{\"code\": \"x\", \"kind\": \"coverage\", \"counted\": {\"vi\": \"a\", \"en\": \"b\"}}]}",
                "indicators[0].outOf", 1, 17, "is required for a coverage");
        refused("{\"indicators\": [{\"code\": \"x\", \"counted\": {\"vi\": \"a\", \"en\": \"b\"}}]}",
                "indicators[0].kind", 1, 17, "is required: ratio");
    }

    @Test
    void eventAttributesAreThoseEventsCarryEachNamedOnce() {
        String head = "{\"eventTypes\": [{\"code\": \"x\", \"label\": {\"vi\": \"a\", \"en\": \"b\"}, ";
        assertEquals(List.of(), problems(head + "\"requires\": [\"date\", \"subject\"], \"allows\": [\"title\"]}]}"));
        refused(head + "\"requires\": [\"place\"]}]}", "eventTypes[0].requires[0]", 1, 77,
                "'place' is not an attribute of events: date, subject, task, deadline, report, period, title");
        refused(head + "\"requires\": [\"date\"], \"allows\": [\"date\"]}]}", "eventTypes[0].allows[0]", 1, 97,
                "'date' is named twice");
    }

    @Test
    void aRankedScaleIsNonEmptyAndUnique() {
        String head = "{\"attestations\": [{\"key\": \"x\", \"label\": {\"vi\": \"a\", \"en\": \"b\"}, ";
        String word = "{\"word\": \"GOOD\", \"label\": {\"vi\": \"Tốt\", \"en\": \"Good\"}}";
        assertEquals(List.of(), problems(head + "\"kind\": \"ranked\", \"scale\": [" + word + "]}]}"));
        refused(head + "\"kind\": \"ranked\", \"scale\": []}]}", "attestations[0].scale", 1, 92, "is empty for a ranked");
        refused(head + "\"kind\": \"ranked\"}]}", "attestations[0].scale", 1, 19, "is required for a ranked");
        refused(head + "\"kind\": \"boolean\", \"scale\": [" + word + "]}]}", "attestations[0].scale", 1, 93,
                "is for ranked attestations only");
        refused(head + "\"kind\": \"ranked\", \"scale\": [" + word + ", " + word + "]}]}", "attestations[0].scale[1].word",
                1, 160, "'GOOD' is declared twice in this file");
        refused(head + "\"kind\": \"ranked\", \"scale\": [{\"word\": \"good\", \"label\": {\"vi\": \"a\", \"en\": \"b\"}}]}]}",
                "attestations[0].scale[0].word", 1, 102, "'good' is not a code such as GOOD");
    }

    @Test
    void aNullEntryIsRefused() {
        refused("{\"fields\": [null]}", "fields[0]", 1, 13, "is null");
    }

    @Test
    void underNamesDeclaredLevelsOnceAndNotItself() {
        String head = "{\"levels\": [{\"code\": \"HAMLET\", \"label\": {\"vi\": \"a\", \"en\": \"b\"}, \"under\": ";
        assertEquals(List.of(), problems(head + "[\"COMMUNE\"]}]}"));
        assertEquals(List.of(), problems(head + "[]}]}"));
        refused(head + "[\"VILLAGE\"]}]}", "levels[0].under[0]", 1, 75, "names level VILLAGE, which is not declared");
        refused(head + "[\"HAMLET\"]}]}", "levels[0].under[0]", 1, 75, "cannot stand under itself");
        refused(head + "[\"COMMUNE\", \"COMMUNE\"]}]}", "levels[0].under[1]", 1, 86, "names COMMUNE twice");
    }

    @Test
    void levelsMayNotStandUnderEachOtherInACycle() {
        Problem p = refused("{\"levels\": [\n"
                        + "  {\"code\": \"A\", \"label\": {\"vi\": \"a\", \"en\": \"a\"}, \"under\": [\"B\"]},\n"
                        + "  {\"code\": \"B\", \"label\": {\"vi\": \"b\", \"en\": \"b\"}, \"under\": [\"C\", \"COMMUNE\"]},\n"
                        + "  {\"code\": \"C\", \"label\": {\"vi\": \"c\", \"en\": \"c\"}, \"under\": [\"A\"]}\n]}",
                "levels[0].under", 2, 3, "makes a cycle of levels: A under B under C under A");
        assertNotNull(p);
    }

    @Test
    void aStandardCodeDeclaredIdenticallyIsAcceptedDifferentlyRefused() {
        String same = "{\"indicators\": [{\"code\": \"staff.headcount\", \"kind\": \"level\","
                + " \"counted\": {\"vi\": \"biên chế được giao\", \"en\": \"assigned staffing quota\"}}]}";
        assertEquals(List.of(), problems(same));
        refused("{\n\"indicators\": [\n  {\"code\": \"staff.headcount\", \"kind\": \"count\","
                        + " \"counted\": {\"vi\": \"biên chế\", \"en\": \"staff\"}}]}", "indicators[0]", 3, 3,
                "declares indicator staff.headcount differently from the standard vocabulary: its kind, counted differ");
        refused("{\"levels\": [{\"code\": \"DEPARTMENT\", \"label\": {\"vi\": \"Sở\", \"en\": \"Department\"},"
                + " \"under\": [\"MINISTRY\"]}]}", "levels[0]", 1, 13, "its under differ");
    }

    @Test
    void aLaterFileMayRepeatAnEarlierOneIdenticallyButNotDifferently() {
        String a = "{\"fields\": [{\"code\": \"civil_status\", \"label\": {\"vi\": \"hộ tịch\", \"en\": \"civil status\"}}]}";
        String b = "{\"fields\": [{\"code\": \"civil_status\", \"label\": {\"vi\": \"hộ tịch\", \"en\": \"civil registration\"}}]}";
        assertEquals(List.of(), problems(a, a));
        List<Problem> problems = problems(a, b);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("words1.json:1:13: fields[0]: declares field civil_status differently from words0.json:1 (fields[0]):"
                + " its label differ; declare it identically or choose another code", problems.get(0).toString());
    }

    @Test
    void everyProblemOfAFileThatMapsIsReported() {
        List<Problem> problems = problems("{\"fields\": [{\"code\": \"A\"}, {\"label\": {\"vi\": \"\", \"en\": \"x\"}}]}");
        assertEquals(List.of("fields[0].code", "fields[0].label", "fields[1].code", "fields[1].label.vi"),
                problems.stream().map(Problem::path).toList());
    }

    @Test
    void placesArePathsToValues() {
        var places = VocabularyReader.places("{\"a\": [1, {\"b\": [true]}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, places.get("").getColumnNr());
        assertEquals(7, places.get("a").getColumnNr());
        assertEquals(8, places.get("a[0]").getColumnNr());
        assertEquals(11, places.get("a[1]").getColumnNr());
        assertEquals(17, places.get("a[1].b").getColumnNr());
        assertEquals(18, places.get("a[1].b[0]").getColumnNr());
        assertNull(places.get("b"));
    }
}
