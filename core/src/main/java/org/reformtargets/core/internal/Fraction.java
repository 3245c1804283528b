// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * An exact non-negative rational number in lowest terms, for points: never a double.
 *
 * @param num numerator
 * @param den denominator, positive
 */
@API(status = INTERNAL, since = "0.1")
public record Fraction(BigInteger num, BigInteger den) implements Comparable<Fraction> {

    /** Zero. */
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    /** Reduces to lowest terms; the denominator must not be zero. */
    public Fraction {
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (small(num) && small(den)) {
            // the same lowest terms in longs: no MutableBigInteger per gcd
            long n = num.longValue();
            long d = den.longValue();
            long g = gcd(Math.abs(n), d);
            if (g != 1) {
                num = BigInteger.valueOf(n / g);
                den = BigInteger.valueOf(d / g);
            }
        } else {
            BigInteger g = num.gcd(den);
            if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
    }

    /** Whether {@code b} and its negation fit in a long (the fast paths' test). */
    private static boolean small(BigInteger b) {
        return b.bitLength() < 63;
    }

    /** The greatest common divisor of {@code a ≥ 0} and {@code b > 0}. */
    private static long gcd(long a, long b) {
        while (a != 0) {
            long t = b % a;
            b = a;
            a = t;
        }
        return b;
    }

    /** {@code n/d}. */
    public static Fraction of(long n, long d) {
        return new Fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    /** A decimal such as {@code 12.5}, exactly. */
    public static Fraction of(BigDecimal d) {
        return d.scale() <= 0 ? new Fraction(d.toBigIntegerExact(), BigInteger.ONE)
                : new Fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /** Parses {@code "a/b"} or a decimal. */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? of(new BigDecimal(text))
                : new Fraction(new BigInteger(text.substring(0, slash)), new BigInteger(text.substring(slash + 1)));
    }

    public Fraction plus(Fraction o) {
        if (small(num) && small(den) && small(o.num) && small(o.den)) {
            try {
                return of(Math.addExact(Math.multiplyExact(num.longValue(), o.den.longValue()),
                        Math.multiplyExact(o.num.longValue(), den.longValue())),
                        Math.multiplyExact(den.longValue(), o.den.longValue()));
            } catch (ArithmeticException overflow) {
                // the exact BigInteger arithmetic below
            }
        }
        return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Fraction minus(Fraction o) {
        return plus(new Fraction(o.num.negate(), o.den));
    }

    public Fraction times(Fraction o) {
        if (small(num) && small(den) && small(o.num) && small(o.den)) {
            try {
                return of(Math.multiplyExact(num.longValue(), o.num.longValue()),
                        Math.multiplyExact(den.longValue(), o.den.longValue()));
            } catch (ArithmeticException overflow) {
                // the exact BigInteger arithmetic below
            }
        }
        return new Fraction(num.multiply(o.num), den.multiply(o.den));
    }

    public Fraction dividedBy(Fraction o) {
        return times(new Fraction(o.den, o.num));
    }

    public int signum() {
        return num.signum();
    }

    @Override
    public int compareTo(Fraction o) {
        if (small(num) && small(den) && small(o.num) && small(o.den)) {
            long a = num.longValue();
            long b = o.den.longValue();
            long c = o.num.longValue();
            long d = den.longValue();
            long ab = a * b;
            long cd = c * d;
            // the products are exact unless their high halves say otherwise
            if (Math.multiplyHigh(a, b) == (ab >> 63) && Math.multiplyHigh(c, d) == (cd >> 63)) {
                return Long.compare(ab, cd);
            }
        }
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** Rounded half up to two decimals, for display: {@code "5.70"}. */
    public String display() {
        if (small(num) && small(den) && Math.abs(num.longValue()) <= Long.MAX_VALUE / 100) {
            long d = den.longValue();
            long hundredths = Math.abs(num.longValue()) * 100;
            long r = hundredths / d;
            if (2 * (hundredths % d) >= d) {
                r++; // half up: away from zero
            }
            long cents = r % 100;
            return (num.signum() < 0 && r != 0 ? "-" : "") + r / 100 + (cents < 10 ? ".0" : ".") + cents;
        }
        return new BigDecimal(num).divide(new BigDecimal(den), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** As a plain decimal when exact in few digits ({@code "6"}, {@code "12.5"}), else {@code "a/b"}. */
    public String plain() {
        if (small(num) && small(den)) {
            long d = den.longValue();
            d >>= Long.numberOfTrailingZeros(d);
            while (d % 5 == 0) {
                d /= 5;
            }
            return d == 1 ? BigDecimal.valueOf(num.longValue()).divide(BigDecimal.valueOf(den.longValue()))
                    .stripTrailingZeros().toPlainString() : toString();
        }
        BigInteger d = den;
        while (d.mod(BigInteger.TWO).signum() == 0) {
            d = d.shiftRight(1);
        }
        while (d.mod(BigInteger.valueOf(5)).signum() == 0) {
            d = d.divide(BigInteger.valueOf(5));
        }
        if (d.equals(BigInteger.ONE)) {
            return new BigDecimal(num).divide(new BigDecimal(den)).stripTrailingZeros().toPlainString();
        }
        return toString();
    }

    /** {@code "a/b"}, or {@code "a"} for a whole number. */
    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
