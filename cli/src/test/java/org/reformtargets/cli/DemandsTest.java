// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.Source;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;

/** The plain sentences of described demands, on hand-made specs. */
class DemandsTest {

    private static TargetSpec spec(Level level, Requirement r, String threshold) {
        return new TargetSpec("x/2022/t", level, "rule", r, threshold, new Source("d.txt", "1", null), "x/2022/r.drl", 5);
    }

    @Test
    void aCheckWithoutADescriptionIsShownByItsThresholdText() {
        TargetSpec other = spec(Level.DEPARTMENT, Requirement.of(Kind.OTHER, List.of()), ">= GOOD");

        assertEquals("Department: as its rule states: >= GOOD.", Demands.sentence(other, false));
        assertEquals("Sở: theo quy tắc: >= GOOD.", Demands.sentence(other, true));
        assertEquals("see the rule", Demands.needs(other, false));
        assertEquals("OTHER >= GOOD", ValidateCommand.demand(other));
    }

    @Test
    void aValueCeilingWithADecimalUsesADecimalCommaInVietnamese() {
        TargetSpec headcount = spec(Level.SUB_DEPARTMENT, Requirement.of(Kind.VALUE, List.of("staff.headcount"))
                .compared(Comparison.AT_MOST, new BigDecimal("97.5"), Scale.NUMBER), null);

        assertEquals("Sub-department: the figure for assigned staffing quota is at most 97.5.", Demands.sentence(headcount, false));
        assertEquals("Chi cục: số biên chế được giao tối đa 97,5.", Demands.sentence(headcount, true));
        assertEquals("measurement staff.headcount (value: assigned staffing quota)", Demands.needs(headcount, false));
    }

    @Test
    void anAttestationNamesItsKey() {
        TargetSpec iso = spec(Level.OFFICE, Requirement.of(Kind.ATTESTATION, List.of("iso9001.converted"))
                .compared(Comparison.IS_TRUE, null, null), null);

        assertEquals("Office or station: the unit attests that iso9001.converted is true.", Demands.sentence(iso, false));
        assertEquals("attestation iso9001.converted", Demands.needs(iso, false));
    }
}
