// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escape corpus ({@code security/escape-corpus/}, see its README) through the command line:
 * {@code evaluate --rules-dir} on a case exits 2 naming {@code demo.drl:LINE} and the construct on
 * stderr; {@code validate} reports it as an error at the same place and exits 1 (its documented status
 * for findings); neither prints a stack trace or the content of {@code ${SECRET}}, and nothing creates
 * {@code ${MARKER}}. The accepted case evaluates (exit 0) and validates without errors.
 */
class EscapeCorpusCliTest {

    static final Path CORPUS = Path.of("..", "security", "escape-corpus");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String MANIFEST = """
            {
              "id": "demo/2021",
              "version": "1.0.0",
              "title": {"vi": "Thử", "en": "Demo"},
              "issuer": "Test",
              "period": "2021",
              "effective": {"from": "2021-01-01", "to": "2021-12-31"},
              "sources": [{"document": "doc.txt"}],
              "files": ["demo.drl"]
            }
            """;

    /** A department whose satisfaction is 92 %. */
    private static final String FACTS = """
            {
              "ruleSet": "demo/2021",
              "asOf": "2021-12-31",
              "units": [{"id": "so", "name": "Sở thử", "level": "DEPARTMENT"}],
              "measurements": [
                {"unit": "so", "indicator": "satisfaction", "period": "2021", "numerator": 92, "denominator": 100}
              ],
              "events": [],
              "attestations": []
            }
            """;

    // ------------------------------------------------------------------ the corpus (format: the folder's README)

    record Expect(int line, Integer column, String fragment) {
        /** How a problem's place starts in output: {@code demo.drl:LINE:} or {@code demo.drl:LINE:COLUMN:}. */
        String place() {
            return "demo.drl:" + line + ":" + (column == null ? "" : column + ":");
        }

        @Override
        public String toString() {
            return line + (column == null ? "" : ":" + column) + " " + fragment;
        }
    }

    record Case(String name, String description, boolean accepted, List<Expect> expects, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pattern EXPECT = Pattern.compile("(\\d+)(?::(\\d+))? (.+)");

    static Case parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        String description = null;
        String hole = null;
        boolean accepted = false;
        List<Expect> expects = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("//")) {
                break;
            }
            String c = line.substring(2).strip();
            if (c.startsWith("case:")) {
                description = c.substring("case:".length()).strip();
            } else if (c.startsWith("hole:")) {
                hole = c.substring("hole:".length()).strip();
            } else if (c.startsWith("expect:")) {
                String e = c.substring("expect:".length()).strip();
                if (e.equals("accepted")) {
                    accepted = true;
                    continue;
                }
                Matcher m = EXPECT.matcher(e);
                assertTrue(m.matches(), name + ": '" + line + "' is not '// expect: LINE[:COLUMN] fragment'");
                expects.add(new Expect(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3)));
            }
        }
        assertTrue(description != null && !description.isEmpty(), name + ": the first line must be '// case: …'");
        assertTrue(accepted == expects.isEmpty(), name + ": '// expect: accepted' or places, not both nor neither");
        return new Case(name, hole == null ? description : description + " [known hole: " + hole + "]",
                accepted, List.copyOf(expects), text);
    }

    static List<Case> cases() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), CORPUS.toAbsolutePath() + " is not a folder");
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Case> cases = files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted()
                    .map(EscapeCorpusCliTest::parse).toList();
            assertTrue(cases.size() >= 40, "the corpus holds " + cases.size() + " cases");
            return cases;
        }
    }

    // ------------------------------------------------------------------ one case on the command line

    private record Setup(Path folder, Path facts, Path marker, String secret) {
    }

    private static Setup setUp(Case c, Path tmp) throws IOException {
        // a fixed name in a fresh folder: the quote-trick cases leave ${MARKER} outside any string for Drools'
        // lexer, and a random name (3e4… reads as a broken number) would move where that lexer gives up
        Path marker = tmp.resolve("marker");
        String secret = "SECRET-" + UUID.randomUUID();
        Path secretFile = Files.writeString(tmp.resolve("secret.txt"), secret, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(tmp.resolve("rules").resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("demo.drl"), c.text()
                .replace("${MARKER}", slashed(marker)).replace("${SECRET}", slashed(secretFile)), StandardCharsets.UTF_8);
        Path facts = Files.writeString(tmp.resolve("facts.json"), FACTS, StandardCharsets.UTF_8);
        return new Setup(folder, facts, marker, secret);
    }

    private static String slashed(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static Cli.Run run(Case c, String... args) {
        return assertTimeoutPreemptively(TIMEOUT, () -> Cli.run(args),
                () -> c.name() + ": " + String.join(" ", args) + " did not finish in " + TIMEOUT.toSeconds() + " s");
    }

    /** No stack trace, no secret, no marker, whatever the command printed. */
    private static void assertNothingEscaped(Case c, Setup s, Cli.Run run) {
        String all = run.out() + run.err();
        assertFalse(all.contains(s.secret()), c + " (" + c.description() + ") showed the secret:\n" + all);
        assertFalse(all.contains("Exception") || all.contains("\tat "), c.name() + " printed a stack trace:\n" + all);
        assertFalse(Files.exists(s.marker()), c + " (" + c.description() + ") created " + s.marker());
    }

    /** Each expected place is on a line of {@code output} that also holds the fragment. */
    private static void assertEveryPlaceIn(Case c, String output, String what) {
        for (Expect e : c.expects()) {
            boolean found = output.lines().anyMatch(l -> l.contains(e.place()) && l.contains(e.fragment()));
            assertTrue(found, c.name() + " (" + c.description() + "): " + what + " has no line with " + e.place()
                    + " and '" + e.fragment() + "':\n" + output);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluateRefusesTheRulesDirWithTheCasePlaceAndExitsTwo(Case c, @TempDir Path tmp) throws IOException {
        Setup s = setUp(c, tmp);

        Cli.Run run = run(c, "evaluate", "--facts", s.facts().toString(), "--rules-dir", s.folder().toString(),
                "--format", "json");

        try {
            if (c.accepted()) {
                assertEquals(0, run.status(), run.out() + run.err());
                assertTrue(run.out().contains("\"demo/2021/x\""), run.out());
                return;
            }
            assertEquals(2, run.status(), c.name() + ":\n" + run.out() + run.err());
            assertEquals("", run.out(), c.name());
            assertEveryPlaceIn(c, run.err(), "stderr");
        } finally {
            assertNothingEscaped(c, s, run);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateReportsAnErrorAtTheCasePlace(Case c, @TempDir Path tmp) throws IOException {
        Setup s = setUp(c, tmp);

        Cli.Run run = run(c, "validate", s.folder().toString());

        try {
            if (c.accepted()) {
                assertEquals(0, run.status(), run.out() + run.err());
                assertFalse(run.out().contains(": error: "), run.out());
                return;
            }
            assertEquals(Main.EXIT_FINDINGS, run.status(), c.name() + ":\n" + run.out() + run.err());
            assertEveryPlaceIn(c, run.out().lines().filter(l -> l.contains(": error: ")).reduce("", (a, b) -> a + b + "\n"),
                    "validate's error findings");
        } finally {
            assertNothingEscaped(c, s, run);
        }
    }
}
