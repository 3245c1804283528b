// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void countsAreGroupedByThousandsWithADotInVietnameseAndACommaInEnglish() {
        assertEquals("4.890", Texts.count(4890, true));
        assertEquals("4,890", Texts.count(4890, false));
        assertEquals("0", Texts.count(0, true));
        assertEquals("999", Texts.count(999, false));
        assertEquals("1,000", Texts.count(1000, false));
        assertEquals("100,000", Texts.count(100_000, false));
        assertEquals("1.000.000", Texts.count(1_000_000, true));
        assertEquals("-12,345", Texts.count(-12_345, false));
        assertEquals("9,223,372,036,854,775,807", Texts.count(Long.MAX_VALUE, false));
        assertEquals("-9.223.372.036.854.775.808", Texts.count(Long.MIN_VALUE, true));
        assertEquals("18,446,744,073,709,551,616", Texts.count(BigInteger.TWO.pow(64), false));
    }

    @Test
    void decimalsUseADecimalCommaInVietnameseAndKeepTrailingZeros() {
        assertEquals("97,80", Texts.decimal(new BigDecimal("97.80"), true));
        assertEquals("97.80", Texts.decimal(new BigDecimal("97.80"), false));
        assertEquals("1.234,5", Texts.decimal(new BigDecimal("1234.5"), true));
        assertEquals("1,234.5", Texts.decimal(new BigDecimal("1234.5"), false));
        assertEquals("-0.25", Texts.decimal(new BigDecimal("-0.25"), false));
        assertEquals("23", Texts.decimal(new BigDecimal("23"), false));
    }

    @Test
    void percentagesAndThresholdsForProse() {
        assertEquals("97,80%", Texts.percent(new BigDecimal("97.80"), true));
        assertEquals("97.80%", Texts.percent(new BigDecimal("97.80"), false));
        assertEquals("97,5%", Texts.threshold("97.5", true));
        assertEquals("98%", Texts.threshold("98", false));
    }

    @Test
    void actualPercentIsPlainWithTwoDecimalsNeverRoundedUp() {
        assertEquals("97.00", Texts.actualPercent(new BigDecimal("97")));
        assertEquals("66.66", Texts.actualPercent(new BigDecimal("66.666")));
        assertEquals("0.00", Texts.actualPercent(new BigDecimal("0.005")));
        assertEquals("97.99", Texts.actualPercent(97_999, 100_000, new BigDecimal("98"), false));
        assertEquals("99.99", Texts.actualPercent(99_999, 100_000, new BigDecimal("100"), false));
        assertEquals("95.001", Texts.actualPercent(95_001, 100_000, new BigDecimal("95"), true));
        assertEquals("100000.00", Texts.actualPercent(new BigDecimal("1E+5")));
    }

    @Test
    void englishArticlesGoByTheFirstSound() {
        assertEquals("an initiative", Texts.article("initiative"));
        assertEquals("a dialogue with citizens", Texts.article("dialogue with citizens"));
        assertEquals("an outreach product", Texts.article("outreach product"));
        assertEquals("a review conference", Texts.article("review conference"));
        assertEquals("a unit", Texts.article("unit"));
        assertEquals("a user survey", Texts.article("user survey"));
        assertEquals("an Excellent class", Texts.article("Excellent class"));
    }

    @Test
    void countsTakeTheNounInTheirForm() {
        assertEquals("1 dossier", Texts.counted(1, "dossier", "dossiers", false));
        assertEquals("2 dossiers", Texts.counted(2, "dossier", "dossiers", false));
        assertEquals("0 dossiers", Texts.counted(0, "dossier", "dossiers", false));
        assertEquals("1,204 dossiers", Texts.counted(1204, "dossier", "dossiers", false));
    }

    @Test
    void capitalizeUpperCasesOnlyTheFirstLetter() {
        assertEquals("Hồ sơ", Texts.capitalize("hồ sơ"));
        assertEquals("Đất", Texts.capitalize("đất"));
        assertEquals("", Texts.capitalize(""));
    }

    /** {@code decimal} builds its text in one pass; it gives what grouping the whole part and adding the fraction gives. */
    @Test
    void decimalsAreTheGroupedWholePartAndTheFraction() {
        qt().forAll(longs().all(), integers().between(0, 6), integers().between(0, 1))
                .checkAssert((unscaled, scale, lang) -> {
                    BigDecimal d = BigDecimal.valueOf(unscaled, scale);
                    boolean vi = lang == 1;
                    String text = d.abs().toPlainString();
                    int dot = text.indexOf('.');
                    String wholePart = dot < 0 ? text : text.substring(0, dot);
                    String grouped = (d.signum() < 0 ? "-" : "")
                            + Texts.count(new BigInteger(wholePart), vi);
                    String expected = dot < 0 ? grouped : grouped + (vi ? "," : ".") + text.substring(dot + 1);
                    assertEquals(expected, Texts.decimal(d, vi), () -> d + (vi ? " vi" : " en"));
                });
    }
}
