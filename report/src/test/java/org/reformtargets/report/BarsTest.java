// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.report.internal.Bars;

class BarsTest {

    @Test
    void largestRemaindersGetTheLeftoverUnits() {
        // 48 16 8 5 of 77 on 300: exact 187.01 62.33 31.16 19.48 → floors 187 62 31 19 (299), the largest remainder (.48) gets 1
        assertArrayEquals(new int[] {187, 62, 31, 20}, Bars.split(new long[] {48, 16, 8, 5}, 300));
        assertArrayEquals(new int[] {100, 100, 100}, Bars.split(new long[] {1, 1, 1}, 300));
        // equal remainders: the earlier one first
        assertArrayEquals(new int[] {2, 1}, Bars.split(new long[] {1, 1}, 3));
    }

    @Test
    void aSmallCountStillShows() {
        // 1 of 10,001 on 300 would round to 0: it takes one unit from the widest
        assertArrayEquals(new int[] {299, 1}, Bars.split(new long[] {10_000, 1}, 300));
        // unless the bar is narrower than the non-zero counts
        assertArrayEquals(new int[] {1, 0, 0}, Bars.split(new long[] {1000, 1, 1}, 1));
        // 4 3 1 on 4: exact 2, 1.5, 0.5 → 2 2 0; the unit for the 1 comes from the smaller of the two widest
        assertArrayEquals(new int[] {2, 1, 1}, Bars.split(new long[] {4, 3, 1}, 4));
    }

    @Test
    void nothingCountedIsAnEmptyBar() {
        assertArrayEquals(new int[] {0, 0, 0, 0}, Bars.split(new long[] {0, 0, 0, 0}, 300));
        assertArrayEquals(new int[] {0, 300, 0}, Bars.split(new long[] {0, 7, 0}, 300));
        assertThrows(IllegalArgumentException.class, () -> Bars.split(new long[] {-1, 2}, 300));
        assertThrows(IllegalArgumentException.class, () -> Bars.split(new long[] {1}, -1));
    }

    @Test
    void aFillIsPointsOverMaximumRoundedHalfUp() {
        assertEquals(141, Bars.fill("10.31", "22", 300)); // 140.59
        assertEquals(300, Bars.fill("100", "100", 300));
        assertEquals(150, Bars.fill("0.5", "1", 300));
        assertEquals(0, Bars.fill("5", "0", 300));
        assertEquals(300, Bars.fill("120", "100", 300), "never wider than the bar");
        assertEquals(0, Bars.fill(null, "100", 300));
    }

    @Test
    void widthsSumToTheBarKeepOrderAndNeverHideANonZeroCount() {
        qt().forAll(lists().of(longs().between(0, 1_000_000)).ofSizeBetween(1, 8), integers().between(0, 2000))
                .checkAssert((counts, width) -> {
                    long[] c = counts.stream().mapToLong(Long::longValue).toArray();
                    int[] w = Bars.split(c, width);
                    assertEquals(c.length, w.length);
                    long sum = 0;
                    long total = 0;
                    int nonZero = 0;
                    for (int i = 0; i < c.length; i++) {
                        sum += w[i];
                        total += c[i];
                        nonZero += c[i] > 0 ? 1 : 0;
                        if (c[i] == 0) {
                            assertEquals(0, w[i], "a zero count has no width");
                        }
                    }
                    assertEquals(total == 0 ? 0 : width, sum, "the widths fill the bar exactly");
                    for (int i = 0; i < c.length; i++) {
                        if (c[i] > 0 && width >= nonZero) {
                            assertEquals(true, w[i] > 0, "count " + c[i] + " at " + i + " shows");
                        }
                        // each width is within one unit of its exact share, but for units lent to small counts
                        if (total > 0 && width >= nonZero) {
                            double exact = (double) c[i] * width / total;
                            assertEquals(true, Math.abs(w[i] - exact) < 1 + nonZero, "near its share: " + List.of(c[i], w[i]));
                        }
                    }
                });
    }

    @Test
    void aLargerCountIsNeverNarrowerThanASmallerOne() {
        qt().forAll(lists().of(longs().between(0, 10_000)).ofSizeBetween(2, 6), integers().between(0, 600))
                .checkAssert((counts, width) -> {
                    long[] c = counts.stream().mapToLong(Long::longValue).toArray();
                    int[] w = Bars.split(c, width);
                    for (int i = 0; i < c.length; i++) {
                        for (int j = 0; j < c.length; j++) {
                            if (c[i] > c[j] && c[j] > 0 && w[i] < w[j]) {
                                throw new AssertionError("order lost: " + counts + " → " + java.util.Arrays.toString(w));
                            }
                        }
                    }
                });
    }
}
