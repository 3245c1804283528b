// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code audit verify}: re-derives everything an audit record says that can be re-derived, from the
 * facts and the rule set at the record's version, and lists every field that differs; checks the
 * record's HMAC when the key is set.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Re-evaluates the facts with the rule set an audit record names, at the record's exact "
                + "version (bundled, or from --rules-dir), and says whether the record matches: rule-set hash "
                + "(rulesSha256), hash of the facts file's bytes (factsSha256) and of the canonical facts "
                + "(factsCanonicalSha256), hash of the result document (resultSha256), asOf, results and summary.",
                "evaluatedAt cannot be re-derived and is not compared; the HMAC covers it. With "
                        + AuditSeal.KEY_VARIABLE + " set (the writer's key, as UTF-8 text) the record's hmac is "
                        + "checked too, and a record without one does not match; without the key an hmac is "
                        + "reported as not checked."},
        footer = {"", "Exit status: 0 the record matches; 1 it does not (each differing field listed); 2 usage "
                + "error, unreadable or malformed record, unreadable or invalid facts, rule set not found at the "
                + "record's version, unusable " + AuditSeal.KEY_VARIABLE + "."})
final class AuditVerifyCommand implements Callable<Integer> {

    /** Exit status of a record that does not match. */
    static final int EXIT_MISMATCH = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORD", description = "The audit record (JSON) 'evaluate --audit' wrote.")
    Path record;

    @Option(names = "--facts", required = true, paramLabel = "FILE",
            description = "The facts file the record was made from.")
    Path facts;

    @Option(names = "--rules-dir", paramLabel = "DIR",
            description = "Load the rule set from this folder instead of the bundled one; its id and version "
                    + "must be the record's.")
    Path rulesDir;

    /** What stops the verification before it can say match or mismatch. */
    private static final class CannotVerify extends Exception {
        final List<String> lines;

        CannotVerify(List<String> lines) {
            super(lines.get(0), null, false, false);
            this.lines = lines;
        }

        CannotVerify(String line) {
            this(List.of(line));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] key;
        AuditRecord claimed;
        try {
            key = AuditSeal.key(Main.env(spec));
            claimed = readRecord();
        } catch (AuditSeal.BadKeyException e) {
            err.println(e.getMessage());
            return Main.EXIT_USER_ERROR;
        } catch (CannotVerify e) {
            e.lines.forEach(err::println);
            return Main.EXIT_USER_ERROR;
        }

        List<String> differences = new ArrayList<>();
        List<String> report = new ArrayList<>();
        String hmacLine = checkHmac(claimed, key, differences);

        AuditRecord derived;
        try {
            derived = derive(claimed);
        } catch (CannotVerify e) {
            if (differences.isEmpty()) {
                e.lines.forEach(err::println);
                return Main.EXIT_USER_ERROR;
            }
            out.println("Audit record " + record + " does NOT match: " + String.join("; ", differences));
            out.println("(The rest could not be compared: " + e.lines.get(0) + ")");
            out.flush();
            return EXIT_MISMATCH;
        }

        compare("ruleSet", claimed.ruleSet().id() + " version " + claimed.ruleSet().version(),
                derived.ruleSet().id() + " version " + derived.ruleSet().version(), differences, report);
        compare("rulesSha256", claimed.rulesSha256(), derived.rulesSha256(), differences, report);
        if (claimed.factsSha256() == null) {
            report.add(row("factsSha256", "not recorded (the record was made without the facts file's bytes): "
                    + "the facts are compared by factsCanonicalSha256"));
        } else if (!claimed.factsSha256().equals(derived.factsSha256())
                && claimed.factsCanonicalSha256().equals(derived.factsCanonicalSha256())) {
            differences.add("factsSha256: record " + claimed.factsSha256() + ", facts file " + derived.factsSha256()
                    + " (the canonical facts match: the file's bytes changed, not its facts)");
        } else {
            compare("factsSha256", claimed.factsSha256(), derived.factsSha256(), differences, report);
        }
        compare("factsCanonicalSha256", claimed.factsCanonicalSha256(), derived.factsCanonicalSha256(), differences,
                report);
        compare("resultSha256", claimed.resultSha256(), derived.resultSha256(), differences, report);
        compare("asOf", String.valueOf(claimed.asOf()), String.valueOf(derived.asOf()), differences, report);
        compare("results", String.valueOf(claimed.results()), String.valueOf(derived.results()), differences, report);
        for (Status s : Status.values()) {
            compare("summary." + s.name(), String.valueOf(claimed.summary().getOrDefault(s, 0)),
                    String.valueOf(derived.summary().getOrDefault(s, 0)), differences, report);
        }
        boolean hmacVerified = hmacLine != null && key != null && claimed.hmac() != null;
        report.add(row("evaluatedAt", claimed.evaluatedAt() + " (not re-derivable: not compared"
                + (hmacVerified ? "; covered by the verified hmac)" : ")")));
        if (hmacLine != null) {
            report.add(row("hmac", hmacLine));
        }

        if (differences.isEmpty()) {
            out.println("Audit record " + record + " matches " + derived.ruleSet().id() + " version "
                    + derived.ruleSet().version() + " and " + facts + ":");
            report.forEach(out::println);
            out.flush();
            return 0;
        }
        out.println("Audit record " + record + " does NOT match: " + differences.size()
                + (differences.size() == 1 ? " field differs:" : " fields differ:"));
        for (String d : differences) {
            out.println("  " + d);
        }
        out.println("Fields that match or were not compared:");
        report.forEach(out::println);
        out.flush();
        return EXIT_MISMATCH;
    }

    /** The hmac's line in the report, or {@code null} when the check failed and was added to {@code differences}. */
    private static String checkHmac(AuditRecord claimed, byte[] key, List<String> differences) {
        String variable = AuditSeal.KEY_VARIABLE;
        if (key == null) {
            return claimed.hmac() == null
                    ? "none: the record is unsigned and was verified by its hashes alone (evaluatedAt unchecked)"
                    : "present but NOT checked: " + variable + " is not set; set it to the writer's key to detect "
                    + "edits, evaluatedAt included";
        }
        if (claimed.hmac() == null) {
            differences.add("hmac: the record has none, but " + variable + " is set (removing the hmac of a signed "
                    + "record looks like this; unset the variable to verify an unsigned record by its hashes alone)");
            return null;
        }
        if (!AuditSeal.verify(claimed, key)) {
            differences.add("hmac: does not match the record's content with the key in " + variable
                    + " (the record was edited after it was written, or the key is not the writer's)");
            return null;
        }
        return "verified with the key in " + variable;
    }

    private static void compare(String field, String recorded, String derived, List<String> differences,
                                List<String> report) {
        if (Objects.equals(recorded, derived)) {
            report.add(row(field, recorded));
        } else {
            differences.add(field + ": record " + recorded + ", re-evaluated " + derived);
        }
    }

    private static String row(String field, String value) {
        return String.format("  %-27s %s", field, value);
    }

    private AuditRecord readRecord() throws CannotVerify {
        byte[] bytes = read(record, "the audit record");
        AuditRecord r;
        try {
            r = AuditSeal.read(bytes);
        } catch (JsonProcessingException e) {
            throw new CannotVerify(record + " is not an audit record: " + describe(e) + ".");
        }
        if (r == null) {
            throw new CannotVerify(record + " is not an audit record: it holds null.");
        }
        List<String> missing = new ArrayList<>();
        if (r.ruleSet() == null || r.ruleSet().id() == null || r.ruleSet().version() == null) {
            missing.add("ruleSet.id and ruleSet.version");
        }
        if (r.rulesSha256() == null) {
            missing.add("rulesSha256");
        }
        if (r.factsCanonicalSha256() == null) {
            missing.add("factsCanonicalSha256");
        }
        if (r.resultSha256() == null) {
            missing.add("resultSha256");
        }
        if (r.evaluatedAt() == null) {
            missing.add("evaluatedAt");
        }
        if (r.summary() == null) {
            missing.add("summary");
        }
        if (!missing.isEmpty()) {
            throw new CannotVerify(record + " is not an audit record this version can verify: it has no "
                    + String.join(", ", missing) + " (records written before resultSha256 existed cannot be "
                    + "verified; write a new one with evaluate --audit).");
        }
        return r;
    }

    /** Re-derives the record from the facts and the rule set at the record's version; evaluatedAt is the record's. */
    private AuditRecord derive(AuditRecord claimed) throws CannotVerify {
        try {
            RuleSet ruleSet = loadRuleSet(claimed);
            byte[] bytes = read(facts, "the facts");
            FactsDocument document = FactsFiles.read(facts, bytes, null);
            Evaluation evaluation = ruleSet.evaluate(document);
            return AuditRecord.of(ruleSet, bytes, document, evaluation, claimed.evaluatedAt());
        } catch (ReformTargetsException e) {
            List<String> lines = new ArrayList<>();
            lines.add(e.getMessage().lines().findFirst().orElse(""));
            for (Problem p : e.problems()) {
                lines.add(p.toString());
            }
            throw new CannotVerify(lines);
        }
    }

    private RuleSet loadRuleSet(AuditRecord claimed) throws CannotVerify {
        String id = claimed.ruleSet().id();
        String version = claimed.ruleSet().version();
        if (rulesDir == null) {
            return RuleSet.loadVersion(id, version);
        }
        RuleSet ruleSet = RuleSet.fromDirectory(rulesDir);
        if (!ruleSet.id().equals(id) || !ruleSet.version().equals(version)) {
            throw new CannotVerify("The folder " + rulesDir + " holds " + ruleSet.id() + " version "
                    + ruleSet.version() + "; the record names " + id + " version " + version
                    + ": give the folder of that rule set and version.");
        }
        return ruleSet;
    }

    private static byte[] read(Path file, String what) throws CannotVerify {
        if (Files.isDirectory(file)) {
            throw new CannotVerify("Cannot read " + what + " " + file + ": it is a directory.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CannotVerify("Cannot read " + what + " " + file + ": no such file.");
        } catch (AccessDeniedException e) {
            throw new CannotVerify("Cannot read " + what + " " + file + ": permission denied.");
        } catch (IOException e) {
            throw new CannotVerify("Cannot read " + what + " " + file + ": " + AuditInputs.reason(file, e) + ".");
        }
    }

    /** A Jackson failure in a few words, with its place and field, without class names. */
    private static String describe(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String where = l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            return where + "unknown field \"" + u.getPropertyName() + "\"";
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return where + "bad value for " + path;
        }
        if (e instanceof JsonMappingException) {
            return where + "not a JSON object with the audit record's fields";
        }
        return where + "not valid JSON";
    }
}
