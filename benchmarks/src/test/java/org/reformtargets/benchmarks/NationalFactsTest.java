// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;

class NationalFactsTest {

    private static final LocalDate END = LocalDate.of(2021, 12, 31);

    @Test
    void allTheFactsAreTheDocumentItself() {
        assertEquals(NationalFacts.generate(500, 3L), NationalFacts.generate(500, 3L, END, 100));
    }

    @Test
    void aThinnerDocumentHasTheSameUnitsAndASubsetOfTheFactsInOrder() {
        FactsDocument full = NationalFacts.generate(2_000, 1L);
        FactsDocument thin = NationalFacts.generate(2_000, 1L, END, 36);

        assertEquals(full.units(), thin.units());
        assertEquals(thin, NationalFacts.generate(2_000, 1L, END, 36), "deterministic");
        assertSubsequence(full.measurements(), thin.measurements());
        assertSubsequence(full.events(), thin.events());
        assertSubsequence(full.attestations(), thin.attestations());
        double kept = (double) (thin.measurements().size() + thin.events().size() + thin.attestations().size())
                / (full.measurements().size() + full.events().size() + full.attestations().size());
        assertTrue(kept > 0.33 && kept < 0.39, "about 36 % of the facts kept: " + kept);
    }

    @Test
    void thePerCentIsOneToAHundred() {
        assertThrows(IllegalArgumentException.class, () -> NationalFacts.generate(10, 1L, END, 0));
        assertThrows(IllegalArgumentException.class, () -> NationalFacts.generate(10, 1L, END, 101));
    }

    private static <T> void assertSubsequence(List<T> full, List<T> part) {
        Iterator<T> in = full.iterator();
        for (T x : part) {
            boolean found = false;
            while (in.hasNext() && !found) {
                found = in.next().equals(x);
            }
            assertTrue(found, () -> "not in order in the full document: " + x);
        }
    }
}
