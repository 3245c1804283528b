// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.internal.FactsReader;

/**
 * A corpus of malformed facts documents (test resources {@code bad-facts/}): each is refused with an
 * {@link InvalidFactsException} whose problems all name their place (a path or a line), and one
 * of them is the expected one, at the expected path and line.
 */
class BadInputCorpusTest {

    /** A corpus file and the problem it must give: its path ({@code null}: none), line and words. */
    record Bad(String file, String path, int line, String says) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Bad> corpus() {
        return Stream.of(
                new Bad("truncated.json", null, 8, "malformed JSON"),
                new Bad("wrong-type-numerator.json", "measurements[0].numerator", 8, "must be a whole number, found a string"),
                new Bad("wrong-type-units.json", "units", 3, "must be an array, found an object"),
                new Bad("wrong-type-period.json", "measurements[0].period", 8, "must be a string, found a number"),
                new Bad("number-beyond-long.json", "measurements[0].denominator", 8, "beyond the largest count"),
                new Bad("number-too-long.json", null, 8, "too large: a number has more than the 64 digits allowed"),
                new Bad("number-huge-exponent.json", "measurements[0].value", 8, "more than 64 digits written out in full"),
                new Bad("nan-token.json", null, 8, "Non-standard token 'NaN'"),
                new Bad("infinity-token.json", null, 8, "Non-standard token 'Infinity'"),
                new Bad("negative-infinity-token.json", null, 8, "Non-standard token '-Infinity'"),
                new Bad("negative-count.json", "measurements[0].numerator", 8, "is negative (-1)"),
                new Bad("negative-value.json", "measurements[0].value", 8, "is negative (-0.5)"),
                new Bad("numerator-above-denominator.json", "measurements[0].numerator", 8, "101 is above the denominator 100"),
                new Bad("unknown-indicator.json", "measurements[0].indicator", 8, "'happiness' is not an indicator"),
                new Bad("unknown-unit.json", "measurements[0].unit", 8, "names unit 'nowhere', which is not among the units"),
                new Bad("unknown-event-type.json", "events[0].type", 8, "'party' is not an event type"),
                new Bad("unknown-level.json", "units[0].level", 4, "'HAMLET' is not a level"),
                new Bad("duplicate-unit.json", "units[1].id", 5, "duplicates the unit id 'so' of units[0] (line 4)"),
                new Bad("cyclic-units.json", "units[0].parent", 4, "makes a cycle: a → b → c → a"),
                new Bad("duplicate-key.json", null, 8, "Duplicate field 'numerator'"),
                new Bad("deeply-nested.json", null, 3, "too large: nested deeper than the 32 levels allowed"),
                new Bad("invalid-utf8.json", null, 8, "UTF-8"),
                new Bad("date-before-1900.json", "events[0].date", 8, "dates must fall in the years 1900 to 2999"),
                new Bad("date-after-2999.json", "asOf", 2, "dates must fall in the years 1900 to 2999"),
                new Bad("date-impossible.json", "events[0].date", 8, "'2021-02-30' is not a date"),
                new Bad("date-after-as-of.json", "events[0].date", 8, "is after asOf 2021-12-31"),
                new Bad("period-invalid.json", "measurements[0].period", 8, "'2021-Q5' is not a period"),
                new Bad("empty.json", null, 1, "the input is empty"),
                new Bad("not-an-object.json", null, 1, "expected a JSON object, found an array"),
                new Bad("trailing-document.json", null, 2, "after the end of the document"),
                new Bad("comment.json", null, 2, "comment"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachMalformedDocumentIsRefusedNamingThePlaceOfEveryProblem(Bad bad) throws IOException {
        InvalidFactsException e;
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("/bad-facts/" + bad.file())) {
            e = assertThrows(InvalidFactsException.class, () -> ReformTargetsJson.readFacts(in, bad.file(), org.reformtargets.core.Vocabulary.standard()));
        }

        List<Problem> problems = e.problems();
        assertFalse(problems.isEmpty());
        for (Problem p : problems) {
            assertEquals(bad.file(), p.source(), p::toString);
            assertTrue(p.path() != null || p.line() > 0, () -> "no place: " + p);
        }
        assertTrue(problems.stream().anyMatch(p -> java.util.Objects.equals(bad.path(), p.path())
                        && p.line() == bad.line() && p.message().contains(bad.says())),
                () -> "expected " + bad.path() + " line " + bad.line() + " saying '" + bad.says() + "' among\n"
                        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        assertTrue(e.getMessage().contains("nothing was evaluated"), e.getMessage());
    }

    @Test
    void everyFileOfTheCorpusIsListedWithItsExpectedProblem() throws IOException, URISyntaxException {
        Set<String> files;
        try (Stream<Path> listed = Files.list(Path.of(BadInputCorpusTest.class.getResource("/bad-facts").toURI()))) {
            files = listed.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }

        assertEquals(files, corpus().map(Bad::file).collect(Collectors.toCollection(TreeSet::new)));
    }

    // ---- the reader's limits, at and just past each

    private static final String UNITS = "\"units\": [{\"id\": \"so\", \"name\": \"%s\", \"level\": \"DEPARTMENT\"}]";

    private static FactsDocument read(String json) {
        return ReformTargetsJson.readFacts(new StringReader(json), "limits.json");
    }

    @Test
    void nestingUpToTheLimitIsReadAndOneLevelMoreIsRefused() {
        int inner = FactsReader.MAX_NESTING_DEPTH - 1; // the document's own object is the first level
        String at = "{\"asOf\": \"2021-12-31\", \"note\": " + "[".repeat(inner) + "]".repeat(inner) + "}";
        String past = "{\"asOf\": \"2021-12-31\", \"note\": " + "[".repeat(inner + 1) + "]".repeat(inner + 1) + "}";

        assertEquals(java.time.LocalDate.of(2021, 12, 31), read(at).asOf());
        Problem p = assertThrows(InvalidFactsException.class, () -> read(past)).problems().get(0);
        assertEquals("limits.json:1:" + (32 + inner + 1) + ": too large: nested deeper than the 32 levels allowed",
                p.toString());
    }

    @Test
    void stringsUpToTheLimitAreReadAndOneCharacterMoreIsRefused() {
        String at = "{\"asOf\": \"2021-12-31\", " + UNITS.formatted("x".repeat(FactsReader.MAX_STRING_LENGTH)) + "}";
        String past = "{\"asOf\": \"2021-12-31\", " + UNITS.formatted("x".repeat(FactsReader.MAX_STRING_LENGTH + 1)) + "}";

        assertEquals(FactsReader.MAX_STRING_LENGTH, read(at).units().get(0).name().length());
        assertEquals(FactsReader.MAX_STRING_LENGTH, readBytes(at).units().get(0).name().length());
        for (Problem p : List.of(refused(past), refusedBytes(past))) {
            assertEquals("too large: a string or number is longer than the 100,000 characters allowed", p.message());
            assertEquals(1, p.line(), p::toString);
            assertTrue(p.column() > FactsReader.MAX_STRING_LENGTH, p::toString);
            assertEquals(null, p.path(), p::toString);
        }
    }

    @Test
    void numbersUpToTheLimitAreReadAndOneDigitMoreIsRefused() {
        String doc = "{\"asOf\": \"2021-12-31\", " + UNITS.formatted("Sở") + ", \"measurements\": [{\"unit\": \"so\","
                + " \"indicator\": \"procedures.online\", \"period\": \"2021\", \"value\": %s}]}";
        String at = "9".repeat(FactsReader.MAX_NUMBER_LENGTH);

        assertEquals(new java.math.BigDecimal(at), read(doc.formatted(at)).measurements().get(0).value());
        Problem p = assertThrows(InvalidFactsException.class, () -> read(doc.formatted(at + "9"))).problems().get(0);
        assertEquals("limits.json:1:" + (doc.indexOf("%s") + 66) + ": too large: a number has more than the 64 digits"
                + " allowed", p.toString());
        Problem tiny = assertThrows(InvalidFactsException.class, () -> read(doc.formatted("1e-999999999")))
                .problems().get(0);
        assertEquals("measurements[0].value", tiny.path(), tiny::toString);
    }

    private static FactsDocument readBytes(String json) {
        return ReformTargetsJson.readFacts(new java.io.ByteArrayInputStream(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "limits.json");
    }

    /** The one problem of {@code json}, read from characters. */
    private static Problem refused(String json) {
        List<Problem> problems = assertThrows(InvalidFactsException.class, () -> read(json)).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    /** The one problem of {@code json}, read from UTF-8 bytes. */
    private static Problem refusedBytes(String json) {
        List<Problem> problems = assertThrows(InvalidFactsException.class, () -> readBytes(json)).problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    @Test
    void namesUpToTheLimitAreReadAndOneCharacterMoreIsRefused() {
        String doc = "{\"asOf\": \"2021-12-31\",\n  \"%s\": 1}";
        String at = doc.formatted("n".repeat(FactsReader.MAX_NAME_LENGTH));
        String past = doc.formatted("n".repeat(FactsReader.MAX_NAME_LENGTH + 1));

        assertEquals(1_000, FactsReader.MAX_NAME_LENGTH);
        assertEquals(java.time.LocalDate.of(2021, 12, 31), read(at).asOf());
        assertEquals(java.time.LocalDate.of(2021, 12, 31), readBytes(at).asOf());
        for (Problem p : List.of(refused(past), refusedBytes(past))) {
            // the name starts at column 4; the reader stops just after its closing quote
            assertEquals("limits.json:2:" + (4 + FactsReader.MAX_NAME_LENGTH + 2)
                    + ": too large: a name is longer than the 1,000 characters allowed", p.toString());
        }
    }

    @Test
    void theSignIsNotADigitButTheExponentsDigitsAre() {
        String doc = "{\"asOf\": \"2021-12-31\", " + UNITS.formatted("Sở") + ", \"measurements\": [{\"unit\": \"so\","
                + " \"indicator\": \"procedures.online\", \"period\": \"2021\", \"value\": %s}]}";
        String digits = "1" + "0".repeat(FactsReader.MAX_NUMBER_LENGTH - 2); // 63 digits

        // a minus and 64 digits: past the reader (the sign is no digit), refused as negative at its path
        assertEquals("measurements[0].value", refused(doc.formatted("-" + digits + "0")).path());
        assertEquals(0, new java.math.BigDecimal(digits + "0").compareTo(read(doc.formatted(digits + "e1"))
                .measurements().get(0).value()));
        assertEquals("too large: a number has more than the 64 digits allowed",
                refused(doc.formatted(digits + "0e1")).message());
    }

    @Test
    void aValueUpToTheLimitWrittenOutInFullIsReadAndOneDigitMoreIsRefusedAtItsPlace() {
        String doc = "{\"asOf\": \"2021-12-31\",\n" + UNITS.formatted("Sở") + ",\n\"measurements\": [\n  {\"unit\": \"so\","
                + " \"indicator\": \"procedures.online\", \"period\": \"2021\", \"value\": %s}]}";

        assertEquals(new java.math.BigDecimal("1e63"), read(doc.formatted("1e63")).measurements().get(0).value());
        assertEquals(new java.math.BigDecimal("1e-63"), read(doc.formatted("1e-63")).measurements().get(0).value());
        assertEquals("limits.json:4:3: measurements[0].value: 1E+64 has more than 64 digits written out in full: give"
                + " the figure itself, not a power of ten", refused(doc.formatted("1e64")).toString());
        assertEquals("limits.json:4:3: measurements[0].value: 1E-64 has more than 64 digits written out in full: give"
                + " the figure itself, not a power of ten", refused(doc.formatted("1e-64")).toString());
    }

    @Test
    void countsUpToTheLargestLongAreReadAndOneMoreIsRefusedAtItsPlace() {
        String doc = "{\"asOf\": \"2021-12-31\",\n" + UNITS.formatted("Sở") + ",\n\"measurements\": [\n  {\"unit\": \"so\","
                + " \"indicator\": \"satisfaction\", \"period\": \"2021\", \"numerator\": 1, \"denominator\": %s}]}";

        assertEquals(Long.MAX_VALUE, read(doc.formatted(Long.MAX_VALUE)).measurements().get(0).denominator());
        assertEquals("limits.json:4:3: measurements[0].denominator: 9223372036854775808 is beyond the largest count"
                + " supported (9223372036854775807)", refused(doc.formatted("9223372036854775808")).toString());
    }

    @Test
    void datesFrom1900To2999AreReadAndADayOutsideIsRefusedAtItsPlace() {
        String doc = "{\"asOf\": \"%s\",\n" + UNITS.formatted("Sở") + ",\n\"events\": [\n  {\"unit\": \"so\","
                + " \"type\": \"dialogue\", \"date\": \"%s\"}]}";

        assertEquals(java.time.LocalDate.of(2999, 12, 31), read(doc.formatted("2999-12-31", "1900-01-01")).asOf());
        assertEquals("limits.json:4:3: events[0].date: '1899-12-31' is out of range: dates must fall in the years 1900"
                + " to 2999", refused(doc.formatted("2999-12-31", "1899-12-31")).toString());
        assertEquals("limits.json:1:10: asOf: '3000-01-01' is out of range: dates must fall in the years 1900 to 2999",
                refused(doc.formatted("3000-01-01", "1900-01-01")).toString());
    }

    @Test
    void periodsFrom1900To2999AreReadAndAPeriodOutsideIsRefusedAtItsPlace() {
        String doc = "{\"asOf\": \"2999-12-31\",\n" + UNITS.formatted("Sở") + ",\n\"measurements\": [\n  {\"unit\": \"so\","
                + " \"indicator\": \"procedures.online\", \"period\": \"%s\", \"value\": 1}]}";

        assertEquals(1900, read(doc.formatted("1900")).measurements().get(0).period().year());
        assertEquals(2999, read(doc.formatted("2999-12")).measurements().get(0).period().year());
        assertEquals("limits.json:4:3: measurements[0].period: '1899' is out of range: periods must fall in the years"
                + " 1900 to 2999", refused(doc.formatted("1899")).toString());
        assertEquals("limits.json:4:3: measurements[0].period: '3000-Q1' is out of range: periods must fall in the"
                + " years 1900 to 2999", refused(doc.formatted("3000-Q1")).toString());
    }

    @Test
    void aDuplicatedNameInAnObjectIsRefusedRatherThanTheLastOneWinning() {
        Problem p = assertThrows(InvalidFactsException.class,
                () -> read("{\"asOf\": \"2021-12-31\",\n \"asOf\": \"2020-01-01\"}")).problems().get(0);

        assertEquals(2, p.line(), p::toString);
        assertTrue(p.message().contains("Duplicate field 'asOf'"), p::toString);
    }

    @Test
    void aValueWithAHugeExponentBuiltInJavaIsRefusedBeforeAnyRuleRuns() {
        FactsDocument facts = new FactsDocument(null, java.time.LocalDate.of(2021, 12, 31),
                List.of(org.reformtargets.core.Unit.root("so", "Sở", org.reformtargets.core.Level.DEPARTMENT)),
                List.of(org.reformtargets.core.Measurement.value("so", "procedures.online", null,
                        org.reformtargets.core.Period.year(2021), new java.math.BigDecimal("-1e999999999"))),
                null, null);

        Problem p = assertThrows(InvalidFactsException.class,
                () -> org.reformtargets.core.RuleSet.load("demo/2021").evaluate(facts)).problems().get(0);
        assertEquals("measurements[0].value", p.path(), p::toString);
        assertTrue(p.message().contains("-1E+999999999 has more than 64 digits"), p::toString);
    }
}
