// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.ReformTargetsJson;

/**
 * A facts document of 2,000,000 problems is reported within a small heap: the problems beyond the
 * first 200 are counted, not kept. Without the cap, the report alone needs hundreds of megabytes.
 */
public class ProblemCapMemoryTest {

    private static final int ELEMENTS = 2_000_000;

    /** Reads {@link #ELEMENTS} null measurements and prints what the report listed and counted. */
    public static void main(String[] args) {
        try {
            ReformTargetsJson.readFacts(nulls(ELEMENTS), "nulls.json");
            System.out.println("read");
        } catch (InvalidFactsException e) {
            System.out.println(e.problems().size() + " " + e.totalProblems() + " " + e.getMessage().length());
            System.out.println(e.problems().get(199));
            System.out.println(e.omittedLine());
        }
    }

    @Test
    void twoMillionProblemsAreReportedInA32MegabyteHeap() throws IOException, InterruptedException {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ProblemCapMemoryTest.class.getName())
                .redirectErrorStream(true)
                .start();
        java.getOutputStream().close();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, java.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(3, lines.size(), output);
        String[] counts = lines.get(0).split(" ");
        assertEquals("200", counts[0], output);
        assertEquals("2000000", counts[1], output);
        assertTrue(Integer.parseInt(counts[2]) < 20_000, output);
        assertEquals("nulls.json:202:1: measurements[199]: must be an object, found null", lines.get(1));
        assertEquals("… and 1,999,800 more problems", lines.get(2));
    }

    /** {@code {"asOf": …, "measurements": [null, null, …]}}, one null a line from line 3, made as it is read. */
    public static Reader nulls(int count) {
        String head = "{\"asOf\": \"2021-12-31\",\n\"measurements\": [\n";
        String tail = "]}\n";
        long body = 6L * count - 1;
        return new Reader() {
            private long at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                int n = 0;
                while (n < length && at < head.length() + body + tail.length()) {
                    long i = at++;
                    buffer[offset + n++] = i < head.length() ? head.charAt((int) i)
                            : i - head.length() == body - 1 ? '\n'
                            : i - head.length() < body ? "null,\n".charAt((int) ((i - head.length()) % 6))
                            : tail.charAt((int) (i - head.length() - body));
                }
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {
            }
        };
    }
}
