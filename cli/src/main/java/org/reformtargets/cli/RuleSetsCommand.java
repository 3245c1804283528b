// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rulesets}: lists the bundled rule sets with their version, title, number of targets and dates. */
@Command(name = "rulesets",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Lists the bundled rule sets (bộ quy tắc): id, version, number of targets, the dates "
                + "they are in force and their title. Load one with --rule-set ID, RuleSet.load(ID), "
                + "RuleSet.load(FAMILY, YEAR) or RuleSet.forDate(FAMILY, DATE).",
        footer = {"", "Exit status: 0 listed; 2 usage error, or a bundled rule set does not compile "
                + "(its problems on stderr, the others still listed)."})
final class RuleSetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of the titles in the table: vi or en. Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Lang lang;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (one rule set a line) or json (a list with both titles, issuer, period, "
                    + "dates and target ids). Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Map<String, Object>> json = new ArrayList<>();
        TextTable table = new TextTable("ID", "VERSION", "TARGETS", "IN FORCE", "TITLE");
        int status = 0;
        for (String id : RuleSet.available()) {
            RuleSet rules;
            try {
                rules = RuleSet.load(id);
            } catch (ReformTargetsException e) {
                err.println("reform-targets rulesets: " + e.getMessage());
                status = Main.EXIT_USER_ERROR;
                continue;
            }
            RuleSetManifest m = rules.manifest();
            String inForce = m.effective() == null ? "-" : m.effective().from() + " to " + m.effective().to();
            String title = m.title() == null ? "" : lang == EvaluateCommand.Lang.vi ? m.title().vi() : m.title().en();
            table.row(id, m.version(), Integer.toString(rules.targets().size()), inForce, title);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", id);
            one.put("version", m.version());
            one.put("title", m.title());
            one.put("issuer", m.issuer());
            one.put("period", m.period() == null ? null : m.period().toString());
            one.put("effective", m.effective());
            one.put("targets", rules.targets().size());
            one.put("targetIds", rules.targets());
            one.put("contentHash", rules.contentHash());
            json.add(one);
        }
        if (format == EvaluateCommand.Format.json) {
            out.print(CliJson.write(json));
        } else {
            out.print(table.render());
            out.println(json.size() + (json.size() == 1 ? " rule set" : " rule sets")
                    + "; 'reform-targets describe ID' shows a rule set's targets.");
        }
        out.flush();
        return status;
    }
}
