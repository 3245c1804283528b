// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;

/**
 * The 766 index scored from counts a host already has (facts/vn-766-measurements.json): a province
 * with its quarter's figures, and a department and two communes with July's.
 */
class Vn766MeasurementsExampleTest {

    private static final Period JULY = Period.month(2025, 7);
    private static final Period Q3 = Period.quarter(2025, 3);
    private static Evaluation evaluation;

    @BeforeAll
    static void evaluate() {
        evaluation = RuleSet.load("vn-766/2025").evaluate(EmbeddingExample.readExample("facts/vn-766-measurements.json"));
    }

    private static Score score(String unit, Period period) {
        return evaluation.scoreOf(unit, period).orElseThrow(() -> new AssertionError("no score of " + unit + " " + period));
    }

    @Test
    void theProvincesQuarterScoresAsTheCataloguesFirstWorkedExample() {
        Score q3 = score("t-bd", Q3);

        assertEquals("86.20", q3.total());
        assertEquals("431/5", q3.exactTotal());
        assertEquals("100", q3.maxTotal());
        assertTrue(q3.complete());
        assertEquals(List.of("transparency", "progress", "online-service", "online-payment", "digitization",
                "satisfaction"), List.copyOf(q3.groups().keySet()));
        assertEquals("17.00", q3.groups().get("transparency"));
    }

    @Test
    void julyIsScoredOnItsOwnAndTheProvinceSumsItsUnitsCounts() {
        Score july = score("t-bd", JULY);

        // on time 675/750 → 18, sync 640/650 → 384/65, paid online 70/200 → 2.1, e-result 350/500 → 4.2,
        // no petitions at the department → 6 (full points, as the portal gives)
        assertEquals("36.21", july.total());
        assertFalse(july.complete());
        assertTrue(july.missing().contains("vn-766/transparency/publish-on-time"), july.missing().toString());
        assertEquals(Status.NOT_MET, evaluation.results().stream()
                .filter(r -> r.unit().equals("t-bd") && r.period().equals(JULY) && r.target().equals("vn-766/progress/on-time"))
                .findFirst().orElseThrow().status());
    }

    @Test
    void aCommuneIsScoredOutOfTheIndicatorsThatApplyToCommunesWithItsCheapestGainsFirst() {
        Score commune = score("x-an-nhon", JULY);

        assertEquals("32.85", commune.total());
        assertEquals("72", commune.maxTotal());
        assertEquals(List.of("vn-766/progress/on-time", "vn-766/online-payment/dossiers-paid-online",
                "vn-766/digitization/electronic-result"), commune.gains().stream().map(Score.Gain::target).toList());
        assertEquals("20 more dossiers finished on time or still within time: +1.00", commune.gains().get(0).message().en());
        assertEquals("Thêm 20 hồ sơ xử lý trước hạn, đúng hạn: +1,00 điểm", commune.gains().get(0).message().vi());
    }
}
