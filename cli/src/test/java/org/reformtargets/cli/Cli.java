// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;
import picocli.CommandLine.Model.OptionSpec;

/** Runs the command line in-process with captured streams, for the command tests. */
final class Cli {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private Cli() {
    }

    record Run(int status, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs the command line with {@code env} as its whole environment. */
    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), env::get, args);
        return new Run(status, out.toString(), err.toString());
    }

    /** The command failed as a user error: exit 2, a message on stderr, no stack trace, nothing on stdout. */
    static void assertUserError(Run run, String... words) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
        for (String w : words) {
            assertTrue(run.err().contains(w), w + " missing in\n" + run.err());
        }
    }

    /** The command's --help names every option with a description and documents the exit status. */
    static void assertHelpExplainsEveryOption(String command) {
        Run run = run(command, "--help");
        assertEquals(0, run.status(), run.err());
        List<OptionSpec> options = Main.commandLine().getSubcommands().get(command).getCommandSpec().options();
        for (OptionSpec option : options) {
            assertTrue(run.out().contains(option.longestName()), option.longestName() + " missing in\n" + run.out());
            assertFalse(String.join(" ", option.description()).isBlank(), option.longestName());
        }
        String words = run.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("Exit status: 0"), run.out());
        assertTrue(words.contains("2 usage error"), run.out());
    }

    /**
     * Copies the bundled rule set {@code id} (manifest, DRL and scenario files) into
     * {@code root/<id>}, so that the folder's names match its id.
     */
    static Path copyBundled(String id, Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve(id));
        RuleSetManifest m = RuleSet.load(id).manifest();
        List<String> files = new ArrayList<>(m.files());
        files.addAll(m.scenarios());
        files.add("manifest.json");
        for (String file : files) {
            try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream("rulesets/" + id + "/" + file)) {
                Files.copy(in, target.resolve(file));
            }
        }
        return target;
    }
}
