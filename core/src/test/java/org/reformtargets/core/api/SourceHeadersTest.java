// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java source file of the project opens with its SPDX licence line, and the NOTICE file is
 * there: a host's licence scanner reads each file's licence from its first line.
 */
class SourceHeadersTest {

    static final String LINE = "// SPDX-License-Identifier: Apache-2.0";

    @Test
    void everyJavaSourceFileOpensWithItsSpdxLine() throws IOException {
        Path root = Path.of("..").toRealPath();
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))::iterator) {
                seen++;
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    if (!LINE.equals(r.readLine())) {
                        missing.add(root.relativize(file).toString());
                    }
                }
            }
        }
        assertTrue(seen > 300, "found only " + seen + " source files under " + root);
        assertEquals(List.of(), missing, "files without '" + LINE + "' as their first line");
        assertTrue(Files.isRegularFile(root.resolve("NOTICE")) && Files.isRegularFile(root.resolve("LICENSE")));
    }
}
