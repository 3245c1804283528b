// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.build;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.drools.base.util.Drools;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.io.memory.MemoryFile;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.io.ByteArrayResource;
import org.drools.model.codegen.execmodel.JavaParserCompiler;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.ModelWriter;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.util.PortablePath;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.memorycompiler.CompilationResult;
import org.kie.util.maven.support.ReleaseIdImpl;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.build.RuleSetBuild;

/**
 * The build step that precompiles every bundled rule set to the Drools executable model. Run by
 * the rules module's build in {@code process-classes}, with the compile class path, as
 * {@code Precompiler OUTPUT_DIR}, after the rule sets have been copied to {@code OUTPUT_DIR/rulesets}.
 *
 * <p>For each id in {@code rulesets/index.txt} it compiles the DRL as {@code RuleSet.load} does
 * (manifest checks, {@code RuleGrammar}, rule metadata: a rule set that does not load fails the build),
 * generates the executable model from the same files with each package renamed by
 * {@link RuleSetBuild#renamedSources}, compiles the generated Java into {@code OUTPUT_DIR}, writes
 * the index, and checks that loading the result gives the same rules with
 * the same metadata, files and lines as the DRL. It reaches core only through {@link RuleSetBuild}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Precompiler {

    private Precompiler() {
    }

    /** Precompiles the rule sets in {@code args[0]}; exits with 1 on any problem. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Precompiler OUTPUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> failures = new ArrayList<>();
        List<String> ids = ids(out);
        try (URLClassLoader resources = new URLClassLoader(new URL[] {out.toUri().toURL()}, null)) {
            for (String id : ids) {
                try {
                    precompile(id, out, resources);
                } catch (RuleSetException e) {
                    failures.add(e.getMessage() + "\n" + String.join("\n", e.problems().stream().map(Object::toString).toList()));
                } catch (IllegalStateException e) {
                    failures.add(id + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            System.err.println("Cannot precompile the bundled rule sets:\n" + String.join("\n", failures));
            System.exit(1);
        }
    }

    private static List<String> ids(Path out) throws IOException {
        return Files.readAllLines(out.resolve("rulesets/index.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Precompiles rule set {@code id}, whose files {@code resources} holds. */
    static void precompile(String id, Path out, ClassLoader resources) throws IOException {
        RuleSetBuild drl = RuleSetBuild.compile(id, resources);

        ModelBuilderImpl<PackageSources> builder = new ModelBuilderImpl<>(PackageSources::dumpSources,
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Precompiler.class.getClassLoader())
                        .as(KnowledgeBuilderConfigurationImpl.KEY),
                new ReleaseIdImpl("org.reformtargets.precompiled", id.replace('/', '-'), "1"), false);
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Map.Entry<String, String> source : drl.renamedSources().entrySet()) {
            batch.add(new ByteArrayResource(source.getValue().getBytes(StandardCharsets.UTF_8), "UTF-8")
                    .setSourcePath(source.getKey()), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            throw new IllegalStateException("the executable model does not build: " + builder.getErrors());
        }

        MemoryFileSystem generated = new MemoryFileSystem();
        ModelWriter.Result written = new ModelWriter().writeModel(generated, builder.getPackageSources());
        MemoryFileSystem classes = new MemoryFileSystem();
        CompilationResult compiled = JavaParserCompiler.getCompiler().compile(
                written.getSourceFiles().toArray(new String[0]), generated, classes, Precompiler.class.getClassLoader());
        if (compiled.getErrors().length > 0) {
            throw new IllegalStateException("the generated Java does not compile: " + List.of(compiled.getErrors()));
        }

        Path rootDir = out.resolve(drl.generatedPackageRoot().replace('.', '/'));
        delete(rootDir);
        for (PortablePath p : classes.getFilePaths()) {
            Path target = out.resolve(p.asString()).normalize();
            if (!target.startsWith(rootDir)) {
                throw new IllegalStateException("generated a class outside " + rootDir + ": " + p.asString());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, classes.getFileContents((MemoryFile) classes.getFile(p)));
        }
        drl.writeIndex(out, new ArrayList<>(new TreeSet<>(written.getModelFiles())), Drools.getFullVersion());

        drl.verify(Precompiler.class.getClassLoader());
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
