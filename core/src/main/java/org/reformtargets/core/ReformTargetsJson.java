// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;
import org.reformtargets.core.internal.FactsReader;

/**
 * Reads and writes the two documents of the JSON contract ({@code facts-format.md}): facts in,
 * evaluations out. Reading facts validates them and reports every problem with its path, line and
 * column (the first {@value InvalidFactsException#MAX_LISTED}, and how many more). Writing is deterministic: the same evaluation gives the same bytes (UTF-8, two-space
 * indent, {@code \n} line ends).
 */
@API(status = STABLE, since = "0.1")
public final class ReformTargetsJson {

    /**
     * The mapper and writer, made when first written or read with them: reading facts needs neither
     * (a quarter of the classes the command line loads to evaluate the bundled example).
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // written to bytes, a character outside the BMP is one 4-byte UTF-8 sequence, as String.getBytes
                // gives it, not two 3-byte halves: streamed and string output (and their hashes) agree
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    }

    private ReformTargetsJson() {
    }

    /**
     * Reads a facts document from UTF-8 bytes.
     *
     * @param source a name for the input in error messages, such as its file name; may be null
     * @throws InvalidFactsException listing every problem, each with its place
     */
    public static FactsDocument readFacts(InputStream in, String source) {
        return FactsReader.read(in, source);
    }

    /**
     * Reads a facts document from UTF-8 bytes and checks its words (levels, indicators, fields,
     * event types, attestation keys) against {@code ruleSet}'s vocabulary at once, each problem
     * with its place. {@link #readFacts(InputStream, String)} leaves that check to
     * {@link RuleSet#evaluate(FactsDocument)}, which makes it at the same places.
     *
     * @throws InvalidFactsException listing every problem, each with its place
     */
    public static FactsDocument readFacts(InputStream in, String source, RuleSet ruleSet) {
        return FactsReader.read(in, source, ruleSet.vocabulary(), ruleSet.id());
    }

    /** Reads a facts document from UTF-8 bytes and checks its words against {@code vocabulary} (see above). */
    public static FactsDocument readFacts(InputStream in, String source, Vocabulary vocabulary) {
        return FactsReader.read(in, source, vocabulary, null);
    }

    /** Reads a facts document from characters and checks its words against {@code vocabulary} (see above). */
    public static FactsDocument readFacts(Reader in, String source, Vocabulary vocabulary) {
        return FactsReader.read(in, source, vocabulary, null);
    }

    /** Reads a facts document from characters. */
    public static FactsDocument readFacts(Reader in, String source) {
        return FactsReader.read(in, source);
    }

    /** Reads a facts document from a string. */
    public static FactsDocument readFacts(String json) {
        return FactsReader.read(json, null, null, null);
    }

    /** Reads a facts document from a file; messages name the file. */
    public static FactsDocument readFacts(Path file) {
        return FactsReader.read(file, file.toString(), null, null);
    }

    /** Writes a facts document as JSON. */
    public static String writeFacts(FactsDocument facts) {
        return write(facts);
    }

    /**
     * Writes the bytes of {@link #writeFacts(FactsDocument)}, UTF-8, to {@code out} as they are made,
     * without holding the document as one string (for the audit record's canonical hash).
     */
    static void writeFacts(FactsDocument facts, OutputStream out) throws IOException {
        Mapper.PRETTY.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, facts);
        out.write('\n');
    }

    /**
     * Writes an evaluation as the contract's result document.
     *
     * @throws UncheckedIOException when the document cannot be generated (as every {@code writeEvaluation}
     *                              overload reports a failure to write; a string itself never fails)
     */
    public static String writeEvaluation(Evaluation evaluation) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Mapper.PRETTY.createGenerator(text)) {
            writeEvaluation(g, evaluation.ruleSet(), evaluation.asOf(), evaluation.results(), evaluation.scores(),
                    evaluation.summary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result document", e);
        }
        return text.append('\n').toString();
    }

    /**
     * Writes an evaluation as the contract's result document, in UTF-8, without closing {@code out}.
     *
     * @throws UncheckedIOException when writing to {@code out} fails, with the {@link IOException} as its cause
     */
    public static void writeEvaluation(Evaluation evaluation, OutputStream out) {
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = Mapper.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out, JsonEncoding.UTF8)) {
            writeEvaluation(g, evaluation.ruleSet(), evaluation.asOf(), evaluation.results(), evaluation.scores(),
                    evaluation.summary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result document", e);
        }
    }

    /**
     * Evaluates {@code facts} with {@code rules} and writes the result document to {@code out} as
     * the results come, without holding them all: the same bytes as
     * {@code writeEvaluation(rules.evaluate(facts, executor), out)} in a fraction of the memory, for
     * documents too large to keep every result. Nothing is written when the facts are invalid; when a
     * rule fails mid-way, part of the document has been written before the exception. Does not close
     * {@code out}.
     *
     * @return how many results have each status, as the document's summary says
     * @throws InvalidFactsException when the facts break the contract, listing every problem
     * @throws RuleSetException      when a rule fails at evaluation time or two rules claim one result
     * @throws UncheckedIOException  when writing to {@code out} fails, with the {@link IOException} as its cause
     */
    public static Map<Status, Integer> writeEvaluation(RuleSet rules, FactsDocument facts, Executor executor,
                                                       OutputStream out) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = Mapper.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out, JsonEncoding.UTF8)) {
            return streamEvaluation(g, rules, facts, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result document", e);
        }
    }

    /**
     * As {@link #writeEvaluation(RuleSet, FactsDocument, Executor, OutputStream)}, to a character
     * stream; does not close {@code out}.
     *
     * @throws UncheckedIOException when writing to {@code out} fails, with the {@link IOException} as its cause
     */
    public static Map<Status, Integer> writeEvaluation(RuleSet rules, FactsDocument facts, Executor executor,
                                                       Writer out) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = Mapper.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            return streamEvaluation(g, rules, facts, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result document", e);
        }
    }

    private static Map<Status, Integer> streamEvaluation(JsonGenerator g, RuleSet rules, FactsDocument facts,
                                                         Executor executor) throws IOException {
        int[] counts = new int[Status.values().length];
        boolean[] started = {false};
        Encoded encoded = new Encoded();
        List<Score> scores = new java.util.ArrayList<>();
        rules.evaluate(facts, executor, scores::addAll, slice -> {
            try {
                if (!started[0]) {
                    started[0] = true;
                    writeHead(g, rules.ref(), facts.asOf());
                }
                for (TargetResult r : slice) {
                    counts[r.status().ordinal()]++;
                    writeResult(g, r, encoded);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!started[0]) {
            writeHead(g, rules.ref(), facts.asOf());
        }
        EnumMap<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            summary.put(s, counts[s.ordinal()]);
        }
        scores.sort(Score.ORDER);
        writeTail(g, scores, summary);
        return Collections.unmodifiableMap(summary);
    }

    private static void writeEvaluation(JsonGenerator g, RuleSetRef ref, LocalDate asOf, List<TargetResult> results,
                                        List<Score> scores, Map<Status, Integer> summary) throws IOException {
        writeHead(g, ref, asOf);
        Encoded encoded = new Encoded();
        for (TargetResult r : results) {
            writeResult(g, r, encoded);
        }
        writeTail(g, scores, summary);
    }

    private static void writeHead(JsonGenerator g, RuleSetRef ref, LocalDate asOf) throws IOException {
        g.writeStartObject();
        g.writeFieldName("ruleSet");
        g.writeStartObject();
        g.writeStringField("id", ref.id());
        g.writeStringField("version", ref.version());
        g.writeEndObject();
        g.writeStringField("asOf", asOf == null ? null : asOf.toString());
        g.writeFieldName("results");
        g.writeStartArray();
    }

    private static void writeTail(JsonGenerator g, List<Score> scores, Map<Status, Integer> summary) throws IOException {
        g.writeEndArray();
        if (!scores.isEmpty()) {
            g.writeFieldName("scores");
            g.writeStartArray();
            for (Score s : scores) {
                g.writeObject(s);
            }
            g.writeEndArray();
        }
        g.writeFieldName("summary");
        g.writeStartObject();
        for (Map.Entry<Status, Integer> e : summary.entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One result, as {@link TargetResult}'s annotations lay it out: its properties in order, none null. */
    private static void writeResult(JsonGenerator g, TargetResult r, Encoded encoded) throws IOException {
        g.writeStartObject();
        optional(g, TARGET, encoded.of(r.target()));
        optional(g, UNIT, r.unit());
        optional(g, PERIOD, r.period() == null ? null : encoded.of(r.period()));
        optional(g, FIELD, r.field());
        if (r.status() != null) {
            g.writeFieldName(STATUS);
            g.writeString(STATUSES[r.status().ordinal()]);
        }
        g.writeFieldName(FINAL);
        g.writeBoolean(r.isFinal());
        optional(g, ACTUAL, r.actual());
        optional(g, THRESHOLD, r.threshold());
        if (r.gap() != null) {
            g.writeFieldName(GAP);
            g.writeNumber(r.gap().longValue());
        }
        optional(g, MEASURED_PERIOD, r.measuredPeriod() == null ? null : encoded.of(r.measuredPeriod()));
        Outlook outlook = r.outlook();
        if (outlook != null) {
            g.writeFieldName(OUTLOOK);
            g.writeStartObject();
            g.writeStringField("status", outlook.status().name());
            g.writeStringField("basis", outlook.basis().name());
            g.writeNumberField("expected", outlook.expected());
            g.writeNumberField("required", outlook.required());
            if (outlook.requiredRate() != null) {
                g.writeStringField("requiredRate", outlook.requiredRate());
            }
            g.writeEndObject();
        }
        Source source = r.source();
        if (source != null) {
            g.writeFieldName(SOURCE);
            g.writeStartObject();
            optional(g, DOCUMENT, encoded.of(source.document()));
            optional(g, CLAUSE, encoded.of(source.clause()));
            optional(g, READING, encoded.of(source.reading()));
            optional(g, EVIDENCE, encoded.of(source.evidence()));
            g.writeEndObject();
        }
        Message message = r.message();
        if (message != null) {
            g.writeFieldName(MESSAGE);
            g.writeStartObject();
            g.writeFieldName(VI);
            g.writeString(message.vi());
            g.writeFieldName(EN);
            g.writeString(message.en());
            g.writeEndObject();
        }
        optional(g, RULE, encoded.of(r.rule()));
        optional(g, POINTS, r.points());
        optional(g, MAX_POINTS, encoded.of(r.maxPoints()));
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, SerializedString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static void optional(JsonGenerator g, SerializedString name, SerializedString value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static final SerializedString TARGET = new SerializedString("target");
    private static final SerializedString UNIT = new SerializedString("unit");
    private static final SerializedString PERIOD = new SerializedString("period");
    private static final SerializedString FIELD = new SerializedString("field");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString FINAL = new SerializedString("final");
    private static final SerializedString ACTUAL = new SerializedString("actual");
    private static final SerializedString THRESHOLD = new SerializedString("threshold");
    private static final SerializedString GAP = new SerializedString("gap");
    private static final SerializedString MEASURED_PERIOD = new SerializedString("measuredPeriod");
    private static final SerializedString OUTLOOK = new SerializedString("outlook");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString DOCUMENT = new SerializedString("document");
    private static final SerializedString CLAUSE = new SerializedString("clause");
    private static final SerializedString READING = new SerializedString("reading");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString VI = new SerializedString("vi");
    private static final SerializedString EN = new SerializedString("en");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");
    private static final SerializedString POINTS = new SerializedString("points");
    private static final SerializedString MAX_POINTS = new SerializedString("maxPoints");
    private static final SerializedString[] STATUSES = java.util.Arrays.stream(Status.values())
            .map(s -> new SerializedString(s.name())).toArray(SerializedString[]::new);

    /**
     * The values results repeat (targets, rule names, sources, periods), each encoded once per
     * document: results of one rule share these instances.
     */
    private static final class Encoded {
        private final Map<Object, SerializedString> known = new java.util.IdentityHashMap<>();

        SerializedString of(Object value) {
            if (value == null) {
                return null;
            }
            SerializedString s = known.get(value);
            if (s == null) {
                s = new SerializedString(value.toString());
                if (known.size() < 4096) {
                    known.put(value, s);
                }
            }
            return s;
        }
    }

    /** Writes an audit record as JSON. */
    public static String writeAudit(AuditRecord audit) {
        return write(audit);
    }

    /**
     * Reads a result document back into an evaluation.
     *
     * @throws InvalidResultsException when {@code json} is not a result document, naming the line,
     *                                 column and path of the problem
     */
    public static Evaluation readEvaluation(String json) {
        try {
            return Mapper.MAPPER.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new InvalidResultsException(List.of(new Problem(null, pathOf(e),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "not a result document: " + e.getOriginalMessage())), e);
        }
    }

    /** The place of a mapping error as {@code results[3].status}; null for a syntax error. */
    private static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String write(Object value) {
        try {
            return Mapper.PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
