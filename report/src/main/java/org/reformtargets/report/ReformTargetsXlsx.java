// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.internal.FactsTemplate;
import org.reformtargets.report.internal.FactsWorkbookReader;

/**
 * The XLSX facts template (mẫu nhập số liệu) a sub-unit fills in, and reading it back.
 *
 * <p>{@link #template} writes a workbook with a guide sheet in Vietnamese ({@code Hướng dẫn}, which
 * also holds the document's rule set and {@code asOf} date), one sheet per kind of record
 * ({@code Đơn vị}, {@code Số liệu}, {@code Sự kiện}, {@code Xác nhận}: units, measurements, events,
 * attestations), each with a frozen header of Vietnamese labels over the JSON field names of the
 * facts contract, and drop-down lists of the rule set's vocabulary (levels, indicators, fields, event
 * types, attestation keys, periods of its year, units). {@link #readFacts} reads a filled workbook
 * into the same {@link FactsDocument} as the JSON reader gives, validated the same way; every problem
 * is located as {@code Sheet!C7}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load("hcm-agri/2021");
 * ReformTargetsXlsx.template(rules, null, Path.of("facts.xlsx"));       // send it out, get it back filled
 * FactsDocument facts = ReformTargetsXlsx.readFacts(Path.of("facts.xlsx"), rules);
 * Evaluation evaluation = rules.evaluate(facts);
 * }</pre>
 *
 * <p>Reading accepts dates typed as Excel dates or as text ({@code 2021-06-30}, {@code 30/06/2021}),
 * numbers as numbers or text, columns in any order (found by the JSON name under each label, or by
 * the label), and skips empty rows; it refuses a percentage typed instead of a count. A workbook
 * larger than {@value FactsWorkbookReader#MAX_BYTES} bytes or with more than
 * {@value FactsWorkbookReader#MAX_ROWS} rows is refused, as is a file that is not an .xlsx workbook
 * (damaged, password-protected, an old .xls), with one problem and no stack trace. Stateless and
 * thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReformTargetsXlsx {

    private ReformTargetsXlsx() {
    }

    /**
     * Writes the facts template of {@code ruleSet} to {@code out}, which is left open.
     *
     * @param seed {@code null} for empty sheets; else its rule set, date, units, measurements, events
     *             and attestations are written as rows (units alone make a template for those units; a
     *             whole document reads back as itself)
     */
    public static void template(RuleSet ruleSet, FactsDocument seed, OutputStream out) throws IOException {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(out, "out");
        FactsTemplate.write(ruleSet, seed, out);
    }

    /** Writes the facts template of {@code ruleSet} to {@code file}, as {@link #template(RuleSet, FactsDocument, OutputStream)}. */
    public static void template(RuleSet ruleSet, FactsDocument seed, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            template(ruleSet, seed, out);
        }
    }

    /**
     * Reads a filled template and checks its structure (required cells, references, dates, periods,
     * figures), as {@link org.reformtargets.core.ReformTargetsJson#readFacts(InputStream, String)} does.
     *
     * @param source a name for the input in problems, such as its file name; may be null
     * @throws InvalidFactsException listing every problem, each at its cell ({@code Số liệu!E7})
     */
    public static FactsDocument readFacts(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        return FactsWorkbookReader.read(in, source, null);
    }

    /**
     * Reads a filled template and checks its words against {@code ruleSet}'s vocabulary too, as
     * {@link org.reformtargets.core.ReformTargetsJson#readFacts(InputStream, String, RuleSet)} does.
     *
     * @throws InvalidFactsException listing every problem, each at its cell
     */
    public static FactsDocument readFacts(InputStream in, String source, RuleSet ruleSet) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(ruleSet, "ruleSet");
        return FactsWorkbookReader.read(in, source, ruleSet);
    }

    /** Reads a filled template from {@code file}; problems name the file. */
    public static FactsDocument readFacts(Path file) {
        return readFacts(file, null);
    }

    /** Reads a filled template from {@code file} and checks its words against {@code ruleSet} ({@code null}: not). */
    public static FactsDocument readFacts(Path file, RuleSet ruleSet) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return FactsWorkbookReader.read(in, file.toString(), ruleSet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
