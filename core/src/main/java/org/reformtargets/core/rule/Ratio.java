// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * Exact decisions on shares: {@code n} successes of {@code d} cases against a threshold in
 * percent, decided as {@code 100·n ≥ t·d} in whole numbers, never with floating point. Thresholds
 * are decimal strings ({@code "98"}, {@code "97.5"}) so that no binary fraction creeps in.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Ratio {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratio() {
    }

    /** Whether {@code n/d ≥ percent/100}, i.e. {@code 100·n ≥ percent·d}. */
    public static boolean atLeast(long n, long d, String percent) {
        return hundredTimes(n).compareTo(scaled(d, percent)) >= 0;
    }

    /** Whether {@code n/d > percent/100}, i.e. {@code 100·n > percent·d}. */
    public static boolean above(long n, long d, String percent) {
        return hundredTimes(n).compareTo(scaled(d, percent)) > 0;
    }

    /** The fewest successes out of {@code d} cases that reach at least {@code percent}. */
    public static BigInteger neededForAtLeast(long d, String percent) {
        return scaled(d, percent).divide(HUNDRED).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    /** The fewest successes out of {@code d} cases that are strictly above {@code percent}. */
    public static BigInteger neededForAbove(long d, String percent) {
        return scaled(d, percent).divide(HUNDRED).setScale(0, RoundingMode.FLOOR).toBigIntegerExact()
                .add(BigInteger.ONE);
    }

    /**
     * {@code 100·n/d} truncated to two decimals, for display only (never rounded up, so a share
     * short of 100 % never reads 100.00); {@code d} must be positive. Beside a threshold, use
     * {@link org.reformtargets.core.internal.Texts#share(long, long, BigDecimal, boolean)}.
     */
    public static BigDecimal percent(long n, long d) {
        return org.reformtargets.core.internal.Texts.share(n, d, 2);
    }

    /** Parses a threshold in percent, refusing anything that is not a plain decimal number. */
    public static BigDecimal threshold(String percent) {
        try {
            return new BigDecimal(percent);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("threshold '" + percent + "' is not a decimal number such as \"98\" or \"97.5\"");
        }
    }

    /**
     * A gap of values, {@code shortfall} rounded up to a whole number, or {@code null} when that is
     * beyond a count ({@link Long#MAX_VALUE}): no count can say it.
     */
    static Long wholeGap(BigDecimal shortfall) {
        BigInteger g = shortfall.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return g.bitLength() < Long.SIZE ? Long.valueOf(g.longValueExact()) : null;
    }

    private static BigDecimal hundredTimes(long n) {
        return BigDecimal.valueOf(n).multiply(HUNDRED);
    }

    private static BigDecimal scaled(long d, String percent) {
        return threshold(percent).multiply(BigDecimal.valueOf(d));
    }
}
