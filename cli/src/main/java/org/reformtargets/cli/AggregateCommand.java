// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.dossier.Dossiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aggregate}: adds a dossier export's counts to a facts document and prints the document
 * {@code evaluate --dossiers} would evaluate, so that the measurements can be seen and kept.
 */
@Command(name = "aggregate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Aggregates a dossier export (CSV, one row per dossier) into the 766-index measurements of "
                + "every unit of a facts document and every unit above it, per month, quarter and year, and prints "
                + "the facts document with them added (JSON, UTF-8).",
        footer = {"", "Exit status: 0 the document was printed; 2 usage error, invalid facts or dossier export "
                + "(every problem printed as file:line:column: column: message), unreadable file."})
final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--facts", required = true, paramLabel = "FILE",
            description = "The facts document (JSON, UTF-8, or a filled XLSX facts template) naming the units (and "
                    + "any other facts).")
    Path facts;

    @Option(names = "--dossiers", required = true, paramLabel = "FILE",
            description = "The dossier export (CSV, UTF-8, a BOM allowed, comma or semicolon; a header row naming "
                    + "the columns; see docs/facts-format.md).")
    Path dossiers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : new Path[] {facts, dossiers}) {
            if (Files.isDirectory(p)) {
                err.println("Cannot read " + p + ": it is a directory; give the file.");
                return Main.EXIT_USER_ERROR;
            }
        }
        try {
            FactsDocument document = Dossiers.aggregate(FactsFiles.read(facts, null, null), dossiers);
            out.print(ReformTargetsJson.writeFacts(document));
            out.print('\n');
            out.flush();
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
