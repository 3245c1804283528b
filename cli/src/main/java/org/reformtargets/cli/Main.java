// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code reform-targets} command: {@code java -jar reform-targets.jar evaluate --facts FILE}, {@code
 * template} (the XLSX facts template), {@code aggregate} (a dossier export into measurements), and
 * the rule-set commands {@code rulesets}, {@code describe}, {@code diff}, {@code validate} and
 * {@code test}, and {@code audit verify}. Exit status 0 when the command did its work; 1 when
 * {@code validate} found errors or warnings, {@code test} failures or {@code audit verify} a record
 * that does not match; 2 for a usage error, bad facts, a missing or broken rule set, or an
 * unreadable file.
 */
@Command(name = "reform-targets",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Evaluates public-administration reform targets (chỉ tiêu cải cách hành chính) "
                + "against a facts document (JSON or a filled XLSX template), writes the XLSX facts template, "
                + "aggregates dossier exports into measurements, lists, describes, compares, validates and tests rule sets, and "
                + "verifies audit records.",
        footer = {"", "Exit status: 0 the command did its work (evaluate: whatever the verdicts; diff: whatever "
                + "the differences); 1 validate found errors or warnings, test found failures or too little "
                + "coverage, audit verify found a record that does not match; 2 usage error, invalid facts, unknown or broken rule set, unknown folder, "
                + "unreadable file.",
                "Run 'reform-targets COMMAND --help' for the options of a command."})
@API(status = INTERNAL, since = "0.1")
public final class Main implements Runnable {

    /** Exit status of validate and test when they found something. */
    static final int EXIT_FINDINGS = 1;

    /** Exit status for everything the user can fix: usage, facts, rule set, files. */
    static final int EXIT_USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** The environment the commands read (the audit key): the process's, or a test's. */
    private final Function<String, String> env;

    Main() {
        this(System::getenv);
    }

    Main(Function<String, String> env) {
        this.env = env;
    }

    /** The environment of the command line {@code spec} belongs to. */
    static Function<String, String> env(CommandSpec spec) {
        return spec.root().userObject() instanceof Main main ? main.env : System::getenv;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // a dossier export is read row by row in one hot loop, which the optimising compiler pays for
        // (406,501 rows: 2.5 s with it, 3.6-4.2 s without); everything else runs faster on the quick one
        boolean dossiers = args.length > 0 && args[0].equals("aggregate") || java.util.List.of(args).contains("--dossiers");
        if (!dossiers) {
            QuickCompiler.apply();
        }
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int status = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The subcommands, in the order help lists them. Picocli builds the model of every command it is
     * given, by reflection, before parsing: {@link #execute} gives it only the command named first
     * when there is one, and all of them otherwise (help, suggestions, errors).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("evaluate", EvaluateCommand::new);
        commands.put("template", TemplateCommand::new);
        commands.put("aggregate", AggregateCommand::new);
        commands.put("rulesets", RuleSetsCommand::new);
        commands.put("describe", DescribeCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("test", TestCommand::new);
        commands.put("audit", AuditCommand::withSubcommands);
        commands.put("help", HelpCommand::new);
        return commands;
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    private static CommandLine commandLine(Function<String, String> env) {
        CommandLine cli = new CommandLine(new Main(env));
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        return cli;
    }

    /** The command line {@code args} need: only the subcommand named first, if it is one but help. */
    private static CommandLine commandLineFor(Function<String, String> env, String[] args) {
        Supplier<Object> named = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
        if (named == null) {
            return commandLine(env);
        }
        return new CommandLine(new Main(env)).addSubcommand(args[0], named.get());
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, System::getenv, args);
    }

    /** As {@link #execute(PrintWriter, PrintWriter, String...)}, reading the environment through {@code env}. */
    static int execute(PrintWriter out, PrintWriter err, Function<String, String> env, String... args) {
        CommandLine cli = commandLineFor(env, args);
        cli.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(Main::executionError);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: give one of evaluate, template, aggregate, rulesets, describe, diff, validate, test, audit.");
    }

    /** Prints a usage error with a one-line hint instead of the whole help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(cli.getColorScheme().errorText("reform-targets: " + e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USER_ERROR;
    }

    /**
     * Prints what the library refused (a rule set not found or broken, unreadable input) with every
     * problem, without a stack trace, and returns {@link #EXIT_USER_ERROR}; anything else is a bug
     * and propagates.
     */
    private static int executionError(Exception ex, CommandLine cli, ParseResult parsed) throws Exception {
        PrintWriter err = cli.getErr();
        if (ex instanceof ReformTargetsException e) {
            err.println("reform-targets " + cli.getCommandName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
            printProblems(e, err);
        } else if (ex instanceof UncheckedIOException e) {
            err.println("reform-targets " + cli.getCommandName() + ": cannot read the input: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        } else {
            throw ex;
        }
        err.flush();
        return EXIT_USER_ERROR;
    }

    /**
     * Prints the problems an exception lists, one a line, and when there were more than it lists
     * (a facts document with more than 200), a last line saying how many more.
     */
    static void printProblems(ReformTargetsException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        if (e.omitted() > 0) {
            err.println(e.omittedLine());
        }
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

    /** The version from the build, as {@code --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"reform-targets " + p.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
