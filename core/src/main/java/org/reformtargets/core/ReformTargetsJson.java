package org.reformtargets.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reformtargets.core.internal.FactsReader;

/**
 * Reads and writes the two documents of the JSON contract ({@code facts-format.md}): facts in,
 * evaluations out. Reading facts validates them and reports every problem with its path, line and
 * column. Writing is deterministic: the same evaluation gives the same bytes (UTF-8, two-space
 * indent, {@code \n} line ends).
 */
public final class ReformTargetsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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

    /** Reads a facts document from characters. */
    public static FactsDocument readFacts(Reader in, String source) {
        return FactsReader.read(in, source);
    }

    /** Reads a facts document from a string. */
    public static FactsDocument readFacts(String json) {
        return FactsReader.read(new StringReader(json), null);
    }

    /** Reads a facts document from a file; messages name the file. */
    public static FactsDocument readFacts(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return FactsReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes a facts document as JSON. */
    public static String writeFacts(FactsDocument facts) {
        return write(facts);
    }

    /** Writes an evaluation as the contract's result document. */
    public static String writeEvaluation(Evaluation evaluation) {
        return write(evaluation);
    }

    /** Writes an evaluation as the contract's result document, in UTF-8, without closing {@code out}. */
    public static void writeEvaluation(Evaluation evaluation, OutputStream out) {
        try {
            PRETTY.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, evaluation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an audit record as JSON. */
    public static String writeAudit(AuditRecord audit) {
        return write(audit);
    }

    /** Reads a result document back into an evaluation. */
    public static Evaluation readEvaluation(String json) {
        try {
            return MAPPER.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new InvalidFactsException(java.util.List.of(new Problem(null, null,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "not a result document: " + e.getOriginalMessage())), e);
        }
    }

    private static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
