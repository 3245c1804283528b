// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ValidationReport;

/**
 * The escape corpus ({@code security/escape-corpus/}, one attack per {@code .drl} file, its
 * expectation in its first comment lines; see the folder's README): every case is refused at its
 * place by loading, by the validator and by hot reload, nothing of it runs ({@code ${MARKER}} is never
 * created), and no message shows the content of {@code ${SECRET}}. Each case runs under a timeout, so
 * a rule that hangs fails instead of blocking the build.
 */
class EscapeCorpusTest {

    /** The corpus, relative to the module folder Maven runs the tests in. */
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

    /** The version a hot-reloading rule set starts on before a case is written over it. */
    private static final String CLEAN = """
            package demo;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;

            rule "Clean"
                @target("demo/2021/x") @document("doc.txt") @clause("1")
            when
                $unit : UnitFacts( level == Level.DEPARTMENT )
            then
                Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
            end
            """;

    /** A department whose satisfaction is 92 %. */
    private static final FactsDocument FACTS = new FactsDocument("demo/2021", LocalDate.of(2021, 12, 31),
            List.of(Unit.root("so", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("so", "satisfaction", null, Period.year(2021), 92, 100)),
            List.of(), List.of());

    // ------------------------------------------------------------------ the corpus

    /** One expected problem: at {@code line} (and {@code column} when given) the first problem contains {@code fragment}. */
    record Expect(int line, Integer column, String fragment) {
        @Override
        public String toString() {
            return line + (column == null ? "" : ":" + column) + " " + fragment;
        }
    }

    /** One corpus file: what it tries, and the problems it must be refused with (none when accepted). */
    record Case(String name, String description, boolean accepted, List<Expect> expects, String hole, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pattern EXPECT = Pattern.compile("(\\d+)(?::(\\d+))? (.+)");

    /** Reads a corpus file's leading comment lines (see the README for the format). */
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
                if (!m.matches()) {
                    throw new AssertionError(name + ": '" + line + "' is not '// expect: LINE[:COLUMN] fragment'"
                            + " or '// expect: accepted'");
                }
                expects.add(new Expect(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3)));
            }
        }
        if (description == null || description.isEmpty()) {
            throw new AssertionError(name + ": the first line must be '// case: what the file tries'");
        }
        if (accepted == !expects.isEmpty()) {
            throw new AssertionError(name + ": give '// expect: accepted' or at least one '// expect: LINE[:COLUMN] fragment',"
                    + " not both");
        }
        return new Case(name, description, accepted, List.copyOf(expects), hole, text);
    }

    static List<Case> cases() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), CORPUS.toAbsolutePath() + " is not a folder");
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Case> cases = files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted()
                    .map(EscapeCorpusTest::parse).toList();
            assertTrue(cases.size() >= 40, "the corpus holds " + cases.size() + " cases");
            return cases;
        }
    }

    static List<Case> refused() throws IOException {
        return cases().stream().filter(c -> !c.accepted()).toList();
    }

    @Test
    void theCorpusHasRefusedCasesAndAnAcceptedOne() throws IOException {
        List<Case> all = cases();
        assertTrue(all.stream().anyMatch(Case::accepted), "no case is '// expect: accepted'");
        assertTrue(all.stream().filter(c -> !c.accepted()).count() >= 40, all::toString);
    }

    // ------------------------------------------------------------------ one case, made concrete

    /** A case written as {@code demo.drl} in a rule-set folder, with its marker and secret. */
    private static final class Attempt {
        final Case c;
        final Path marker;
        final String secret;
        final Path folder;
        final String drl;

        Attempt(Case c, Path tmp) throws IOException {
            this.c = c;
            // a fixed name in a fresh folder: the quote-trick cases leave ${MARKER} outside any string for Drools'
            // lexer, and a random name (3e4… reads as a broken number) would move where that lexer gives up
            this.marker = tmp.resolve("marker");
            this.secret = "SECRET-" + UUID.randomUUID();
            Path secretFile = Files.writeString(tmp.resolve("secret.txt"), secret, StandardCharsets.UTF_8);
            this.drl = c.text().replace("${MARKER}", slashed(marker)).replace("${SECRET}", slashed(secretFile));
            this.folder = Files.createDirectories(tmp.resolve("rules").resolve("demo").resolve("2021"));
            Files.writeString(folder.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        }

        Attempt write(String text) throws IOException {
            Files.writeString(folder.resolve("demo.drl"), text, StandardCharsets.UTF_8);
            return this;
        }

        Attempt writeCase() throws IOException {
            return write(drl);
        }

        /** Nothing of the case ran: no marker, and {@code shown} (every message) holds no secret. */
        void assertNothingEscaped(String shown) {
            assertFalse(Files.exists(marker), c.name() + " created " + marker);
            assertFalse(shown.contains(secret), c.name() + " showed the secret:\n" + shown);
        }

        String where() {
            return c.name() + " (" + c.description() + ")" + (c.hole() == null ? "" : " [known hole: " + c.hole() + "]");
        }
    }

    private static String slashed(Path p) {
        return p.toAbsolutePath().toString().replace('\\', '/');
    }

    private static <T> T inTime(Case c, ThrowingSupplier<T> run) {
        return assertTimeoutPreemptively(TIMEOUT, run, () -> c.name() + " did not finish in " + TIMEOUT.toSeconds() + " s");
    }

    /** Each expectation holds: at its place, the first problem (of the file demo.drl) contains the fragment. */
    private static void assertRefusedAt(Attempt a, List<Problem> problems) {
        assertFalse(problems.isEmpty(), a.where() + ": no problem");
        for (Expect e : a.c.expects()) {
            List<Problem> at = problems.stream()
                    .filter(p -> p.source() != null && p.source().endsWith("demo.drl"))
                    .filter(p -> p.line() == e.line() && (e.column() == null || p.column() == e.column()))
                    .toList();
            if (at.isEmpty()) {
                fail(a.where() + ": expected a problem of demo.drl at " + e + ", got\n" + lines(problems));
            }
            assertTrue(at.get(0).message().contains(e.fragment()), () -> a.where() + ": the problem at "
                    + e.line() + (e.column() == null ? "" : ":" + e.column()) + " should contain '" + e.fragment()
                    + "', got\n" + lines(problems));
        }
    }

    private static String lines(List<?> items) {
        StringBuilder b = new StringBuilder();
        items.forEach(i -> b.append("  ").append(i).append('\n'));
        return b.toString();
    }

    private static void assertTheCleanRuleEvaluates(Evaluation e, String what) {
        List<TargetResult> results = e.results();
        assertEquals(1, results.size(), what + ": " + e);
        assertEquals("demo/2021/x", results.get(0).target(), what);
        assertEquals("so", results.get(0).unit(), what);
    }

    // ------------------------------------------------------------------ (a) loading

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadingRefusesTheCaseAtItsPlace(Case c, @TempDir Path tmp) throws IOException {
        Attempt a = new Attempt(c, tmp).writeCase();
        if (c.accepted()) {
            Evaluation e = inTime(c, () -> RuleSet.fromDirectory(a.folder).evaluate(FACTS));
            assertTheCleanRuleEvaluates(e, c.name());
            a.assertNothingEscaped(e.toString());
            return;
        }
        RuleSetException ex = inTime(c, () -> assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(a.folder),
                a::where));
        try {
            assertRefusedAt(a, ex.problems());
        } finally {
            a.assertNothingEscaped(ex.getMessage() + "\n" + lines(ex.problems()));
        }
    }

    // ------------------------------------------------------------------ (b) the validator

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theValidatorReportsAnErrorAtTheCasePlace(Case c, @TempDir Path tmp) throws IOException {
        Attempt a = new Attempt(c, tmp).writeCase();
        ValidationReport report = inTime(c, () -> RuleSetValidator.standard().validate(a.folder));
        try {
            List<Finding> errors = report.findings(Finding.Severity.ERROR);
            if (c.accepted()) {
                assertEquals(List.of(), errors, c.name());
                return;
            }
            assertFalse(report.exitCode() == 0, a.where() + ": validate is clean\n" + report.render());
            assertRefusedAt(a, errors.stream().map(Finding::problem).toList());
        } finally {
            a.assertNothingEscaped(report.render() + lines(report.findings()));
        }
    }

    // ------------------------------------------------------------------ (c) hot reload

    private static final class Recorder implements ReloadingRuleSet.Listener {
        final Queue<RuleSet> reloaded = new ConcurrentLinkedQueue<>();
        final Queue<List<Finding>> rejected = new ConcurrentLinkedQueue<>();

        @Override
        public void reloaded(RuleSet current, RuleSet previous, List<Finding> findings) {
            reloaded.add(current);
        }

        @Override
        public void rejected(RuleSet kept, List<Finding> findings) {
            rejected.add(findings);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hotReloadRejectsTheCaseAndKeepsServingTheCleanVersion(Case c, @TempDir Path tmp) throws IOException {
        Attempt a = new Attempt(c, tmp).write(CLEAN);
        Recorder events = new Recorder();
        StringBuilder shown = new StringBuilder();
        inTime(c, () -> {
            try (ReloadingRuleSet rules = ReloadingRuleSet.watching(a.folder).watchService(false)
                    .pollInterval(Duration.ofHours(1)).listener(events).start()) {
                RuleSet clean = rules.current();
                assertTheCleanRuleEvaluates(rules.evaluate(FACTS), "the clean version");

                a.writeCase();
                boolean swapped = rules.reload();

                events.rejected.forEach(f -> shown.append(lines(f)));
                if (c.accepted()) {
                    assertTrue(swapped, c.name() + " was not reloaded: " + shown);
                    assertEquals(1, events.reloaded.size());
                    assertTheCleanRuleEvaluates(rules.evaluate(FACTS), c.name());
                    return null;
                }
                assertFalse(swapped, a.where() + " was swapped in");
                assertEquals(0, events.reloaded.size(), a.where());
                assertEquals(1, events.rejected.size(), a.where());
                List<Finding> why = events.rejected.element();
                assertTrue(why.stream().allMatch(f -> f.severity() == Finding.Severity.ERROR), why::toString);
                assertRefusedAt(a, why.stream().map(Finding::problem).toList());
                assertTrue(clean == rules.current(), "the clean version is still served");
                Evaluation after = rules.evaluate(FACTS);
                assertTheCleanRuleEvaluates(after, "the clean version after " + c.name());
                assertEquals(">= 90", after.results().get(0).threshold());
                assertFalse(rules.reload(), "the same refused files are not tried again");
                return null;
            } finally {
                a.assertNothingEscaped(shown.toString());
            }
        });
    }

    // ------------------------------------------------------------------ (d) all of it, one after the other

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void afterLoadingValidatingAndReloadingNothingEscaped(Case c, @TempDir Path tmp) throws IOException {
        Attempt a = new Attempt(c, tmp).writeCase();
        StringBuilder shown = new StringBuilder();
        inTime(c, () -> {
            try {
                RuleSet.fromDirectory(a.folder);
                fail(a.where() + " loaded");
            } catch (RuleSetException e) {
                shown.append(e.getMessage()).append('\n').append(lines(e.problems()));
            }
            shown.append(RuleSetValidator.standard().validate(a.folder).render());
            try (ReloadingRuleSet rules = ReloadingRuleSet.watching(a.folder).watchService(false)
                    .pollInterval(Duration.ofHours(1)).start()) {
                fail(a.where() + " started a reloading rule set");
            } catch (RuleSetException e) {
                shown.append(e.getMessage()).append('\n').append(lines(e.problems()));
            }
            return null;
        });
        a.assertNothingEscaped(shown.toString());
        assertFalse(shown.isEmpty());
    }
}
