// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link Fraction}'s arithmetic in longs (taken whenever the numbers fit) gives exactly what the arithmetic
 * in {@link BigInteger} alone gave: the reference below is the former implementation.
 */
class FractionPropertiesTest {

    /** Small, medium, near the long range's ends, and past it (times 2^70). */
    private static Gen<BigInteger> numbers() {
        Gen<Long> longs = longs().between(-1000, 1000).mix(longs().between(-(1L << 32), 1L << 32))
                .mix(longs().all()).mix(longs().between(Long.MAX_VALUE - 1000, Long.MAX_VALUE));
        return longs.zip(integers().between(0, 9), (l, big) -> big == 0
                ? BigInteger.valueOf(l).shiftLeft(70).add(BigInteger.valueOf(big)) : BigInteger.valueOf(l));
    }

    private static Gen<BigInteger[]> pairs() {
        return numbers().zip(numbers(), (n, d) -> new BigInteger[] {n, d.signum() == 0 ? BigInteger.ONE : d});
    }

    /** The former lowest terms: by {@link BigInteger#gcd}. */
    private static BigInteger[] reference(BigInteger num, BigInteger den) {
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return new BigInteger[] {num, den};
    }

    private static void assertIs(BigInteger num, BigInteger den, Fraction f) {
        BigInteger[] r = reference(num, den);
        assertEquals(r[0], f.num(), () -> num + "/" + den);
        assertEquals(r[1], f.den(), () -> num + "/" + den);
    }

    @Test
    void lowestTermsAreTheSame() {
        qt().withExamples(20_000).forAll(pairs()).checkAssert(p -> assertIs(p[0], p[1], new Fraction(p[0], p[1])));
    }

    @Test
    void sumsDifferencesProductsAndQuotientsAreExact() {
        qt().withExamples(20_000).forAll(pairs(), pairs()).checkAssert((p, q) -> {
            Fraction a = new Fraction(p[0], p[1]);
            Fraction b = new Fraction(q[0], q[1]);
            assertIs(a.num().multiply(b.den()).add(b.num().multiply(a.den())), a.den().multiply(b.den()), a.plus(b));
            assertIs(a.num().multiply(b.den()).subtract(b.num().multiply(a.den())), a.den().multiply(b.den()),
                    a.minus(b));
            assertIs(a.num().multiply(b.num()), a.den().multiply(b.den()), a.times(b));
            if (b.signum() != 0) {
                assertIs(a.num().multiply(b.den()), a.den().multiply(b.num()), a.dividedBy(b));
            } else {
                assertThrows(ArithmeticException.class, () -> a.dividedBy(b));
            }
            assertEquals(Integer.signum(a.num().multiply(b.den()).compareTo(b.num().multiply(a.den()))),
                    Integer.signum(a.compareTo(b)), () -> a + " vs " + b);
        });
    }

    @Test
    void displayedAndPlainTextsAreTheSame() {
        qt().withExamples(20_000).forAll(pairs()).checkAssert(p -> {
            Fraction f = new Fraction(p[0], p[1]);
            assertEquals(new BigDecimal(f.num()).divide(new BigDecimal(f.den()), 2, RoundingMode.HALF_UP).toPlainString(),
                    f.display(), f::toString);
            assertEquals(formerPlain(f), f.plain(), f::toString);
        });
    }

    @Test
    void pointsAsScoredAreShownAsBefore() {
        // the shapes scoring makes: n of d cases times a maximum of a few points, at a threshold
        qt().withExamples(20_000).forAll(integers().between(1, 1_000_000), integers().between(0, 1_000_000),
                integers().between(1, 40), integers().between(1, 100)).checkAssert((d, n, max, t) -> {
                    Fraction f = Fraction.of(Math.min(n, d), d).times(Fraction.of(max, 2))
                            .dividedBy(Fraction.of(t, 100));
                    assertEquals(new BigDecimal(f.num()).divide(new BigDecimal(f.den()), 2, RoundingMode.HALF_UP)
                            .toPlainString(), f.display(), f::toString);
                    assertEquals(formerPlain(f), f.plain(), f::toString);
                });
    }

    @Test
    void halvesRoundAwayFromZero() {
        assertEquals("0.01", Fraction.of(1, 200).display());
        assertEquals("-0.01", Fraction.of(-1, 200).display());
        assertEquals("0.00", Fraction.of(-1, 201).display());
        assertEquals("1.00", Fraction.of(199, 200).display());
        assertEquals("12.5", Fraction.of(25, 2).plain());
        assertEquals("1/3", Fraction.of(1, 3).plain());
    }

    private static String formerPlain(Fraction f) {
        BigInteger d = f.den();
        while (d.mod(BigInteger.TWO).signum() == 0) {
            d = d.shiftRight(1);
        }
        while (d.mod(BigInteger.valueOf(5)).signum() == 0) {
            d = d.divide(BigInteger.valueOf(5));
        }
        if (d.equals(BigInteger.ONE)) {
            return new BigDecimal(f.num()).divide(new BigDecimal(f.den())).stripTrailingZeros().toPlainString();
        }
        return f.toString();
    }
}
