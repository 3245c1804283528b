// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.reliability.ProblemCapMemoryTest;

/**
 * One test per way a facts document can break the contract: each names the place of the problem
 * (path, and line and column when read from JSON), and a document with several problems lists
 * them all in one report.
 */
class InvalidFactsTest {

    private static final String SOURCE = "facts.json";

    /** Two units on lines 4 and 5; whatever is given goes on line 8, at column 5. */
    private static String doc(String list, String element) {
        return """
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "snn", "name": "Sở", "level": "DEPARTMENT"},
                    {"id": "cc", "name": "Chi cục", "level": "SUB_DEPARTMENT", "parent": "snn"}
                  ],
                  "%s": [
                    %s
                  ]
                }
                """.formatted(list, element);
    }

    private static String measurement(String element) {
        return doc("measurements", element);
    }

    private static List<Problem> problems(String json) {
        return assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(new StringReader(json), SOURCE, Vocabulary.standard())).problems();
    }

    /** The one problem of {@code json}, checked to be at {@code path}, line and column. */
    private static Problem only(String json, String path, int line, int column, String says) {
        List<Problem> problems = problems(json);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        Problem p = problems.get(0);
        assertEquals(SOURCE, p.source(), p::toString);
        assertEquals(path, p.path(), p::toString);
        assertEquals(line, p.line(), p::toString);
        assertEquals(column, p.column(), p::toString);
        assertTrue(p.message().contains(says), () -> "'" + p.message() + "' should say '" + says + "'");
        return p;
    }

    // ---- syntax

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        Problem p = only("""
                {
                  "asOf": "2021-12-31"
                  "units": []
                }
                """, null, 3, 3, "malformed JSON");

        assertTrue(p.message().contains("expecting comma"), p.message());
    }

    @Test
    void anUnclosedDocumentIsMalformed() {
        List<Problem> problems = problems("{\n  \"asOf\": \"2021-12-31\",\n  \"units\": [\n");

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().startsWith("malformed JSON"), problems.get(0)::toString);
        assertEquals(4, problems.get(0).line(), problems.get(0)::toString);
    }

    @Test
    void problemsFoundBeforeTheJsonBreaksAreKeptInTheReport() {
        List<Problem> problems = problems("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "nation"},
                    {"id": "b", "name": "B", "level": "DEPARTMENT",}
                  ]
                }
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertEquals("units[0].level", problems.get(0).path());
        assertEquals(4, problems.get(0).line());
        assertTrue(problems.get(1).message().startsWith("malformed JSON"), problems.get(1)::toString);
        assertEquals(5, problems.get(1).line());
    }

    @Test
    void invalidUtf8BytesAreReportedWithTheirPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\n  \"asOf\": \"2021-12-31\",\n  \"units\": [{\"id\": \"a\", \"name\": \"S".getBytes(
                StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28); // 0xC3 must be followed by a continuation byte
        bytes.writeBytes("\", \"level\": \"DEPARTMENT\"}]\n}\n".getBytes(StandardCharsets.UTF_8));

        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(new ByteArrayInputStream(bytes.toByteArray()), SOURCE, Vocabulary.standard()));

        assertEquals(1, e.problems().size(), e.problems()::toString);
        Problem p = e.problems().get(0);
        assertEquals(SOURCE, p.source());
        assertEquals(3, p.line(), p::toString);
        assertTrue(p.column() > 0, p::toString);
        assertTrue(p.message().contains("UTF-8") || p.message().contains("UTF8"), p::toString);
    }

    @Test
    void emptyInputIsRefusedSayingWhatWasExpected() {
        for (String empty : new String[] {"", "  \n\t\n"}) {
            List<Problem> problems = problems(empty);

            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).message().contains("empty"), problems.get(0)::toString);
            assertTrue(problems.get(0).message().contains("JSON object"), problems.get(0)::toString);
        }
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        only("[\n  {\"asOf\": \"2021-12-31\"}\n]\n", null, 1, 1, "expected a JSON object, found an array");
    }

    @Test
    void trailingGarbageAfterTheDocumentIsRefused() {
        Problem p = only("{\"asOf\": \"2021-12-31\"}\n  {\"asOf\": \"2021-12-30\"}\n", null, 2, 3,
                "after the end of the document");

        assertTrue(p.message().contains("an object"), p.message());
        List<Problem> words = problems("{\"asOf\": \"2021-12-31\"}\nrubbish\n");
        assertEquals(1, words.size(), words::toString);
        assertEquals(2, words.get(0).line(), words.get(0)::toString);
    }

    // ---- types

    @Test
    void aStringWhereANumberIsExpectedIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": "90", "denominator": 100}"""),
                "measurements[0].numerator", 8, 5, "must be a whole number, found a string");
    }

    @Test
    void aStringWhereAValueIsExpectedIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "staff.headcount", "period": "2021", "value": "12"}"""),
                "measurements[0].value", 8, 5, "must be a number, found a string");
    }

    @Test
    void anArrayWhereAnElementObjectIsExpectedIsRefused() {
        only(measurement("[\"snn\", \"satisfaction\", \"2021\", 90, 100]"),
                "measurements[0]", 8, 5, "must be an object, found an array");
    }

    @Test
    void anObjectWhereAListIsExpectedIsRefused() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": {"id": "a", "name": "A", "level": "DEPARTMENT"}
                }
                """, "units", 3, 12, "must be an array, found an object");
    }

    @Test
    void anArrayWhereAStringIsExpectedIsRefused() {
        only(doc("events", """
                {"unit": ["snn"], "type": "dialogue", "date": "2021-03-20"}"""),
                "events[0].unit", 8, 5, "must be a string, found an array");
    }

    @Test
    void anAttestationValueMustBeABooleanOrAString() {
        only(doc("attestations", """
                {"unit": "snn", "key": "iso9001.converted", "period": "2021", "value": 1}"""),
                "attestations[0].value", 8, 5, "must be true, false or a string, found a number");
    }

    // ---- a report's period

    @Test
    void aReportsPeriodThatIsNoPeriodIsRefusedAtItsPlace() {
        only(doc("events", """
                {"unit": "cc", "type": "report.submitted", "report": "Y", "period": "2020-Q5", "date": "2021-01-10"}"""),
                "events[0].period", 8, 5, "'2020-Q5' is not a period");
    }

    @Test
    void aReportSentBeforeThePeriodItCoversBeginsIsRefusedAtItsDate() {
        only(doc("events", """
                {"unit": "cc", "type": "report.submitted", "report": "H1", "period": "2021-H1", "date": "2020-12-30"}"""),
                "events[0].date", 8, 5, "before 2021-01-01, the start of the period 2021-H1 the report covers");
    }

    @Test
    void aReportSentOnTheFirstDayOfItsPeriodOrLastYearsReportSentThisYearIsRead() throws Exception {
        FactsDocument facts = ReformTargetsJson.readFacts(new StringReader(doc("events", """
                {"unit": "cc", "type": "report.submitted", "report": "H1", "period": "2021-H1", "date": "2021-01-01"},
                {"unit": "cc", "type": "report.submitted", "report": "Y", "period": "2020", "date": "2021-01-10"}""")),
                SOURCE, Vocabulary.standard());
        assertEquals(Period.half(2021, 1), facts.events().get(0).period());
        assertEquals(Period.year(2020), facts.events().get(1).period());
        String written = ReformTargetsJson.writeFacts(facts).replaceAll("\\s", "");
        assertTrue(written.contains("\"report\":\"Y\",\"period\":\"2020\""), written);
    }

    // ---- counts

    @Test
    void aNumeratorAboveItsDenominatorIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 101, "denominator": 100}"""),
                "measurements[0].numerator", 8, 5, "101 is above the denominator 100");
    }

    @Test
    void aNegativeNumeratorIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": -1, "denominator": 100}"""),
                "measurements[0].numerator", 8, 5, "is negative (-1)");
    }

    @Test
    void aNegativeDenominatorIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 0, "denominator": -5}"""),
                "measurements[0].denominator", 8, 5, "is negative (-5)");
    }

    @Test
    void aNegativeValueIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "staff.headcount", "period": "2021", "value": -0.5}"""),
                "measurements[0].value", 8, 5, "is negative (-0.5)");
    }

    @Test
    void aNumberBeyondTheLargestLongIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 1, "denominator": 9223372036854775808}"""),
                "measurements[0].denominator", 8, 5, "9223372036854775808 is beyond the largest count supported");
    }

    @Test
    void aFractionAsACountIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 90.5, "denominator": 100}"""),
                "measurements[0].numerator", 8, 5, "must be a whole number, found 90.5");
    }

    @Test
    void aRatioIndicatorGivenAValueIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "value": 90}"""),
                "measurements[0].value", 8, 5, "satisfaction is a ratio indicator");
    }

    @Test
    void aRatioWithoutItsDenominatorIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 90}"""),
                "measurements[0].denominator", 8, 5, "is required");
    }

    @Test
    void aValueIndicatorGivenACountIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "staff.headcount", "period": "2021", "numerator": 9, "denominator": 10}"""),
                "measurements[0]", 8, 5, "staff.headcount is a value indicator");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2021-03/2021-09 | a span starts in January, such as 2021-01/2021-09",
            "2020-01/2021-03 | a span stays within one year",
            "2021-01/2020-12 | a span stays within one year",
            "2021-09/2021-01 | the span ends before it starts",
            "2021-01/2021-13 | is not a period: use YYYY",
            "2021-Q1/2021-Q3 | is not a period: use YYYY"})
    void aSpanNotFromJanuaryOfOneYearIsRefusedWhereItIsWritten(String period, String says) {
        Problem p = only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "%s", "numerator": 9, "denominator": 10}"""
                        .formatted(period)),
                "measurements[0].period", 8, 5, says);

        assertTrue(p.message().contains("YYYY-01/YYYY-MM"), p.message());
    }

    @Test
    void aSpanThatIsAQuarterRepeatsTheQuarter() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021-Q1", "numerator": 9, "denominator": 10},
                    {"unit": "snn", "indicator": "satisfaction", "period": "2021-01/2021-03", "numerator": 8, "denominator": 10}"""),
                "measurements[1]", 9, 5, "repeats measurements[0] (line 8)");
    }

    @Test
    void aSecondMeasurementOfTheSameUnitIndicatorFieldAndPeriodIsRefused() {
        Problem p = only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 9, "denominator": 10},
                    {"unit": "snn", "indicator": "satisfaction", "period": "2021-Q1", "numerator": 9, "denominator": 10},
                    {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 8, "denominator": 10}"""),
                "measurements[2]", 10, 5, "repeats measurements[0] (line 8)");

        assertTrue(p.message().contains("one measurement per unit, indicator, field and period"), p.message());
    }

    @Test
    void aSecondAttestationOfTheSameUnitKeyAndPeriodIsRefused() {
        // two could contradict each other, and which one counted would depend on their order
        only(doc("attestations", """
                {"unit": "snn", "key": "iso9001.converted", "period": "2021", "value": true},
                    {"unit": "snn", "key": "iso9001.converted", "value": false},
                    {"unit": "snn", "key": "iso9001.converted", "period": "2021", "value": false},
                    {"unit": "cc", "key": "iso9001.converted", "period": "2021", "value": false}"""),
                "attestations[2]", 10, 5, "repeats attestations[0] (line 8): one attestation per unit, key and period");
    }

    @Test
    void aSecondUndatedAttestationOfTheSameUnitAndKeyIsRefused() {
        only(doc("attestations", """
                {"unit": "snn", "key": "par_index.class", "value": "GOOD"},
                    {"unit": "snn", "key": "par_index.class", "value": "FAIR"}"""),
                "attestations[1]", 9, 5, "repeats attestations[0]");
    }

    // ---- references and codes

    @Test
    void aMeasurementOfAnUnknownUnitIsRefused() {
        only(measurement("""
                {"unit": "nobody", "indicator": "satisfaction", "period": "2021", "numerator": 9, "denominator": 10}"""),
                "measurements[0].unit", 8, 5, "names unit 'nobody', which is not among the units");
    }

    @Test
    void anEventOfAnUnknownUnitIsRefused() {
        only(doc("events", """
                {"unit": "nobody", "type": "dialogue", "date": "2021-03-20"}"""),
                "events[0].unit", 8, 5, "names unit 'nobody'");
    }

    @Test
    void anInspectionOfAnUnknownSubjectIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "inspection.periodic", "date": "2021-03-20", "subject": "nobody"}"""),
                "events[0].subject", 8, 5, "names unit 'nobody'");
    }

    @Test
    void anAttestationOfAnUnknownUnitIsRefused() {
        only(doc("attestations", """
                {"unit": "nobody", "key": "iso9001.converted", "period": "2021", "value": true}"""),
                "attestations[0].unit", 8, 5, "names unit 'nobody'");
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheLevels() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "HAMLET"}
                  ]
                }
                """, "units[0].level", 4, 5, "'HAMLET' is not a level of the standard vocabulary: use MINISTRY, PROVINCE, DEPARTMENT, SUB_DEPARTMENT, DISTRICT, COMMUNE, OFFICE");
    }

    @Test
    void aUnitWithoutLevelIsRefused() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A"}
                  ]
                }
                """, "units[0].level", 4, 5, "is required");
    }

    @Test
    void anUnknownIndicatorIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "happiness", "period": "2021", "numerator": 9, "denominator": 10}"""),
                "measurements[0].indicator", 8, 5, "'happiness' is not an indicator of the standard vocabulary");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "party", "date": "2021-03-20"}"""),
                "events[0].type", 8, 5, "'party' is not an event type of the standard vocabulary");
    }

    // ---- the unit tree

    @Test
    void aDuplicateUnitIdIsRefusedNamingTheFirst() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "DEPARTMENT"},
                    {"id": "a", "name": "A again", "level": "OFFICE"}
                  ]
                }
                """, "units[1].id", 5, 5, "duplicates the unit id 'a' of units[0] (line 4)");
    }

    @Test
    void aParentThatDoesNotExistIsRefused() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "OFFICE", "parent": "ghost"}
                  ]
                }
                """, "units[0].parent", 4, 5, "names unit 'ghost', which is not among the units");
    }

    @Test
    void aCycleOfTwoUnitsIsRefusedOnce() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "top", "name": "Top", "level": "DEPARTMENT"},
                    {"id": "a", "name": "A", "level": "SUB_DEPARTMENT", "parent": "b"},
                    {"id": "b", "name": "B", "level": "OFFICE", "parent": "a"}
                  ]
                }
                """, "units[1].parent", 5, 5, "makes a cycle: a → b → a");
    }

    @Test
    void aUnitThatIsItsOwnParentIsRefused() {
        only("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "DEPARTMENT", "parent": "a"}
                  ]
                }
                """, "units[0].parent", 4, 5, "makes a cycle: a → a");
    }

    // ---- dates and periods

    @Test
    void aMissingAsOfIsRefused() {
        Problem p = only("{\"units\": []}", "asOf", 0, 0, "is required");

        assertTrue(p.message().contains("YYYY-MM-DD"), p.message());
    }

    @Test
    void aBadAsOfIsRefusedOnceWithItsPlace() {
        only("{\n  \"asOf\": \"2021-02-30\"\n}\n", "asOf", 2, 11, "'2021-02-30' is not a date: use YYYY-MM-DD");
    }

    @Test
    void aBadEventDateIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "dialogue", "date": "20/03/2021"}"""),
                "events[0].date", 8, 5, "'20/03/2021' is not a date: use YYYY-MM-DD");
    }

    @Test
    void aDateFarOutsideTheContractsYearsIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "dialogue", "date": "0021-03-20"}"""),
                "events[0].date", 8, 5, "out of range");
    }

    @Test
    void aBadPeriodIsRefusedNamingTheForms() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021-Q5", "numerator": 9, "denominator": 10}"""),
                "measurements[0].period", 8, 5, "'2021-Q5' is not a period: use YYYY, YYYY-H1, YYYY-H2");
    }

    @Test
    void anEventDatedAfterAsOfIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "dialogue", "date": "2022-01-01"}"""),
                "events[0].date", 8, 5, "2022-01-01 is after asOf 2021-12-31");
    }

    @Test
    void aMeasurementOfAPeriodStartingAfterAsOfIsRefused() {
        only(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2022", "numerator": 9, "denominator": 10}"""),
                "measurements[0].period", 8, 5, "2022 starts after asOf 2021-12-31");
    }

    @Test
    void aTaskEventWithoutItsTaskIsRefused() {
        only(doc("events", """
                {"unit": "snn", "type": "task.completed", "date": "2021-10-01"}"""),
                "events[0].task", 8, 5, "is required for task.completed");
    }

    // ---- all at once

    @Test
    void everyProblemOfADocumentIsListedInOneReportInDocumentOrder() {
        String json = """
                {
                  "asOf": "2021-06-30",
                  "units": [
                    {"id": "snn", "name": "Sở", "level": "DEPARTMENT"},
                    {"id": "snn", "name": "Sở again", "level": "DEPARTMENT"},
                    {"id": "x", "name": "X", "level": "CITY"},
                    {"id": "y", "name": "Y", "level": "OFFICE", "parent": "ghost"}
                  ],
                  "measurements": [
                    {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 11, "denominator": 10},
                    {"unit": "snn", "indicator": "happiness", "period": "2021", "numerator": 1, "denominator": 10},
                    {"unit": "snn", "indicator": "satisfaction", "period": "2021-Q9", "numerator": 1, "denominator": 10},
                    {"unit": "snn", "indicator": "staff.headcount", "period": "2021", "value": -3}
                  ],
                  "events": [
                    {"unit": "snn", "type": "dialogue", "date": "2021-07-01"},
                    {"unit": "ghost", "type": "party", "date": "2021-01-01"}
                  ],
                  "attestations": [
                    {"unit": "snn", "key": "iso9001.converted", "value": 3}
                  ]
                }
                """;

        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(new StringReader(json), SOURCE, Vocabulary.standard()));

        List<String> found = e.problems().stream().map(p -> p.line() + " " + p.path()).toList();
        assertTrue(found.containsAll(List.of(
                "5 units[1].id",
                "6 units[2].level",
                "7 units[3].parent",
                "10 measurements[0].numerator",
                "11 measurements[1].indicator",
                "12 measurements[2].period",
                "13 measurements[3].value",
                "16 events[0].date",
                "17 events[1].unit",
                "17 events[1].type",
                "20 attestations[0].value")), () -> String.join("\n", found));
        assertEquals(11, e.problems().size(), () -> String.join("\n", found));
        assertTrue(e.problems().stream().allMatch(p -> SOURCE.equals(p.source())));
        assertTrue(e.getMessage().startsWith("The facts document has 11 problems; nothing was evaluated:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("facts.json:10:5: measurements[0].numerator: 11 is above the denominator 10"),
                e.getMessage());
    }

    @Test
    void theReportSaysWhereEachProblemIsOnOneLineEach() {
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> ReformTargetsJson.readFacts(
                new StringReader(measurement("""
                        {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": 2, "denominator": 1}""")),
                SOURCE));

        String[] lines = e.getMessage().split("\\R");
        assertEquals(2, lines.length, e.getMessage());
        assertEquals("The facts document has 1 problem; nothing was evaluated:", lines[0]);
        assertEquals("  facts.json:8:5: measurements[0].numerator: 2 is above the denominator 1: successes cannot"
                + " outnumber cases", lines[1]);
    }

    // ---- every problem of an element, together

    /** The paths, lines, columns and messages of the problems of {@code json}, in the order listed. */
    private static List<String> listed(String json) {
        return problems(json).stream().map(p -> p.line() + ":" + p.column() + " " + p.path() + ": " + p.message())
                .toList();
    }

    @Test
    void aBadPeriodDoesNotHideTheMeasurementsOtherProblems() {
        List<String> found = listed(measurement("""
                {"unit": "snn", "indicator": "happiness", "period": "2021-Q5", "numerator": -1, "denominator": 10}"""));

        assertEquals(List.of(
                "8:5 measurements[0].indicator: 'happiness' is not an indicator of the standard vocabulary (see facts-format.md),"
                        + " such as dossiers.on_time or satisfaction",
                "8:5 measurements[0].period: '2021-Q5' is not a period: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4"
                        + " or YYYY-MM, or a year-to-date span from January YYYY-01/YYYY-MM"), found);
    }

    @Test
    void aBadPeriodDoesNotHideANegativeNumeratorOfAKnownIndicator() {
        List<String> found = listed(measurement("""
                {"unit": "ghost", "indicator": "satisfaction", "period": "2021-Q5", "numerator": -1, "denominator": 10}"""));

        assertEquals(List.of(
                "8:5 measurements[0].unit: names unit 'ghost', which is not among the units",
                "8:5 measurements[0].period: '2021-Q5' is not a period: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4"
                        + " or YYYY-MM, or a year-to-date span from January YYYY-01/YYYY-MM",
                "8:5 measurements[0].numerator: is negative (-1): a count cannot be below zero"), found);
    }

    @Test
    void aWronglyTypedCountDoesNotHideTheOtherCountNorClaimItsOwnIsMissing() {
        List<String> found = listed(measurement("""
                {"unit": "snn", "indicator": "satisfaction", "period": "2021", "numerator": "9", "denominator": -10}"""));

        assertEquals(List.of(
                "8:5 measurements[0].numerator: must be a whole number, found a string",
                "8:5 measurements[0].denominator: is negative (-10): a count cannot be below zero"), found);
    }

    @Test
    void aBadDateDoesNotHideTheEventsOtherProblems() {
        List<String> found = listed(doc("events", """
                {"unit": "ghost", "type": "task.completed", "date": "2021-02-30", "subject": "nobody"}"""));

        assertEquals(List.of(
                "8:5 events[0].unit: names unit 'ghost', which is not among the units",
                "8:5 events[0].date: '2021-02-30' is not a date: use YYYY-MM-DD",
                "8:5 events[0].subject: names unit 'nobody', which is not among the units",
                "8:5 events[0].task: is required for task.completed: the task's id"), found);
    }

    @Test
    void anUnknownLevelDoesNotHideAMissingParent() {
        List<String> found = listed("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "HAMLET", "parent": "ghost"}
                  ]
                }
                """);

        assertEquals(List.of(
                "4:5 units[0].level: 'HAMLET' is not a level of the standard vocabulary: use MINISTRY, PROVINCE, DEPARTMENT, SUB_DEPARTMENT, DISTRICT, COMMUNE, OFFICE",
                "4:5 units[0].parent: names unit 'ghost', which is not among the units"), found);
    }

    @Test
    void aBadAttestationValueDoesNotHideItsOtherProblemsAndIsReportedOnce() {
        List<String> found = listed(doc("attestations", """
                {"unit": "ghost", "key": "iso9001.converted", "period": "2021-Q5", "value": 3}"""));

        assertEquals(List.of(
                "8:5 attestations[0].unit: names unit 'ghost', which is not among the units",
                "8:5 attestations[0].period: '2021-Q5' is not a period: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4"
                        + " or YYYY-MM, or a year-to-date span from January YYYY-01/YYYY-MM",
                "8:5 attestations[0].value: must be true, false or a string, found a number"), found);
    }

    @Test
    void problemsAreListedInTheOrderOfTheInputWhicheverCheckFoundThem() {
        // units[0]'s missing parent is found after reading the whole document, measurements[0]'s period while reading it
        List<String> found = listed("""
                {
                  "asOf": "2021-12-31",
                  "units": [
                    {"id": "a", "name": "A", "level": "DEPARTMENT", "parent": "ghost"}
                  ],
                  "measurements": [
                    {"unit": "a", "indicator": "satisfaction", "period": 2021, "numerator": 1, "denominator": 2},
                    {"unit": "a", "indicator": "satisfaction", "period": "2021", "numerator": 3, "denominator": 2}
                  ]
                }
                """);

        assertEquals(List.of(
                "4:5 units[0].parent: names unit 'ghost', which is not among the units",
                "7:5 measurements[0].period: must be a string, found a number",
                "8:5 measurements[1].numerator: 3 is above the denominator 2: successes cannot outnumber cases"),
                found);
    }

    // ---- a capped report

    @Test
    void twoMillionProblemsAreAllCountedAndTheFirst200Listed() {
        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(ProblemCapMemoryTest.nulls(2_000_000), SOURCE));

        assertEquals(InvalidFactsException.MAX_LISTED, e.problems().size());
        assertEquals(200, e.problems().size());
        assertEquals(2_000_000L, e.totalProblems());
        assertEquals(1_999_800L, e.omitted());
        for (int i = 0; i < 200; i++) {
            Problem p = e.problems().get(i);
            assertEquals("facts.json:" + (3 + i) + ":1: measurements[" + i + "]: must be an object, found null",
                    p.toString());
        }
        String[] lines = e.getMessage().split("\\R");
        assertEquals(202, lines.length);
        assertEquals("The facts document has 2,000,000 problems; nothing was evaluated:", lines[0]);
        assertEquals("  facts.json:3:1: measurements[0]: must be an object, found null", lines[1]);
        assertEquals("  … and 1,999,800 more problems", lines[201]);
        assertEquals("… and 1,999,800 more problems", e.omittedLine());
    }

    @Test
    void aReportOfAtMost200ProblemsListsThemAll() {
        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(ProblemCapMemoryTest.nulls(200), SOURCE));
        InvalidFactsException one = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(ProblemCapMemoryTest.nulls(201), SOURCE));

        assertEquals(200, e.problems().size());
        assertEquals(0, e.omitted());
        assertEquals("", e.omittedLine());
        assertTrue(e.getMessage().startsWith("The facts document has 200 problems;"), e.getMessage());
        assertTrue(e.getMessage().endsWith("measurements[199]: must be an object, found null"), e.getMessage());
        assertEquals(200, one.problems().size());
        assertEquals(201, one.totalProblems());
        assertTrue(one.getMessage().endsWith("  … and 1 more problem"), one.getMessage());
    }

    @Test
    void theFirst200AreThoseFirstInTheInputThoughTheCheckAfterReadingFindsSomeOfThem() {
        // 300 measurements, every other one of a unit that is not listed (found after reading), the others null
        StringBuilder json = new StringBuilder("{\"asOf\": \"2021-12-31\", \"measurements\": [\n");
        for (int i = 0; i < 300; i++) {
            json.append(i % 2 == 0 ? "{\"unit\": \"ghost\", \"indicator\": \"satisfaction\", \"period\": \"2021\","
                    + " \"field\": \"f" + i + "\", \"numerator\": 1, \"denominator\": 2},\n" : "null,\n");
        }
        json.append("null]}\n");

        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsJson.readFacts(new StringReader(json.toString()), SOURCE, withFields(300)));

        assertEquals(301, e.totalProblems());
        assertEquals(200, e.problems().size());
        for (int i = 0; i < 200; i++) {
            Problem p = e.problems().get(i);
            assertEquals(2 + i, p.line(), p::toString);
            assertEquals(i % 2 == 0 ? "measurements[" + i + "].unit" : "measurements[" + i + "]", p.path(), p::toString);
        }
    }

    /** The standard vocabulary with the fields f0, f1 … of the documents with many problems. */
    private static Vocabulary withFields(int n) {
        Vocabulary s = Vocabulary.standard();
        List<Vocabulary.FieldTerm> fields = new java.util.ArrayList<>(s.fields());
        for (int i = 0; i < n; i++) {
            fields.add(new Vocabulary.FieldTerm("f" + i, new Vocabulary.Label("f" + i, "f" + i)));
        }
        return Vocabulary.of(s.indicators(), s.eventTypes(), s.attestations(), fields, s.levels());
    }

    // ---- documents built in Java

    private static RuleSet demo;

    @BeforeAll
    static void loadDemoRuleSet() {
        demo = RuleSet.load("demo/2021");
    }

    @Test
    void documentsBuiltInJavaAreValidatedBeforeEvaluationWithTheirPaths() {
        FactsDocument facts = new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(Unit.root("a", "A", Level.DEPARTMENT), Unit.root("a", "A twice", Level.DEPARTMENT),
                        new Unit("b", "B", Level.OFFICE, "missing")),
                List.of(Measurement.ratio("a", "satisfaction", null, Period.year(2021), 9, 10),
                        Measurement.ratio("a", "dossiers.on_time", null, Period.year(2021), 11, 10),
                        Measurement.ratio("z", "satisfaction", null, Period.year(2021), 1, 2)),
                List.of(Event.of("a", "dialogue", LocalDate.of(2022, 1, 1)), Event.of("a", "picnic",
                        LocalDate.of(2021, 5, 1))),
                List.of(new Attestation("a", "iso9001.converted", Period.year(2021), 42)));

        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> demo.evaluate(facts));

        assertEquals(List.of("units[1].id", "units[2].parent", "measurements[1].numerator", "measurements[2].unit",
                "events[0].date", "events[1].type", "attestations[0].value"),
                e.problems().stream().map(Problem::path).toList());
        assertTrue(e.problems().stream().allMatch(p -> p.source() == null && p.line() == 0 && p.column() == 0),
                () -> e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void aJavaDocumentWithoutAsOfIsRefused() {
        FactsDocument facts = new FactsDocument(null, null, List.of(Unit.root("a", "A", Level.DEPARTMENT)), null,
                null, null);

        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> demo.evaluate(facts));

        assertEquals(List.of("asOf"), e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void aJavaDocumentWithACycleOrNegativeCountsIsRefused() {
        FactsDocument facts = new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(new Unit("a", "A", Level.DEPARTMENT, "b"), new Unit("b", "B", Level.DEPARTMENT, "a")),
                List.of(Measurement.ratio("a", "satisfaction", null, Period.year(2021), -1, -2)), null, null);

        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> demo.evaluate(facts));

        assertEquals(List.of("units[0].parent", "measurements[0].numerator", "measurements[0].denominator"),
                e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void aJavaDocumentOfMoreThan200ProblemsListsTheFirst200InOrderAndCountsAll() {
        List<Measurement> measurements = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> Measurement.ratio("a", "satisfaction", "f" + i, Period.year(2021), -1, 2)).toList();
        FactsDocument facts = new FactsDocument(null, LocalDate.of(2021, 12, 31),
                List.of(new Unit("a", "A", Level.DEPARTMENT, "ghost")), measurements, null, null);

        // the fields f0 … f999 are declared, as a rule set's vocabulary file would (evaluate checks so)
        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> org.reformtargets.core.internal.FactsValidator.requireValid(facts, withFields(1_000), "demo"));

        assertEquals(1_001, e.totalProblems());
        assertEquals(200, e.problems().size());
        assertEquals("units[0].parent", e.problems().get(0).path());
        for (int i = 1; i < 200; i++) {
            assertEquals("measurements[" + (i - 1) + "].numerator", e.problems().get(i).path());
        }
        assertTrue(e.getMessage().endsWith("… and 801 more problems"), e.getMessage());
    }
}
