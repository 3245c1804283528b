// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The reader's fast pass leaves Jackson's detection of repeated names out and notices them itself;
 * wherever a name repeats, the document is refused as the locating pass refuses it, with its place.
 * A document the reader made carries what it found, and only that document.
 */
class FastReadingTest {

    private static final String UNIT = "{\"id\": \"d\", \"name\": \"Sở\", \"level\": \"DEPARTMENT\"%s}";

    @ParameterizedTest
    @ValueSource(strings = {
        // a field of the contract, a field outside it, a name inside a value outside it, a top-level name
        "{\"asOf\": \"2021-12-31\",\n \"units\": [" + "{\"id\": \"d\", \"name\": \"Sở\", \"level\": \"DEPARTMENT\", \"name\": \"x\"}]}",
        "{\"asOf\": \"2021-12-31\",\n \"units\": [" + "{\"id\": \"d\", \"name\": \"Sở\", \"level\": \"DEPARTMENT\", \"note\": 1, \"note\": 2}]}",
        "{\"asOf\": \"2021-12-31\",\n \"units\": [" + "{\"id\": \"d\", \"name\": \"Sở\", \"level\": \"DEPARTMENT\", \"note\": {\"a\": 1, \"a\": 2}}]}",
        "{\"asOf\": \"2021-12-31\",\n \"notes\": {\"a\": [{\"b\": 1, \"b\": 2}]}, \"units\": []}",
        "{\"asOf\": \"2021-12-31\",\n \"units\": [], \"units\": []}",
    })
    void aRepeatedNameIsRefusedWithItsPlaceFromBytesAndFromCharacters(String json) {
        for (boolean bytes : new boolean[] {true, false}) {
            InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> {
                if (bytes) {
                    ReformTargetsJson.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json");
                } else {
                    ReformTargetsJson.readFacts(new StringReader(json), "f.json");
                }
            });
            assertEquals(1, e.problems().size(), e::getMessage);
            Problem p = e.problems().get(0);
            assertEquals("f.json", p.source());
            assertEquals(2, p.line(), p::toString);
            assertEquals(true, p.message().startsWith("malformed JSON: Duplicate field"), p::toString);
        }
    }

    @Test
    void aDocumentMadeFromTheListsOfOneReadIsCheckedAgain() {
        FactsDocument read = ReformTargetsJson.readFacts(new StringReader(
                "{\"asOf\": \"2021-12-31\", \"units\": [" + UNIT.formatted("") + "]}"), "ok.json");
        FactsDocument added = new FactsDocument(read.ruleSet(), read.asOf(), read.units(),
                List.of(new Measurement("nowhere", "dossiers.on_time", null, Period.parse("2021"), 1L, 2L, null)),
                read.events(), read.attestations());

        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> RuleSet.load("demo/2021").evaluate(added));

        assertEquals("measurements[0].unit: names unit 'nowhere', which is not among the units",
                e.problems().get(0).toString());
        assertEquals(read, new FactsDocument(read.ruleSet(), read.asOf(), List.copyOf(read.units()),
                read.measurements(), read.events(), read.attestations()));
    }
}
