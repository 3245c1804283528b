// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.internal.Texts;

/**
 * The share shown beside a threshold never contradicts the verdict: compared with the threshold,
 * the figure people read says what the status says (docs/decisions/00XX-shown-figures-agree-with-the-status.md).
 */
class ShownShareTest {

    @Test
    void justShortOfTheThresholdNeverReadsAsTheThreshold() {
        assertEquals("97.99", Texts.share(97_999, 100_000, new BigDecimal("98"), false).toPlainString());
        assertEquals("99.99", Texts.share(99_999, 100_000, new BigDecimal("100"), false).toPlainString());
        assertEquals("97.52", Texts.share(97_524, 100_000, new BigDecimal("97.525"), false).toPlainString());
    }

    @Test
    void justOverAStrictThresholdShowsTheDecimalsThatTellItApart() {
        assertEquals("95.001", Texts.share(95_001, 100_000, new BigDecimal("95"), true).toPlainString());
        assertEquals("95.00001", Texts.share(9_500_001, 10_000_000, new BigDecimal("95"), true).toPlainString());
        assertEquals("95.00", Texts.share(95, 100, new BigDecimal("95"), true).toPlainString(), "exactly at it: equal");
        assertEquals("95.00", Texts.share(9_500_001, 10_000_000, new BigDecimal("95"), false).toPlainString(),
                "at least 95: 95.00 already says met");
        assertEquals("97.525", Texts.share(97_525, 100_000, new BigDecimal("97.525"), false).toPlainString());
        assertEquals("66.66", Texts.share(2, 3, new BigDecimal("50"), true).toPlainString(), "two decimals where they suffice");
    }

    @Test
    void higherThanLastYearNeverReadsEqual() {
        int scale = Texts.decimalsToCompare(BigDecimal.valueOf(100_001 * 100L), BigDecimal.valueOf(1_000_000),
                BigDecimal.valueOf(10 * 100L), BigDecimal.valueOf(100), true);
        assertEquals("10.0001", Texts.share(100_001, 1_000_000, scale).toPlainString());
        assertEquals("10.0000", Texts.share(10, 100, scale).toPlainString());
    }

    /** For random counts and thresholds, drawn around the boundary, the shown share sits on the status's side. */
    @Test
    void theShownShareComparedWithTheThresholdAgreesWithTheStatus() {
        qt().withExamples(20_000).forAll(
                longs().between(1, 1_000_000_000_000L),
                integers().between(0, 100_000), // threshold in thousandths of a percent: 0 … 100.000
                integers().between(0, 3), // decimals the rule writes
                integers().between(-3, 3) // successes around the fewest that reach the threshold
        ).checkAssert((d, milli, decimals, delta) -> {
            BigDecimal t = BigDecimal.valueOf(milli, 3).setScale(decimals, java.math.RoundingMode.DOWN);
            String percent = t.toPlainString();
            BigInteger needed = Ratio.neededForAtLeast(d, percent);
            long n = Math.max(0, Math.min(d, needed.longValueExact() + delta));
            BigDecimal exact = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100));
            for (boolean strict : new boolean[] {false, true}) {
                BigDecimal shown = Texts.share(n, d, t, strict);
                String where = n + " of " + d + (strict ? " against more than " : " against at least ") + percent
                        + " shown " + shown;
                boolean met = strict ? Ratio.above(n, d, percent) : Ratio.atLeast(n, d, percent);
                assertEquals(met, strict ? shown.compareTo(t) > 0 : shown.compareTo(t) >= 0, where);
                assertTrue(shown.multiply(BigDecimal.valueOf(d)).compareTo(exact) <= 0, "never rounded up: " + where);
                assertTrue(shown.scale() >= 2, where);
                if (!met || n == d || n == 0) {
                    assertEquals(2, shown.scale(), "not met, all or none: two decimals suffice: " + where);
                }
            }
        });
    }

    @Test
    void twoSharesShownSideBySideCompareAsTheyExactlyDo() {
        qt().withExamples(10_000).forAll(
                longs().between(1, 1_000_000_000L), longs().between(1, 1_000_000_000L),
                integers().between(0, 1_000_000), integers().between(-2, 2)
        ).checkAssert((d, pd, millionths, delta) -> {
            long pn = Math.min(pd, Math.round(pd * (millionths / 1_000_000.0)));
            // this year near last year's share: n/d ≈ pn/pd
            long n = Math.max(0, Math.min(d, BigInteger.valueOf(pn).multiply(BigInteger.valueOf(d))
                    .divide(BigInteger.valueOf(pd)).longValueExact() + delta));
            for (boolean strict : new boolean[] {false, true}) {
                int scale = Texts.decimalsToCompare(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)),
                        BigDecimal.valueOf(d), BigDecimal.valueOf(pn).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(pd),
                        strict);
                int exact = BigInteger.valueOf(n).multiply(BigInteger.valueOf(pd))
                        .compareTo(BigInteger.valueOf(pn).multiply(BigInteger.valueOf(d)));
                int shown = Texts.share(n, d, scale).compareTo(Texts.share(pn, pd, scale));
                assertEquals(strict ? exact > 0 : exact >= 0, strict ? shown > 0 : shown >= 0,
                        n + "/" + d + " vs " + pn + "/" + pd + " at " + scale + (strict ? " (higher)" : " (at least)"));
            }
        });
    }
}
