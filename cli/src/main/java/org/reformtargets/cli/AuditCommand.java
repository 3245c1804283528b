// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code audit}: the commands on audit records; {@code audit verify} is the one. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Commands on the audit records 'evaluate --audit FILE' writes: 'audit verify RECORD --facts "
                + "FILE [--rules-dir DIR]' re-evaluates the facts and says whether the record matches.",
        footer = {"", "Exit status: 0 the record matches; 1 it does not; 2 usage error, unreadable or malformed "
                + "record or facts, rule set not found at the record's version, unusable "
                + AuditSeal.KEY_VARIABLE + "."})
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** The {@code audit} command with its subcommands. */
    static CommandLine withSubcommands() {
        return new CommandLine(new AuditCommand()).addSubcommand("verify", new AuditVerifyCommand());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: give verify (audit verify RECORD --facts FILE [--rules-dir DIR]).");
    }
}
