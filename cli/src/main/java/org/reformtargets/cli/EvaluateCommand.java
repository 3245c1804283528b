// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.EvaluationLimits;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.dossier.Dossiers;
import org.reformtargets.report.Language;
import org.reformtargets.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: reads a facts document, evaluates it and prints the scorecard or the result document. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Evaluates a facts document against a rule set and prints one result per target, "
                + "unit, period and field.",
        footer = {"", "Exit status: 0 the evaluation ran (whatever the verdicts); 2 usage error, invalid facts "
                + "or dossier export (every problem printed as file:line:column: path: message), unknown or broken rule set, "
                + "unreadable file, --audit naming an input or an unwritable file, unusable "
                + AuditSeal.KEY_VARIABLE + " (nothing is written then)."})
final class EvaluateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        table, json, html, xlsx;

        /** {@code true} for a report for people (html, xlsx), which goes to a file, never to a terminal. */
        boolean isReport() {
            return this == html || this == xlsx;
        }
    }

    /** Languages of the explanations. */
    enum Lang { vi, en }

    @Spec
    CommandSpec spec;

    @Option(names = "--facts", required = true, paramLabel = "FILE",
            description = "The facts document to evaluate: JSON (UTF-8), or a filled XLSX facts template "
                    + "(see the template command); every problem of a workbook is named by its sheet and cell.")
    Path facts;

    @Option(names = "--dossiers", paramLabel = "FILE",
            description = "A dossier export (CSV, UTF-8, one row per dossier; see docs/facts-format.md) whose "
                    + "counts are added to the facts as the 766-index measurements of each unit and every unit "
                    + "above it, per month, quarter and year (see the aggregate command).")
    Path dossiers;

    @Option(names = "--rule-set", paramLabel = "ID",
            description = "Rule set id such as hcm-agri/2021. Default: the facts document's own ruleSet field.")
    String ruleSetId;

    @Option(names = "--rules-dir", paramLabel = "DIR",
            description = "Load the rule set from this folder (manifest.json and its DRL files) "
                    + "instead of the bundled ones.")
    Path rulesDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (a readable scorecard), json (the result document, UTF-8), html (a "
                    + "self-contained scorecard page that prints on A4) or xlsx (a workbook: summary, results, "
                    + "rule set and audit hashes); html and xlsx need --output. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE, whole or not at all, instead of standard output. Required "
                    + "for --format html and xlsx, which are never written to the terminal.")
    Path output;

    @Option(names = "--explain",
            description = "In the table, add each result's message sentence under its row.")
    boolean explain;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the --explain sentences (default en) and of the html and xlsx reports "
                    + "(default vi): vi or en.")
    Lang lang;

    @Option(names = "--max-firings-per-unit", paramLabel = "N", defaultValue = "1000",
            description = "Stop the evaluation (exit 2) when rules fire more than N times for one unit. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxFiringsPerUnit;

    @Option(names = "--time-budget", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop the evaluation (exit 2) when it takes longer than this. Default: ${DEFAULT-VALUE}.")
    long timeBudgetSeconds;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Also write an audit record to this file as JSON, to trace the scorecard to its rules "
                    + "and facts: rule set id, version and content hash; SHA-256 of the facts file's bytes and of "
                    + "the canonical facts; SHA-256 of the result document as --format json prints it; asOf, time, "
                    + "summary; and an HMAC-SHA256 when " + AuditSeal.KEY_VARIABLE + " is set. Written whole or "
                    + "not at all (temporary file, fsync, rename); refused when FILE is an input of the run. "
                    + "Check it with 'audit verify'.")
    Path audit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(facts)) {
            err.println("Cannot read " + facts + ": it is a directory; give the facts file.");
            return Main.EXIT_USER_ERROR;
        }
        if (dossiers != null && Files.isDirectory(dossiers)) {
            err.println("Cannot read " + dossiers + ": it is a directory; give the dossier export (CSV).");
            return Main.EXIT_USER_ERROR;
        }
        if (format.isReport() && output == null) {
            err.println("Refusing to write the " + format.name().toUpperCase(java.util.Locale.ROOT)
                    + " report to standard output: give --output FILE, such as --output report." + format.name()
                    + ".");
            return Main.EXIT_USER_ERROR;
        }
        for (Path target : new Path[] {output, audit}) {
            // a folder given as --audit is reported as before, when the record is written
            String unfit = target == null || (target == audit && Files.isDirectory(target)) ? null
                    : AtomicWrite.unfit(target);
            if (unfit != null) {
                err.println("Refusing to write " + target + ": " + unfit + " for "
                        + (target == output ? "--output" : "--audit") + ".");
                return Main.EXIT_USER_ERROR;
            }
        }
        if (output != null) {
            String input = AuditInputs.inputNamed(output, facts, rulesDir, null);
            if (input == null && dossiers != null && AuditInputs.same(output, dossiers)) {
                input = "the dossier export " + dossiers;
            }
            if (input == null && audit != null && output.toAbsolutePath().normalize()
                    .equals(audit.toAbsolutePath().normalize())) {
                input = "the --audit file";
            }
            if (input != null) {
                err.println("Refusing to write the output to " + output + ": it is " + input
                        + "; give another path for --output.");
                return Main.EXIT_USER_ERROR;
            }
        }
        byte[] key = null;
        if (audit != null) {
            try {
                key = AuditSeal.key(Main.env(spec));
            } catch (AuditSeal.BadKeyException e) {
                err.println(e.getMessage());
                return Main.EXIT_USER_ERROR;
            }
            String input = AuditInputs.inputNamed(audit, facts, rulesDir, null);
            if (input == null && dossiers != null && AuditInputs.same(audit, dossiers)) {
                input = "the dossier export " + dossiers;
            }
            if (input != null) {
                return refuse(err, input);
            }
        }
        try {
            if (format == Format.json && audit == null && output == null) {
                FactsDocument document = FactsFiles.read(facts, null, null);
                RuleSet ruleSet = loadRuleSet(document, err);
                if (ruleSet == null) {
                    return Main.EXIT_USER_ERROR;
                }
                document = withDossiers(againstVocabulary(document, null, ruleSet));
                settle(document);
                ReformTargetsJson.writeEvaluation(ruleSet, document, ForkJoinPool.commonPool(), out);
                out.print('\n');
                out.flush();
                return 0;
            }
            byte[] factsBytes = null;
            FactsDocument document;
            if (audit != null) {
                factsBytes = readBytes(facts);
            }
            document = FactsFiles.read(facts, factsBytes, null);
            RuleSet ruleSet = loadRuleSet(document, err);
            if (ruleSet == null) {
                return Main.EXIT_USER_ERROR;
            }
            // the dossier export is aggregated once, into the document as finally read
            document = withDossiers(againstVocabulary(document, factsBytes, ruleSet));
            if (audit != null) {
                String input = AuditInputs.inputNamed(audit, facts, rulesDir, ruleSet);
                if (input != null) {
                    return refuse(err, input);
                }
            }
            settle(document);
            Evaluation evaluation = ruleSet.evaluate(document);
            AuditRecord record = null;
            if (audit != null) {
                record = AuditRecord.of(ruleSet, factsBytes, document, evaluation, Instant.now());
                if (key != null) {
                    record = AuditSeal.sign(record, key);
                }
                byte[] json = ReformTargetsJson.writeAudit(record).getBytes(StandardCharsets.UTF_8);
                try {
                    AtomicWrite.write(audit, json);
                } catch (IOException e) {
                    err.println("Cannot write the audit record to " + audit + ": " + AuditInputs.reason(audit, e)
                            + "; nothing was written and no evaluation printed.");
                    return Main.EXIT_USER_ERROR;
                }
            }
            if (format.isReport()) {
                ReportWriter writer = ReportWriter.of(ruleSet, document, evaluation)
                        .in(lang == Lang.en ? Language.EN : Language.VI);
                if (record != null) {
                    writer = writer.withAudit(record);
                }
                ReportWriter report = writer;
                return writeOutput(err, format == Format.html ? report::writeHtml : report::writeXlsx);
            }
            String text = format == Format.json ? ReformTargetsJson.writeEvaluation(evaluation)
                    : new Scorecard(evaluation, document.units(), explain ? (lang == null ? Lang.en : lang).name() : null)
                            .render();
            if (output != null) {
                return writeOutput(err, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            }
            out.print(text);
            out.flush();
            return 0;
        } catch (ReformTargetsException e) {
            err.println(e.getMessage().lines().findFirst().orElse(""));
            Main.printProblems(e, err);
        } catch (UncheckedIOException e) {
            err.println(describe(e));
        }
        return Main.EXIT_USER_ERROR;
    }

    /** Facts from which a document is large enough for {@link #settle} to pay: about 8 MB of JSON. */
    static final int SETTLE_FROM_FACTS = 100_000;

    /**
     * A large document, read, asks for one full collection before it is evaluated. Every fact survived
     * the young collections made while it was read, and G1 answered the copying by growing the heap,
     * which the evaluation then fills with short-lived objects (plain {@code java -jar} reached 1.0–1.3 GB
     * of memory on an 80 MB document). Collected once, the document sits in the old generation and the
     * heap is sized from what is live (docs/performance.md, stop 13). Under another collector (the
     * launcher's serial one keeps the heap small) it would cost time for nothing, so it is not asked.
     */
    static void settle(FactsDocument document) {
        if (document.measurements().size() + document.events().size() + document.attestations().size()
                >= SETTLE_FROM_FACTS && underG1()) {
            // a hint, not machinery: the JVM may ignore it (-XX:+DisableExplicitGC), and nothing depends on it
            System.gc();
        }
    }

    static boolean underG1() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(c -> c.getName().startsWith("G1 "));
    }

    /** Writes {@code --output} whole or not at all; 0, or 2 with the reason when it cannot be written. */
    private int writeOutput(PrintWriter err, AtomicWrite.Content content) {
        try {
            AtomicWrite.write(output, content);
            return 0;
        } catch (IOException e) {
            err.println("Cannot write " + output + ": " + AuditInputs.reason(output, e)
                    + "; nothing was written.");
            return Main.EXIT_USER_ERROR;
        }
    }

    /**
     * A workbook read again with the rule set known (its ruleSet cell chose it), so that an unknown
     * code is named at its cell, not at evaluation; a JSON document as it is.
     */
    private FactsDocument againstVocabulary(FactsDocument document, byte[] bytes, RuleSet ruleSet) {
        return FactsFiles.isWorkbook(facts, bytes) ? FactsFiles.read(facts, bytes, ruleSet) : document;
    }

    /** The facts with the dossier export's counts added, when --dossiers is given. */
    private FactsDocument withDossiers(FactsDocument document) {
        return dossiers == null ? document : Dossiers.aggregate(document, dossiers);
    }

    private int refuse(PrintWriter err, String input) {
        err.println("Refusing to write the audit record to " + audit + ": it is " + input
                + ", an input of this run; give another path for --audit.");
        return Main.EXIT_USER_ERROR;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private RuleSet loadRuleSet(FactsDocument document, PrintWriter err) {
        RuleSet ruleSet;
        if (rulesDir != null) {
            ruleSet = RuleSet.fromDirectory(rulesDir);
            if (ruleSetId != null && !ruleSetId.equals(ruleSet.id())) {
                err.println("The folder " + rulesDir + " holds rule set " + ruleSet.id() + ", not " + ruleSetId
                        + ": leave out --rule-set or give the matching folder.");
                return null;
            }
        } else {
            String id = ruleSetId != null ? ruleSetId : document.ruleSet();
            if (id == null) {
                err.println("No rule set: the facts document " + facts + " has no \"ruleSet\" field. "
                        + "Give one with --rule-set ID (such as " + String.join(", ", RuleSet.available())
                        + ") or --rules-dir DIR.");
                return null;
            }
            ruleSet = RuleSet.load(id);
        }
        if (document.ruleSet() != null && !document.ruleSet().equals(ruleSet.id())) {
            err.println("Note: the facts document names rule set " + document.ruleSet() + "; evaluating against "
                    + ruleSet.id() + " as asked.");
        }
        if (maxFiringsPerUnit < 1 || timeBudgetSeconds < 1) {
            err.println("--max-firings-per-unit and --time-budget must be at least 1.");
            return null;
        }
        return ruleSet.withLimits(new EvaluationLimits(maxFiringsPerUnit, Duration.ofSeconds(timeBudgetSeconds)));
    }

    static String describe(UncheckedIOException e) {
        IOException cause = e.getCause();
        if (cause instanceof NoSuchFileException n) {
            return "Cannot read " + n.getFile() + ": no such file.";
        }
        if (cause instanceof AccessDeniedException a) {
            return "Cannot read " + a.getFile() + ": permission denied.";
        }
        return "Cannot read the input (" + e.getMessage() + "): " + cause.getMessage();
    }
}
