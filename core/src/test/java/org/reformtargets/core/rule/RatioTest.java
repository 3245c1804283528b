// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioTest {

    private static final long MAX = Long.MAX_VALUE;

    @Test
    void atLeastIncludesTheThresholdItself() {
        assertTrue(Ratio.atLeast(98, 100, "98"));
        assertFalse(Ratio.atLeast(97, 100, "98"));
        assertTrue(Ratio.atLeast(4900, 5000, "98"));
        assertFalse(Ratio.atLeast(4899, 5000, "98"));
    }

    @Test
    void aboveExcludesTheThresholdItself() {
        assertFalse(Ratio.above(95, 100, "95"));
        assertTrue(Ratio.above(96, 100, "95"));
        assertTrue(Ratio.above(951, 1000, "95"));
    }

    @Test
    void hundredPercentNeedsEveryCase() {
        assertTrue(Ratio.atLeast(1000, 1000, "100"));
        assertFalse(Ratio.atLeast(999, 1000, "100"));
        assertFalse(Ratio.above(1000, 1000, "100"));
    }

    @Test
    void decimalThresholdsAreDecidedExactly() {
        // 97.5 % of 40 is exactly 39
        assertTrue(Ratio.atLeast(39, 40, "97.5"));
        assertFalse(Ratio.above(39, 40, "97.5"));
        assertFalse(Ratio.atLeast(38, 40, "97.5"));
        // 97.5 % of 41 is 39.975
        assertFalse(Ratio.atLeast(39, 41, "97.5"));
        assertTrue(Ratio.atLeast(40, 41, "97.5"));
        // a threshold whose binary form is inexact
        assertTrue(Ratio.atLeast(1, 1000, "0.1"));
        assertFalse(Ratio.atLeast(99_999, 100_000_000, "0.1"));
        assertTrue(Ratio.atLeast(100_000, 100_000_000, "0.1"));
    }

    @Test
    void twoThirdsIsBelowSixtySevenAndAboveSixtySixPointSix() {
        assertFalse(Ratio.atLeast(2, 3, "66.67"));
        assertTrue(Ratio.above(2, 3, "66.66"));
        assertTrue(Ratio.above(2, 3, "66.666666666666666666"));
        assertFalse(Ratio.atLeast(2, 3, "66.666666666666666667"));
    }

    @Test
    void neededForAtLeastIsTheSmallestCountThatReachesTheThreshold() {
        assertEquals(BigInteger.valueOf(4900), Ratio.neededForAtLeast(5000, "98"));
        assertEquals(BigInteger.valueOf(39), Ratio.neededForAtLeast(40, "97.5"));
        assertEquals(BigInteger.valueOf(40), Ratio.neededForAtLeast(41, "97.5"));
        assertEquals(BigInteger.valueOf(91), Ratio.neededForAtLeast(100, "91"));
        assertEquals(BigInteger.valueOf(1), Ratio.neededForAtLeast(3, "30"));
        assertEquals(BigInteger.valueOf(3), Ratio.neededForAtLeast(7, "30"));
        assertEquals(BigInteger.ZERO, Ratio.neededForAtLeast(0, "98"));
        assertEquals(BigInteger.valueOf(7), Ratio.neededForAtLeast(7, "100"));
    }

    @Test
    void neededForAboveIsTheSmallestCountStrictlyAboveTheThreshold() {
        assertEquals(BigInteger.valueOf(96), Ratio.neededForAbove(100, "95"));
        assertEquals(BigInteger.valueOf(20), Ratio.neededForAbove(20, "95"));
        assertEquals(BigInteger.valueOf(18), Ratio.neededForAbove(19, "94"));
        assertEquals(BigInteger.valueOf(40), Ratio.neededForAbove(40, "97.5"));
        assertEquals(BigInteger.valueOf(40), Ratio.neededForAbove(41, "97.5"));
        assertEquals(BigInteger.valueOf(11), Ratio.neededForAbove(10, "100"), "nothing exceeds 100 %");
    }

    @Test
    void neededCountsAgreeWithTheDecisionsForEverySmallDenominator() {
        for (String t : new String[] {"0", "30", "50", "91", "95", "96", "97.5", "98", "99.99", "100"}) {
            for (long d = 1; d <= 300; d++) {
                long atLeast = Ratio.neededForAtLeast(d, t).longValueExact();
                long above = Ratio.neededForAbove(d, t).longValueExact();
                for (long n = Math.max(0, atLeast - 2); n <= Math.min(d, atLeast + 2); n++) {
                    assertEquals(n >= atLeast, Ratio.atLeast(n, d, t), t + " " + n + "/" + d);
                }
                for (long n = Math.max(0, above - 2); n <= Math.min(d, above + 2); n++) {
                    assertEquals(n >= above, Ratio.above(n, d, t), t + " " + n + "/" + d);
                }
            }
        }
    }

    @Test
    void countsNearLongMaxDoNotOverflow() {
        // 100·n and t·d both overflow a long here; the decision must still be exact.
        assertTrue(Ratio.atLeast(MAX, MAX, "100"));
        assertFalse(Ratio.above(MAX, MAX, "100"));
        assertFalse(Ratio.atLeast(MAX - 1, MAX, "100"));
        assertTrue(Ratio.atLeast(MAX - 1, MAX, "99.9999"));
        assertTrue(Ratio.atLeast(0, MAX, "0"));
        assertFalse(Ratio.above(0, MAX, "0"));

        BigInteger d = BigInteger.valueOf(MAX);
        BigInteger expected98 = d.multiply(BigInteger.valueOf(98)).add(BigInteger.valueOf(99))
                .divide(BigInteger.valueOf(100));
        assertEquals(expected98, Ratio.neededForAtLeast(MAX, "98"));
        long needed = expected98.longValueExact();
        assertTrue(Ratio.atLeast(needed, MAX, "98"));
        assertFalse(Ratio.atLeast(needed - 1, MAX, "98"));

        BigInteger expected975 = d.multiply(BigInteger.valueOf(975)).add(BigInteger.valueOf(999))
                .divide(BigInteger.valueOf(1000));
        assertEquals(expected975, Ratio.neededForAtLeast(MAX, "97.5"));
        assertEquals(d, Ratio.neededForAtLeast(MAX, "100"));
        assertEquals(d.add(BigInteger.ONE), Ratio.neededForAbove(MAX, "100"));
    }

    @Test
    void percentIsTruncatedToTwoDecimalsForDisplay() {
        assertEquals(new BigDecimal("97.80"), Ratio.percent(4890, 5000));
        assertEquals(new BigDecimal("66.66"), Ratio.percent(2, 3), "never rounded up");
        assertEquals(new BigDecimal("33.33"), Ratio.percent(1, 3));
        assertEquals(new BigDecimal("100.00"), Ratio.percent(7, 7));
        assertEquals(new BigDecimal("0.00"), Ratio.percent(0, 7));
        assertEquals(new BigDecimal("0.00"), Ratio.percent(1, 20_000), "0.005 is not yet 0.01");
        assertEquals(new BigDecimal("99.99"), Ratio.percent(99_999, 100_000), "short of all is never 100.00");
        assertEquals(new BigDecimal("0.00"), Ratio.percent(1, 20_001));
        assertEquals(new BigDecimal("100.00"), Ratio.percent(MAX, MAX));
        assertEquals(new BigDecimal("50.00"), Ratio.percent(MAX / 2, MAX - 1));
        assertEquals(new BigDecimal("99.99"), Ratio.percent(MAX - 1, MAX));
    }

    @Test
    void percentOfZeroCasesIsRefused() {
        assertThrows(ArithmeticException.class, () -> Ratio.percent(0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "98%", "ninety", "9 8", "0x10"})
    void thresholdRefusesWhatIsNotADecimalNumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ratio.threshold(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("\"97.5\""), e.getMessage());
    }

    @Test
    void thresholdRefusesNull() {
        assertThrows(IllegalArgumentException.class, () -> Ratio.atLeast(1, 2, null));
    }

    @Test
    void thresholdKeepsTheDecimalAsWritten() {
        assertEquals(new BigDecimal("97.5"), Ratio.threshold("97.5"));
        assertEquals(0, new BigDecimal("98").compareTo(Ratio.threshold("98.00")));
    }
}
