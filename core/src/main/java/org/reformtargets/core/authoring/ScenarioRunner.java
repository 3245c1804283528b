// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetNotFoundException;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.internal.RuleSetCompiler;
import org.reformtargets.core.internal.RuleSetFiles;
import org.reformtargets.core.internal.RuleSetFolders;
import org.reformtargets.core.internal.ScenarioFile;

/**
 * Runs the scenario tests kept beside a rule set's rules (as OPA keeps tests beside policies):
 * what {@code reform-targets test PATH} runs. A rule set lists its scenario files
 * ({@code *.scenarios.json}) in its manifest's {@code "scenarios"}; each scenario is a facts
 * document and the statuses (optionally gaps and figures) the evaluation must give per target,
 * unit and field. The report lists every expectation not met with the rule's message, and the
 * target coverage: which targets no expectation asserts and which statuses of each were never
 * asserted. The file format is in {@code docs/authoring.md}.
 *
 * <pre>{@code
 * ScenarioReport report = ScenarioRunner.run(Path.of("rulesets/hcm-agri/2022"));
 * System.out.print(report.render());
 * System.exit(report.exitCode(100));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Runs the scenarios of the rule-set folder {@code dir}. */
    public static ScenarioReport run(Path dir) {
        RuleSet rules;
        try {
            rules = RuleSet.fromDirectory(dir);
        } catch (ReformTargetsException e) {
            return broken(dir.toString(), e.problems());
        }
        return run(rules, RuleSetFiles.directory(dir));
    }

    /** Runs the scenarios of the rule set {@code id} on this library's class path. */
    public static ScenarioReport run(String id) {
        return run(id, RuleSet.class.getClassLoader());
    }

    /** Runs the scenarios of the rule set {@code id} on the given class loader's path. */
    public static ScenarioReport run(String id, ClassLoader loader) {
        RuleSet rules;
        try {
            rules = RuleSet.load(id, loader);
        } catch (RuleSetNotFoundException e) {
            return broken(id, e.problems().isEmpty()
                    ? List.of(new Problem(id, null, 0, 0, e.getMessage())) : e.problems());
        } catch (ReformTargetsException e) {
            return broken(id, e.problems());
        }
        return run(rules, RuleSetFiles.classpath(id, loader));
    }

    /**
     * Runs the scenarios of the rule-set folder {@code path}, or of every rule-set folder below it,
     * one report each, in folder order.
     */
    public static List<ScenarioReport> runAll(Path path) {
        List<Path> folders = RuleSetFolders.find(path);
        if (folders.isEmpty()) {
            return List.of(broken(path.toString(), List.of(new Problem(path.toString(), null, 0, 0,
                    Files.exists(path) ? "holds no manifest.json: give a rule-set folder or a folder above rule-set folders"
                            : "does not exist"))));
        }
        return folders.stream().map(ScenarioRunner::run).toList();
    }

    private static ScenarioReport broken(String name, List<Problem> problems) {
        return new ScenarioReport(name, List.of(), 0, 0, List.of(), problems,
                new ScenarioReport.Coverage(List.of(), List.of(), Map.of()));
    }

    private static ScenarioReport run(RuleSet rules, RuleSetCompiler.Files files) {
        List<Problem> problems = new ArrayList<>();
        List<ScenarioReport.Failure> failures = new ArrayList<>();
        List<String> shownFiles = new ArrayList<>();
        Set<String> targets = new TreeSet<>(rules.targets());
        Set<String> covered = new TreeSet<>();
        Map<String, Set<Status>> statuses = new LinkedHashMap<>();
        int scenarios = 0;
        int expectations = 0;
        if (rules.manifest().scenarios().isEmpty()) {
            problems.add(new Problem(files.display(RuleSetCompiler.MANIFEST), "scenarios", 0, 0,
                    "lists no scenario files: write a *" + ScenarioFile.SUFFIX + " beside the rules and list it here"));
        }
        for (String name : rules.manifest().scenarios()) {
            String shown = files.display(name);
            shownFiles.add(shown);
            byte[] bytes;
            try {
                bytes = name.endsWith(ScenarioFile.SUFFIX) && !name.contains("..") ? files.read(name) : null;
            } catch (IOException e) {
                problems.add(new Problem(shown, null, 0, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            if (bytes == null) {
                problems.add(new Problem(files.display(RuleSetCompiler.MANIFEST), "scenarios", 0, 0, "lists " + name
                        + ", which is not a *" + ScenarioFile.SUFFIX + " file in the rule-set folder"));
                continue;
            }
            ScenarioFile.Parsed parsed = ScenarioFile.parse(bytes, shown, rules.id(), files::read);
            problems.addAll(parsed.problems());
            for (ScenarioFile.Scenario s : parsed.scenarios()) {
                if (s.facts() == null) {
                    continue;
                }
                scenarios++;
                Evaluation evaluation;
                try {
                    evaluation = rules.evaluate(s.facts());
                } catch (ReformTargetsException e) {
                    failures.add(new ScenarioReport.Failure(shown, s.line(), s.name(), null, null, null, null, null,
                            "evaluation failed: " + String.join("; ", e.problems().stream().map(Problem::toString).toList()),
                            null, null));
                    continue;
                }
                for (ScenarioFile.Expectation x : s.expect()) {
                    expectations++;
                    boolean known = targets.contains(x.target());
                    if (known) {
                        covered.add(x.target());
                    }
                    if (check(shown, s, x, known, evaluation, failures)) {
                        statuses.computeIfAbsent(x.target(), t -> EnumSet.noneOf(Status.class)).add(x.status());
                    }
                }
                for (ScenarioFile.ScoreExpectation x : s.scores()) {
                    expectations++;
                    checkScore(shown, s, x, evaluation, failures);
                }
            }
        }
        return new ScenarioReport(rules.id(), shownFiles, scenarios, expectations, failures, problems,
                new ScenarioReport.Coverage(List.copyOf(targets), List.copyOf(covered), statuses));
    }

    /** Checks one expected score record. */
    private static void checkScore(String file, ScenarioFile.Scenario s, ScenarioFile.ScoreExpectation x,
                                   Evaluation evaluation, List<ScenarioReport.Failure> failures) {
        String what = "score of " + x.period();
        org.reformtargets.core.Score found = evaluation.scoreOf(x.unit(), x.period()).orElse(null);
        if (found == null) {
            failures.add(new ScenarioReport.Failure(file, x.line(), s.name(), what, x.unit(), null, null, null,
                    "no score for this unit and period", null, null));
            return;
        }
        List<String> wrong = new ArrayList<>();
        if (x.total() != null && !x.total().equals(found.total())) {
            wrong.add("total " + x.total() + " expected, " + found.total() + " given");
        }
        if (x.exactTotal() != null && !x.exactTotal().equals(found.exactTotal())) {
            wrong.add("exact total " + x.exactTotal() + " expected, " + found.exactTotal() + " given");
        }
        if (x.maxTotal() != null && !x.maxTotal().equals(found.maxTotal())) {
            wrong.add("maxTotal " + x.maxTotal() + " expected, " + found.maxTotal() + " given");
        }
        if (x.complete() != null && x.complete() != found.complete()) {
            wrong.add("complete " + x.complete() + " expected, " + found.complete() + " given");
        }
        x.groups().forEach((g, v) -> {
            if (!v.equals(found.groups().get(g))) {
                wrong.add("group " + g + " " + v + " expected, " + found.groups().get(g) + " given");
            }
        });
        if (x.missing() != null && !x.missing().equals(found.missing())) {
            wrong.add("missing " + x.missing() + " expected, " + found.missing() + " given");
        }
        if (!wrong.isEmpty()) {
            failures.add(new ScenarioReport.Failure(file, x.line(), s.name(), what, x.unit(), null, null, null,
                    String.join("; ", wrong), null, null));
        }
    }

    /** Checks one expectation; true when it held. */
    private static boolean check(String file, ScenarioFile.Scenario s, ScenarioFile.Expectation x, boolean known,
                                 Evaluation evaluation, List<ScenarioReport.Failure> failures) {
        String field = x.fieldGiven() ? x.field() : null;
        if (!known) {
            failures.add(new ScenarioReport.Failure(file, x.line(), s.name(), x.target(), x.unit(), field, x.status(),
                    null, "the rule set has no target " + x.target(), null, null));
            return false;
        }
        List<TargetResult> found = evaluation.results().stream()
                .filter(r -> r.target().equals(x.target()) && r.unit().equals(x.unit())
                        && (!x.fieldGiven() || Objects.equals(r.field(), x.field()))
                        && (x.period() == null || x.period().equals(r.period())))
                .toList();
        if (found.isEmpty()) {
            boolean unitKnown = s.facts().units().stream().anyMatch(u -> u.id().equals(x.unit()));
            failures.add(new ScenarioReport.Failure(file, x.line(), s.name(), x.target(), x.unit(), field, x.status(),
                    null, unitKnown ? "no result for this target, unit and field" : "unit " + x.unit()
                    + " is not in the scenario's facts", null, null));
            return false;
        }
        boolean held = true;
        for (TargetResult r : found) {
            List<String> wrong = new ArrayList<>();
            if (r.status() != x.status()) {
                wrong.add("status");
            }
            if (x.gapGiven() && !Objects.equals(r.gap(), x.gap())) {
                wrong.add("gap " + x.gap() + " expected, " + r.gap() + " given");
            }
            if (x.actual() != null && !x.actual().equals(r.actual())) {
                wrong.add("actual " + x.actual() + " expected, " + r.actual() + " given");
            }
            if (x.pointsGiven() && !Objects.equals(x.points(), r.points())) {
                wrong.add("points " + x.points() + " expected, " + r.points() + " given");
            }
            if (x.maxPoints() != null && !x.maxPoints().equals(r.maxPoints())) {
                wrong.add("maxPoints " + x.maxPoints() + " expected, " + r.maxPoints() + " given");
            }
            if (x.isFinal() != null && x.isFinal() != r.isFinal()) {
                wrong.add(x.isFinal() ? "final expected, not final given" : "not final expected, final given");
            }
            if (!wrong.isEmpty()) {
                held = false;
                failures.add(new ScenarioReport.Failure(file, x.line(), s.name(), x.target(), x.unit(), r.field(),
                        x.status(), r.status(), String.join("; ", wrong), r.message(), r.rule()));
            }
        }
        return held;
    }
}
