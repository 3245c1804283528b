package org.reformtargets.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code reform-targets} command: {@code java -jar reform-targets.jar evaluate --facts FILE}.
 * Exit status 0 when the evaluation ran, whatever the verdicts; 2 for a usage error, bad facts,
 * a missing or broken rule set, or an unreadable file.
 */
@Command(name = "reform-targets",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {EvaluateCommand.class, HelpCommand.class},
        description = "Evaluates public-administration reform targets (chỉ tiêu cải cách hành chính) "
                + "against a facts document.",
        footer = {"", "Exit status: 0 the evaluation ran (whatever the verdicts); "
                + "2 usage error, invalid facts, unknown or broken rule set, unreadable file.",
                "Run 'reform-targets evaluate --help' for the options of evaluate."})
public final class Main implements Runnable {

    /** Exit status for everything the user can fix: usage, facts, rule set, files. */
    static final int EXIT_USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int status = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the command line, writing to {@code out} and {@code err}, and returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give 'evaluate'.");
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
