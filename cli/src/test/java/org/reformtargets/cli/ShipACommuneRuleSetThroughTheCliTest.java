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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commune People's Committee ships a rule set of its own words through files and the command line
 * alone: a vocabulary file (a new ratio indicator, a new event type, a new field, a new level), a
 * manifest, rules and scenarios; {@code validate}, {@code test} and {@code evaluate --rules-dir}
 * accept it, the sentences name the new words by their labels, and facts that misuse the words are
 * refused with the place of each problem.
 */
class ShipACommuneRuleSetThroughTheCliTest {

    @TempDir
    Path root;

    static final String WORDS = """
            {
              "indicators": [
                {"code": "dossiers.e_result", "kind": "ratio",
                 "counted": {"vi": "hồ sơ trả kết quả điện tử", "en": "dossiers with an electronic result"},
                 "outOf": {"vi": "hồ sơ đã giải quyết", "en": "dossiers resolved"}}
              ],
              "eventTypes": [
                {"code": "citizen.reception", "label": {"vi": "tiếp công dân định kỳ", "en": "regular citizen reception"},
                 "requires": ["date"], "allows": ["title"]}
              ],
              "fields": [
                {"code": "civil_status", "label": {"vi": "hộ tịch", "en": "civil status"}}
              ],
              "levels": [
                {"code": "COMMUNE", "label": {"vi": "Xã, phường", "en": "Commune or ward"}, "under": ["DISTRICT", "PROVINCE"]},
                {"code": "VILLAGE", "label": {"vi": "Thôn, ấp", "en": "Village or hamlet"}, "under": ["COMMUNE"]}
              ]
            }
            """;

    static final String MANIFEST = """
            {
              "id": "tan-phu/2025",
              "version": "1.0.0",
              "title": {"vi": "Chỉ tiêu cải cách hành chính năm 2025 của UBND xã Tân Phú",
                        "en": "The 2025 public-administration reform targets of the Tan Phu commune People's Committee"},
              "issuer": "UBND xã Tân Phú",
              "period": "2025",
              "effective": {"from": "2025-01-01", "to": "2025-12-31"},
              "sources": [
                {"document": "kh-cchc-2025.txt", "title": "Kế hoạch cải cách hành chính năm 2025 của UBND xã Tân Phú",
                 "issued": "2025-01-15", "level": "COMMUNE"},
                {"document": "kh-tcd-2025.txt", "title": "Kế hoạch tiếp công dân năm 2025 tại các ấp",
                 "issued": "2025-01-20", "level": "VILLAGE"}
              ],
              "files": ["commune.drl"],
              "scenarios": ["commune.scenarios.json"],
              "vocabulary": {"files": ["words.json"]}
            }
            """;

    static final String DRL = """
            package org.example.tan_phu.y2025;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;

            rule "The commune returns the result of every dossier electronically"
                @target("tan-phu/2025/e-result")
                @document("kh-cchc-2025.txt") @clause("2")
            when
                $unit : UnitFacts( level == Level.COMMUNE )
            then
                Check.of(kcontext, $unit).ratio("dossiers.e_result").atLeast("100");
            end

            rule "The commune resolves at least 95 % of civil-status dossiers on time"
                @target("tan-phu/2025/civil-status-on-time")
                @document("kh-cchc-2025.txt") @clause("3")
            when
                $unit : UnitFacts( level == Level.COMMUNE )
            then
                Check.of(kcontext, $unit).ratio("dossiers.on_time").onlyFields("civil_status").atLeast("95");
            end

            rule "Every village holds at least two citizen receptions a year"
                @target("tan-phu/2025/village-reception")
                @document("kh-tcd-2025.txt") @clause("1")
            when
                $unit : UnitFacts( level == Level.VILLAGE )
            then
                Check.of(kcontext, $unit).events("citizen.reception").atLeast(2);
            end
            """;

    static final String UNITS = """
                    "units": [
                      {"id": "xa-tan-phu", "name": "UBND xã Tân Phú", "level": "COMMUNE"},
                      {"id": "ap-1", "name": "Ấp 1", "level": "VILLAGE", "parent": "xa-tan-phu"}
                    ]""";

    static final String FACTS = """
            {
              "ruleSet": "tan-phu/2025", "asOf": "2025-12-31",
            @UNITS@,
              "measurements": [
                {"unit": "xa-tan-phu", "indicator": "dossiers.e_result", "period": "2025", "numerator": 480, "denominator": 500},
                {"unit": "xa-tan-phu", "indicator": "dossiers.on_time", "field": "civil_status", "period": "2025", "numerator": 96, "denominator": 100}
              ],
              "events": [
                {"unit": "ap-1", "type": "citizen.reception", "date": "2025-03-10"},
                {"unit": "ap-1", "type": "citizen.reception", "date": "2025-09-10"}
              ]
            }
            """.replace("@UNITS@", UNITS);

    static final String SCENARIOS = """
            {
              "description": "The commune's own words: e-results, civil-status dossiers and village receptions.",
              "scenarios": [
                {
                  "name": "480 of 500 e-results fall short of 100 %; 96 % of civil-status dossiers on time; two receptions",
                  "facts": {
                    "asOf": "2025-12-31",
            @UNITS@,
                    "measurements": [
                      {"unit": "xa-tan-phu", "indicator": "dossiers.e_result", "period": "2025", "numerator": 480, "denominator": 500},
                      {"unit": "xa-tan-phu", "indicator": "dossiers.on_time", "field": "civil_status", "period": "2025", "numerator": 96, "denominator": 100}
                    ],
                    "events": [
                      {"unit": "ap-1", "type": "citizen.reception", "date": "2025-03-10"},
                      {"unit": "ap-1", "type": "citizen.reception", "date": "2025-09-10"}
                    ]
                  },
                  "expect": [
                    {"unit": "xa-tan-phu", "target": "e-result", "status": "NOT_MET", "gap": 20},
                    {"unit": "xa-tan-phu", "target": "civil-status-on-time", "field": "civil_status", "status": "MET"},
                    {"unit": "ap-1", "target": "village-reception", "status": "MET"}
                  ]
                }
              ]
            }
            """.replace("@UNITS@", UNITS);

    private Path ship() throws IOException {
        Path dir = Files.createDirectories(root.resolve("tan-phu").resolve("2025"));
        Files.writeString(dir.resolve("words.json"), WORDS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("commune.drl"), DRL, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("commune.scenarios.json"), SCENARIOS, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void aCommuneRuleSetOfItsOwnWordsIsValidatedTestedAndEvaluatedWithItsLabels() throws IOException {
        Path dir = ship();

        Cli.Run validated = Cli.run("validate", dir.toString());
        Cli.Run tested = Cli.run("test", dir.toString());
        assertAll(
                () -> assertEquals(0, validated.status(), validated.out() + validated.err()),
                () -> assertEquals(0, tested.status(), tested.out() + tested.err()));

        // describe says what each rule demands in the rule set's words
        Cli.Run described = Cli.run("describe", "--rules-dir", dir.toString());
        assertAll(
                () -> assertEquals(0, described.status(), described.out() + described.err()),
                () -> assertTrue(described.out().contains("tan-phu/2025/village-reception · VILLAGE (Thôn, ấp)"),
                        described.out()),
                () -> assertTrue(described.out().contains("Village or hamlet: at least 2 regular citizen receptions"),
                        described.out()),
                () -> assertTrue(described.out().contains("dossiers with an electronic result are at least 100 %"),
                        described.out()),
                () -> assertTrue(described.out().contains("in each of the fields civil status"), described.out()));

        Path facts = Files.writeString(root.resolve("facts-2025.json"), FACTS, StandardCharsets.UTF_8);
        Cli.Run evaluated = Cli.run("evaluate", "--facts", facts.toString(), "--rules-dir", dir.toString(),
                "--format", "json");
        assertEquals(0, evaluated.status(), evaluated.out() + evaluated.err());
        JsonNode json = evaluated.json();
        Map<String, JsonNode> byTarget = new HashMap<>();
        for (JsonNode r : json.get("results")) {
            byTarget.put(r.get("target").asText(), r);
        }
        JsonNode eResult = byTarget.get("tan-phu/2025/e-result");
        JsonNode civil = byTarget.get("tan-phu/2025/civil-status-on-time");
        JsonNode reception = byTarget.get("tan-phu/2025/village-reception");
        assertAll(
                () -> assertEquals("NOT_MET", eResult.get("status").asText(), eResult.toString()),
                () -> assertEquals(20, eResult.get("gap").asLong(), eResult.toString()),
                () -> assertTrue(eResult.get("message").get("vi").asText().contains("hồ sơ trả kết quả điện tử"),
                        eResult.toString()),
                () -> assertTrue(eResult.get("message").get("en").asText().contains("dossiers with an electronic result"),
                        eResult.toString()),
                () -> assertTrue(eResult.get("message").get("en").asText().contains("dossiers resolved"),
                        eResult.toString()),
                () -> assertEquals("MET", civil.get("status").asText(), civil.toString()),
                () -> assertEquals("civil_status", civil.get("field").asText(), civil.toString()),
                () -> assertTrue(civil.get("message").get("vi").asText().contains("lĩnh vực hộ tịch"), civil.toString()),
                () -> assertTrue(civil.get("message").get("en").asText().contains("in the civil status field"),
                        civil.toString()),
                () -> assertEquals("MET", reception.get("status").asText(), reception.toString()),
                () -> assertTrue(reception.get("message").get("vi").asText().contains("Tiếp công dân định kỳ"),
                        reception.toString()),
                () -> assertTrue(reception.get("message").get("en").asText().contains("Regular citizen reception"),
                        reception.toString()));
        for (JsonNode r : json.get("results")) {
            String text = r.get("message").get("vi").asText() + " " + r.get("message").get("en").asText();
            assertAll(
                    () -> assertTrue(!text.contains("dossiers.e_result"), text),
                    () -> assertTrue(!text.contains("civil_status"), text),
                    () -> assertTrue(!text.contains("citizen.reception"), text));
        }
    }

    @Test
    void factsThatMisuseTheWordsAreRefusedWithThePlaceOfEveryProblem() throws IOException {
        Path dir = ship();
        Path facts = Files.writeString(root.resolve("bad-2025.json"), """
                {
                  "ruleSet": "tan-phu/2025", "asOf": "2025-12-31",
                  "units": [
                    {"id": "xa-tan-phu", "name": "UBND xã Tân Phú", "level": "COMMUNE"},
                    {"id": "ap-1", "name": "Ấp 1", "level": "VILLAGE", "parent": "xa-tan-phu"},
                    {"id": "cc-1", "name": "Chi cục", "level": "SUB_DEPARTMENT", "parent": "ap-1"}
                  ],
                  "measurements": [
                    {"unit": "xa-tan-phu", "indicator": "dossiers.on_time", "field": "Civil_status", "period": "2025", "numerator": 1, "denominator": 2},
                    {"unit": "xa-tan-phu", "indicator": "dossiers.e_results", "period": "2025", "numerator": 1, "denominator": 2}
                  ]
                }
                """, StandardCharsets.UTF_8);

        for (String format : new String[] {"json", "table"}) {
            Cli.Run refused = Cli.run("evaluate", "--facts", facts.toString(), "--rules-dir", dir.toString(),
                    "--format", format);
            String all = refused.out() + refused.err();
            assertAll(
                    () -> assertEquals(2, refused.status(), all),
                    () -> assertTrue(all.contains("bad-2025.json:6:5: units[2].parent: unit cc-1 (SUB_DEPARTMENT) stands"
                            + " under ap-1, a VILLAGE: a SUB_DEPARTMENT stands under DEPARTMENT"), all),
                    () -> assertTrue(all.contains("bad-2025.json:9:5: measurements[0].field: 'Civil_status' is not a field"
                            + " of tan-phu/2025: did you mean civil_status?"), all),
                    () -> assertTrue(all.contains("bad-2025.json:10:5: measurements[1].indicator: 'dossiers.e_results' is"
                            + " not an indicator of tan-phu/2025: did you mean dossiers.e_result?"), all),
                    () -> assertTrue(all.contains("3 problems"), all));
        }
    }
}
