// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link TargetResult} as a host makes and reads one: the builder names its parts and refuses a missing
 * required one by name; equality covers every part; Jackson lays a result out exactly as the result document
 * does and reads one back; the deprecated constructor still makes the same result.
 */
class TargetResultTest {

    private static final Period Y2021 = Period.year(2021);

    private static TargetResult full() {
        return full(TargetResult.builder("hcm-agri/2021/on-time-per-field", "snn-hcm", Y2021, Status.NOT_MET),
                b -> b);
    }

    /** A result of every part from {@code start}, then {@code change}d. */
    private static TargetResult full(TargetResult.Builder start, UnaryOperator<TargetResult.Builder> change) {
        return change.apply(start.field("land")
                .actual("95.00").threshold(">= 96").gap(10L)
                .source(new Source("001.txt", "5", "a reading", "verified"))
                .message(new Message("Chưa đạt.", "Not met.")).measuredPeriod(Period.toMonth(2021, 9))
                .rule("on-time rule")
                .outlook(new Outlook(Outlook.Basis.PREVIOUS_YEAR, 1204, 1193, "99.09", Outlook.Standing.AT_RISK))
                .points("5.70").maxPoints("6")).build();
    }

    @Test
    void theBuilderRefusesAMissingRequiredPartByName() {
        assertAll(
                () -> assertEquals("target", assertThrows(NullPointerException.class,
                        () -> TargetResult.builder(null, "u", Y2021, Status.MET)).getMessage()),
                () -> assertEquals("unit", assertThrows(NullPointerException.class,
                        () -> TargetResult.builder("t", null, Y2021, Status.MET)).getMessage()),
                () -> assertEquals("period", assertThrows(NullPointerException.class,
                        () -> TargetResult.builder("t", "u", null, Status.MET)).getMessage()),
                () -> assertEquals("status", assertThrows(NullPointerException.class,
                        () -> TargetResult.builder("t", "u", Y2021, null)).getMessage()));
    }

    @Test
    void aResultOfTheRequiredPartsOnlyIsNotFinalAndHasNoOtherPart() {
        TargetResult r = TargetResult.builder("t", "u", Y2021, Status.MET).build();

        assertAll(
                () -> assertEquals("t", r.target()), () -> assertEquals("u", r.unit()),
                () -> assertEquals(Y2021, r.period()), () -> assertEquals(Status.MET, r.status()),
                () -> assertFalse(r.isFinal()), () -> assertNull(r.field()), () -> assertNull(r.actual()),
                () -> assertNull(r.threshold()), () -> assertNull(r.gap()), () -> assertNull(r.source()),
                () -> assertNull(r.message()), () -> assertNull(r.measuredPeriod()), () -> assertNull(r.rule()),
                () -> assertNull(r.outlook()), () -> assertNull(r.points()), () -> assertNull(r.maxPoints()));
    }

    @Test
    void eachPartTakesPartInEquality() {
        TargetResult base = full();
        List<TargetResult> oneChanged = new ArrayList<>(List.of(
                full(TargetResult.builder("other", "snn-hcm", Y2021, Status.NOT_MET), b -> b),
                full(TargetResult.builder(base.target(), "other", Y2021, Status.NOT_MET), b -> b),
                full(TargetResult.builder(base.target(), "snn-hcm", Period.year(2022), Status.NOT_MET), b -> b),
                full(TargetResult.builder(base.target(), "snn-hcm", Y2021, Status.MET), b -> b)));
        for (UnaryOperator<TargetResult.Builder> change : List.<UnaryOperator<TargetResult.Builder>>of(
                b -> b.field(null), b -> b.isFinal(true), b -> b.actual("96.00"), b -> b.threshold(">= 95"),
                b -> b.gap(9L), b -> b.source(null), b -> b.message(new Message("Đạt.", "Met.")),
                b -> b.measuredPeriod(null), b -> b.rule("other rule"), b -> b.outlook(null), b -> b.points("5.80"),
                b -> b.maxPoints("7"))) {
            oneChanged.add(full(TargetResult.builder(base.target(), "snn-hcm", Y2021, Status.NOT_MET), change));
        }
        assertEquals(16, oneChanged.size(), "one change per part");
        assertEquals(base, full());
        assertEquals(base.hashCode(), full().hashCode());
        assertEquals(base.toString(), full().toString());
        for (TargetResult other : oneChanged) {
            assertNotEquals(base, other);
        }
        String text = base.toString();
        for (String part : new String[] {"land", "95.00", ">= 96", "10", "001.txt", "Not met.", "on-time rule",
                "AT_RISK", "5.70", "maxPoints=6", "isFinal=false"}) {
            assertTrue(text.contains(part), part + " in " + text);
        }
    }

    @Test
    void jacksonLaysAResultOutAsTheResultDocumentDoesAndReadsItBack() throws Exception {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        TargetResult r = full();
        String json = mapper.writeValueAsString(r);

        JsonNode inDocument = mapper.readTree(ReformTargetsJson.writeEvaluation(
                new Evaluation(new RuleSetRef("hcm-agri/2021", "1.0.0"), LocalDate.of(2021, 9, 30), List.of(r))))
                .get("results").get(0);
        JsonNode alone = mapper.readTree(json);
        assertEquals(names(inDocument), names(alone), json);
        assertEquals(inDocument, alone, json);
        assertTrue(json.startsWith("{\"target\":\"hcm-agri/2021/on-time-per-field\",\"unit\":\"snn-hcm\","
                + "\"period\":\"2021\",\"field\":\"land\",\"status\":\"NOT_MET\",\"final\":false,"), json);
        assertEquals(r, mapper.readValue(json, TargetResult.class));

        String bare = mapper.writeValueAsString(TargetResult.builder("t", "u", Y2021, Status.MET).isFinal(true).build());
        assertEquals("{\"target\":\"t\",\"unit\":\"u\",\"period\":\"2021\",\"status\":\"MET\",\"final\":true}", bare);
    }

    @Test
    void aResultWithoutAStatusIsRefusedWithItsPlace() {
        String good = ReformTargetsJson.writeEvaluation(new Evaluation(new RuleSetRef("hcm-agri/2021", "1.0.0"),
                LocalDate.of(2021, 9, 30), List.of(full())));
        String bad = good.replaceFirst("\"status\": \"NOT_MET\",", "");
        assertNotEquals(good, bad, "the test removed the status");

        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> ReformTargetsJson.readEvaluation(bad));

        Problem p = e.problems().get(0);
        assertEquals("results[0]", p.path(), e.getMessage());
        assertTrue(p.message().contains("status"), p.message());
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedConstructorStillMakesTheSameResult() {
        TargetResult r = full();
        assertEquals(r, new TargetResult(r.target(), r.unit(), r.period(), r.field(), r.status(), r.isFinal(),
                r.actual(), r.threshold(), r.gap(), r.source(), r.message(), r.measuredPeriod(), r.rule(),
                r.outlook(), r.points(), r.maxPoints()));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
