// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.ReformTargetsXlsx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code template}: writes the XLSX facts template (mẫu nhập số liệu) a sub-unit fills in, with the rule
 * set's vocabulary as drop-down lists; {@code evaluate --facts} reads the filled workbook back.
 */
@Command(name = "template",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Writes the XLSX facts template of a rule set: a guide sheet in Vietnamese and sheets for "
                + "units, measurements, events and attestations, with the rule set's indicators, levels, fields, "
                + "event types, attestation keys and periods as drop-down lists. Fill it in and give it to "
                + "'evaluate --facts'.",
        footer = {"", "Exit status: 0 the workbook was written; 2 usage error, unknown or broken rule set, invalid "
                + "units document (every problem printed as file:line:column: path: message), unreadable or "
                + "unwritable file (nothing is written then)."})
final class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rule-set", paramLabel = "ID",
            description = "The bundled rule set whose vocabulary the template offers, such as hcm-agri/2021.")
    String ruleSetId;

    @Option(names = "--rules-dir", paramLabel = "DIR",
            description = "A rule-set folder on disk instead of a bundled rule set.")
    Path rulesDir;

    @Option(names = "--units", paramLabel = "FILE",
            description = "A facts document (JSON) whose units fill the units sheet and the unit drop-down; any "
                    + "measurements, events and attestations in it are written as rows too.")
    Path units;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The workbook to write (such as template.xlsx), whole or not at all.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String unfit = AtomicWrite.unfit(output);
        if (unfit != null) {
            err.println("Refusing to write " + output + ": " + unfit + " for --output.");
            return Main.EXIT_USER_ERROR;
        }
        if (units != null && AuditInputs.same(output, units)) {
            err.println("Refusing to write the template to " + output + ": it is the --units file; give another path.");
            return Main.EXIT_USER_ERROR;
        }
        RuleSet ruleSet = RuleSetArgs.load(spec, ruleSetId, rulesDir, "--rule-set ID", "--rules-dir");
        try {
            FactsDocument seed = units == null ? null : ReformTargetsJson.readFacts(units);
            try {
                AtomicWrite.write(output, out -> ReformTargetsXlsx.template(ruleSet, seed, out));
            } catch (IOException e) {
                err.println("Cannot write " + output + ": " + AuditInputs.reason(output, e) + "; nothing was written.");
                return Main.EXIT_USER_ERROR;
            }
            return 0;
        } catch (ReformTargetsException e) {
            err.println(e.getMessage().lines().findFirst().orElse(""));
            Main.printProblems(e, err);
        } catch (UncheckedIOException e) {
            err.println(EvaluateCommand.describe(e));
        }
        return Main.EXIT_USER_ERROR;
    }
}
