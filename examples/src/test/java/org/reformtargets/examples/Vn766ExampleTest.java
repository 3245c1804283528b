// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.dossier.Dossiers;

/** The bundled 766 example: a province, its departments and communes, and 3,000 dossiers of 2025-Q3. */
class Vn766ExampleTest {

    @Test
    void aggregatesIntoRealisticFiguresForEveryUnitAndPeriod() throws Exception {
        FactsDocument units;
        try (InputStream in = getClass().getResourceAsStream("/facts/vn-766-units.json")) {
            units = ReformTargetsJson.readFacts(in, "vn-766-units.json");
        }
        FactsDocument facts;
        try (Reader csv = new InputStreamReader(getClass().getResourceAsStream("/facts/vn-766-dossiers.csv"),
                StandardCharsets.UTF_8)) {
            facts = Dossiers.aggregate(units, csv, "vn-766-dossiers.csv");
        }
        assertEquals(9 * 5 * 11, facts.measurements().size());
        Measurement onTime = facts.measurements().stream().filter(m -> m.unit().equals("tinh-a")
                && m.indicator().equals(Dossiers.ON_TIME) && m.period().toString().equals("2025-Q3")).findFirst().orElseThrow();
        assertEquals(3000, onTime.denominator());
        long percent = onTime.numerator() * 100 / onTime.denominator();
        assertTrue(percent >= 75 && percent < 100, "most on time: " + percent + "%");
        for (Measurement m : facts.measurements()) {
            assertTrue(m.numerator() <= m.denominator(), m::toString);
        }
    }
}
