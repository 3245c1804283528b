// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a small rule-set folder {@code <root>/<family>/<year>/} for a test. */
final class RuleSetFolder {

    static final String DEPT_DOC = "dept.txt";
    static final String SUB_DOC = "sub.txt";

    private final String id;
    private final Map<String, String> drl = new LinkedHashMap<>();
    private final Map<String, String> scenarios = new LinkedHashMap<>();
    private final List<String> include = new ArrayList<>();
    private String manifestOverride;
    private String issuer = "Sở thử nghiệm";
    private String year;

    private RuleSetFolder(String id) {
        this.id = id;
        this.year = id.substring(id.indexOf('/') + 1);
    }

    static RuleSetFolder of(String id) {
        return new RuleSetFolder(id);
    }

    /** A DRL file with the standard header; {@code rules} follow it. */
    RuleSetFolder drl(String file, String rules) {
        drl.put(file, header() + rules);
        return this;
    }

    /** A DRL file exactly as given. */
    RuleSetFolder rawDrl(String file, String text) {
        drl.put(file, text);
        return this;
    }

    RuleSetFolder scenarios(String file, String json) {
        scenarios.put(file, json);
        return this;
    }

    /** Files of the family folder the manifest includes (written by the test itself). */
    RuleSetFolder include(String... paths) {
        include.addAll(List.of(paths));
        return this;
    }

    RuleSetFolder issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    RuleSetFolder manifest(String json) {
        this.manifestOverride = json;
        return this;
    }

    String header() {
        return "package org.reformtargets.test.y" + year + ";\n"
                + "\n"
                + "import org.reformtargets.core.Level;\n"
                + "import org.reformtargets.core.rule.UnitFacts;\n"
                + "import org.reformtargets.core.rule.Check;\n"
                + "\n";
    }

    /** The number of lines of {@link #header()}: rules start on the line after. */
    static final int HEADER_LINES = 6;

    String manifestJson() {
        if (manifestOverride != null) {
            return manifestOverride;
        }
        List<String> files = new ArrayList<>();
        drl.keySet().forEach(f -> files.add("\"" + f + "\""));
        List<String> inc = new ArrayList<>();
        include.forEach(f -> inc.add("\"" + f + "\""));
        List<String> sc = new ArrayList<>();
        scenarios.keySet().forEach(f -> sc.add("\"" + f + "\""));
        return "{\n"
                + "  \"id\": \"" + id + "\",\n"
                + "  \"version\": \"1.0.0\",\n"
                + "  \"title\": {\"vi\": \"Bộ thử\", \"en\": \"Test set\"},\n"
                + (issuer == null ? "" : "  \"issuer\": \"" + issuer + "\",\n")
                + "  \"period\": \"" + year + "\",\n"
                + "  \"effective\": {\"from\": \"" + year + "-01-01\", \"to\": \"" + year + "-12-31\"},\n"
                + "  \"sources\": [\n"
                + "    {\"document\": \"" + DEPT_DOC + "\", \"title\": \"Department\", \"level\": \"DEPARTMENT\"},\n"
                + "    {\"document\": \"" + SUB_DOC + "\", \"title\": \"Sub-department\", \"level\": \"SUB_DEPARTMENT\"}\n"
                + "  ],\n"
                + "  \"files\": [" + String.join(", ", files) + "]"
                + (inc.isEmpty() ? "" : ",\n  \"include\": [" + String.join(", ", inc) + "]")
                + (sc.isEmpty() ? "" : ",\n  \"scenarios\": [" + String.join(", ", sc) + "]")
                + "\n}\n";
    }

    /** Writes the folder under {@code root} and returns it. */
    Path writeUnder(Path root) {
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("manifest.json"), manifestJson(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> f : drl.entrySet()) {
                Files.createDirectories(dir.resolve(f.getKey()).getParent());
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> f : scenarios.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A rule with metadata: {@code doc} is {@link #DEPT_DOC} or {@link #SUB_DOC}. */
    static String rule(String name, String target, String doc, String level, String consequence) {
        return "rule \"" + name + "\"\n"
                + "    @target(\"" + target + "\")\n"
                + "    @document(\"" + doc + "\") @clause(\"1\")\n"
                + "when\n"
                + "    $unit : UnitFacts( level == Level." + level + " )\n"
                + "then\n"
                + "    " + consequence + "\n"
                + "end\n\n";
    }
}
