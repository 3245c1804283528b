// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

    @Test
    void theDistanceCountsEditsIgnoringCase() {
        assertEquals(0, Nearest.distance("Land", "land"));
        assertEquals(1, Nearest.distance("lnd", "land"));
        assertEquals(1, Nearest.distance("lnad", "land"));
        assertEquals(1, Nearest.distance("lands", "land"));
        assertEquals(2, Nearest.distance("satisfactoin2", "satisfaction"));
        assertEquals(4, Nearest.distance("", "land"));
    }

    @Test
    void theNearestCodesAreNamedInTheirOrderWhenNearEnough() {
        List<String> fields = List.of("land", "investment", "health", "seeds");

        assertEquals(List.of("land"), Nearest.to("Land", fields));
        assertEquals(List.of("health"), Nearest.to("heatlh", fields));
        assertEquals(List.of(), Nearest.to("astronomy", fields));
        assertEquals(": did you mean land?", Nearest.hint("Land", fields, ": none"));
        assertEquals(": none", Nearest.hint("astronomy", fields, ": none"));
        assertEquals(": did you mean land or lend?", Nearest.hint("lund", List.of("seeds", "land", "lend"), ""));
    }
}
