// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;

/**
 * Random tilings of January to month M from months, quarters, halves and spans from January: the
 * tiled figure is the sum of the pieces, in any order and alongside a consistent coarser figure; a
 * tiling with one piece removed names exactly the removed piece's months as missing.
 */
class TilingPropertiesTest {

    /** Cuts months 1..M into the periods the contract can name, driven by {@code draws}. */
    static List<Period> tiling(int year, int last, List<Integer> draws) {
        List<Period> pieces = new ArrayList<>();
        int from = 1;
        int i = 0;
        while (from <= last) {
            List<Period> fits = new ArrayList<>();
            for (int to = from; to <= last; to++) {
                Period p = Period.ofMonths(year, from, to);
                if (p != null) {
                    fits.add(p);
                }
            }
            Period p = fits.get(Math.floorMod(draws.isEmpty() ? 0 : draws.get(i++ % draws.size()), fits.size()));
            pieces.add(p);
            from = p.lastMonth() + 1;
        }
        return pieces;
    }

    @Test
    void aTilingAddsUpToTheSumOfItsPiecesAndAnyPieceRemovedIsNamedMissing() {
        qt().withExamples(500)
                .forAll(integers().between(1, 12), lists().of(integers().between(0, 1000)).ofSizeBetween(1, 12),
                        lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 12))
                .checkAssert((last, draws, values) -> {
                    List<Period> pieces = tiling(2021, last, draws);
                    List<Measurement> ratios = new ArrayList<>();
                    List<Measurement> counts = new ArrayList<>();
                    long n = 0;
                    long d = 0;
                    long v = 0;
                    for (int k = 0; k < pieces.size(); k++) {
                        long a = values.get(k % values.size());
                        long b = a + k * 7L + 1;
                        ratios.add(Measurement.ratio("u", "x", null, pieces.get(k), a, b));
                        counts.add(Measurement.value("u", "c", null, pieces.get(k), BigDecimal.valueOf(a)));
                        n += a;
                        d += b;
                        v += a;
                    }
                    java.util.Collections.reverse(ratios);
                    Tiling t = Tiling.of(ratios, 1, last);
                    assertEquals(Long.valueOf(n), t.numerator, pieces::toString);
                    assertEquals(Long.valueOf(d), t.denominator, pieces::toString);
                    Tiling c = Tiling.of(counts, 1, last);
                    assertEquals(0, BigDecimal.valueOf(v).compareTo(c.value), pieces::toString);

                    for (int k = 0; k < pieces.size(); k++) {
                        List<Measurement> less = new ArrayList<>(counts);
                        Period removed = less.remove(k).period();
                        if (less.isEmpty()) {
                            continue;
                        }
                        Tiling gap = Tiling.of(less, 1, last);
                        assertNull(gap.value, () -> "a gap at " + removed + " in " + pieces);
                        List<Integer> months = new ArrayList<>();
                        for (int m = removed.firstMonth(); m <= removed.lastMonth(); m++) {
                            months.add(m);
                        }
                        assertEquals(months, gap.missing, () -> "removed " + removed + " from " + pieces);
                    }
                });
    }

    @Test
    void aCoarserPeriodOverTheSameMonthsAddsNothingWhenItAgreesAndIsAConflictWhenItDoesNot() {
        qt().withExamples(300)
                .forAll(integers().between(0, 1000), integers().between(0, 1000), integers().between(1, 5))
                .checkAssert((q1, q2, delta) -> {
                    Period h1 = Period.half(2021, 1);
                    List<Measurement> agree = List.of(
                            Measurement.value("u", "c", null, Period.quarter(2021, 1), BigDecimal.valueOf(q1)),
                            Measurement.value("u", "c", null, Period.quarter(2021, 2), BigDecimal.valueOf(q2)),
                            Measurement.value("u", "c", null, h1, BigDecimal.valueOf(q1 + q2)),
                            Measurement.value("u", "c", null, Period.month(2021, 7), BigDecimal.ONE));
                    assertEquals(0, BigDecimal.valueOf(q1 + q2 + 1L).compareTo(Tiling.of(agree, 1, 7).value));
                    List<Measurement> disagree = new ArrayList<>(agree);
                    disagree.set(2, Measurement.value("u", "c", null, h1, BigDecimal.valueOf(q1 + q2 + delta)));
                    Tiling t = Tiling.of(disagree, 1, 7);
                    assertNull(t.value);
                    assertEquals(List.of(1, 2, 3, 4, 5, 6), t.doubled);
                    assertTrue(t.missing == null);
                });
    }
}
