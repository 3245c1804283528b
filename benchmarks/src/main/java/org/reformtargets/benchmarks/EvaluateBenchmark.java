// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
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
 * Evaluating {@code hcm-agri/2021} on {@link NationalFacts} documents of 1,000, 10,000 and 100,000
 * units (about 20 facts each), in milliseconds per document, with the rule set and with the
 * plain-Java {@link ReferenceEvaluator} in the same run, so that their ratio is measured on the
 * same machine under the same load.
 *
 * <ul>
 *   <li>{@code ruleSet}: {@code RuleSet.evaluate(facts)} on a document built in set-up (validation,
 *       indexing, the rules, results with their sentences, sorting).</li>
 *   <li>{@code reference}: {@code ReferenceEvaluator.evaluate(facts)} on the same document.</li>
 *   <li>{@code referenceTwoThreads}: the same, the units split between two threads after indexing:
 *       the baseline for a rule set that uses both cores.</li>
 *   <li>{@code ruleSetWritten}: the rule set on the document in memory, its result document (with
 *       every sentence) written as the results come to a null output stream, as {@code evaluate
 *       --format json} does after reading.</li>
 *   <li>{@code referenceWritten}: the reference evaluator on the same document, its results written as
 *       a JSON array with Jackson: the baseline of {@code ruleSetWritten}.</li>
 *   <li>{@code ruleSetEndToEnd}: compact JSON bytes in, {@code ReformTargetsJson.readFacts},
 *       evaluate, {@code ReformTargetsJson.writeEvaluation} to a null output stream.</li>
 *   <li>{@code referenceEndToEnd}: the same with the reference evaluator, its results written
 *       as a JSON array with Jackson.</li>
 * </ul>
 *
 * <p>Run from the project root after {@code mvn -B package -pl benchmarks -am -DskipTests}:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EvaluateBenchmark
 * java -jar benchmarks/target/benchmarks.jar EvaluateBenchmark -p units=100000 -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 * Forks run with a fixed 4 GB heap so that the 100,000-unit document, its JSON and the results fit
 * without the collector dominating; {@code Probe} measures the heap an evaluation needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EvaluateBenchmark {

    private static final ObjectWriter RESULTS = JsonMapper.builder().build().writer()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Units in the document. */
    @Param({"1000", "10000", "100000"})
    public int units;

    private RuleSet rules;
    private FactsDocument facts;
    private byte[] json;

    /** Loads the rule set and builds the document and its JSON. */
    @Setup(Level.Trial)
    public void setUp() {
        rules = RuleSet.load("hcm-agri/2021");
        facts = NationalFacts.generate(units, 1L);
        json = NationalFacts.json(facts);
        // The document lives through the whole trial: move it out of the young generation now, or every young
        // collection during measurement copies it again between survivor spaces.
        System.gc();
        System.gc();
    }

    /** The rule set on a document in memory. */
    @Benchmark
    public Evaluation ruleSet() {
        return rules.evaluate(facts);
    }

    /** The reference evaluator on the same document. */
    @Benchmark
    public List<ReferenceEvaluator.Result> reference() {
        return ReferenceEvaluator.evaluate(facts);
    }

    /** The reference evaluator on two threads. */
    @Benchmark
    public List<ReferenceEvaluator.Result> referenceTwoThreads() {
        return ReferenceEvaluator.evaluate(facts, 2);
    }

    /** The rule set on the document in memory, its results written as they come (evaluation and write). */
    @Benchmark
    public java.util.Map<org.reformtargets.core.Status, Integer> ruleSetWritten() {
        return ReformTargetsJson.writeEvaluation(rules, facts, java.util.concurrent.ForkJoinPool.commonPool(),
                OutputStream.nullOutputStream());
    }

    /** The reference evaluator on the same document, its results written with Jackson. */
    @Benchmark
    public List<ReferenceEvaluator.Result> referenceWritten() throws IOException {
        List<ReferenceEvaluator.Result> results = ReferenceEvaluator.evaluate(facts);
        RESULTS.writeValue(OutputStream.nullOutputStream(), results);
        return results;
    }

    /** JSON in, the rule set, JSON out as the results come (the way the CLI's {@code --format json} runs). */
    @Benchmark
    public java.util.Map<org.reformtargets.core.Status, Integer> ruleSetEndToEnd() {
        FactsDocument read = ReformTargetsJson.readFacts(new ByteArrayInputStream(json), null);
        return ReformTargetsJson.writeEvaluation(rules, read, java.util.concurrent.ForkJoinPool.commonPool(),
                OutputStream.nullOutputStream());
    }

    /** JSON in, the reference evaluator, JSON out. */
    @Benchmark
    public List<ReferenceEvaluator.Result> referenceEndToEnd() throws IOException {
        FactsDocument read = ReformTargetsJson.readFacts(new ByteArrayInputStream(json), null);
        List<ReferenceEvaluator.Result> results = ReferenceEvaluator.evaluate(read);
        RESULTS.writeValue(OutputStream.nullOutputStream(), results);
        return results;
    }
}
