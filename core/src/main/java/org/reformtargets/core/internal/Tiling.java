// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.reformtargets.core.Measurement;

/**
 * Months {@code from}–{@code to} of one year laid end to end from measured sub-periods, without
 * gap or overlap, and their figures added: numerators and denominators for ratios, values for
 * counts. A dynamic programme over the months: for each month it keeps the sum of every tiling
 * reaching it, and notes when two tilings reach it with different sums (the sub-periods overlap and
 * disagree). Exact: whole numbers and decimals, never floating point.
 */
final class Tiling {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The tiling's numerator, denominator or value; {@code null} where it has none. */
    final Long numerator;
    final Long denominator;
    final BigDecimal value;
    /** Months no measurement covers, when the months cannot be tiled; else {@code null}. */
    final List<Integer> missing;
    /** Months covered twice by sub-periods that cannot be added (overlap without tiling, or tilings that disagree). */
    final List<Integer> doubled;

    private Tiling(Long numerator, Long denominator, BigDecimal value, List<Integer> missing, List<Integer> doubled) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.value = value;
        this.missing = missing;
        this.doubled = doubled;
    }

    /** A running sum of a tiling: numerator and denominator, or value. */
    private record Sum(BigInteger n, BigInteger d, BigDecimal v) {
        Sum plus(Measurement m) {
            return m.isRatio()
                    ? new Sum(n.add(BigInteger.valueOf(m.numerator())), d.add(BigInteger.valueOf(m.denominator())), v)
                    : new Sum(n, d, v.add(m.value()));
        }

        boolean same(Sum o) {
            return n.equals(o.n) && d.equals(o.d) && v.compareTo(o.v) == 0;
        }
    }

    /** Tiles months {@code from}–{@code to} with {@code parts}, all lying within them. */
    static Tiling of(List<Measurement> parts, int from, int to) {
        int length = to - from + 1;
        Sum[] reach = new Sum[length + 1];
        boolean[] conflict = new boolean[length + 1];
        reach[0] = new Sum(BigInteger.ZERO, BigInteger.ZERO, BigDecimal.ZERO);
        int[] coverage = new int[length];
        for (Measurement m : parts) {
            for (int month = m.period().firstMonth(); month <= m.period().lastMonth(); month++) {
                coverage[month - from]++;
            }
        }
        for (int k = 0; k < length; k++) {
            if (reach[k] == null) {
                continue;
            }
            for (Measurement m : parts) {
                if (m.period().firstMonth() - from != k) {
                    continue;
                }
                int end = m.period().lastMonth() - from + 1;
                Sum s = reach[k].plus(m);
                if (reach[end] == null) {
                    reach[end] = s;
                    conflict[end] = conflict[k];
                } else if (conflict[k] || !reach[end].same(s)) {
                    conflict[end] = true;
                }
            }
        }
        if (reach[length] == null) {
            List<Integer> missing = new ArrayList<>();
            List<Integer> doubled = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (coverage[i] == 0) {
                    missing.add(from + i);
                } else if (coverage[i] > 1) {
                    doubled.add(from + i);
                }
            }
            return missing.isEmpty() ? new Tiling(null, null, null, null, List.copyOf(doubled))
                    : new Tiling(null, null, null, List.copyOf(missing), null);
        }
        if (conflict[length]) {
            List<Integer> doubled = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (coverage[i] > 1) {
                    doubled.add(from + i);
                }
            }
            return new Tiling(null, null, null, null, List.copyOf(doubled));
        }
        Sum s = reach[length];
        boolean ratio = parts.get(0).isRatio();
        if (!ratio) {
            return new Tiling(null, null, s.v, null, null);
        }
        if (s.n.compareTo(LONG_MAX) > 0 || s.d.compareTo(LONG_MAX) > 0) {
            return new Tiling(null, null, null, List.of(), List.of());
        }
        return new Tiling(s.n.longValueExact(), s.d.longValueExact(), null, null, null);
    }
}
