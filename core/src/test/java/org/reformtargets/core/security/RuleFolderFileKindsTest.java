// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.internal.RuleSetFiles;

/** Only regular files of a bounded size are read from a rule folder: a pipe cannot block, a huge file cannot exhaust memory. */
class RuleFolderFileKindsTest {

    private static final String MANIFEST = """
            {"id": "demo/2021", "version": "1.0.0", "title": {"vi": "Thử", "en": "Demo"}, "issuer": "Test",
             "period": "2021", "effective": {"from": "2021-01-01", "to": "2021-12-31"},
             "sources": [{"document": "doc.txt"}], "files": ["demo.drl"]}
            """;

    private static Path folder(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void aNamedPipeListedAsARuleFileIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path folder = folder(dir);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", folder.resolve("demo.drl").toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        RuleSetException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder)));

        assertTrue(e.getMessage().contains("demo.drl is not a regular file: refused"), e::getMessage);
    }

    @Test
    void aRuleFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path folder = folder(dir);
        Files.write(folder.resolve("demo.drl"), new byte[RuleSetFiles.MAX_FILE_BYTES + 1]);

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertTrue(e.getMessage().contains("holds 1048577 bytes, more than a rule-set file may hold (1048576)"),
                e::getMessage);
    }
}
