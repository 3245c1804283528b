// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.build.RuleSetBuild;
import org.reformtargets.testkit.ScenarioGen;

/**
 * Every bundled rule set loads from the executable model precompiled by the build, and that model
 * behaves exactly as the DRL compiled at load time: same rule metadata (files and lines included),
 * same description, same evaluation of every scenario, example and generated document.
 */
class PrecompiledRuleSetsTest {

    private static final Map<String, RuleSet[]> LOADED = new HashMap<>();

    static List<String> ids() {
        return RuleSet.available();
    }

    /** The rule set loaded as shipped, and compiled from its DRL. */
    private static synchronized RuleSet[] both(String id) {
        return LOADED.computeIfAbsent(id, i -> new RuleSet[] {RuleSet.load(i), fromDrl(() -> RuleSet.load(i))});
    }

    private static synchronized RuleSet fromDrl(Supplier<RuleSet> load) {
        String before = System.getProperty(RuleSetBuild.PRECOMPILED_PROPERTY);
        System.setProperty(RuleSetBuild.PRECOMPILED_PROPERTY, "false");
        try {
            return load.get();
        } finally {
            if (before == null) {
                System.clearProperty(RuleSetBuild.PRECOMPILED_PROPERTY);
            } else {
                System.setProperty(RuleSetBuild.PRECOMPILED_PROPERTY, before);
            }
        }
    }

    private static boolean precompiled(RuleSet r) {
        return RuleSetBuild.precompiled(r);
    }

    @Test
    void everyBundledRuleSetIsPrecompiled() {
        assertEquals(8, ids().size());
        for (String id : ids()) {
            assertTrue(RuleSetBuild.hasModel(id, RuleSet.class.getClassLoader()), id);
            assertTrue(precompiled(both(id)[0]), id + " loads from its precompiled model");
            assertFalse(precompiled(both(id)[1]), id + " compiles from DRL when precompiled models are off");
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void thePrecompiledRuleSetHasTheSameManifestHashRulesAndDescription(String id) {
        RuleSet pre = both(id)[0];
        RuleSet drl = both(id)[1];

        assertEquals(drl.manifest(), pre.manifest());
        assertEquals(drl.contentHash(), pre.contentHash());
        assertEquals(drl.targets(), pre.targets());
        assertEquals(sortedRules(drl), sortedRules(pre));
        assertEquals(drl.describe(), pre.describe());
    }

    private static List<String> sortedRules(RuleSet r) {
        return RuleSetBuild.rules(r);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyScenarioEvaluatesIdentically(String id) throws IOException {
        RuleSet pre = both(id)[0];
        RuleSet drl = both(id)[1];
        int evaluated = 0;
        for (Map.Entry<String, FactsDocument> s : RuleSetBuild.scenarioFacts(id, RuleSet.class.getClassLoader())
                .entrySet()) {
            assertEquals(outcome(drl, s.getValue()), outcome(pre, s.getValue()), id + " " + s.getKey());
            evaluated++;
        }
        assertTrue(evaluated > 0, id + " has scenarios");
    }

    @Test
    void everyExampleFactsDocumentEvaluatesIdentically() throws IOException {
        Path examples = Path.of("../examples/src/main/resources/facts");
        List<Path> documents;
        try (Stream<Path> files = Files.list(examples)) {
            documents = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(documents.isEmpty());
        for (Path p : documents) {
            FactsDocument facts = ReformTargetsJson.readFacts(p);
            RuleSet[] rules = both(facts.ruleSet());
            String expected = outcome(rules[1], facts);

            assertEquals(expected, outcome(rules[0], facts), p.toString());
            assertTrue(expected.contains("\"results\""), p + " evaluates");
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void generatedDocumentsEvaluateIdentically(String id) {
        RuleSet pre = both(id)[0];
        RuleSet drl = both(id)[1];
        qt().withExamples(60).withShrinkCycles(50)
                .forAll(ScenarioGen.documents(drl))
                .checkAssert(facts -> assertEquals(outcome(drl, facts), outcome(pre, facts)));
    }

    /** The result document, or the refusal with every problem. */
    private static String outcome(RuleSet rules, FactsDocument facts) {
        try {
            return ReformTargetsJson.writeEvaluation(rules.evaluate(facts));
        } catch (ReformTargetsException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " " + e.problems();
        }
    }

    @Test
    void aRuleSetWhoseFilesDifferFromThePrecompiledOnesCompilesItsDrl(@TempDir Path dir) throws IOException {
        String id = "hcm-agri/2021";
        RuleSet original = RuleSet.load(id);
        copy(id, original, dir, "feedback.drl", "\n// edited\n", index(id));

        try (URLClassLoader edited = childFirst(dir)) {
            RuleSet loaded = RuleSet.load(id, edited);

            assertFalse(precompiled(loaded));
            assertNotEquals(original.contentHash(), loaded.contentHash());
            assertEquals(sortedRules(original), sortedRules(loaded));
        }
    }

    @Test
    void aPrecompiledModelWhoseClassesAreMissingGivesWayToTheDrl(@TempDir Path dir) throws IOException {
        String id = "binh-thuan-qlcl/2023";
        RuleSet original = RuleSet.load(id);
        copy(id, original, dir, null, null, index(id).replaceAll("(?m)^(model\\.\\d+)=org\\.", "$1=missing."));

        try (URLClassLoader broken = childFirst(dir)) {
            RuleSet loaded = RuleSet.load(id, broken);

            assertFalse(precompiled(loaded));
            assertEquals(original.contentHash(), loaded.contentHash());
            assertEquals(sortedRules(original), sortedRules(loaded));
            assertEquals(original.describe(), loaded.describe());
        }
    }

    private static String index(String id) throws IOException {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(RuleSetBuild.indexResource(id))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies rule set {@code id} and its shared files under {@code dir}, appending {@code tail} to {@code edited}. */
    private static void copy(String id, RuleSet rules, Path dir, String edited, String tail, String index)
            throws IOException {
        Path folder = dir.resolve("rulesets/" + id);
        Files.createDirectories(folder);
        Files.write(folder.resolve("manifest.json"), resource(id + "/" + "manifest.json"));
        for (String f : rules.manifest().files()) {
            String drl = new String(resource(id + "/" + f), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(f), f.equals(edited) ? drl + tail : drl);
        }
        for (String f : rules.manifest().include()) {
            Path shared = folder.getParent().resolve(f);
            Files.createDirectories(shared.getParent());
            Files.write(shared, resource(id.substring(0, id.indexOf('/')) + "/" + f));
        }
        Path file = dir.resolve(RuleSetBuild.indexResource(id));
        Files.createDirectories(file.getParent());
        Files.writeString(file, index);
    }

    /** A class loader that finds resources in {@code dir} first, and classes as the library does. */
    private static URLClassLoader childFirst(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RuleSet.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                URL own = findResource(name);
                return own != null ? own : super.getResource(name);
            }

            @Override
            public InputStream getResourceAsStream(String name) {
                URL own = findResource(name);
                try {
                    return own != null ? own.openStream() : super.getResourceAsStream(name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static byte[] resource(String relative) throws IOException {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream("rulesets/" + relative)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
