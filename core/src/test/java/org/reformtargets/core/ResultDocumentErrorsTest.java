// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failures around the result document: a bad document read back is an {@link InvalidResultsException}
 * (not a facts problem), and every {@code writeEvaluation} overload reports a failing output as an
 * {@link UncheckedIOException} carrying the output's own {@link IOException}.
 */
class ResultDocumentErrorsTest {

    private static final String DISK_FULL = "No space left on device";

    private static FactsDocument facts() {
        return new FactsDocument(null, LocalDate.of(2021, 12, 31), List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)),
                List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 95, 100)), List.of(), null);
    }

    /** Fails on the first byte written, as a full disk or a closed socket does. */
    private static final class FailingStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException(DISK_FULL);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException(DISK_FULL);
        }
    }

    private static final class FailingWriter extends Writer {
        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException(DISK_FULL);
        }

        @Override
        public void flush() throws IOException {
            throw new IOException(DISK_FULL);
        }

        @Override
        public void close() {
        }
    }

    // ---- reading

    @Test
    void aMalformedResultDocumentIsAnInvalidResultsExceptionWithLineAndColumn() {
        ReformTargetsException e = assertThrows(ReformTargetsException.class,
                () -> ReformTargetsJson.readEvaluation("{\n  \"ruleSet\": {\"id\": \"x/2021\",\n  \"version\": }"));

        InvalidResultsException invalid = assertInstanceOf(InvalidResultsException.class, e,
                "a bad result document is not a facts problem");
        assertEquals(1, invalid.problems().size());
        Problem p = invalid.problems().get(0);
        assertEquals(3, p.line());
        assertTrue(p.column() > 0);
        assertTrue(e.getMessage().startsWith("The result document has 1 problem; it was not read:"), e.getMessage());
        assertTrue(p.message().startsWith("not a result document: "), p.message());
    }

    @Test
    void aMistypedFieldNamesItsPathInTheDocument() {
        String good = ReformTargetsJson.writeEvaluation(RuleSet.load("demo/2021").evaluate(facts()));
        String bad = good.replaceFirst("\"status\": \"[A-Z_]+\"", "\"status\": \"ALMOST\"");
        assertNotEquals(good, bad, "the test changed a status");

        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> ReformTargetsJson.readEvaluation(bad));

        Problem p = e.problems().get(0);
        assertEquals("results[0].status", p.path());
        int line = (int) good.substring(0, good.indexOf("\"status\"")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line, p.line(), e.getMessage());
        assertTrue(e.getMessage().contains("results[0].status"), e.getMessage());
    }

    @Test
    void aSyntaxErrorHasNoPath() {
        InvalidResultsException e = assertThrows(InvalidResultsException.class,
                () -> ReformTargetsJson.readEvaluation("not json"));

        assertNull(e.problems().get(0).path());
        assertEquals(1, e.problems().get(0).line());
    }

    // ---- writing

    @Test
    void writingAnEvaluationToAFailingStreamIsAnUncheckedIOExceptionWithTheStreamsError() {
        Evaluation evaluation = RuleSet.load("demo/2021").evaluate(facts());

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ReformTargetsJson.writeEvaluation(evaluation, new FailingStream()));

        assertEquals(DISK_FULL, assertInstanceOf(IOException.class, e.getCause()).getMessage());
    }

    @Test
    void streamingAnEvaluationToAFailingStreamOrWriterIsAnUncheckedIOExceptionWithItsError() {
        RuleSet rules = RuleSet.load("demo/2021");

        UncheckedIOException bytes = assertThrows(UncheckedIOException.class,
                () -> ReformTargetsJson.writeEvaluation(rules, facts(), Runnable::run, new FailingStream()));
        UncheckedIOException chars = assertThrows(UncheckedIOException.class,
                () -> ReformTargetsJson.writeEvaluation(rules, facts(), Runnable::run, new FailingWriter()));

        assertEquals(DISK_FULL, assertInstanceOf(IOException.class, bytes.getCause()).getMessage());
        assertEquals(DISK_FULL, assertInstanceOf(IOException.class, chars.getCause()).getMessage());
    }
}
