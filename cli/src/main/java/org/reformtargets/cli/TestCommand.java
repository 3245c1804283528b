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
import org.reformtargets.core.authoring.ScenarioReport;
import org.reformtargets.core.authoring.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code test}: runs the scenario files kept beside a rule set's rules and reports failures and coverage. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Runs the scenario tests of rule sets: each *.scenarios.json the manifest lists holds "
                + "facts and the statuses (optionally gaps and figures) the evaluation must give. Prints every "
                + "expectation not met with its file:line, target, unit, field, expected and actual status and "
                + "the rule's message; then per rule set the counts and the target coverage: the targets no "
                + "expectation asserts and the statuses never asserted. The format is in docs/authoring.md."},
        footer = {"", "Exit status: 0 every expectation held and every rule set's coverage reaches --min-coverage; "
                + "1 a failure, a scenario file that cannot be run, a rule set that does not load or lists no "
                + "scenarios, or coverage below the minimum; 2 usage error, a PATH that is neither a "
                + "rule-set folder (or a folder above some) nor a bundled id."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH",
            description = "A rule-set folder (holding manifest.json), a folder above several, or a bundled id.")
    String path;

    @Option(names = "--min-coverage", paramLabel = "N", defaultValue = "100",
            description = "The least share of a rule set's targets, in percent (0-100), that expectations must "
                    + "assert. Default: ${DEFAULT-VALUE}, as the bundled rule sets are held to.")
    int minCoverage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (failures, then a summary and the coverage per rule set) or json (per rule set: "
                    + "counts, failures, problems, coverage and whether it passed). Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Format format;

    @Override
    public Integer call() {
        if (minCoverage < 0 || minCoverage > 100) {
            throw new ParameterException(spec.commandLine(),
                    "--min-coverage must be a percentage from 0 to 100, not " + minCoverage + ".");
        }
        List<ScenarioReport> reports = run(path);
        int status = ScenarioReport.exitCode(reports, minCoverage);
        PrintWriter out = spec.commandLine().getOut();
        if (format == EvaluateCommand.Format.json) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (ScenarioReport r : reports) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("ruleSet", r.ruleSet());
                one.put("passed", r.exitCode(minCoverage) == 0);
                one.put("files", r.files());
                one.put("scenarios", r.scenarios());
                one.put("expectations", r.expectations());
                one.put("failures", r.failures());
                one.put("problems", r.problems());
                Map<String, Object> coverage = new LinkedHashMap<>();
                coverage.put("percent", r.coverage().percent());
                coverage.put("minimum", minCoverage);
                coverage.put("targets", r.coverage().targets());
                coverage.put("uncovered", r.coverage().uncovered());
                coverage.put("missingStatuses", r.coverage().missingStatuses());
                one.put("coverage", coverage);
                json.add(one);
            }
            out.print(CliJson.write(json));
        } else {
            for (ScenarioReport r : reports) {
                out.print(r.render());
                if (r.passed() && !r.coverage().meets(minCoverage)) {
                    out.println("  coverage " + r.coverage().percent().stripTrailingZeros().toPlainString()
                            + " % is below --min-coverage " + minCoverage + " %");
                }
            }
            if (reports.size() > 1) {
                long failed = reports.stream().filter(r -> r.exitCode(minCoverage) != 0).count();
                out.println(reports.size() + " rule sets: " + (failed == 0 ? "all passed" : failed + " failed"));
            }
        }
        out.flush();
        return status;
    }

    private List<ScenarioReport> run(String arg) {
        Path p = Path.of(arg);
        if (Files.exists(p)) {
            if (!RuleSetArgs.holdsRuleSets(p)) {
                throw RuleSetArgs.notFound(spec, arg);
            }
            return ScenarioRunner.runAll(p);
        }
        if (RuleSetArgs.isBundled(arg)) {
            return List.of(ScenarioRunner.run(arg));
        }
        throw RuleSetArgs.notFound(spec, arg);
    }
}
