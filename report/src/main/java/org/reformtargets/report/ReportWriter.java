// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.internal.HtmlScorecard;
import org.reformtargets.report.internal.ReportData;
import org.reformtargets.report.internal.XlsxScorecard;

/**
 * Writes the scorecard (bảng điểm) of one evaluation for people: a self-contained HTML page or an
 * XLSX workbook, in Vietnamese by default or in English.
 *
 * <pre>{@code
 * Evaluation evaluation = ruleSet.evaluate(facts);
 * try (OutputStream out = Files.newOutputStream(Path.of("report.html"))) {
 *     ReportWriter.of(ruleSet, facts, evaluation).writeHtml(out);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #in(Language)} and {@link #withAudit(AuditRecord)} return a
 * new writer. Words come from the rule set's vocabulary and the results' own messages.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportWriter {

    private final RuleSet ruleSet;
    private final FactsDocument facts;
    private final Evaluation evaluation;
    private final Language language;
    private final AuditRecord audit;

    private ReportWriter(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation, Language language,
                         AuditRecord audit) {
        this.ruleSet = ruleSet;
        this.facts = facts;
        this.evaluation = evaluation;
        this.language = language;
        this.audit = audit;
    }

    /**
     * A Vietnamese writer for {@code evaluation}, which {@code ruleSet} produced from {@code facts}
     * (the facts give the unit tree and names).
     *
     * @throws IllegalArgumentException when {@code evaluation} was produced by another rule set
     */
    public static ReportWriter of(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(evaluation, "evaluation");
        if (!ruleSet.ref().equals(evaluation.ruleSet())) {
            throw new IllegalArgumentException("the evaluation was produced by " + evaluation.ruleSet()
                    + ", not by " + ruleSet.ref());
        }
        return new ReportWriter(ruleSet, facts, evaluation, Language.VI, null);
    }

    /** This writer, writing in {@code language}. */
    public ReportWriter in(Language language) {
        return new ReportWriter(ruleSet, facts, evaluation, Objects.requireNonNull(language, "language"), audit);
    }

    /**
     * This writer, naming {@code audit}'s hashes in the report (such as the record the CLI's
     * {@code --audit} writes). Without one, the report names an audit record computed from the facts
     * document when it is written, whose facts-file hash is absent.
     */
    public ReportWriter withAudit(AuditRecord audit) {
        return new ReportWriter(ruleSet, facts, evaluation, language, Objects.requireNonNull(audit, "audit"));
    }

    /** Writes the HTML scorecard, UTF-8, to {@code out} (left open). */
    public void writeHtml(OutputStream out) throws IOException {
        HtmlScorecard.write(data(), out);
    }

    /** Writes the XLSX scorecard to {@code out} (left open). */
    public void writeXlsx(OutputStream out) throws IOException {
        XlsxScorecard.write(data(), out);
    }

    /** Writes the HTML scorecard to {@code file}, replacing it. */
    public void writeHtml(Path file) {
        write(file, true);
    }

    /** Writes the XLSX scorecard to {@code file}, replacing it. */
    public void writeXlsx(Path file) {
        write(file, false);
    }

    private void write(Path file, boolean html) {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (html) {
                writeHtml(out);
            } else {
                writeXlsx(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    private ReportData data() {
        AuditRecord record = audit != null ? audit : AuditRecord.of(ruleSet, facts, evaluation, Instant.now());
        return new ReportData(ruleSet, facts, evaluation, language.vietnamese(), record);
    }
}
