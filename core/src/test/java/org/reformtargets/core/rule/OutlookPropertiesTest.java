// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Outlook;

/**
 * The outlook's required count is the least that reaches the threshold: {@code required} more
 * successes among the expected cases reach it, {@code required − 1} would not; the target is out of
 * reach exactly when more are required than are expected; the rate shown never understates.
 */
class OutlookPropertiesTest {

    private static Outlooks.Expected expected(long e) {
        return new Outlooks.Expected(Outlook.Basis.RUN_RATE, e, 0, 0, 0);
    }

    @Test
    void requiredIsMinimalAndOutOfReachIffMoreThanExpected() {
        qt().withExamples(3000)
                .forAll(longs().between(1, 1_000_000), longs().between(0, 1_000_000), integers().between(0, 10_000),
                        booleans().all())
                .checkAssert((d, e, t, strict) -> {
                    long n = Math.floorMod(d * 7919 + e, d + 1);
                    BigDecimal percent = BigDecimal.valueOf(t, 2);
                    Outlooks.Bound bound = Outlooks.Bound.percent(percent, strict);
                    Outlooks.Share share = Outlooks.share(n, d, expected(e), List.of(bound));
                    Outlook o = share.outlook();
                    BigInteger total = BigInteger.valueOf(d + e);
                    long r = o.required();
                    assertTrue(bound.kept(BigInteger.valueOf(n + r), total), () -> "required reaches: " + o);
                    if (r > 0) {
                        assertFalse(bound.kept(BigInteger.valueOf(n + r - 1), total), () -> "one fewer misses: " + o);
                    }
                    assertEquals(r > e, o.status() == Outlook.Standing.OUT_OF_REACH, o::toString);
                    assertEquals(r > e, share.outOfReach());
                    if (e > 0) {
                        BigDecimal rate = new BigDecimal(o.requiredRate());
                        assertTrue(rate.multiply(BigDecimal.valueOf(e)).compareTo(BigDecimal.valueOf(100 * r)) >= 0,
                                () -> "the rate never understates: " + o);
                        assertTrue(rate.subtract(new BigDecimal("0.01")).multiply(BigDecimal.valueOf(e))
                                .compareTo(BigDecimal.valueOf(100 * r)) < 0, () -> "rounded up by less than 0.01: " + o);
                    }
                    if (o.status() == Outlook.Standing.ON_TRACK) {
                        assertTrue(bound.kept(BigInteger.valueOf(n), BigInteger.valueOf(d)), "on track meets so far");
                    }
                });
    }

    @Test
    void aRiseInPointsAndAStrictPreviousShareTakeTheLargerRequirement() {
        qt().withExamples(1000)
                .forAll(longs().between(1, 10_000), longs().between(0, 10_000), longs().between(1, 10_000),
                        integers().between(0, 500))
                .checkAssert((d, e, pd, points) -> {
                    long n = d / 2;
                    long pn = pd / 3;
                    Outlooks.Bound risen = Outlooks.Bound.risen(pn, pd, BigDecimal.valueOf(points, 1));
                    Outlooks.Bound above = Outlooks.Bound.share(pn, pd, true);
                    Outlook o = Outlooks.share(n, d, expected(e), List.of(risen, above)).outlook();
                    BigInteger total = BigInteger.valueOf(d + e);
                    long r = o.required();
                    assertTrue(risen.kept(BigInteger.valueOf(n + r), total) && above.kept(BigInteger.valueOf(n + r), total));
                    if (r > 0) {
                        BigInteger less = BigInteger.valueOf(n + r - 1);
                        assertFalse(risen.kept(less, total) && above.kept(less, total), o::toString);
                    }
                });
    }

    @Test
    void aCountNeedsWhatIsStillMissingAndIsOnTrackWhenThatIsExpected() {
        Outlook o = Outlooks.count(new BigDecimal("3"), new BigDecimal("5"), expected(2));
        assertEquals(new Outlook(Outlook.Basis.RUN_RATE, 2, 2, null, Outlook.Standing.ON_TRACK), o);
        assertEquals(Outlook.Standing.AT_RISK, Outlooks.count(new BigDecimal("3"), new BigDecimal("5"), expected(1)).status());
        assertEquals(0, Outlooks.count(new BigDecimal("6"), new BigDecimal("5"), expected(0)).required());
        assertEquals(1, Outlooks.count(new BigDecimal("4.5"), new BigDecimal("5"), expected(0)).required());
    }
}
