// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdSetTest {

    @Test
    void findsEveryDuplicateAndTheLineItWasFirstSeenOn() {
        IdSet ids = new IdSet();
        for (int i = 0; i < 200_000; i++) {
            assertEquals(0, ids.add("HS-" + i, i + 2));
        }
        assertEquals(200_000, ids.size());
        assertEquals(2, ids.add("HS-0", 9));
        assertEquals(100_001, ids.add("HS-99999", 9));
        assertEquals(0, ids.add("HS-200000", 9));
        assertEquals(0, ids.add("hồ sơ 1", 10));
        assertEquals(10, ids.add("hồ sơ 1", 11));
        // equal hashes, different ids ("Aa" and "BB" share a String hash; bytes compared exactly)
        assertEquals(0, ids.add("Aa", 12));
        assertEquals(0, ids.add("BB", 13));
        assertEquals(200_004, ids.size());
    }
}
