package org.reformtargets.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;

/** A rule folder from disk cannot run code outside the rule vocabulary: each escape is refused with file:line. */
class UntrustedRuleFilesTest {

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

    private static final String HEADER = """
            package demo;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;
            """;

    /** Builds a rule whose consequence (line 12 of the file) is {@code body}. */
    private static String ruleWith(String body) {
        return HEADER + """

                rule "Demo"
                    @target("demo/2021/x") @document("doc.txt") @clause("1")
                when
                    $unit : UnitFacts( level == Level.DEPARTMENT )
                then
                """ + "    " + body + "\n" + """
                    Check.of(kcontext, $unit).ratio("satisfaction").atLeast("90");
                end
                """;
    }

    static List<Arguments> escapes() {
        return List.of(
                Arguments.of("System.exit(1);", "System"),
                Arguments.of("Runtime.getRuntime().exec(\"rm -rf /\");", "Runtime"),
                Arguments.of("new ProcessBuilder(\"sh\").start();", "ProcessBuilder"),
                Arguments.of("new Thread(() -> {}).start();", "Thread"),
                Arguments.of("java.nio.file.Files.readAllBytes(null);", "java."),
                Arguments.of("new java.io.File(\"/tmp/x\").delete();", "java."),
                Arguments.of("new java.net.Socket(\"127.0.0.1\", 80);", "java."),
                Arguments.of("Class.forName(\"java.lang.Runtime\");", "Class"),
                Arguments.of("\"\".getClass().getClassLoader();", "getClass"),
                Arguments.of("Check.class.getResourceAsStream(\"/x\");", ".class"),
                Arguments.of("kcontext.getKieRuntime().halt();", "kcontext"),
                Arguments.of("drools.halt();", "drools"),
                Arguments.of("insert(new Object());", "insert"),
                Arguments.of("$unit.run();", "run"),
                Arguments.of("String s = \"\\u0022\";", "Unicode escapes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void anEscapeInAConsequenceIsRefusedWithFileAndLine(String body, String named, @TempDir Path dir) throws IOException {
        Path folder = write(dir, ruleWith(body));

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        Problem p = e.problems().get(0);
        assertTrue(p.source().endsWith("demo.drl"), p.toString());
        assertEquals(12, p.line(), p.toString());
        assertTrue(p.message().contains(named), p.toString());
    }

    @Test
    void anImportOutsideTheAllowListIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Path folder = write(dir, ruleWith("").replace("import org.reformtargets.core.Level;",
                "import org.reformtargets.core.Level;\nimport java.io.File;"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertEquals(4, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("import java.io.File is not allowed"), e.getMessage());
    }

    @Test
    void importingTheEngineInternalsIsRefused(@TempDir Path dir) throws IOException {
        Path folder = write(dir, ruleWith("").replace("import org.reformtargets.core.Level;",
                "import org.reformtargets.core.Level;\nimport org.reformtargets.core.internal.UnitView;"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertTrue(e.getMessage().contains("org.reformtargets.core.internal.UnitView is not allowed"), e.getMessage());
    }

    @Test
    void aRefusedFileNeverRunsEvenWhenItWouldCompile(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("marker");
        Path folder = write(dir, ruleWith("try { java.nio.file.Files.createFile(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "/") + "\")); } catch (Exception e) { }"));

        assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertFalse(Files.exists(marker));
    }

    @Test
    void aRuleWithinTheVocabularyLoads(@TempDir Path dir) throws IOException {
        Path folder = write(dir, ruleWith("// states one target"));

        assertEquals(List.of("demo/2021/x"), RuleSet.fromDirectory(folder).targets());
    }

    private static Path write(Path dir, String drl) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("demo.drl"), drl, StandardCharsets.UTF_8);
        return folder;
    }
}
