// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.internal.RuleSetCompiler;

/** A rule set cannot make compiling it unbounded: files per manifest, duplicates and rules per rule set are capped. */
class RuleSetSizeLimitsTest {

    private static final String HEADER = """
            package demo;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;
            """;

    private static String rules(int from, int count) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = from; i < from + count; i++) {
            b.append("""

                    rule "R%d"
                        @target("demo/2021/x%d") @document("doc.txt") @clause("1")
                    when
                        $unit : UnitFacts( )
                    then
                        Check.of(kcontext, $unit).events("dialogue").everyQuarter();
                    end
                    """.formatted(i, i));
        }
        return b.toString();
    }

    private static Path folder(Path dir, List<String> files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("demo").resolve("2021"));
        Files.writeString(folder.resolve("manifest.json"), """
                {"id": "demo/2021", "version": "1.0.0", "title": {"vi": "Thử", "en": "Demo"}, "issuer": "Test",
                 "period": "2021", "effective": {"from": "2021-01-01", "to": "2021-12-31"},
                 "sources": [{"document": "doc.txt"}], "files": [%s]}
                """.formatted(String.join(", ", files.stream().map(f -> "\"" + f + "\"").toList())),
                StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void aFileListedTwiceIsRefused(@TempDir Path dir) throws IOException {
        Path folder = folder(dir, List.of("a.drl", "a.drl"));
        Files.writeString(folder.resolve("a.drl"), rules(0, 1));

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertTrue(e.getMessage().contains("files: lists a file twice"), e::getMessage);
    }

    @Test
    void moreFilesThanTheLimitAreRefusedBeforeAnyIsRead(@TempDir Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= RuleSetCompiler.MAX_FILES; i++) {
            names.add("f" + i + ".drl");
        }

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder(dir, names)));

        assertTrue(e.getMessage().contains("lists 101 files, more than a rule set may (100)"), e::getMessage);
    }

    @Test
    void moreRulesThanTheLimitAcrossFilesAreRefusedBeforeCompiling(@TempDir Path dir) throws IOException {
        Path folder = folder(dir, List.of("a.drl", "b.drl", "c.drl"));
        Files.writeString(folder.resolve("a.drl"), rules(0, 200));
        Files.writeString(folder.resolve("b.drl"), rules(200, 200).replace("package demo;", "package demo.b;"));
        Files.writeString(folder.resolve("c.drl"), rules(400, 101).replace("package demo;", "package demo.c;"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSet.fromDirectory(folder));

        assertEquals(1, e.problems().size(), e::getMessage);
        assertTrue(e.getMessage().contains("declare 501 rules, more than a rule set may hold (500)"), e::getMessage);
    }
}
