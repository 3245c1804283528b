// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/** propaganda.drl: at least one outreach product or model on reform in 2021 (item 9). */
class PropagandaRulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    final RuleSetVerifier.Selection department = verifier.target("propaganda-product").unit("snn");
    final RuleSetVerifier.Selection subDepartment = verifier.target("propaganda-product").unit("cc");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn").office("o1", "cc");
    }

    @Test
    void oneProductIsMet() {
        department.given(yearEnd().event("snn", "propaganda.product", "2021-09-01"))
                .isMet().withGap(0).withActual("1").withThreshold(">= 1");
    }

    @Test
    void severalProductsAreMet() {
        subDepartment.given(yearEnd()
                        .event("cc", "propaganda.product", "2021-01-01")
                        .event("cc", "propaganda.product", "2021-12-31"))
                .isMet().withActual("2");
    }

    @Test
    void noProductIsNotMetByOne() {
        Facts facts = yearEnd().event("cc", "propaganda.product", "2021-05-01")
                .event("o1", "propaganda.product", "2021-05-01");
        department.given(facts).isNotMet().withGap(1).withActual("0");
        subDepartment.given(facts).isMet();
    }

    @Test
    void aProductOf2020DoesNotCount() {
        department.given(yearEnd().event("snn", "propaganda.product", "2020-12-31")).isNotMet().withGap(1);
    }

    @Test
    void aSubUnitsProductDoesNotCountForItsParent() {
        subDepartment.given(yearEnd().event("o1", "propaganda.product", "2021-05-01")).isNotMet();
    }
}
