// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * The status, gap and actual share of the satisfaction (91 % department, 95 % sub-department) and
 * on-time-per-field (96 % land and investment, 98 % other fields, 100 % sub-department) targets
 * agree with a reference computed here in whole numbers: met when {@code 100·n ≥ t·d}, gap
 * {@code ⌈t·d/100⌉ − n}, not applicable when {@code d = 0}.
 */
class RatioDecisionPropertiesTest {

    private static final String SATISFACTION = "hcm-agri/2021/satisfaction";
    private static final String ON_TIME = "hcm-agri/2021/on-time-per-field";
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");
    }

    /**
     * One measured share: a denominator, and how to place the numerator for a given threshold:
     * near the least count that meets it (offset −2…+2), or anywhere in [0, d].
     */
    record Share(long denominator, boolean nearThreshold, int offset, long anywhere) {

        long numeratorFor(int threshold) {
            BigInteger d = BigInteger.valueOf(denominator);
            BigInteger n = nearThreshold
                    ? ceilPercent(threshold, denominator).add(BigInteger.valueOf(offset))
                    : d.multiply(BigInteger.valueOf(anywhere)).divide(BigInteger.valueOf(1_000_000));
            return n.max(BigInteger.ZERO).min(d).longValueExact();
        }
    }

    /** ⌈t·d/100⌉, the least count that reaches t % of d. */
    static BigInteger ceilPercent(int t, long d) {
        return BigInteger.valueOf(t).multiply(BigInteger.valueOf(d)).add(BigInteger.valueOf(99)).divide(HUNDRED);
    }

    static Gen<Long> denominators() {
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(1, Generate.constant(0L)),
                org.quicktheories.api.Pair.of(5, Generate.longRange(1, 300)),
                org.quicktheories.api.Pair.of(3, Generate.longRange(301, 10_000_000)),
                org.quicktheories.api.Pair.of(2, Generate.longRange(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2))));
    }

    static Gen<Share> shares() {
        return denominators().zip(Generate.booleans().mix(Generate.constant(true), 60), Generate.range(-2, 2),
                Generate.longRange(0, 1_000_000), Share::new);
    }

    /** The expected verdict. */
    record Expected(Status status, Long gap, String actual) {

        static Expected of(long n, long d, int t) {
            if (d == 0) {
                return new Expected(Status.NOT_APPLICABLE, null, null);
            }
            BigInteger bn = BigInteger.valueOf(n);
            BigInteger bd = BigInteger.valueOf(d);
            boolean met = HUNDRED.multiply(bn).compareTo(BigInteger.valueOf(t).multiply(bd)) >= 0;
            long gap = met ? 0 : ceilPercent(t, d).subtract(bn).longValueExact();
            // 100·n/d to two decimals, truncated (whole-number thresholds need no more): 10 000·n/d cut to whole hundredths
            BigInteger hundredths = bn.multiply(BigInteger.valueOf(10_000)).divide(bd);
            String actual = hundredths.divide(HUNDRED) + "." + String.format("%02d", hundredths.mod(HUNDRED).intValue());
            return new Expected(met ? Status.MET : Status.NOT_MET, gap, actual);
        }
    }

    /** A share placed for one unit, target and field against threshold {@code t}. */
    record Placed(String unit, String target, String indicator, String field, int threshold) {
    }

    private static final List<Placed> PLACES = List.of(
            new Placed("dep", SATISFACTION, "satisfaction", null, 91),
            new Placed("sub", SATISFACTION, "satisfaction", null, 95),
            new Placed("dep", ON_TIME, "dossiers.on_time", null, 98),
            new Placed("dep", ON_TIME, "dossiers.on_time", "land", 96),
            new Placed("dep", ON_TIME, "dossiers.on_time", "investment", 96),
            new Placed("dep", ON_TIME, "dossiers.on_time", "agriculture", 98),
            new Placed("sub", ON_TIME, "dossiers.on_time", "land", 100),
            new Placed("sub", ON_TIME, "dossiers.on_time", "agriculture", 100));

    @Test
    void statusGapAndActualAgreeWithTheWholeNumberReference() {
        qt().withExamples(400).withShrinkCycles(200)
                .forAll(SourceDSL.lists().of(shares()).ofSize(PLACES.size()))
                .checkAssert(shares -> {
                    List<Measurement> measurements = new ArrayList<>();
                    List<Long> numerators = new ArrayList<>();
                    for (int i = 0; i < PLACES.size(); i++) {
                        Placed p = PLACES.get(i);
                        Share s = shares.get(i);
                        long n = s.numeratorFor(p.threshold());
                        numerators.add(n);
                        measurements.add(Measurement.ratio(p.unit(), p.indicator(), p.field(), FactsGen.Y2021, n,
                                s.denominator()));
                    }
                    Evaluation e = rules.evaluate(new FactsDocument(null, FactsGen.YEAR_END,
                            List.of(Unit.root("dep", "Sở", Level.DEPARTMENT),
                                    new Unit("sub", "Chi cục", Level.SUB_DEPARTMENT, "dep")),
                            measurements, null, null));

                    for (int i = 0; i < PLACES.size(); i++) {
                        Placed p = PLACES.get(i);
                        long n = numerators.get(i);
                        long d = shares.get(i).denominator();
                        TargetResult r = result(e, p);
                        Expected want = Expected.of(n, d, p.threshold());
                        String what = p + " with " + n + "/" + d + ": " + r;
                        assertEquals(want.status(), r.status(), what);
                        assertEquals(want.gap(), r.gap(), what);
                        assertEquals(want.actual(), r.actual(), what);
                        assertEquals(">= " + p.threshold(), r.threshold(), what);
                        assertEquals(true, r.isFinal(), what);
                    }
                });
    }

    @Test
    void theReferenceItselfPlacesSharesOnBothSidesOfTheThreshold() {
        // guards the generator: a share one below the least meeting count is not met, at it is met
        Share below = new Share(5000, true, -1, 0);
        Share at = new Share(5000, true, 0, 0);
        assertEquals(4899, below.numeratorFor(98));
        assertEquals(Status.NOT_MET, Expected.of(below.numeratorFor(98), 5000, 98).status());
        assertEquals(1L, Expected.of(below.numeratorFor(98), 5000, 98).gap());
        assertEquals(Status.MET, Expected.of(at.numeratorFor(98), 5000, 98).status());
        assertEquals("97.80", Expected.of(4890, 5000, 98).actual());
        assertEquals(10L, Expected.of(4890, 5000, 98).gap());
        assertEquals("66.66", Expected.of(2, 3, 50).actual());
        assertEquals("0.00", Expected.of(1, 20_000, 50).actual());
    }

    private static TargetResult result(Evaluation e, Placed p) {
        List<TargetResult> found = e.resultsFor(p.unit()).stream()
                .filter(r -> r.target().equals(p.target()) && java.util.Objects.equals(r.field(), p.field()))
                .toList();
        assertEquals(1, found.size(), () -> p + " in " + e.resultsFor(p.unit()));
        return found.get(0);
    }
}
