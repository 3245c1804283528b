// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules;

import org.junit.jupiter.api.Test;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * iso9001.drl: the department converts its quality system to TCVN ISO 9001:2015; the
 * sub-department keeps its procedures under its system (item 8).
 */
class Iso9001RulesTest {

    static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");

    final RuleSetVerifier.Selection department = verifier.target("iso9001").unit("snn");
    final RuleSetVerifier.Selection subDepartment = verifier.target("iso9001").unit("cc");

    static Facts yearEnd() {
        return Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn");
    }

    @Test
    void aDepartmentThatConvertedIsMet() {
        department.given(yearEnd().attestation("snn", "iso9001.converted", "2021", true))
                .isMet().withThreshold("= true").withActual("true");
    }

    @Test
    void aDepartmentThatOnlyMaintainsItsSystemHasNotAttestedTheConversion() {
        department.given(yearEnd().attestation("snn", "iso9001.maintained", "2021", true)).isInsufficient();
    }

    @Test
    void aSubDepartmentThatMaintainsItsSystemIsMet() {
        Facts facts = yearEnd()
                .attestation("cc", "iso9001.maintained", "2021", true)
                .attestation("snn", "iso9001.converted", "2021", false);
        subDepartment.given(facts).isMet().fromSource("000_68aedd695de7ffa6.txt", "8");
        department.given(facts).isNotMet().fromSource("001_71801934a71350b6.txt", "8");
    }

    @Test
    void aSubDepartmentThatOnlyConvertedHasNotAttestedMaintenance() {
        subDepartment.given(yearEnd().attestation("cc", "iso9001.converted", "2021", true)).isInsufficient();
    }

    @Test
    void falseIsNotMetWithoutACountableGap() {
        subDepartment.given(yearEnd().attestation("cc", "iso9001.maintained", "2021", false))
                .isNotMet().withoutGap().withActual("false");
    }

    @Test
    void aMissingAttestationIsInsufficientDataWithoutGap() {
        department.given(yearEnd().attestation("cc", "iso9001.converted", "2021", true))
                .isInsufficient().withoutGap();
    }

    @Test
    void anAttestationFor2020DoesNotSpeakFor2021() {
        department.given(yearEnd().attestation("snn", "iso9001.converted", "2020", true)).isInsufficient();
    }

    @Test
    void anAttestationWithoutPeriodHoldsFor2021() {
        department.given(yearEnd().attestation("snn", "iso9001.converted", null, true)).isMet();
    }

    @Test
    void anAttestationOf2021GovernsOverAnUndatedOne() {
        department.given(yearEnd()
                        .attestation("snn", "iso9001.converted", null, true)
                        .attestation("snn", "iso9001.converted", "2021", false))
                .isNotMet();
    }

    @Test
    void aWordInsteadOfTrueOrFalseIsInsufficientData() {
        department.given(yearEnd().attestation("snn", "iso9001.converted", "2021", "yes")).isInsufficient();
    }
}
