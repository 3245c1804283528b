// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * A facts document of more than 50 MB, built here rather than stored: the reader has no limit on a
 * document's size (only on nesting, string and number length), so it is read and evaluated whole,
 * with one result per department and target and nothing left out.
 */
class LargeDocumentTest {

    private static final int MEGABYTES = 50;
    private static RuleSet demo;

    @BeforeAll
    static void load() {
        demo = RuleSet.load("demo/2021");
    }

    /** Departments, each with a satisfaction figure and a dialogue in each quarter but, for every third, the last. */
    private static byte[] document(int departments) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(MEGABYTES * 1_100_000);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write("{\n  \"ruleSet\": \"demo/2021\",\n  \"asOf\": \"2021-12-31\",\n  \"units\": [\n");
            for (int i = 0; i < departments; i++) {
                w.write("    {\"id\": \"so-" + i + "\", \"name\": \"Sở Nông nghiệp và Phát triển nông thôn số " + i
                        + "\", \"level\": \"DEPARTMENT\"}" + (i + 1 < departments ? ",\n" : "\n"));
            }
            w.write("  ],\n  \"measurements\": [\n");
            for (int i = 0; i < departments; i++) {
                w.write("    {\"unit\": \"so-" + i + "\", \"indicator\": \"satisfaction\", \"period\": \"2021\","
                        + " \"numerator\": " + (85 + i % 10) + ", \"denominator\": 100}" + (i + 1 < departments ? ",\n" : "\n"));
            }
            w.write("  ],\n  \"events\": [\n");
            boolean first = true;
            for (int i = 0; i < departments; i++) {
                int quarters = i % 3 == 0 ? 3 : 4;
                for (int q = 0; q < quarters; q++) {
                    w.write((first ? "" : ",\n") + "    {\"unit\": \"so-" + i + "\", \"type\": \"dialogue\", \"date\": \"2021-"
                            + String.format("%02d", q * 3 + 2) + "-15\", \"title\": \"Đối thoại với người dân và doanh"
                            + " nghiệp quý " + (q + 1) + "\"}");
                    first = false;
                }
            }
            w.write("\n  ]\n}\n");
        }
        return bytes.toByteArray();
    }

    @Test
    void aDocumentOfMoreThanFiftyMegabytesIsReadAndEvaluatedWhole() throws Exception {
        int departments = 95_000;
        byte[] json = document(departments);
        assertTrue(json.length > MEGABYTES * 1_000_000, () -> json.length + " bytes");

        FactsDocument facts = ReformTargetsJson.readFacts(new ByteArrayInputStream(json), "large.json");
        Evaluation e = demo.evaluate(facts);

        assertEquals(departments, facts.units().size());
        assertEquals(2 * departments, e.results().size());
        int metSatisfaction = 0;
        int metDialogue = 0;
        for (TargetResult r : e.results()) {
            if (r.status() == Status.MET) {
                if (r.target().equals("demo/2021/satisfaction")) {
                    metSatisfaction++;
                } else {
                    metDialogue++;
                }
            }
        }
        assertEquals(departments / 2, metSatisfaction, "85…94 of 100 meets 90 % for 90…94: half of them");
        assertEquals(departments - (departments + 2) / 3, metDialogue, "every third misses the last quarter");
    }
}
