// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies of the demo rule set ({@code rulesets/demo/2021} on the test class path) to break in a test. */
final class DemoRuleSet {

    /** The lines every rule file of the demo starts with: a package and three imports, 5 lines. */
    static final String HEADER = """
            package org.reformtargets.fixtures.demo;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;
            """;

    private DemoRuleSet() {
    }

    /** A copy of the demo rule set in {@code root/family/year}. */
    static Path copy(Path root, String family, String year) {
        Path dir = root.resolve(family).resolve(year);
        try {
            Files.createDirectories(dir);
            for (String file : List.of("manifest.json", "demo.drl")) {
                try (InputStream in = DemoRuleSet.class.getClassLoader()
                        .getResourceAsStream("rulesets/demo/2021/" + file)) {
                    Files.copy(in, dir.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static void write(Path dir, String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
