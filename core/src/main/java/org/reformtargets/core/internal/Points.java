// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * The scoring rules of a points index, exact: {@code LINEAR} gives {@code r × max};
 * {@code THRESHOLD(t)} gives {@code max} when {@code r ≥ t}, else {@code r × max / t}, where
 * {@code r = n/d}. A pure function.
 */
@API(status = INTERNAL, since = "0.1")
public final class Points {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Points() {
    }

    /**
     * Points and the way to full points.
     *
     * @param points the exact points
     * @param gap    further successful cases (the denominator unchanged) that give full points; 0 at full points
     */
    public record Scored(Fraction points, long gap) {
    }

    /**
     * Scores {@code n} of {@code d} cases ({@code 0 ≤ n ≤ d}, {@code d > 0}) out of {@code max}:
     * linearly when {@code percent} is {@code null}, else full at {@code percent}.
     */
    public static Scored score(long n, long d, Fraction max, BigDecimal percent) {
        if (d <= 0 || n < 0 || n > d) {
            throw new IllegalArgumentException("a share needs 0 <= n <= d and d > 0, not " + n + "/" + d);
        }
        Fraction r = Fraction.of(n, d);
        if (percent == null) {
            return new Scored(max.times(r), d - n);
        }
        Fraction t = Fraction.of(percent).dividedBy(Fraction.of(100, 1));
        if (r.compareTo(t) >= 0) {
            return new Scored(max, 0);
        }
        // the smallest k with 100·(n + k) >= t·d
        BigInteger needed = percent.multiply(BigDecimal.valueOf(d)).divide(HUNDRED)
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return new Scored(max.times(r).dividedBy(t), Math.max(0L, needed.longValueExact() - n));
    }
}
