// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.cli.Cli.Run;

/** A rule-set folder holding a link that leads outside it is refused by the CLI, exit 2, and nothing of the file leaks. */
class ClosedWorldCliTest {

    private static final String SECRET = "SECRET-5c1e-do-not-leak";

    @TempDir
    Path tmp;

    @Test
    void aRuleFolderWithALinkLeadingOutsideIsAUserError() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", tmp.resolve("rules"));
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"),
                SECRET + "\n" + SECRET + "\n", StandardCharsets.UTF_8);
        String first = firstDrl(folder);
        Files.delete(folder.resolve(first));
        link(folder.resolve(first), secret);

        Run describe = Cli.run("describe", "--rules-dir", folder.toString());
        Cli.assertUserError(describe, first + " is a link leading outside the rule-set folder: refused");
        assertFalse(describe.err().contains(SECRET), describe.err());

        Run validate = Cli.run("validate", folder.toString());
        assertEquals(1, validate.status(), validate.out() + validate.err());
        assertTrue(validate.out().contains("link leading outside"), validate.out());
        assertFalse((validate.out() + validate.err()).contains(SECRET));
    }

    @Test
    void aRuleFolderGivenThroughALinkIsValidated() throws IOException {
        Path folder = Cli.copyBundled("hcm-agri/2021", tmp.resolve("rules"));
        Path linked = link(tmp.resolve("linked"), folder);

        Run run = Cli.run("validate", linked.toString());

        assertTrue(run.status() < 2, run.out() + run.err());
        assertTrue(run.out().contains("1 rule set"), run.out());
    }

    private static String firstDrl(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private static Path link(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("the file system refuses symbolic links: " + e);
            return null;
        }
    }
}
