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
        assertEquals("97.99", Texts.share(97_999, 100_000, new BigDecimal("98")).toPlainString());
        assertEquals("99.99", Texts.share(99_999, 100_000, new BigDecimal("100")).toPlainString());
        assertEquals("97.52", Texts.share(97_524, 100_000, new BigDecimal("97.525")).toPlainString());
    }

    @Test
    void justOverAStrictThresholdShowsTheDecimalsThatTellItApart() {
        assertEquals("95.001", Texts.share(95_001, 100_000, new BigDecimal("95")).toPlainString());
        assertEquals("95.00001", Texts.share(9_500_001, 10_000_000, new BigDecimal("95")).toPlainString());
        assertEquals("95.00", Texts.share(95, 100, new BigDecimal("95")).toPlainString(), "exactly at it: equal");
        assertEquals("97.525", Texts.share(97_525, 100_000, new BigDecimal("97.525")).toPlainString());
        assertEquals("66.66", Texts.share(2, 3, new BigDecimal("50")).toPlainString(), "two decimals where they suffice");
    }

    @Test
    void higherThanLastYearNeverReadsEqual() {
        int scale = Texts.decimalsToCompare(BigDecimal.valueOf(100_001 * 100L), BigDecimal.valueOf(1_000_000),
                BigDecimal.valueOf(10 * 100L), BigDecimal.valueOf(100));
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
            BigDecimal shown = Texts.share(n, d, t);
            BigDecimal exact = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100));
            String where = n + " of " + d + " against " + percent + " shown " + shown;
            assertEquals(Ratio.atLeast(n, d, percent), shown.compareTo(t) >= 0, "at least: " + where);
            assertEquals(Ratio.above(n, d, percent), shown.compareTo(t) > 0, "more than: " + where);
            assertTrue(shown.multiply(BigDecimal.valueOf(d)).compareTo(exact) <= 0, "never rounded up: " + where);
            assertTrue(shown.scale() >= 2, where);
            if (shown.compareTo(t) < 0 || n == d || n == 0) {
                assertEquals(2, shown.scale(), "below the threshold two decimals suffice: " + where);
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
            int scale = Texts.decimalsToCompare(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)),
                    BigDecimal.valueOf(d), BigDecimal.valueOf(pn).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(pd));
            int exact = BigInteger.valueOf(n).multiply(BigInteger.valueOf(pd))
                    .compareTo(BigInteger.valueOf(pn).multiply(BigInteger.valueOf(d)));
            int shown = Texts.share(n, d, scale).compareTo(Texts.share(pn, pd, scale));
            assertEquals(Integer.signum(exact), Integer.signum(shown), n + "/" + d + " vs " + pn + "/" + pd + " at " + scale);
        });
    }
}
