// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The ranking of further cases by points gained ({@link Gains}) over scored indicators ({@link Points}). */
class GainsPropertiesTest {

    private static final int[] MAXIMA = {2, 4, 6, 12, 20};
    private static final String[] RULES = {null, "50", "80", "90"};

    /** One scored indicator: n of d, its maximum and rule. */
    private record Indicator(String target, long n, long d, Fraction max, BigDecimal percent) {
        Points.Scored scored() {
            return Points.score(n, d, max, percent);
        }
    }

    private static Gen<Indicator> indicator() {
        return integers().between(1, 5_000).zip(integers().between(0, 5_000), integers().between(0, MAXIMA.length - 1),
                integers().between(0, RULES.length - 1), (d, n, m, r) -> new Indicator("t" + d + "-" + n + "-" + m + "-" + r,
                        Math.min(n, d), d, Fraction.of(MAXIMA[m], 1), RULES[r] == null ? null : new BigDecimal(RULES[r])));
    }

    private static List<Gains.Option> options(List<Indicator> indicators) {
        List<Gains.Option> options = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator x = indicators.get(i);
            Points.Scored s = x.scored();
            options.add(new Gains.Option(x.target() + "#" + i, s.gap(), x.max().minus(s.points())));
        }
        return options;
    }

    @Test
    void neverRecommendsAChangeThatGainsNothing() {
        qt().withExamples(500).forAll(lists().of(indicator()).ofSizeBetween(0, 19)).checkAssert(list -> {
            for (Gains.Option o : Gains.rank(options(list), 3)) {
                assertTrue(o.cases() > 0, o.toString());
                assertTrue(o.gain().signum() > 0, o.toString());
            }
        });
    }

    @Test
    void theGainsOfEveryRecommendationAddUpToFullPoints() {
        qt().withExamples(500).forAll(lists().of(indicator()).ofSizeBetween(0, 19)).checkAssert(list -> {
            Fraction total = Fraction.ZERO;
            Fraction max = Fraction.ZERO;
            for (Indicator x : list) {
                total = total.plus(x.scored().points());
                max = max.plus(x.max());
            }
            Fraction gained = Fraction.ZERO;
            for (Gains.Option o : Gains.rank(options(list), Integer.MAX_VALUE)) {
                gained = gained.plus(o.gain());
            }
            assertEquals(max, total.plus(gained));
        });
    }

    @Test
    void theRecommendedCasesGiveExactlyFullPointsAndOneFewerDoesNot() {
        qt().withExamples(1_000).forAll(indicator()).checkAssert(x -> {
            Points.Scored s = x.scored();
            Points.Scored after = Points.score(x.n() + s.gap(), x.d(), x.max(), x.percent());
            assertEquals(x.max(), after.points());
            assertEquals(0, after.gap());
            if (s.gap() > 0) {
                Points.Scored short1 = Points.score(x.n() + s.gap() - 1, x.d(), x.max(), x.percent());
                assertTrue(short1.points().compareTo(x.max()) < 0);
            }
        });
    }

    @Test
    void theBestFirstGainsMostPerCase() {
        qt().withExamples(300).forAll(lists().of(indicator()).ofSizeBetween(2, 19)).checkAssert(list -> {
            List<Gains.Option> ranked = Gains.rank(options(list), Integer.MAX_VALUE);
            for (int i = 1; i < ranked.size(); i++) {
                Gains.Option a = ranked.get(i - 1);
                Gains.Option b = ranked.get(i);
                Fraction pa = a.gain().dividedBy(Fraction.of(a.cases(), 1));
                Fraction pb = b.gain().dividedBy(Fraction.of(b.cases(), 1));
                assertTrue(pa.compareTo(pb) >= 0, a + " before " + b);
            }
        });
    }

    @Test
    void theWorkedExamplesScoreExactly() {
        // §6: B's dossier satisfaction 4250/5000 at THRESHOLD(90) gives 17/3; fee procedures 105/150 at 80 % give 7/4
        assertEquals(Fraction.of(17, 3), Points.score(4250, 5000, Fraction.of(6, 1), new BigDecimal("90")).points());
        assertEquals(250, Points.score(4250, 5000, Fraction.of(6, 1), new BigDecimal("90")).gap());
        assertEquals(Fraction.of(7, 4), Points.score(105, 150, Fraction.of(2, 1), new BigDecimal("80")).points());
        assertEquals(Fraction.of(57, 10), Points.score(38, 40, Fraction.of(6, 1), null).points());
        assertEquals("5.67", Fraction.of(17, 3).display());
        assertEquals("3937/60", Fraction.parse("3937/60").toString());
        assertEquals("12.5", Fraction.of(25, 2).plain());
    }
}
