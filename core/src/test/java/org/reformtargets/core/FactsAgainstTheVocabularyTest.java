// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The words of a facts document (levels, indicators, fields, event types, attestation keys and the
 * hierarchy of levels) are checked against the vocabulary of the rule set that evaluates it, at the
 * places the reader kept.
 */
class FactsAgainstTheVocabularyTest {

    private static final String DOC = """
            {
              "asOf": "2021-12-31",
              "units": [
                {"id": "office-9", "name": "Phòng 9", "level": "OFFICE"},
                {"id": "cc-1", "name": "Chi cục 1", "level": "SUB_DEPARTMENT", "parent": "office-9"},
                {"id": "x", "name": "X", "level": "HAMLET"}
              ],
              "measurements": [
                {"unit": "cc-1", "indicator": "satisfaction", "field": "Land", "period": "2021", "numerator": 1, "denominator": 2},
                {"unit": "cc-1", "indicator": "dossiers.on_tme", "period": "2021", "numerator": 1, "denominator": 2},
                {"unit": "cc-1", "indicator": "staff.headcount", "period": "2021", "numerator": 1, "denominator": 2}
              ],
              "events": [
                {"unit": "cc-1", "type": "dialog", "date": "2021-03-01"},
                {"unit": "cc-1", "type": "report.submitted", "date": "2021-03-01"}
              ],
              "attestations": [
                {"unit": "cc-1", "key": "iso9001.convertd", "period": "2021", "value": true}
              ]
            }
            """;

    private static RuleSet demo;

    @BeforeAll
    static void load() {
        demo = RuleSet.load("demo/2021");
    }

    @Test
    void readingChecksTheStructureAndEvaluatingTheWordsAtTheirPlaces() {
        FactsDocument facts = ReformTargetsJson.readFacts(new StringReader(DOC), "facts.json");

        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> demo.evaluate(facts));

        assertEquals(List.of(
                "facts.json:5:5: units[1].parent: unit cc-1 (SUB_DEPARTMENT) stands under office-9, an OFFICE:"
                        + " a SUB_DEPARTMENT stands under DEPARTMENT",
                "facts.json:6:5: units[2].level: 'HAMLET' is not a level of demo/2021: use MINISTRY, PROVINCE,"
                        + " DEPARTMENT, SUB_DEPARTMENT, DISTRICT, COMMUNE, OFFICE",
                "facts.json:9:5: measurements[0].field: 'Land' is not a field of demo/2021: did you mean land?",
                "facts.json:10:5: measurements[1].indicator: 'dossiers.on_tme' is not an indicator of demo/2021:"
                        + " did you mean dossiers.on_time?",
                "facts.json:11:5: measurements[2]: staff.headcount is a value indicator: give \"value\","
                        + " not numerator/denominator",
                "facts.json:14:5: events[0].type: 'dialog' is not an event type of demo/2021: did you mean dialogue?",
                "facts.json:15:5: events[1].report: is required for report.submitted: Q1, H1, 9M or Y",
                "facts.json:18:5: attestations[0].key: 'iso9001.convertd' is not an attestation key of demo/2021:"
                        + " did you mean iso9001.converted?"),
                e.problems().stream().map(Problem::toString).sorted(FactsAgainstTheVocabularyTest::byLine).toList());
    }

    @Test
    void aFileReadWithoutPlacesIsReadAgainToPlaceTheProblemsAsAnyOtherInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("facts.json");
        Files.writeString(file, DOC);
        FactsDocument fromFile = ReformTargetsJson.readFacts(file);
        FactsDocument fromText = ReformTargetsJson.readFacts(new StringReader(DOC), file.toString());
        assertEquals(fromText, fromFile);

        InvalidFactsException fileProblems = assertThrows(InvalidFactsException.class, () -> demo.evaluate(fromFile));
        InvalidFactsException textProblems = assertThrows(InvalidFactsException.class, () -> demo.evaluate(fromText));

        assertEquals(textProblems.getMessage(), fileProblems.getMessage());
        assertEquals(textProblems.problems(), fileProblems.problems());
        assertEquals(8, fileProblems.problems().size());

        // the file changed since it was read: the problems are still reported, by path, without places
        Files.writeString(file, "{}");
        InvalidFactsException changed = assertThrows(InvalidFactsException.class, () -> demo.evaluate(fromFile));
        assertEquals(textProblems.problems().stream().map(Problem::path).sorted().toList(),
                changed.problems().stream().map(Problem::path).sorted().toList());
    }

    @Test
    void aFileEditedSinceItWasReadIsNotReadAgainForItsNewWords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("facts.json");
        Files.writeString(file, DOC);
        FactsDocument read = ReformTargetsJson.readFacts(file);
        // the same problems by path, other words, one line lower: not what was evaluated
        Files.writeString(file, "\n" + DOC.replace("HAMLET", "VILLAGE").replace("\"dialog\"", "\"meeting\""));

        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> demo.evaluate(read));

        String all = e.getMessage();
        assertTrue(all.contains("'HAMLET'") && all.contains("'dialog'"), all);
        assertFalse(all.contains("VILLAGE") || all.contains("meeting"), all);
        assertEquals(8, e.problems().size());
    }

    @Test
    void aNamedPipeIsReadOnceWithItsPlaces(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("facts.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, DOC);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        InvalidFactsException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> {
                    FactsDocument facts = ReformTargetsJson.readFacts(fifo);
                    return assertThrows(InvalidFactsException.class, () -> demo.evaluate(facts));
                });
        writer.join();

        assertEquals(8, e.problems().size());
        assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), e::getMessage);
    }

    @Test
    void readingWithTheRuleSetChecksEverythingAtOnce() {
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> ReformTargetsJson.readFacts(
                new java.io.ByteArrayInputStream(DOC.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "facts.json",
                demo));

        assertEquals(8, e.problems().size(), e::getMessage);
    }

    @Test
    void aValidDocumentStillEvaluates() {
        FactsDocument facts = ReformTargetsJson.readFacts(new StringReader("""
                {"asOf": "2021-12-31", "units": [{"id": "d", "name": "Sở", "level": "DEPARTMENT"}]}
                """), "ok.json");

        demo.evaluate(facts);
        demo.evaluate(facts);
    }

    private static int byLine(String a, String b) {
        return Integer.compare(line(a), line(b));
    }

    private static int line(String p) {
        String[] parts = p.split(":");
        return Integer.parseInt(parts[1]);
    }
}
