// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.authoring.Cascade;
import org.reformtargets.core.authoring.Finding.Severity;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate}: compiles and lints rule sets for their authors; optionally prints the cascade between levels. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Validates rule sets for their authors: compiles each one and lints what compiling cannot "
                + "see (unknown indicators, conflicting rules, thresholds out of range or never met, deadlines "
                + "outside the period, a sub-department looser than its department, scenario files, index.txt), "
                + "printing one finding a line: file:line:column: severity: message [code]. The codes are "
                + "listed in docs/authoring.md.",
                "--cascade prints, for a rule set, each level's demand against the nearest level above "
                + "with the same target (a Chi cục should be at least as strict as its Sở)."},
        footer = {"", "Exit status: 0 clean (no error and no warning; notes do not count) and no looser cascade "
                + "step; 1 errors or warnings found, or a looser cascade step; 2 usage error, a PATH or "
                + "--cascade that is neither a rule-set folder (or a folder above some) nor a bundled id, "
                + "a --cascade rule set that does not compile."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A rule-set folder (holding manifest.json), a folder above several (such as "
                    + "rules/src/main/resources/rulesets, whose index.txt is checked too), or a bundled id.")
    String path;

    @Option(names = "--cascade", paramLabel = "ID|DIR",
            description = "Print the cascade comparison of this rule set (bundled id or folder): every target's "
                    + "demand at each level against the level above, with a verdict and the reason.")
    String cascade;

    @Option(names = "--sub-units", paramLabel = "N",
            description = "Compare a count of sub-units with a share of them (at least 5 sub-units against at "
                    + "least 50 %%) at N sub-units, in the cascade and in the validation; without it such "
                    + "pairs are incomparable notes.")
    Integer subUnits;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (findings one a line, then a summary) or json (rule sets, findings with "
                    + "severity, code, file, line, column and message, counts; and the cascade steps). "
                    + "Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Format format;

    @Override
    public Integer call() {
        if (path == null && cascade == null) {
            throw new ParameterException(spec.commandLine(), "Give a PATH to validate (a rule-set folder, a folder "
                    + "above several, or a bundled id), or --cascade ID|DIR.");
        }
        if (subUnits != null && subUnits < 1) {
            throw new ParameterException(spec.commandLine(), "--sub-units must be at least 1, not " + subUnits + ".");
        }
        ValidationReport report = path == null ? null : validate(path);
        List<Cascade.Step> steps = null;
        String cascadeId = null;
        if (cascade != null) {
            RuleSet rules = load(cascade);
            cascadeId = rules.id();
            steps = Cascade.compare(rules.describe(), subUnits);
        }
        int status = report == null ? 0 : report.exitCode();
        if (steps != null && steps.stream().anyMatch(s -> s.verdict() == Cascade.Verdict.LOOSER)) {
            status = Main.EXIT_FINDINGS;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == EvaluateCommand.Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (report != null) {
                json.put("ruleSets", report.ruleSets());
                json.put("errors", report.count(Severity.ERROR));
                json.put("warnings", report.count(Severity.WARNING));
                json.put("notes", report.count(Severity.NOTE));
                json.put("findings", report.findings());
            }
            if (steps != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("ruleSet", cascadeId);
                if (subUnits != null) {
                    c.put("subUnits", subUnits);
                }
                c.put("steps", steps);
                json.put("cascade", c);
            }
            json.put("exitCode", status);
            out.print(CliJson.write(json));
        } else {
            if (report != null) {
                out.print(report.render());
            }
            if (steps != null) {
                if (report != null) {
                    out.println();
                }
                out.print(renderCascade(cascadeId, steps));
            }
        }
        out.flush();
        return status;
    }

    private ValidationReport validate(String arg) {
        RuleSetValidator validator = subUnits == null ? RuleSetValidator.standard()
                : RuleSetValidator.standard().withSubUnits(subUnits);
        Path p = Path.of(arg);
        if (Files.exists(p)) {
            if (!RuleSetArgs.holdsRuleSets(p)) {
                throw RuleSetArgs.notFound(spec, arg);
            }
            return validator.validate(p);
        }
        if (RuleSetArgs.isBundled(arg)) {
            return validator.validate(arg);
        }
        throw RuleSetArgs.notFound(spec, arg);
    }

    private RuleSet load(String arg) {
        Path p = Path.of(arg);
        if (Files.isDirectory(p) && Files.exists(p.resolve("manifest.json"))) {
            return RuleSet.fromDirectory(p);
        }
        if (RuleSetArgs.isBundled(arg)) {
            return RuleSet.load(arg);
        }
        throw new ParameterException(spec.commandLine(), "--cascade " + arg + ": there is no rule-set folder "
                + arg + " (holding manifest.json) and no bundled rule set " + arg + "; bundled: "
                + String.join(", ", RuleSet.available()) + ".");
    }

    static String renderCascade(String ruleSet, List<Cascade.Step> steps) {
        StringBuilder b = new StringBuilder("Cascade of ").append(ruleSet)
                .append(": each level's demand against the nearest level above with the target\n");
        TextTable table = new TextTable("TARGET", "MEASURE", "UPPER LEVEL", "LOWER LEVEL", "VERDICT");
        int strict = 0;
        int looser = 0;
        int incomparable = 0;
        for (Cascade.Step s : steps) {
            String target = s.target().startsWith(ruleSet + "/") ? s.target().substring(ruleSet.length() + 1) : s.target();
            String upper = measure(s.upper());
            boolean same = upper != null && upper.equals(measure(s.lower()));
            table.row(target, same ? upper : "-", side(s.upper(), same ? upper : null), side(s.lower(), same ? upper : null),
                    s.verdict().name());
            if (!s.reason().isEmpty()) {
                table.under(s.reason());
            }
            switch (s.verdict()) {
                case AT_LEAST_AS_STRICT -> strict++;
                case LOOSER -> looser++;
                case INCOMPARABLE -> incomparable++;
            }
        }
        if (steps.isEmpty()) {
            b.append("  no target binds more than one level\n");
        } else {
            b.append(table.render());
        }
        List<String> parts = new ArrayList<>();
        parts.add(strict + " at least as strict");
        parts.add(looser + " looser");
        parts.add(incomparable + " incomparable");
        return b.append(steps.size()).append(steps.size() == 1 ? " step: " : " steps: ")
                .append(String.join(", ", parts)).append('\n').toString();
    }

    /** The level and its demand, without the kind and subjects when they are {@code measure}. */
    private static String side(TargetSpec s, String measure) {
        String demand = demand(s);
        if (measure != null && demand.startsWith(measure + " ")) {
            demand = demand.substring(measure.length() + 1);
        }
        return s.level().name() + " " + demand;
    }

    /** The kind and subjects, such as {@code SHARE satisfaction}; {@code null} for a demand without them. */
    private static String measure(TargetSpec s) {
        TargetSpec.Kind kind = s.requirement().kind();
        if (kind == TargetSpec.Kind.NOT_APPLICABLE || kind == TargetSpec.Kind.OTHER) {
            return null;
        }
        return kind + (s.requirement().subjects().isEmpty() ? "" : " " + String.join("|", s.requirement().subjects()));
    }

    /** A described demand in one phrase; a check that records no description shows its threshold text. */
    static String demand(TargetSpec s) {
        return switch (s.requirement().kind()) {
            case NOT_APPLICABLE -> "not applicable";
            case OTHER -> ("OTHER " + (s.requirement().subjects().isEmpty() ? "" : String.join("|", s.requirement().subjects()) + " ")
                    + (s.threshold() == null ? "" : s.threshold())).strip();
            default -> s.requirement().toString();
        };
    }
}
