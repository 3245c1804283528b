// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.authoring.Cascade;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.authoring.Finding.Severity;

/**
 * The checks behind {@code RuleSetValidator} and {@code ReloadingRuleSet}: compile the rule set
 * (every compiler problem an error), dry-run it ({@link DryRun}) and lint what compiling cannot
 * see: rules that fail or conflict, thresholds out of range or out of reach, deadlines outside the
 * period, rules answering for a level their source does not bind, the cascade between levels,
 * scenario files and files the manifest forgets.
 */
@API(status = INTERNAL, since = "0.1")
public final class Lint {

    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9][a-z0-9.-]*(?:/[a-z0-9][a-z0-9.-]*)*");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * What linting one rule set gave.
     *
     * @param ruleSet  its id, or its folder when the id cannot be read
     * @param compiled the compiled rule set, or {@code null} when it does not compile
     * @param specs    what its rules demand, from the dry run; empty when it does not compile
     * @param findings every finding
     */
    public record Result(String ruleSet, RuleSetCompiler.Compiled compiled, List<TargetSpec> specs,
                         List<Finding> findings) {
        /** Whether any finding is an error. */
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    private Lint() {
    }

    /**
     * Lints one rule set.
     *
     * @param expectedId the id its folder stands for, or {@code null}
     * @param files      its files
     * @param present    the paths of the files in its folder, relative, to find files the manifest
     *                   does not list; {@code null} when they cannot be listed (class path)
     * @param subUnits   a number of sub-units for the cascade check, or {@code null}
     */
    public static Result check(String expectedId, RuleSetCompiler.Files files, Collection<String> present,
                               Integer subUnits) {
        RuleSetManifest manifest = lenientManifest(files);
        String name = manifest != null && manifest.id() != null ? manifest.id()
                : expectedId != null ? expectedId : files.display("");
        List<Finding> findings = new ArrayList<>();
        if (manifest != null) {
            scenarios(name, manifest, files, findings);
            unlisted(name, manifest, files, present, findings);
        }
        RuleSetCompiler.Compiled compiled;
        try {
            compiled = RuleSetCompiler.compile(expectedId, files);
        } catch (RuleSetException e) {
            String shownManifest = files.display(RuleSetCompiler.MANIFEST);
            for (Problem p : e.problems()) {
                // the parser's summary of a file whose own errors are listed says nothing more
                if (p.message().startsWith("Parser returned a null Package") && e.problems().stream()
                        .anyMatch(o -> o != p && Objects.equals(o.source(), p.source()) && o.line() > 0)) {
                    continue;
                }
                findings.add(Finding.of(Severity.ERROR, compileCode(p, shownManifest), name, p));
            }
            return new Result(name, null, List.of(), List.copyOf(findings));
        }
        DryRun.Outcome outcome = DryRun.run(compiled.manifest(), compiled.kieBase(), compiled.rules(),
                compiled.vocabulary());
        Map<String, String> texts = new HashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        for (DryRun.Failure f : outcome.failures()) {
            String message = f.message();
            if (!reported.add(f.rule().name() + "\u0000" + message)) {
                continue;
            }
            boolean contract = message.startsWith("unknown indicator") || message.startsWith("unknown event type")
                    || message.contains(" is a value, not a ratio") || message.contains(" is a ratio, not a value");
            int line = lineOfQuoted(f.rule(), message, files, texts);
            findings.add(new Finding(Severity.ERROR, contract ? "unknown-code" : "rule-failure", name, f.rule().file(),
                    "rule \"" + f.rule().name() + "\"", line, 0, (contract ? "" : f.level() == null ? "fails in the dry run: " : "fails on a " + f.level() + " unit: ")
                    + message));
        }
        for (Problem p : outcome.problems()) {
            if (p.message().startsWith("fails for a ") || p.message().startsWith("fails in the dry run: ")) {
                continue;
            }
            String code = p.message().contains("second result") ? "conflict"
                    : p.message().contains("stated no verdict") ? "no-verdict" : "rule-failure";
            findings.add(Finding.of(Severity.ERROR, code, name, p));
        }
        for (RuleInfo r : outcome.silent()) {
            findings.add(new Finding(Severity.NOTE, "never-fires", name, r.file(), "rule \"" + r.name() + "\"", r.line(), 0,
                    "fired for none of the dry run's units (a department, sub-department and office with and without"
                            + " sub-units, no data): its conditions need data, so it is not described or cascade-checked"));
        }
        Map<String, Level> levelOfDocument = new HashMap<>();
        compiled.manifest().sources().forEach(s -> levelOfDocument.put(s.document(), s.level()));
        Set<String> seen = new LinkedHashSet<>();
        for (TargetSpec s : outcome.specs()) {
            if (seen.add(s.rule() + "\u0000" + s.level())) {
                thresholds(name, compiled.manifest(), s, findings);
                Level bound = s.source() == null ? null : levelOfDocument.get(s.source().document());
                if (bound != null && !bound.equals(s.level()) && s.requirement().kind() != TargetSpec.Kind.NOT_APPLICABLE) {
                    findings.add(at(Severity.WARNING, "level", name, s, "answers for " + s.level()
                            + " units, but its source " + s.source().document() + " binds " + bound
                            + " units: check its condition on level or its @document"));
                }
            }
        }
        for (String target : new LinkedHashSet<>(compiled.rules().values().stream().map(RuleInfo::target).sorted().toList())) {
            String suffix = target.substring(compiled.manifest().id().length() + 1);
            if (!SUFFIX.matcher(suffix).matches()) {
                RuleInfo r = compiled.rules().values().stream().filter(i -> i.target().equals(target)).findFirst().orElseThrow();
                findings.add(new Finding(Severity.WARNING, "target-id", name, r.file(), "rule \"" + r.name() + "\"",
                        r.line(), 0, "target id " + target + " should read " + compiled.manifest().id()
                        + "/ then lower-case words joined by '-', such as " + compiled.manifest().id() + "/on-time-per-field"));
            }
        }
        findings.addAll(Cascade.findings(Cascade.compare(outcome.specs(), subUnits)));
        if (compiled.manifest().scenarios().isEmpty()) {
            findings.add(new Finding(Severity.NOTE, "no-scenarios", name, files.display(RuleSetCompiler.MANIFEST),
                    "scenarios", 0, 0, "lists no scenario files: add a *" + ScenarioFile.SUFFIX
                    + " beside the rules and list it under \"scenarios\" so that `reform-targets test` checks them"));
        }
        return new Result(name, compiled, outcome.specs(), List.copyOf(findings));
    }

    private static String compileCode(Problem p, String shownManifest) {
        if (shownManifest.equals(p.source())) {
            return "manifest";
        }
        if (p.path() != null && p.path().startsWith("rule \"")
                && (p.message().startsWith("has no @") || p.message().startsWith("@"))) {
            return p.message().contains("does not belong to rule set") ? "target-id" : "metadata";
        }
        if (p.message().contains("without a verdict") || p.message().contains("the consequence is one Check chain")) {
            return "no-verdict";
        }
        return "drl";
    }

    private static void thresholds(String name, RuleSetManifest manifest, TargetSpec s, List<Finding> out) {
        Requirement r = s.requirement();
        if (r.threshold() != null && r.scale() != null) {
            threshold(name, s, r.comparison(), r.threshold(), r.scale(), "", out);
        }
        r.fieldThresholds().forEach((field, t) -> threshold(name, s, Comparison.AT_LEAST, t, Scale.PERCENT,
                " for field " + field, out));
        Period p = manifest.period();
        if (r.deadline() != null && (r.deadline().isBefore(p.start()) || r.deadline().isAfter(p.end().plusDays(1)))) {
            out.add(at(Severity.WARNING, "deadline", name, s, "its deadline " + r.deadline()
                    + " lies outside the rule set's period " + p + ": was it copied from another year?"));
        }
        r.dueDates().forEach((item, date) -> {
            LocalDate lastDay = r.comparison() == Comparison.BEFORE ? p.end().plusDays(1) : p.end();
            if (date.isBefore(p.start()) || date.isAfter(lastDay)) {
                out.add(at(Severity.WARNING, "deadline", name, s, "the deadline " + date + " of " + item
                        + " lies outside the rule set's period " + p + ": was it copied from another year?"));
            }
        });
    }

    private static void threshold(String name, TargetSpec s, Comparison c, BigDecimal t, Scale scale, String where,
                                  List<Finding> out) {
        String shown = t.toPlainString()
                + (scale == Scale.PERCENT || scale == Scale.PERCENT_RISE || scale == Scale.PERCENT_OF_BASE ? " %" : "")
                + (scale == Scale.POINTS ? " points" : "");
        boolean atLeast = c == Comparison.AT_LEAST;
        switch (scale) {
            case PERCENT -> {
                if (t.signum() < 0 || t.compareTo(BigDecimal.valueOf(100)) > 0) {
                    out.add(at(Severity.ERROR, "threshold", name, s, "threshold " + shown + where
                            + " is outside 0–100 %: a share is a percentage"));
                } else if (c == Comparison.ABOVE && t.compareTo(BigDecimal.valueOf(100)) == 0) {
                    out.add(at(Severity.ERROR, "unreachable", name, s, "asks for more than 100 %" + where
                            + ": no share can be above 100 %, so the target can never be met; use atLeast(\"100\")"));
                } else if (atLeast && t.signum() == 0) {
                    out.add(at(Severity.WARNING, "trivial", name, s, "asks for at least 0 %" + where
                            + ": every share meets it"));
                }
            }
            case POINTS -> {
                if (t.compareTo(BigDecimal.valueOf(100)) > 0) {
                    out.add(at(Severity.ERROR, "unreachable", name, s, "asks for a rise of " + shown + where
                            + ": a share cannot rise by more than 100 points"));
                }
            }
            case COUNT, NUMBER -> {
                if (t.signum() < 0 && atLeast) {
                    out.add(at(Severity.ERROR, "threshold", name, s, "threshold " + shown + where + " is negative"));
                } else if (t.signum() < 0 && c == Comparison.AT_MOST) {
                    out.add(at(Severity.ERROR, "unreachable", name, s, "asks for at most " + shown + where
                            + ": figures are never negative, so the target can never be met"));
                } else if (atLeast && t.signum() == 0) {
                    out.add(at(Severity.WARNING, "trivial", name, s, "asks for at least 0" + where + ": always met"));
                }
            }
            case PERCENT_OF_BASE -> {
                if (t.signum() < 0 && c == Comparison.AT_MOST) {
                    out.add(at(Severity.ERROR, "unreachable", name, s, "asks for at most " + shown + where
                            + " of a figure: figures are never negative, so the target can never be met"));
                }
            }
            case PERCENT_RISE -> {
                if (t.compareTo(BigDecimal.valueOf(-100)) <= 0) {
                    out.add(at(Severity.WARNING, "trivial", name, s, "allows a fall of " + t.negate().toPlainString()
                            + " %" + where + ": always met"));
                }
            }
        }
    }

    private static Finding at(Severity severity, String code, String name, TargetSpec s, String message) {
        return new Finding(severity, code, name, s.file(), "rule \"" + s.rule() + "\"", s.line(), 0,
                "target " + s.target() + " for " + s.level() + ": " + message);
    }

    /** The line in the rule's text where the code the message quotes is written, else the rule's line. */
    private static int lineOfQuoted(RuleInfo rule, String message, RuleSetCompiler.Files files, Map<String, String> texts) {
        Matcher m = QUOTED.matcher(message);
        if (!m.find() || rule.line() <= 0 || rule.file() == null) {
            return rule.line();
        }
        String text = texts.computeIfAbsent(rule.file(), f -> readShown(files, f));
        if (text == null) {
            return rule.line();
        }
        String[] lines = text.split("\\R", -1);
        String needle = "\"" + m.group(1) + "\"";
        for (int i = rule.line() - 1; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
            if (i > rule.line() - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return rule.line();
    }

    /** Reads a file by the name messages show, which is how rules know their file. */
    private static String readShown(RuleSetCompiler.Files files, String shown) {
        String prefix = files.display("");
        String relative = shown.startsWith(prefix + "/") ? shown.substring(prefix.length() + 1)
                : shown.startsWith(prefix + java.io.File.separator) ? shown.substring(prefix.length() + 1) : shown;
        try {
            byte[] b = files.read(relative);
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static RuleSetManifest lenientManifest(RuleSetCompiler.Files files) {
        try {
            byte[] b = files.read(RuleSetCompiler.MANIFEST);
            return b == null ? null : LENIENT.readValue(b, RuleSetManifest.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void scenarios(String name, RuleSetManifest manifest, RuleSetCompiler.Files files,
                                  List<Finding> out) {
        String shown = files.display(RuleSetCompiler.MANIFEST);
        for (String s : manifest.scenarios()) {
            if (s == null || !s.endsWith(ScenarioFile.SUFFIX) || s.startsWith("/") || s.contains("..") || s.contains("\\")) {
                out.add(new Finding(Severity.ERROR, "scenarios", name, shown, "scenarios", 0, 0, "'" + s
                        + "' is not a *" + ScenarioFile.SUFFIX + " file inside the rule-set folder"));
                continue;
            }
            byte[] bytes;
            try {
                bytes = files.read(s);
            } catch (IOException e) {
                out.add(new Finding(Severity.ERROR, "scenarios", name, files.display(s), null, 0, 0,
                        "cannot be read: " + e.getMessage()));
                continue;
            }
            if (bytes == null) {
                out.add(new Finding(Severity.ERROR, "scenarios", name, shown, "scenarios", 0, 0, "lists " + s
                        + ", which does not exist in the rule-set folder"));
                continue;
            }
            ScenarioFile.Parsed parsed = ScenarioFile.parse(bytes, files.display(s), manifest.id(), files::read);
            for (Problem p : parsed.problems()) {
                out.add(Finding.of(Severity.ERROR, "scenarios", name, p));
            }
        }
    }

    private static void unlisted(String name, RuleSetManifest manifest, RuleSetCompiler.Files files,
                                 Collection<String> present, List<Finding> out) {
        if (present == null) {
            return;
        }
        for (String f : present) {
            if (f.endsWith(".drl") && !manifest.files().contains(f)) {
                out.add(new Finding(Severity.WARNING, "unlisted-file", name, files.display(f), null, 0, 0,
                        "is not listed in manifest.json \"files\", so it is never loaded: list it or delete it"));
            } else if (f.endsWith(ScenarioFile.SUFFIX) && !manifest.scenarios().contains(f)) {
                out.add(new Finding(Severity.WARNING, "unlisted-file", name, files.display(f), null, 0, 0,
                        "is not listed in manifest.json \"scenarios\", so its scenarios never run: list it or delete it"));
            }
        }
    }
}
