// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ValidationReport;
import org.reformtargets.core.internal.RuleSetFiles;
import org.reformtargets.core.internal.RuleSetFolders;

/**
 * A rule-set folder is a closed world: a file whose real path leads outside the folder (or, for an
 * include, outside the family folder) is refused with its name, and its content is never read.
 */
class ClosedWorldTest {

    /** What the files outside hold: if it reached any message, their content was read. */
    private static final String SECRET = "SECRET-7f3a-do-not-leak";

    private static final String HEADER = """
            package demo;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;

            """;

    private static final String RULE = HEADER + """
            rule "Demo"
                @target("demo/2021/x") @document("doc.txt") @clause("1")
            when
                $unit : UnitFacts( level == Level.DEPARTMENT )
            then
                Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
            end
            """;

    private static final String OTHER_RULE = HEADER.replace("package demo;", "package demo.shared;") + """
            rule "Shared"
                @target("demo/2021/y") @document("doc.txt") @clause("2")
            when
                $unit : UnitFacts( level == Level.DEPARTMENT )
            then
                Check.of(kcontext, $unit).ratio("satisfaction").atLeast("80");
            end
            """;

    @TempDir
    Path tmp;

    // ---- a DRL file that is a link leading outside -------------------------------------------

    @Test
    void aDrlLinkLeadingOutsideIsRefusedByFromDirectory() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl", "evil.drl"), List.of(), List.of());
        link(folder.resolve("evil.drl"), secretFile());

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        Problem p = refusal(e.problems(), "evil.drl");
        assertTrue(p.source().endsWith("evil.drl"), p::toString);
        assertTrue(p.message().contains("evil.drl is a link leading outside the rule-set folder: refused"), p::toString);
        assertNoSecret(e.getMessage());
        assertNoSecret(e.problems().toString());
    }

    @Test
    void aDrlLinkLeadingOutsideIsAnErrorOfTheValidator() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl", "evil.drl"), List.of(), List.of());
        link(folder.resolve("evil.drl"), secretFile());

        ValidationReport report = RuleSetValidator.standard().validate(folder);

        assertTrue(report.hasErrors(), report::render);
        Finding f = report.findings(Finding.Severity.ERROR).stream()
                .filter(x -> x.message().contains("link leading outside")).findFirst().orElseThrow(() -> new AssertionError(report.render()));
        assertTrue(f.file().endsWith("evil.drl"), f::toString);
        assertNoSecret(report.render());
    }

    @Test
    void aDrlLinkLeadingOutsideIsRefusedByAHotReloadSnapshot() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl", "evil.drl"), List.of(), List.of());
        link(folder.resolve("evil.drl"), secretFile());

        RuleSetFiles.Snapshot snapshot = RuleSetFiles.Snapshot.of(folder);
        IOException refused = assertThrows(RuleSetFiles.OutsideFolderException.class, () -> snapshot.read("evil.drl"));
        assertTrue(refused.getMessage().contains("evil.drl is a link leading outside the rule-set folder: refused"));
        assertTrue(snapshot.names().contains("evil.drl"), snapshot.names()::toString);

        RuleSetException e = assertThrows(RuleSetException.class,
                () -> ReloadingRuleSet.watching(folder).watchService(false).start());
        refusal(e.problems(), "evil.drl");
        assertNoSecret(e.getMessage());
    }

    @Test
    void aReloadThatAddsALinkLeadingOutsideIsRejectedAndTheOldVersionServed() throws Exception {
        Path folder = ruleFolder(List.of("demo.drl"), List.of(), List.of());
        List<Finding> rejected = new ArrayList<>();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(folder).watchService(false)
                .pollInterval(Duration.ofHours(1)).listener(new ReloadingRuleSet.Listener() {
                    @Override
                    public void rejected(RuleSet kept, List<Finding> findings) {
                        rejected.addAll(findings);
                    }
                }).start()) {
            RuleSet before = rules.current();
            link(folder.resolve("evil.drl"), secretFile());
            Files.writeString(folder.resolve("manifest.json"), manifest(List.of("demo.drl", "evil.drl"), List.of(),
                    List.of()), StandardCharsets.UTF_8);

            assertFalse(rules.reload());

            assertSame(before, rules.current());
            assertTrue(rejected.stream().anyMatch(f -> f.file().endsWith("evil.drl")
                    && f.message().contains("link leading outside")), rejected::toString);
            assertNoSecret(rejected.toString());
        }
    }

    @Test
    void aManifestLinkLeadingOutsideIsRefused() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of(), List.of());
        Path secretManifest = Files.writeString(outside().resolve("manifest.json"),
                "{\"id\": \"" + SECRET + "\", \"files\": [\"" + SECRET + ".drl\"]}", StandardCharsets.UTF_8);
        Files.delete(folder.resolve("manifest.json"));
        link(folder.resolve("manifest.json"), secretManifest);

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));
        refusal(e.problems(), "manifest.json");
        assertNoSecret(e.getMessage());

        ValidationReport report = RuleSetValidator.standard().validate(folder.getParent().getParent());
        assertTrue(report.hasErrors(), report::render);
        assertNoSecret(report.render());
    }

    // ---- a linked sub-folder, scenario and facts files ---------------------------------------

    @Test
    void aFileInALinkedSubFolderLeadingOutsideIsRefused() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl", "sub/secret.drl"), List.of(), List.of());
        secretFile();
        link(folder.resolve("sub"), outside());

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));
        Problem p = refusal(e.problems(), "secret.drl");
        assertTrue(p.message().contains("sub/secret.drl is reached through a link leading outside the rule-set folder"),
                p::toString);
        assertNoSecret(e.getMessage());

        RuleSetFiles.Snapshot snapshot = RuleSetFiles.Snapshot.of(folder);
        assertFalse(snapshot.names().stream().anyMatch(n -> n.startsWith("sub/")), snapshot.names()::toString);
        assertThrows(RuleSetFiles.OutsideFolderException.class, () -> snapshot.read("sub/secret.drl"));
        assertFalse(RuleSetFolders.files(folder).stream().anyMatch(n -> n.startsWith("sub/")));

        ValidationReport report = RuleSetValidator.standard().validate(folder);
        assertTrue(report.hasErrors(), report::render);
        assertNoSecret(report.render());
    }

    @Test
    void aScenarioFileAndAFactsFileLeadingOutsideAreRefused() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of(), List.of("evil.scenarios.json", "ok.scenarios.json"));
        link(folder.resolve("evil.scenarios.json"), secretFile());
        link(folder.resolve("facts.json"), secretFile());
        Files.writeString(folder.resolve("ok.scenarios.json"), """
                {"scenarios": [{"name": "facts beside", "factsFile": "facts.json",
                  "expect": [{"unit": "u1", "target": "x", "status": "MET"}]}]}
                """, StandardCharsets.UTF_8);

        ValidationReport report = RuleSetValidator.standard().validate(folder);

        assertTrue(report.findings(Finding.Severity.ERROR).stream().anyMatch(f -> f.file().endsWith("evil.scenarios.json")
                && f.message().contains("evil.scenarios.json is a link leading outside")), report::render);
        assertTrue(report.findings(Finding.Severity.ERROR).stream().anyMatch(f -> f.file().endsWith("ok.scenarios.json")
                && f.line() > 0 && f.message().contains("facts.json is a link leading outside")), report::render);
        assertNoSecret(report.render());
    }

    // ---- includes from the family folder -----------------------------------------------------

    @Test
    void anIncludeThroughALinkedFolderLeavingTheFamilyIsRefused() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of("shared/secret.drl"), List.of());
        secretFile();
        link(folder.getParent().resolve("shared"), outside());

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        Problem p = refusal(e.problems(), "secret.drl");
        assertTrue(p.message().contains("shared/secret.drl is reached through a link leading outside the family folder"),
                p::toString);
        assertNoSecret(e.getMessage());
        ValidationReport report = RuleSetValidator.standard().validate(folder);
        assertTrue(report.hasErrors(), report::render);
        assertNoSecret(report.render());
    }

    @Test
    void anIncludeThatIsALinkLeavingTheFamilyIsRefused() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of("common.drl"), List.of());
        link(folder.getParent().resolve("common.drl"), secretFile());

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        Problem p = refusal(e.problems(), "common.drl");
        assertTrue(p.message().contains("common.drl is a link leading outside the family folder: refused"), p::toString);
        assertNoSecret(e.getMessage());
        RuleSetException reload = assertThrows(RuleSetException.class,
                () -> ReloadingRuleSet.watching(folder).watchService(false).start());
        assertNoSecret(reload.getMessage());
    }

    @Test
    void anIncludeInsideTheFamilyLoads() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of("common/shared.drl"), List.of());
        Path common = Files.createDirectories(folder.getParent().resolve("common"));
        Files.writeString(common.resolve("shared.drl"), OTHER_RULE, StandardCharsets.UTF_8);

        assertEquals(List.of("demo/2021/x", "demo/2021/y"), RuleSet.fromDirectory(folder).targets());
    }

    // ---- what stays inside is allowed --------------------------------------------------------

    @Test
    void aLinkThatStaysInsideTheFolderIsAllowed() throws IOException {
        Path folder = ruleFolder(List.of("alias.drl"), List.of(), List.of());
        Files.move(folder.resolve("demo.drl"), Files.createDirectories(folder.resolve("real")).resolve("demo.drl"));
        link(folder.resolve("alias.drl"), folder.resolve("real/demo.drl"));
        link(folder.resolve("linked"), folder.resolve("real"));

        assertEquals(List.of("demo/2021/x"), RuleSet.fromDirectory(folder).targets());
        RuleSetFiles.Snapshot snapshot = RuleSetFiles.Snapshot.of(folder);
        assertEquals(RULE, new String(snapshot.read("alias.drl"), StandardCharsets.UTF_8));
        assertEquals(RULE, new String(snapshot.read("linked/demo.drl"), StandardCharsets.UTF_8));
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(folder).watchService(false).start()) {
            assertEquals(List.of("demo/2021/x"), rules.current().targets());
        }
        assertFalse(RuleSetValidator.standard().validate(folder).hasErrors());
    }

    @Test
    void aRuleFolderGivenThroughALinkLoads() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of("common/shared.drl"), List.of());
        Files.writeString(Files.createDirectories(folder.getParent().resolve("common")).resolve("shared.drl"), OTHER_RULE,
                StandardCharsets.UTF_8);
        // links/demo -> the family folder, so that links/demo/2021 is the rule folder through a link
        Path family = link(Files.createDirectories(tmp.resolve("links")).resolve("demo"), folder.getParent());
        Path viaLink = family.resolve("2021");
        Path direct = link(tmp.resolve("direct-link"), folder);

        assertEquals(List.of("demo/2021/x", "demo/2021/y"), RuleSet.fromDirectory(viaLink).targets());
        assertEquals(List.of("demo/2021/x"),
                RuleSet.fromDirectory(link(tmp.resolve("plain-link"), ruleFolderWithout(tmp.resolve("plain")))).targets());
        assertFalse(RuleSetValidator.standard().validate(viaLink).hasErrors(),
                () -> RuleSetValidator.standard().validate(viaLink).render());
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(viaLink).watchService(false).start()) {
            assertEquals(List.of("demo/2021/x", "demo/2021/y"), rules.current().targets());
        }
        assertEquals(List.of(direct), RuleSetFolders.find(direct));
        assertEquals(List.of(family.resolve("2021")), RuleSetFolders.find(family));
    }

    @Test
    void discoveryDoesNotFollowALinkedRuleFolderOutOfThePathGiven() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of(), List.of());
        Path root = folder.getParent().getParent();
        Path elsewhere = ruleFolderWithout(tmp.resolve("elsewhere"));
        link(root.resolve("demo").resolve("2022"), elsewhere);

        assertEquals(List.of(folder), RuleSetFolders.find(root));
    }

    @Test
    void anIndexThatIsALinkLeadingOutsideIsNotRead() throws IOException {
        Path folder = ruleFolder(List.of("demo.drl"), List.of(), List.of());
        Path root = folder.getParent().getParent();
        link(root.resolve(RuleSetFolders.INDEX), secretFile());

        assertNull(RuleSetFolders.index(root));
        assertNoSecret(RuleSetValidator.standard().validate(root).render());
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** {@code <tmp>/rules/demo/2021} with demo.drl and the manifest listing {@code files}, {@code include}, {@code scenarios}. */
    private Path ruleFolder(List<String> files, List<String> include, List<String> scenarios) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("rules").resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), manifest(files, include, scenarios), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("demo.drl"), RULE, StandardCharsets.UTF_8);
        return folder;
    }

    /** A rule folder {@code <at>/demo/2021} with demo.drl only. */
    private static Path ruleFolderWithout(Path at) throws IOException {
        Path folder = Files.createDirectories(at.resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), manifest(List.of("demo.drl"), List.of(), List.of()),
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("demo.drl"), RULE, StandardCharsets.UTF_8);
        return folder;
    }

    private static String manifest(List<String> files, List<String> include, List<String> scenarios) {
        return """
                {
                  "id": "demo/2021",
                  "version": "1.0.0",
                  "title": {"vi": "Thử", "en": "Demo"},
                  "issuer": "Test",
                  "period": "2021",
                  "effective": {"from": "2021-01-01", "to": "2021-12-31"},
                  "sources": [{"document": "doc.txt"}],
                  "files": %s%s%s
                }
                """.formatted(json(files), include.isEmpty() ? "" : ",\n  \"include\": " + json(include),
                scenarios.isEmpty() ? "" : ",\n  \"scenarios\": " + json(scenarios));
    }

    private static String json(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    /** A folder outside the rule folders and their family. */
    private Path outside() throws IOException {
        return Files.createDirectories(tmp.resolve("outside"));
    }

    /** A file outside whose every line would show up in a parse error if it were read. */
    private Path secretFile() throws IOException {
        Path f = outside().resolve("secret.drl");
        if (!Files.exists(f)) {
            Files.writeString(f, SECRET + " " + SECRET + "\n{\"" + SECRET + "\": " + SECRET + "}\n", StandardCharsets.UTF_8);
        }
        return f;
    }

    /** Makes {@code link} point to {@code target}; skips the test where the file system refuses links. */
    private static Path link(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("the file system refuses symbolic links: " + e);
            return null;
        }
    }

    private static Problem refusal(List<Problem> problems, String file) {
        return problems.stream().filter(p -> p.source() != null && p.source().endsWith(file)
                        && p.message().contains("leading outside")).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal of " + file + " in " + problems));
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), () -> "the content of a file outside leaked: " + text);
    }
}
