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
        BigInteger g = num.gcd(den);
        if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
            num = num.divide(g);
            den = den.divide(g);
        }
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
        return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Fraction minus(Fraction o) {
        return new Fraction(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    public Fraction times(Fraction o) {
        return new Fraction(num.multiply(o.num), den.multiply(o.den));
    }

    public Fraction dividedBy(Fraction o) {
        return new Fraction(num.multiply(o.den), den.multiply(o.num));
    }

    public int signum() {
        return num.signum();
    }

    @Override
    public int compareTo(Fraction o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    /** Rounded half up to two decimals, for display: {@code "5.70"}. */
    public String display() {
        return new BigDecimal(num).divide(new BigDecimal(den), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** As a plain decimal when exact in few digits ({@code "6"}, {@code "12.5"}), else {@code "a/b"}. */
    public String plain() {
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
