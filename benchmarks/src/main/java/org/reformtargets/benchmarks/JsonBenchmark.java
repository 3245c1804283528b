// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/**
 * The JSON contract on the {@link NationalFacts} documents of {@link EvaluateBenchmark}, in
 * milliseconds per document:
 *
 * <ul>
 *   <li>{@code readFactsFile}: the same from a file, as the command line reads it (no places kept).</li>
 *   <li>{@code readFacts}: {@code ReformTargetsJson.readFacts} of the compact JSON bytes
 *       (parsing, with the line and column of every fact kept for error messages, and validation).</li>
 *   <li>{@code writeFacts}: {@code ReformTargetsJson.writeFacts} of the document (indented).</li>
 *   <li>{@code writeEvaluation}: {@code ReformTargetsJson.writeEvaluation} of the document's
 *       evaluation, made in set-up, to a null output stream.</li>
 * </ul>
 *
 * <p>Run from the project root after {@code mvn -B package -pl benchmarks -am -DskipTests}:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JsonBenchmark
 * java -jar benchmarks/target/benchmarks.jar JsonBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class JsonBenchmark {

    /** Units in the document. */
    @Param({"1000", "10000", "100000"})
    public int units;

    private FactsDocument facts;
    private byte[] json;
    private Path file;
    private Evaluation evaluation;

    /** Builds the document, its JSON and its evaluation. */
    @Setup(Level.Trial)
    public void setUp() {
        facts = NationalFacts.generate(units, 1L);
        json = NationalFacts.json(facts);
        evaluation = RuleSet.load("hcm-agri/2021").evaluate(facts);
        try {
            file = Files.createTempFile("json-benchmark-", ".json");
            file.toFile().deleteOnExit();
            Files.write(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The document lives through the whole trial: move it out of the young generation now, or every young
        // collection during measurement copies it again between survivor spaces.
        System.gc();
        System.gc();
    }

    /**
     * Reads the facts from a file, as the command line does: the fast pass keeps no places (a problem
     * found later is placed by reading the file again).
     */
    @Benchmark
    public FactsDocument readFactsFile() {
        return ReformTargetsJson.readFacts(file);
    }

    /** Reads the facts from JSON bytes. */
    @Benchmark
    public FactsDocument readFacts() {
        return ReformTargetsJson.readFacts(new ByteArrayInputStream(json), null);
    }

    /** Writes the facts as JSON text. */
    @Benchmark
    public String writeFacts() {
        return ReformTargetsJson.writeFacts(facts);
    }

    /** Writes the evaluation as JSON to a null stream. */
    @Benchmark
    public Evaluation writeEvaluation() {
        ReformTargetsJson.writeEvaluation(evaluation, OutputStream.nullOutputStream());
        return evaluation;
    }
}
