// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;
import org.reformtargets.core.internal.FactsValidator;

/** Parent chains and cycles of 100,000 units are checked in one walk each, not one per unit (red-team round 3). */
class LongHierarchiesTest {

    private static FactsDocument chain(int n, boolean closed) {
        List<Unit> units = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String parent = i == 0 ? (closed ? "u" + (n - 1) : null) : "u" + (i - 1);
            units.add(new Unit("u" + i, "Unit " + i, Level.DEPARTMENT, parent));
        }
        return new FactsDocument(null, LocalDate.of(2021, 12, 31), units, List.of(), List.of(), List.of());
    }

    @Test
    void aCycleThroughAHundredThousandUnitsIsFoundQuicklyAndReportedOnce() {
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> FactsValidator.validate(chain(100_000, true)));

        List<Problem> cycles = problems.stream().filter(p -> p.message().startsWith("makes a cycle: ")).toList();
        assertTrue(cycles.size() == 1, () -> cycles.size() + " cycle problems");
        String m = cycles.get(0).message();
        assertTrue(m.startsWith("makes a cycle: u0 → u99999 → u99998 → u99997 → u99996 → … 99,991 more units … → "),
                () -> m.substring(0, Math.min(300, m.length())));
        assertTrue(m.length() < 300, () -> m.substring(0, 300));
    }

    @Test
    void aChainOfAHundredThousandUnitsIsWalkedOnce() {
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> FactsValidator.validate(chain(100_000, false)));

        assertTrue(problems.stream().noneMatch(p -> p.message().contains("cycle")), problems.toString());
    }
}
