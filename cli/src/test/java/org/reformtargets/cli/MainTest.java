// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private static final List<String> COMMANDS = List.of("evaluate", "aggregate", "rulesets", "describe", "diff", "validate", "test", "audit");

    @Test
    void helpNamesEveryCommandAndTheExitStatuses() {
        Cli.Run run = Cli.run("--help");

        assertEquals(0, run.status());
        for (String c : COMMANDS) {
            assertTrue(run.out().contains("  " + c + " "), c + " missing in\n" + run.out());
        }
        String words = run.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("Exit status: 0"), run.out());
        assertTrue(words.contains("1 validate found errors or warnings"), run.out());
    }

    @Test
    void noCommandIsAUsageErrorNamingTheCommands() {
        Cli.Run run = Cli.run();

        assertEquals(2, run.status());
        for (String c : COMMANDS) {
            assertTrue(run.err().contains(c), c + " missing in\n" + run.err());
        }
    }
}
