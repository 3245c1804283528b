// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit record's canonical facts hash is made as the document is written, and equals the hash of the string. */
class CanonicalHashTest {

    @Test
    void theStreamedCanonicalHashIsTheHashOfTheWrittenDocument() {
        FactsDocument example = ReformTargetsJson.readFacts(Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json"));
        FactsDocument odd = new FactsDocument("hcm-agri/2021", LocalDate.of(2021, 12, 31),
                List.of(Unit.root("u\"1", "Sở \u0001 ✓ 𝔸 \\ </script>", Level.DEPARTMENT)), null, null, null);
        for (FactsDocument facts : List.of(example, odd)) {
            assertEquals(AuditRecord.sha256(ReformTargetsJson.writeFacts(facts).getBytes(StandardCharsets.UTF_8)),
                    AuditRecord.canonicalSha256(facts));
        }
    }

    @Test
    void aResultDocumentWrittenToBytesIsTheStringsUtf8EvenOutsideTheBasicPlane() throws Exception {
        TargetResult result = TargetResult.builder("demo/2021/t", "u-𝔸", Period.year(2021), Status.MET).isFinal(true)
                .actual("1").threshold(">= 1").gap(0L).source(new Source("doc 😀", "1", null, null))
                .message(new Message("Đạt 😀", "Met 𝔸")).rule("r").build();
        Evaluation evaluation = new Evaluation(new RuleSetRef("demo/2021", "1.0.0"), LocalDate.of(2021, 12, 31),
                List.of(result));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ReformTargetsJson.writeEvaluation(evaluation, bytes);
        String text = ReformTargetsJson.writeEvaluation(evaluation);
        assertEquals(text, bytes.toString(StandardCharsets.UTF_8) + "\n"); // the stream form leaves the last line open
        assertEquals(true, text.contains("Đạt 😀"));
    }
}
