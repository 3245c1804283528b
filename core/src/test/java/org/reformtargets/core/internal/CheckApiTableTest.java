// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.rule.AttestationCheck;
import org.reformtargets.core.rule.Check;
import org.reformtargets.core.rule.CoverageCheck;
import org.reformtargets.core.rule.DeadlinesCheck;
import org.reformtargets.core.rule.EventsCheck;
import org.reformtargets.core.rule.RatioCheck;
import org.reformtargets.core.rule.SubUnitsCheck;
import org.reformtargets.core.rule.ScoreCheck;
import org.reformtargets.core.rule.TasksCheck;
import org.reformtargets.core.rule.ValueCheck;

/**
 * The grammar's table of the check API and the public methods of the check classes are the same:
 * a method added to the API is not callable from a rule file until the table has its reviewed entry,
 * and the table names no method that does not exist, with the parameters and steps it says.
 */
class CheckApiTableTest {

    private static final List<Class<?>> STEPS = List.of(Check.class, RatioCheck.class, ValueCheck.class,
            SubUnitsCheck.class, CoverageCheck.class, CoverageCheck.QuarterlyCoverage.class, EventsCheck.class,
            TasksCheck.class, DeadlinesCheck.class, AttestationCheck.class, ScoreCheck.class);

    @Test
    void theTableIsThePublicCheckApi() {
        Map<String, TreeSet<String>> api = new TreeMap<>();
        for (Class<?> step : STEPS) {
            TreeSet<String> methods = new TreeSet<>();
            for (Method m : step.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()
                        || (step == Check.class && m.getName().equals("of"))) {
                    continue;
                }
                List<String> params = new ArrayList<>();
                for (Class<?> p : m.getParameterTypes()) {
                    params.add(p == String.class ? "STRING" : p == int.class ? "INT" : p == String[].class ? "STRINGS"
                            : p.getName());
                }
                String next = m.getReturnType() == void.class ? "verdict" : m.getReturnType().getSimpleName();
                methods.add(m.getName() + params + " -> " + next);
            }
            api.put(step.getSimpleName(), methods);
        }
        Map<String, TreeSet<String>> table = new TreeMap<>();
        RuleGrammar.CHECK_API.forEach((step, calls) -> {
            TreeSet<String> methods = new TreeSet<>();
            calls.forEach((name, call) -> methods.add(name + call.args() + " -> "
                    + (call.next() == null ? "verdict" : call.next())));
            table.put(step, methods);
        });

        assertEquals(api, table);
    }
}
