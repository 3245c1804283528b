// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reformtargets.core.Level;
import org.reformtargets.core.Unit;

/** A country-shaped unit tree: 63 provinces, each with 20 departments and 159 communes (11,340 units). */
final class CountryUnits {

    static final int PROVINCES = 63;

    private CountryUnits() {
    }

    /** Every province's tree, one after the other. */
    static List<Unit> country() {
        List<Unit> units = new ArrayList<>();
        for (int p = 1; p <= PROVINCES; p++) {
            units.addAll(province(p));
        }
        return units;
    }

    /** Province {@code p} ({@code p01}…), then its departments ({@code p01-so1}…) and communes ({@code p01-xa1}…). */
    static List<Unit> province(int p) {
        List<Unit> units = new ArrayList<>();
        String province = String.format(Locale.ROOT, "p%02d", p);
        units.add(Unit.root(province, "Tỉnh " + p, Level.PROVINCE));
        for (int d = 1; d <= 20; d++) {
            units.add(new Unit(province + "-so" + d, "Sở " + d, Level.DEPARTMENT, province));
        }
        for (int c = 1; c <= 159; c++) {
            units.add(new Unit(province + "-xa" + c, "Xã " + c, Level.COMMUNE, province));
        }
        return units;
    }
}
