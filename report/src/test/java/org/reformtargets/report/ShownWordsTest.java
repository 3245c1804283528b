// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Figures that are not numbers are shown as words, and a per-sub-unit count never takes a "%". */
class ShownWordsTest {

    @Test
    void aYesNoAnswerIsAWordNotAGroupedNumber() {
        String vi = Reports.html(Reports.example("hcm-agri-2021.json"));
        assertFalse(vi.contains("t.rue") || vi.contains("t,rue") || vi.contains(">true<"), "a yes/no figure as a number");
        assertTrue(vi.contains(">có</td>"), "iso9001 answered yes, shown as 'có'");
    }

    @Test
    void aCountPerSubUnitIsNeverShownAsAShare() {
        String vi = Reports.html(Reports.example("hcm-agri-2021.json"));
        assertFalse(vi.contains("≥ 1% mỗi đơn vị trực thuộc"), "a count per sub-unit shown with %");
        assertTrue(vi.contains("≥ 1 mỗi đơn vị trực thuộc"));
    }
}
