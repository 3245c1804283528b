// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.core.Vocabulary.LevelTerm;

/**
 * What an untrusted vocabulary file cannot make cost (red-team round 3): the cycle search is linear
 * whatever the shape of the levels, "did you mean" is bounded, labels print as they read.
 */
class VocabularyBoundsTest {

    private static final Vocabulary.Label L = new Vocabulary.Label("x", "x");

    private static Map<String, LevelTerm> byCode(List<LevelTerm> levels) {
        Map<String, LevelTerm> m = new HashMap<>();
        levels.forEach(l -> m.put(l.code(), l));
        return m;
    }

    @Test
    void aLadderOfLevelsIsSearchedInLinearTime() {
        // A0, B0; then Ai and Bi both under A(i-1) and B(i-1): 2^n paths, 2n levels
        List<LevelTerm> levels = new ArrayList<>(List.of(new LevelTerm("A0", L, List.of()), new LevelTerm("B0", L, List.of())));
        for (int i = 1; i <= 60; i++) {
            List<String> under = List.of("A" + (i - 1), "B" + (i - 1));
            levels.add(new LevelTerm("A" + i, L, under));
            levels.add(new LevelTerm("B" + i, L, under));
        }

        List<String> cycle = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> LevelCycles.find(levels, byCode(levels)));

        assertEquals(List.of(), cycle);
    }

    @Test
    void aChainOfTwentyThousandLevelsNeitherOverflowsNorCrawlsAndItsCycleIsFound() {
        List<LevelTerm> levels = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            levels.add(new LevelTerm("L" + i, L, i == 0 ? List.of("L19999") : List.of("L" + (i - 1))));
        }

        List<String> cycle = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> LevelCycles.find(levels, byCode(levels)));

        assertEquals(20_001, cycle.size());
        assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
    }

    @Test
    void didYouMeanIsBoundedOverAHugeVocabulary() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            known.add(("field-" + i + "-").repeat(20).substring(0, 100));
        }
        String given = known.get(49_999).replace('f', 'F').substring(0, 99) + "q";

        // bounded: at most MAX_CELLS cells of the distance table however many codes are declared
        List<String> near = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Nearest.to(given, known));

        assertTrue(near.size() <= Nearest.MAX_NAMED, near::toString);
        assertEquals(List.of("land"), Nearest.to("Land", List.of("land", "health")), "a near word is still named");
    }

    @Test
    void labelsRefuseDirectionOverridesZeroWidthAndLineSeparators() {
        for (int c : new int[] {0x202E, 0x2066, 0x2069, 0x200B, 0x2028, 0x2029, 0x1B, 0x85}) {
            assertTrue(VocabularyReader.unprintable(c), Integer.toHexString(c));
        }
        for (int c : new int[] {'a', 'ố', ' ', '(', 0x1EA1}) {
            assertEquals(false, VocabularyReader.unprintable(c), Integer.toHexString(c));
        }
    }
}
