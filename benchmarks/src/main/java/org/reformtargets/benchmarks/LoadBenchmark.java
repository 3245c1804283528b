// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reformtargets.core.RuleSet;

/**
 * Loading the rule set {@code hcm-agri/2021}, in milliseconds.
 *
 * <ul>
 *   <li>{@code cold}: {@code RuleSet.load("hcm-agri/2021")} once in a fresh JVM (single shot, no
 *       warm-up, a new fork per measurement): what a command-line run or a host's first request
 *       pays, class loading of Drools included.</li>
 *   <li>{@code warm}: the same call again and again in a warmed JVM. {@code RuleSet.load} keeps no
 *       cache on this branch, so every call reads and builds the rule set anew; were a cache added,
 *       this would measure the cache and {@code warmFromDirectory} would still measure a build.</li>
 *   <li>{@code warmFromDirectory}: {@code RuleSet.fromDirectory} on a copy of the bundled folder,
 *       which always compiles the DRL at run time (the path of rule sets edited by policy authors).</li>
 * </ul>
 *
 * <p>Run from the project root after {@code mvn -B package -pl benchmarks -am -DskipTests}:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LoadBenchmark
 * java -jar benchmarks/target/benchmarks.jar LoadBenchmark.cold -f 10     # cold only
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    static final String ID = "hcm-agri/2021";

    /**
     * A copy of the bundled rule set's folder (manifest, DRL and scenario files) in a temporary
     * directory; only {@code warmFromDirectory} uses it, so that {@code cold} loads nothing first.
     */
    @State(Scope.Benchmark)
    public static class Folder {

        private Path folder;

        /** Copies the folder. */
        @Setup(Level.Trial)
        public void copyFolder() throws IOException {
            Path root = Files.createTempDirectory("reform-targets-load");
            folder = root.resolve(ID);
            Files.createDirectories(folder);
            ClassLoader loader = RuleSet.class.getClassLoader();
            JsonNode manifest;
            try (InputStream in = loader.getResourceAsStream("rulesets/" + ID + "/manifest.json")) {
                manifest = JsonMapper.builder().build().readTree(in);
            }
            copy(loader, "manifest.json");
            for (String list : new String[] {"files", "scenarios"}) {
                for (JsonNode f : manifest.path(list)) {
                    copy(loader, f.asText());
                }
            }
        }

        private void copy(ClassLoader loader, String name) throws IOException {
            try (InputStream in = loader.getResourceAsStream("rulesets/" + ID + "/" + name)) {
                if (in == null) {
                    throw new IOException("rulesets/" + ID + "/" + name + " is not on the class path");
                }
                Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Removes the copy. */
        @TearDown(Level.Trial)
        public void removeFolder() {
            try (Stream<Path> all = Files.walk(folder.getParent().getParent())) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The first load in a fresh JVM. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RuleSet cold() {
        return RuleSet.load(ID);
    }

    /** Loading again in a warmed JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public RuleSet warm() {
        return RuleSet.load(ID);
    }

    /** Compiling the same rules from a folder on disk in a warmed JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(1)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public RuleSet warmFromDirectory(Folder copy) {
        return RuleSet.fromDirectory(copy.folder);
    }
}
