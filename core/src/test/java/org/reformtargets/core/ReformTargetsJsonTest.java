// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON contract of facts-format.md: what is read, and exactly what is written. */
class ReformTargetsJsonTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2021, 12, 31);
    private static final Period Y2021 = Period.year(2021);

    static String resource(String name) {
        try (InputStream in = ReformTargetsJsonTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(ReformTargetsJsonTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The facts of the spec's example, as the Java API spells them. */
    static FactsDocument specExample() {
        return new FactsDocument("hcm-agri/2021", AS_OF,
                List.of(Unit.root("snn-hcm", "Sở Nông nghiệp và PTNT TP.HCM", Level.DEPARTMENT),
                        new Unit("cc-ttbvtv", "Chi cục Trồng trọt và BVTV", Level.SUB_DEPARTMENT, "snn-hcm"),
                        new Unit("tram-cu-chi", "Trạm Trồng trọt và BVTV Củ Chi", Level.OFFICE, "cc-ttbvtv")),
                List.of(Measurement.ratio("snn-hcm", "dossiers.on_time", null, Y2021, 4890, 5000),
                        Measurement.ratio("snn-hcm", "dossiers.on_time", "land", Y2021, 970, 1000),
                        Measurement.value("snn-hcm", "procedures.online", null, Period.year(2020), new BigDecimal("23"))),
                List.of(Event.upon("snn-hcm", "inspection.surprise", LocalDate.of(2021, 2, 3), "cc-ttbvtv"),
                        Event.of("snn-hcm", "dialogue", LocalDate.of(2021, 3, 20)),
                        new Event("cc-ttbvtv", "initiative", LocalDate.of(2021, 6, 1), null, null, null, null, null,
                                "Tra cứu hồ sơ bằng mã QR"),
                        new Event("snn-hcm", "task.completed", LocalDate.of(2021, 10, 15), null, "plan-item-3",
                                LocalDate.of(2021, 11, 1), null, null, null),
                        new Event("cc-ttbvtv", "report.submitted", LocalDate.of(2020, 5, 20), null, null, null, "H1",
                                Period.half(2020, 1), null)),
                List.of(Attestation.of("snn-hcm", "iso9001.converted", Y2021, true),
                        Attestation.of("snn-hcm", "par_index.class", Period.year(2020), "GOOD")));
    }

    // ---- reading facts

    @Test
    void theSpecExampleReadsIntoTheExpectedRecords() {
        FactsDocument read = ReformTargetsJson.readFacts(resource("facts/spec-example-facts.json"));

        FactsDocument expected = specExample();
        assertEquals(expected.ruleSet(), read.ruleSet());
        assertEquals(expected.asOf(), read.asOf());
        assertEquals(expected.units(), read.units());
        assertEquals(expected.measurements(), read.measurements());
        assertEquals(expected.events(), read.events());
        assertEquals(expected.attestations(), read.attestations());
        assertEquals(expected, read);
    }

    @Test
    void everyReadingEntryPointGivesTheSameDocument() {
        String json = resource("facts/spec-example-facts.json");
        FactsDocument fromString = ReformTargetsJson.readFacts(json);

        assertEquals(fromString, ReformTargetsJson.readFacts(new StringReader(json), "spec.json"));
        assertEquals(fromString, ReformTargetsJson.readFacts(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "spec.json"));
        assertEquals(fromString, ReformTargetsJson.readFacts(resourcePath("facts/spec-example-facts.json")));
    }

    @Test
    void unknownMembersAreIgnoredForCompatibleAdditions() {
        FactsDocument read = ReformTargetsJson.readFacts("""
                {"asOf": "2021-12-31", "generator": {"name": "x", "tags": [1, 2]},
                 "units": [{"id": "a", "name": "A", "level": "DEPARTMENT", "colour": "blue"}]}
                """);

        assertEquals(List.of(Unit.root("a", "A", Level.DEPARTMENT)), read.units());
    }

    @Test
    void absentAndNullListsReadAsEmpty() {
        FactsDocument read = ReformTargetsJson.readFacts("""
                {"asOf": "2021-06-30", "units": null}
                """);

        assertNull(read.ruleSet());
        assertEquals(LocalDate.of(2021, 6, 30), read.asOf());
        assertTrue(read.units().isEmpty());
        assertTrue(read.measurements().isEmpty());
        assertTrue(read.events().isEmpty());
        assertTrue(read.attestations().isEmpty());
    }

    @Test
    void aWholeNumberWrittenWithAFractionPointIsACount() {
        FactsDocument read = ReformTargetsJson.readFacts("""
                {"asOf": "2021-12-31", "units": [{"id": "a", "name": "A", "level": "DEPARTMENT"}],
                 "measurements": [{"unit": "a", "indicator": "satisfaction", "period": "2021",
                                   "numerator": 90.0, "denominator": 1e2}]}
                """);

        assertEquals(Measurement.ratio("a", "satisfaction", null, Y2021, 90, 100), read.measurements().get(0));
    }

    @Test
    void countsUpToLongMaxAreRead() {
        FactsDocument read = ReformTargetsJson.readFacts("""
                {"asOf": "2021-12-31", "units": [{"id": "a", "name": "A", "level": "DEPARTMENT"}],
                 "measurements": [{"unit": "a", "indicator": "satisfaction", "period": "2021",
                                   "numerator": 9223372036854775806, "denominator": 9223372036854775807}]}
                """);

        assertEquals(Long.MAX_VALUE - 1, read.measurements().get(0).numerator());
        assertEquals(Long.MAX_VALUE, read.measurements().get(0).denominator());
    }

    @Test
    void valuesAreReadExactlyWithoutPassingThroughBinaryFloatingPoint() {
        FactsDocument read = ReformTargetsJson.readFacts("""
                {"asOf": "2021-12-31", "units": [{"id": "a", "name": "A", "level": "DEPARTMENT"}],
                 "measurements": [
                   {"unit": "a", "indicator": "staff.headcount", "period": "2021", "value": 12345678901234567.89},
                   {"unit": "a", "indicator": "procedures.online", "period": "2021", "value": 0.1}]}
                """);

        assertEquals(0, new BigDecimal("12345678901234567.89").compareTo(read.measurements().get(0).value()),
                () -> read.measurements().get(0).value().toPlainString());
        assertEquals(0, new BigDecimal("0.1").compareTo(read.measurements().get(1).value()));
    }

    // ---- writing and reading back facts

    @Test
    void aValueKeepsTheDigitsItWasWrittenWith() {
        FactsDocument facts = new FactsDocument(null, AS_OF, List.of(Unit.root("a", "A", Level.DEPARTMENT)),
                List.of(Measurement.value("a", "staff.headcount", null, Y2021, new BigDecimal("23.50")),
                        Measurement.value("a", "procedures.online", null, Y2021, new BigDecimal("12345678901234567.89"))),
                null, null);

        assertEquals(facts, ReformTargetsJson.readFacts(ReformTargetsJson.writeFacts(facts)));
    }

    @Test
    void writtenFactsReadBackEqual() {
        FactsDocument facts = specExample();

        String json = ReformTargetsJson.writeFacts(facts);

        assertEquals(facts, ReformTargetsJson.readFacts(json));
    }

    @Test
    void writtenFactsOmitAbsentFieldsAndFollowTheContractNames() throws IOException {
        JsonNode tree = TREES.readTree(ReformTargetsJson.writeFacts(specExample()));

        assertEquals(List.of("ruleSet", "asOf", "units", "measurements", "events", "attestations"), names(tree));
        assertEquals(List.of("id", "name", "level"), names(tree.get("units").get(0)));
        assertEquals(List.of("id", "name", "level", "parent"), names(tree.get("units").get(1)));
        assertEquals(List.of("unit", "indicator", "period", "numerator", "denominator"),
                names(tree.get("measurements").get(0)));
        assertEquals(List.of("unit", "indicator", "field", "period", "numerator", "denominator"),
                names(tree.get("measurements").get(1)));
        assertEquals(List.of("unit", "indicator", "period", "value"), names(tree.get("measurements").get(2)));
        assertEquals(List.of("unit", "type", "date", "subject"), names(tree.get("events").get(0)));
        assertEquals(List.of("unit", "type", "date", "task", "deadline"), names(tree.get("events").get(3)));
        assertEquals(List.of("unit", "key", "period", "value"), names(tree.get("attestations").get(0)));
        assertEquals("2021-12-31", tree.get("asOf").textValue());
        assertEquals("2021-02-03", tree.get("events").get(0).get("date").textValue());
        assertEquals("2021", tree.get("measurements").get(0).get("period").textValue());
        assertTrue(tree.get("attestations").get(0).get("value").isBoolean());
        assertEquals("GOOD", tree.get("attestations").get(1).get("value").textValue());
    }

    // ---- the result document

    private static Source source(String clause) {
        return new Source("001_71801934a71350b6.txt", clause, null);
    }

    /** A result with every field present. */
    private static TargetResult fullResult() {
        return TargetResult.builder("hcm-agri/2021/on-time-per-field", "snn-hcm", Y2021, Status.NOT_MET).field("land")
                .isFinal(false).actual("95.00").threshold(">= 96").gap(10L)
                .source(new Source("001_71801934a71350b6.txt", "5", "a reading", "verified"))
                .message(new Message("Hồ sơ lĩnh vực đất đai: chưa đạt.", "Land dossiers: not met."))
                .measuredPeriod(Period.toMonth(2021, 9)).rule("A department resolves dossiers on time")
                .outlook(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 1204, 1193, "99.09", Outlook.Standing.AT_RISK))
                .points("5.70").maxPoints("6").build();
    }

    private static Evaluation sampleEvaluation() {
        List<TargetResult> results = new ArrayList<>();
        results.add(fullResult());
        results.add(TargetResult.builder("hcm-agri/2021/iso9001", "snn-hcm", Y2021, Status.INSUFFICIENT_DATA)
                .isFinal(true).threshold("= true").source(source("8")).message(new Message("Thiếu.", "Missing."))
                .rule("iso rule").build());
        results.add(TargetResult.builder("hcm-agri/2021/satisfaction", "cc-ttbvtv", Y2021, Status.MET).isFinal(true)
                .actual("97.80").threshold(">= 95").gap(0L).source(source("4")).message(new Message("Đạt.", "Met."))
                .rule("satisfaction rule").build());
        results.add(TargetResult.builder("hcm-agri/2021/on-time-per-field", "snn-hcm", Y2021, Status.MET).isFinal(true)
                .actual("98.00").threshold(">= 98").gap(0L).source(source("5")).message(new Message("Đạt.", "Met."))
                .rule("on-time rule").build());
        return new Evaluation(new RuleSetRef("hcm-agri/2021", "1.0.0"), AS_OF, results);
    }

    @Test
    void anEvaluationReadsBackEqual() {
        Evaluation evaluation = sampleEvaluation();

        String json = ReformTargetsJson.writeEvaluation(evaluation);
        Evaluation back = ReformTargetsJson.readEvaluation(json);

        assertEquals(evaluation, back);
        assertEquals(evaluation.results(), back.results());
        assertEquals(evaluation.summary(), back.summary());
        assertEquals(json, ReformTargetsJson.writeEvaluation(back));
    }

    private static Evaluation scoredEvaluation() {
        Score score = new Score("p-b", Period.quarter(2025, 3), "65.62", "100", "3937/60", true,
                new java.util.LinkedHashMap<>(java.util.Map.of("transparency", "14.50")), List.of(),
                List.of(new Score.Gain("vn-766/digitization/electronic-result", 900, "1.80",
                        new Message("Thêm 900 hồ sơ có kết quả điện tử: +1,80 điểm",
                                "900 more dossiers with an electronic result: +1.80"))));
        Score incomplete = new Score("p-a", Period.quarter(2025, 3), "19.40", "100", "97/5", false,
                java.util.Map.of("progress", "19.40"), List.of("vn-766/transparency/dossier-sync"), List.of());
        return new Evaluation(new RuleSetRef("vn-766/2025", "1.0.0"), AS_OF, List.of(fullResult()),
                List.of(score, incomplete));
    }

    @Test
    void scoresAreWrittenAfterTheResultsPerUnitAndPeriodAndReadBackEqual() throws IOException {
        Evaluation evaluation = scoredEvaluation();
        String json = ReformTargetsJson.writeEvaluation(evaluation);
        JsonNode tree = TREES.readTree(json);

        assertEquals(List.of("ruleSet", "asOf", "results", "scores", "summary"), names(tree));
        JsonNode first = tree.get("scores").get(0);
        assertEquals("p-a", first.get("unit").asText());
        assertEquals(List.of("unit", "period", "total", "maxTotal", "exactTotal", "complete", "groups", "missing"),
                names(first));
        assertEquals(false, first.get("complete").asBoolean());
        JsonNode second = tree.get("scores").get(1);
        assertEquals("65.62", second.get("total").asText());
        assertEquals("3937/60", second.get("exactTotal").asText());
        assertEquals(true, second.get("complete").asBoolean());
        assertEquals("14.50", second.get("groups").get("transparency").asText());
        assertEquals(900, second.get("gains").get(0).get("cases").asLong());
        Evaluation back = ReformTargetsJson.readEvaluation(json);
        assertEquals(evaluation, back);
        assertEquals(json, ReformTargetsJson.writeEvaluation(back));
    }

    @Test
    void resultFieldsAreNamedAndOrderedAsTheContractSays() throws IOException {
        JsonNode tree = TREES.readTree(ReformTargetsJson.writeEvaluation(sampleEvaluation()));

        assertEquals(List.of("ruleSet", "asOf", "results", "summary"), names(tree));
        assertEquals(List.of("id", "version"), names(tree.get("ruleSet")));
        JsonNode full = findResult(tree, "snn-hcm", "hcm-agri/2021/on-time-per-field", "land");
        assertEquals(List.of("target", "unit", "period", "field", "status", "final", "actual", "threshold", "gap",
                "measuredPeriod", "outlook", "source", "message", "rule", "points", "maxPoints"), names(full));
        assertEquals(List.of("status", "basis", "expected", "required", "requiredRate"), names(full.get("outlook")));
        assertEquals("99.09", full.get("outlook").get("requiredRate").textValue());
        assertEquals(1193, full.get("outlook").get("required").longValue());
        assertEquals(List.of("document", "clause", "reading", "evidence"), names(full.get("source")));
        assertEquals(List.of("vi", "en"), names(full.get("message")));
        assertFalse(full.get("final").booleanValue());
        assertEquals("2021-01/2021-09", full.get("measuredPeriod").textValue());
        assertEquals("2021", full.get("period").textValue());
        assertEquals(10, full.get("gap").longValue());
        assertTrue(full.get("gap").isIntegralNumber());
        assertEquals("95.00", full.get("actual").textValue());
    }

    @Test
    void absentResultFieldsAreOmittedNotWrittenAsNull() throws IOException {
        String json = ReformTargetsJson.writeEvaluation(sampleEvaluation());
        JsonNode missing = findResult(TREES.readTree(json), "snn-hcm", "hcm-agri/2021/iso9001", null);

        assertEquals(List.of("target", "unit", "period", "status", "final", "threshold", "source", "message", "rule"),
                names(missing));
        assertEquals(List.of("document", "clause"), names(missing.get("source")));
        assertFalse(json.contains("null"), json);
    }

    @Test
    void resultsAreOrderedByUnitThenTargetThenPeriodThenFieldWithNoFieldFirst() throws IOException {
        JsonNode results = TREES.readTree(ReformTargetsJson.writeEvaluation(sampleEvaluation())).get("results");

        List<String> order = new ArrayList<>();
        results.forEach(r -> order.add(r.get("unit").textValue() + " " + r.get("target").textValue() + " "
                + (r.has("field") ? r.get("field").textValue() : "-")));
        assertEquals(List.of("cc-ttbvtv hcm-agri/2021/satisfaction -",
                "snn-hcm hcm-agri/2021/iso9001 -",
                "snn-hcm hcm-agri/2021/on-time-per-field -",
                "snn-hcm hcm-agri/2021/on-time-per-field land"), order);
    }

    @Test
    void theSummaryCountsEveryStatusIncludingThoseWithNone() throws IOException {
        JsonNode summary = TREES.readTree(ReformTargetsJson.writeEvaluation(sampleEvaluation())).get("summary");

        assertEquals(List.of("MET", "NOT_MET", "INSUFFICIENT_DATA", "NOT_APPLICABLE"), names(summary));
        assertEquals(2, summary.get("MET").intValue());
        assertEquals(1, summary.get("NOT_MET").intValue());
        assertEquals(1, summary.get("INSUFFICIENT_DATA").intValue());
        assertEquals(0, summary.get("NOT_APPLICABLE").intValue());
    }

    @Test
    void anEmptyEvaluationStillListsEveryStatus() throws IOException {
        Evaluation empty = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), AS_OF, List.of());
        JsonNode tree = TREES.readTree(ReformTargetsJson.writeEvaluation(empty));

        assertEquals(0, tree.get("results").size());
        assertEquals(List.of("MET", "NOT_MET", "INSUFFICIENT_DATA", "NOT_APPLICABLE"), names(tree.get("summary")));
    }

    @Test
    void theResultDocumentIsWrittenExactlySo() {
        Evaluation one = new Evaluation(new RuleSetRef("hcm-agri/2021", "1.0.0"), AS_OF, List.of(fullResult()));

        assertEquals("""
                {
                  "ruleSet": {
                    "id": "hcm-agri/2021",
                    "version": "1.0.0"
                  },
                  "asOf": "2021-12-31",
                  "results": [
                    {
                      "target": "hcm-agri/2021/on-time-per-field",
                      "unit": "snn-hcm",
                      "period": "2021",
                      "field": "land",
                      "status": "NOT_MET",
                      "final": false,
                      "actual": "95.00",
                      "threshold": ">= 96",
                      "gap": 10,
                      "measuredPeriod": "2021-01/2021-09",
                      "outlook": {
                        "status": "AT_RISK",
                        "basis": "PREVIOUS_YEAR",
                        "expected": 1204,
                        "required": 1193,
                        "requiredRate": "99.09"
                      },
                      "source": {
                        "document": "001_71801934a71350b6.txt",
                        "clause": "5",
                        "reading": "a reading",
                        "evidence": "verified"
                      },
                      "message": {
                        "vi": "Hồ sơ lĩnh vực đất đai: chưa đạt.",
                        "en": "Land dossiers: not met."
                      },
                      "rule": "A department resolves dossiers on time",
                      "points": "5.70",
                      "maxPoints": "6"
                    }
                  ],
                  "summary": {
                    "MET": 0,
                    "NOT_MET": 1,
                    "INSUFFICIENT_DATA": 0,
                    "NOT_APPLICABLE": 0
                  }
                }
                """, ReformTargetsJson.writeEvaluation(one));
    }

    @Test
    void linesEndWithLineFeedOnlyAndTheDocumentEndsWithOne() {
        String json = ReformTargetsJson.writeEvaluation(sampleEvaluation());

        assertFalse(json.contains("\r"));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.endsWith("\n\n"));
        assertFalse(ReformTargetsJson.writeFacts(specExample()).contains("\r"));
    }

    @Test
    void theSameEvaluationGivesTheSameBytesWhateverTheResultOrder() {
        Evaluation evaluation = sampleEvaluation();
        List<TargetResult> reversed = new ArrayList<>(evaluation.results());
        java.util.Collections.reverse(reversed);
        Evaluation other = new Evaluation(evaluation.ruleSet(), evaluation.asOf(), reversed);

        assertNotSame(evaluation, other);
        assertEquals(ReformTargetsJson.writeEvaluation(evaluation), ReformTargetsJson.writeEvaluation(other));
        assertEquals(ReformTargetsJson.writeEvaluation(evaluation), ReformTargetsJson.writeEvaluation(evaluation));
    }

    @Test
    void writingToAStreamGivesTheSameUtf8BytesAndLeavesTheStreamOpen() throws IOException {
        Evaluation evaluation = sampleEvaluation();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the stream must stay open");
            }
        };

        ReformTargetsJson.writeEvaluation(evaluation, out);
        out.write('x');

        String expected = ReformTargetsJson.writeEvaluation(evaluation);
        assertArrayEquals((expected.substring(0, expected.length() - 1) + "x").getBytes(StandardCharsets.UTF_8),
                out.toByteArray(), "the stream form is the string form without the final line feed");
    }

    @Test
    void theSpecExampleResultReadsAndItsSummaryIsRecountedFromTheResults() {
        Evaluation e = ReformTargetsJson.readEvaluation(resource("facts/spec-example-result.json"));

        assertEquals(new RuleSetRef("hcm-agri/2021", "1.0.0"), e.ruleSet());
        assertEquals(AS_OF, e.asOf());
        assertEquals(1, e.results().size());
        TargetResult r = e.results().get(0);
        assertEquals("hcm-agri/2021/on-time-per-field", r.target());
        assertEquals("land", r.field());
        assertEquals(Status.MET, r.status());
        assertTrue(r.isFinal());
        assertEquals("97.00", r.actual());
        assertEquals(0L, r.gap());
        assertEquals(new Source("001_71801934a71350b6.txt", "5", null), r.source());
        assertEquals(1, e.summary().get(Status.MET));
        assertEquals(0, e.summary().get(Status.NOT_MET));
    }

    @Test
    void aBrokenResultDocumentIsRefusedWithItsPlace() {
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> ReformTargetsJson.readEvaluation("{\n  \"ruleSet\": {\"id\": \"x/2021\",\n  \"version\": }"));

        assertEquals(1, e.problems().size());
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.problems().get(0).column() > 0);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static JsonNode findResult(JsonNode tree, String unit, String target, String field) {
        for (JsonNode r : tree.get("results")) {
            if (r.get("unit").textValue().equals(unit) && r.get("target").textValue().equals(target)
                    && (field == null ? !r.has("field") : r.has("field") && r.get("field").textValue().equals(field))) {
                return r;
            }
        }
        throw new AssertionError("no result " + unit + " " + target + " " + field);
    }
}
