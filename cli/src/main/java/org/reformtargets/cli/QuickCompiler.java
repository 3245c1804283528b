// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.DynamicMBean;
import javax.management.JMException;

/**
 * Asks the JVM the command line runs in to compile with its quick compiler only, as the launcher's
 * {@code -XX:TieredStopAtLevel=1} does: a run of the command line is short, and on few cores the
 * optimising compiler's threads take the processor from the work. Plain {@code java -jar} passes no
 * JVM flags, but the jar's manifest opens the JDK's diagnostic commands to it ({@code Add-Exports},
 * {@code Add-Opens}), and a compiler directive that excludes the optimising compiler
 * ({@code jcmd PID Compiler.directives_add}) has the same effect. Where that is not possible (another
 * JVM, a class path instead of {@code -jar}) nothing changes. {@code -Dreformtargets.cli.keepCompilers=true}
 * leaves the JVM's compilers as they are.
 */
final class QuickCompiler {

    private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

    private QuickCompiler() {
    }

    /** Adds the directive; {@code false} when the JVM does not let the jar do it. */
    static boolean apply() {
        if (Boolean.getBoolean("reformtargets.cli.keepCompilers")) {
            return false;
        }
        Path file = null;
        try {
            file = Files.createTempFile("reform-targets-", ".json");
            Files.writeString(file, DIRECTIVE);
            // its initialisation loads the library the diagnostic commands call
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, null);
            Object vm = Class.forName("sun.management.ManagementFactoryHelper").getMethod("getVMManagement")
                    .invoke(null);
            Constructor<?> commands = Class.forName("com.sun.management.internal.DiagnosticCommandImpl")
                    .getDeclaredConstructor(Class.forName("sun.management.VMManagement"));
            commands.setAccessible(true);
            ((DynamicMBean) commands.newInstance(vm)).invoke("compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | IOException | JMException e) {
            return false; // compiled as the JVM decides
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
