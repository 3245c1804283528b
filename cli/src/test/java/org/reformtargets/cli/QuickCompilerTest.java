// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Outside {@code java -jar} (here, a class path whose JVM does not open the JDK's packages to it) the
 * quick compiler is not asked for, nothing fails, and the command line runs as before.
 */
class QuickCompilerTest {

    @Test
    void onAClassPathNothingIsChangedAndTheCommandRuns() {
        assertFalse(QuickCompiler.apply());

        StringWriter out = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "rulesets");
        assertEquals(0, status);
        assertEquals(true, out.toString().contains("hcm-agri/2021"), out::toString);
    }
}
