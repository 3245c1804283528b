// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.diff.RuleSetDiff;
import org.reformtargets.core.diff.RuleSetDiff.Change;
import org.reformtargets.core.diff.RuleSetDiff.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff}: what changed, target by target, from one rule set to another. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Compares two rule sets target by target, such as two years of a family: "
                + "'diff hcm-agri/2020 hcm-agri/2021'. Targets are matched by the id after the rule set's id "
                + "and by level of unit.",
                "Listed in this order: TIGHTENED or LOOSENED, with both values (stricter: a higher at-least or "
                + "lower at-most threshold, a strict comparison at an equal value, per-field thresholds field by "
                + "field, per field rather than in total, also above the previous year); CADENCE_CHANGED (every "
                + "month, every quarter, the whole period); LEVEL_CHANGED (the target binds this level on one "
                + "side only); KIND_CHANGED; CHANGED (anything else, said in words: the indicator, the deadline, "
                + "the reading…); REMOVED; ADDED; UNCHANGED (with --all)."},
        footer = {"", "Exit status: 0 compared (whatever the differences); 2 usage error, unknown rule set, "
                + "a folder that is not a rule set, a rule set that does not compile or cannot describe itself."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "ID",
            description = "The bundled rule sets to compare, the older first; "
                    + "leave out the one given by --left-dir or --right-dir.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--left-dir", paramLabel = "DIR",
            description = "Take the left (older) rule set from this folder instead of a bundled id.")
    Path leftDir;

    @Option(names = "--right-dir", paramLabel = "DIR",
            description = "Take the right (newer) rule set from this folder instead of a bundled id.")
    Path rightDir;

    @Option(names = "--all", description = "Also list the targets whose demand is unchanged.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (one line per target and level, then a summary) or json (left, right and the "
                    + "entries with change, details and both sides' TargetSpec). Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Format format;

    @Override
    public Integer call() {
        int needed = (leftDir == null ? 1 : 0) + (rightDir == null ? 1 : 0);
        if (ids.size() != needed) {
            throw new ParameterException(spec.commandLine(), "Give two rule sets to compare: two ids, "
                    + "an id and --left-dir or --right-dir, or both folders; got " + ids.size()
                    + (ids.size() == 1 ? " id" : " ids") + (needed == 2 ? "" : " and " + (2 - needed)
                    + (needed == 1 ? " folder" : " folders")) + ".");
        }
        List<String> rest = new ArrayList<>(ids);
        RuleSet left = leftDir != null ? RuleSet.fromDirectory(leftDir) : RuleSet.load(rest.remove(0));
        RuleSet right = rightDir != null ? RuleSet.fromDirectory(rightDir) : RuleSet.load(rest.remove(0));
        RuleSetDiff diff = RuleSetDiff.between(left, right);
        List<Entry> shown = all ? diff.entries() : diff.changes();
        PrintWriter out = spec.commandLine().getOut();
        if (format == EvaluateCommand.Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("left", Map.of("id", left.id(), "version", left.version()));
            json.put("right", Map.of("id", right.id(), "version", right.version()));
            Map<String, Integer> counts = new LinkedHashMap<>();
            diff.counts().forEach((c, n) -> counts.put(c.name(), n));
            json.put("summary", counts);
            json.put("entries", shown);
            out.print(CliJson.write(json));
        } else {
            out.print(render(left, right, diff, shown));
        }
        out.flush();
        return 0;
    }

    private String render(RuleSet left, RuleSet right, RuleSetDiff diff, List<Entry> shown) {
        StringBuilder b = new StringBuilder();
        b.append("From ").append(left.id()).append(" (version ").append(left.version()).append(", ")
                .append(left.targets().size()).append(" targets) to ").append(right.id()).append(" (version ")
                .append(right.version()).append(", ").append(right.targets().size()).append(" targets)\n");
        if (shown.isEmpty()) {
            b.append("  no target changed\n");
        } else {
            TextTable table = new TextTable("CHANGE", "TARGET", "LEVEL", "WHAT");
            for (Entry e : shown) {
                List<String> details = e.change() == Change.UNCHANGED
                        ? List.of(ValidateCommand.demand(e.right())) : e.details();
                table.row(e.change().name(), e.target(), e.level() == null ? "" : e.level().name(),
                        details.isEmpty() ? "" : details.get(0));
                for (String more : details.subList(Math.min(1, details.size()), details.size())) {
                    table.row("", "", "", more);
                }
            }
            b.append(table.render());
        }
        List<String> counts = new ArrayList<>();
        diff.counts().forEach((c, n) -> counts.add(n + " " + c.name()));
        b.append("Summary: ").append(counts.isEmpty() ? "no targets" : String.join(", ", counts));
        if (!all && diff.counts().getOrDefault(Change.UNCHANGED, 0) > 0) {
            b.append(" (--all lists the unchanged)");
        }
        return b.append('\n').toString();
    }
}
