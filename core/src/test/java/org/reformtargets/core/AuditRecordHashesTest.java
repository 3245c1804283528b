// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit record names two hashes of the facts: of the bytes read, and of the canonical document. */
class AuditRecordHashesTest {

    private static final Instant AT = Instant.parse("2022-01-10T08:00:00Z");

    /** A facts file laid out by hand: CRLF line ends, its own spacing, a Vietnamese name in UTF-8. */
    private static final byte[] FILE = ("{\"asOf\": \"2021-12-31\",\r\n"
            + " \"units\": [{\"id\": \"snn\", \"name\": \"Sở\", \"level\": \"DEPARTMENT\"}],\r\n"
            + " \"measurements\": [{\"unit\": \"snn\", \"indicator\": \"satisfaction\", \"period\": \"2021\","
            + " \"numerator\": 95, \"denominator\": 100}]}\r\n").getBytes(StandardCharsets.UTF_8);

    /** What {@code sha256sum facts.json} printed for {@link #FILE} written to a file. */
    private static final String SHA256SUM = "b70a4f308cfef077e6b6d4469493bbcfc598d14065c2b46138bbff4f844c7200";

    @Test
    void factsSha256IsWhatSha256sumPrintsForTheBytesRead() {
        RuleSet rules = RuleSet.load("demo/2021");
        FactsDocument facts = ReformTargetsJson.readFacts(new ByteArrayInputStream(FILE), "facts.json");
        Evaluation evaluation = rules.evaluate(facts);

        AuditRecord audit = AuditRecord.of(rules, FILE, facts, evaluation, AT);

        assertEquals(SHA256SUM, audit.factsSha256());
        assertEquals(AuditRecord.sha256(ReformTargetsJson.writeFacts(facts).getBytes(StandardCharsets.UTF_8)),
                audit.factsCanonicalSha256(), "the canonical hash is of the facts re-written by writeFacts");
        assertNotEquals(audit.factsSha256(), audit.factsCanonicalSha256(),
                "a file laid out by hand is not its canonical form: the two hashes differ");
    }

    @Test
    void theCanonicalHashIsTheSameHoweverTheFileIsLaidOut() {
        RuleSet rules = RuleSet.load("demo/2021");
        FactsDocument facts = ReformTargetsJson.readFacts(new ByteArrayInputStream(FILE), "facts.json");
        byte[] canonical = ReformTargetsJson.writeFacts(facts).getBytes(StandardCharsets.UTF_8);
        FactsDocument again = ReformTargetsJson.readFacts(new ByteArrayInputStream(canonical), "facts.json");

        AuditRecord fromFile = AuditRecord.of(rules, FILE, facts, rules.evaluate(facts), AT);
        AuditRecord fromCanonical = AuditRecord.of(rules, canonical, again, rules.evaluate(again), AT);
        AuditRecord inMemory = AuditRecord.of(rules, facts, rules.evaluate(facts), AT);

        assertEquals(fromFile.factsCanonicalSha256(), fromCanonical.factsCanonicalSha256());
        assertEquals(fromFile.factsCanonicalSha256(), inMemory.factsCanonicalSha256());
        assertEquals(fromCanonical.factsCanonicalSha256(), fromCanonical.factsSha256(),
                "for a file that is already canonical the two hashes agree");
        assertNull(inMemory.factsSha256(), "no bytes were read");
    }
}
