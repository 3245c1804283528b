// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void mainPrintsAScorecardOfBothDocumentsNamingTheDepartment() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains(EmbeddingExample.DEPARTMENT), out);
        assertTrue(out.contains(EmbeddingExample.FULL_YEAR) && out.contains(EmbeddingExample.FIRST_HALF), out);
        assertTrue(out.contains("snn-hcm, land dossiers on time: 95.89 % against >= 96, NOT_MET, gap 2"), out);
    }
}
