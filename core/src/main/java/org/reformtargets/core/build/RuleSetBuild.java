// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.build;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.internal.HashingFiles;
import org.reformtargets.core.internal.PrecompiledModel;
import org.reformtargets.core.internal.RuleInfo;
import org.reformtargets.core.internal.RuleSetCompiler;
import org.reformtargets.core.internal.RuleSetFiles;
import org.reformtargets.core.internal.ScenarioFile;

/**
 * One bundled rule set as the rules module's build step ({@code Precompiler}) precompiles it, and
 * what that step's tests inspect. For the rules module's build only, not for hosts: it may change in
 * any release.
 *
 * <p>{@link #compile} compiles the DRL as {@link RuleSet#load(String)} does (a rule set that does not
 * load fails the build); the build step generates the executable model from {@link #renamedSources()},
 * compiles it under {@link #generatedPackageRoot()}, records it with {@link #writeIndex} and checks the
 * result with {@link #verify}.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleSetBuild {

    /** The system property that, set to {@code false}, turns precompiled models off. */
    public static final String PRECOMPILED_PROPERTY = PrecompiledModel.PROPERTY;

    private final String id;
    private final RuleSetCompiler.Files files;
    private final RuleSetCompiler.Compiled drl;
    private final String contentHash;

    private RuleSetBuild(String id, RuleSetCompiler.Files files, RuleSetCompiler.Compiled drl, String contentHash) {
        this.id = id;
        this.files = files;
        this.drl = drl;
        this.contentHash = contentHash;
    }

    /**
     * Compiles rule set {@code id} from the DRL under {@code rulesets/} on {@code resources}' path.
     *
     * @throws RuleSetException with every problem, as {@link RuleSet#load(String)} would
     */
    public static RuleSetBuild compile(String id, ClassLoader resources) {
        RuleSetCompiler.Files files = RuleSetFiles.classpath(id, resources);
        HashingFiles hashing = new HashingFiles(files);
        RuleSetCompiler.Compiled drl = RuleSetCompiler.compile(id, hashing);
        return new RuleSetBuild(id, files, drl, hashing.sha256());
    }

    /** The rule set's id, such as {@code hcm-agri/2021}. */
    public String id() {
        return id;
    }

    /** Its manifest. */
    public RuleSetManifest manifest() {
        return drl.manifest();
    }

    /** The SHA-256 of its files, as {@link RuleSet#contentHash()} gives it. */
    public String contentHash() {
        return contentHash;
    }

    /** The rules compiled from DRL, which the executable model must reproduce. */
    public KieBase kieBase() {
        return drl.kieBase();
    }

    /**
     * Its DRL files, keyed by source path (a shared file as {@code ../file}), each with its package
     * renamed to the one its precompiled classes live in.
     *
     * @throws IllegalStateException when a file declares no package
     */
    public Map<String, String> renamedSources() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String f : manifest().files()) {
            sources.put(f, new String(files.read(f), StandardCharsets.UTF_8));
        }
        for (String f : manifest().include()) {
            sources.put("../" + f, new String(files.readShared(f), StandardCharsets.UTF_8));
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String original = PrecompiledModel.packageOf(source.getValue());
            if (original == null) {
                throw new IllegalStateException(source.getKey() + " declares no package: precompiling needs one");
            }
            renamed.put(source.getKey(),
                    PrecompiledModel.withPackage(source.getValue(), PrecompiledModel.packageFor(id, original)));
        }
        return renamed;
    }

    /** The package under which every class generated for this rule set must lie. */
    public String generatedPackageRoot() {
        String root = PrecompiledModel.packageFor(id, "x");
        return root.substring(0, root.lastIndexOf('.'));
    }

    /**
     * Writes the index of the precompiled model under {@code out} (a class-path root).
     *
     * @param modelFiles    the generated model classes, as Drools' {@code ModelWriter} names them
     * @param droolsVersion the Drools version that generated them
     * @return the index file
     */
    public Path writeIndex(Path out, List<String> modelFiles, String droolsVersion) throws IOException {
        Map<String, String> fileOfRule = new TreeMap<>();
        for (KiePackage pkg : kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String source = ((RuleImpl) rule).getResource().getSourcePath();
                fileOfRule.put(PrecompiledModel.key(PrecompiledModel.packageFor(id, pkg.getName()), rule.getName()),
                        source);
            }
        }
        PrecompiledModel model = new PrecompiledModel(id, contentHash, droolsVersion, manifest(),
                List.copyOf(modelFiles), fileOfRule);
        Path index = out.resolve(PrecompiledModel.resource(id));
        Files.createDirectories(index.getParent());
        Files.writeString(index, model.render(), StandardCharsets.UTF_8);
        return index;
    }

    /**
     * Checks that the index on {@code loader}'s path reads back with the same manifest, and that the
     * precompiled rule set loads and gives the DRL's rules with the same metadata.
     *
     * @throws IllegalStateException naming the first difference
     */
    public void verify(ClassLoader loader) {
        PrecompiledModel model = PrecompiledModel.find(id, loader);
        if (model == null) {
            throw new IllegalStateException("the precompiled index does not read back");
        }
        if (!model.manifest().equals(drl.manifest())) {
            throw new IllegalStateException("the manifest in the precompiled index reads back as " + model.manifest()
                    + " instead of " + drl.manifest());
        }
        RuleSetCompiler.Compiled precompiled = RuleSetCompiler.precompiled(id, new HashingFiles(files), model, loader);
        if (precompiled == null) {
            throw new IllegalStateException("the precompiled model does not load");
        }
        List<String> expected = rules(drl);
        List<String> actual = rules(precompiled);
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the precompiled rules differ from the DRL's: " + actual + " instead of "
                    + expected);
        }
    }

    /** The class-path resource of the index of rule set {@code id}'s precompiled model. */
    public static String indexResource(String id) {
        return PrecompiledModel.resource(id);
    }

    /** Whether {@code loader}'s path holds a usable precompiled model of rule set {@code id}. */
    public static boolean hasModel(String id, ClassLoader loader) {
        return PrecompiledModel.find(id, loader) != null;
    }

    /** Whether {@code ruleSet} was loaded from a precompiled model rather than compiled from DRL. */
    public static boolean precompiled(RuleSet ruleSet) {
        return compiled(ruleSet).precompiled();
    }

    /** Each rule of {@code ruleSet} with its metadata, file and line, one string a rule, sorted. */
    public static List<String> rules(RuleSet ruleSet) {
        return rules(compiled(ruleSet));
    }

    private static List<String> rules(RuleSetCompiler.Compiled compiled) {
        return compiled.rules().values().stream().map(RuleInfo::toString).sorted().toList();
    }

    /**
     * The facts of every scenario of rule set {@code id} on {@code loader}'s path, keyed by
     * {@code file: scenario name}.
     *
     * @throws IllegalStateException when a scenario file has problems
     */
    public static Map<String, FactsDocument> scenarioFacts(String id, ClassLoader loader) throws IOException {
        RuleSetCompiler.Files files = RuleSetFiles.classpath(id, loader);
        Map<String, FactsDocument> facts = new LinkedHashMap<>();
        for (String file : RuleSetCompiler.manifest(id, files).scenarios()) {
            ScenarioFile.Parsed parsed = ScenarioFile.parse(files.read(file), file, id, files::read);
            if (!parsed.problems().isEmpty()) {
                throw new IllegalStateException(file + ": " + parsed.problems());
            }
            for (ScenarioFile.Scenario s : parsed.scenarios()) {
                facts.put(file + ": " + s.name(), s.facts());
            }
        }
        return facts;
    }

    /**
     * What {@code ruleSet} was built from. Read reflectively so that no public type hands out a rule
     * set's compiled form (see docs/api.md).
     */
    private static RuleSetCompiler.Compiled compiled(RuleSet ruleSet) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        try {
            Field field = RuleSet.class.getDeclaredField("compiled");
            field.setAccessible(true);
            return (RuleSetCompiler.Compiled) field.get(ruleSet);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RuleSet no longer keeps its compiled form in field 'compiled'", e);
        }
    }
}
