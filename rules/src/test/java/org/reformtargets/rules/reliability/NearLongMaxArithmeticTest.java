// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.testkit.Facts;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * Counts and values near {@link Long#MAX_VALUE} through the whole engine, from JSON to result:
 * no overflow in {@code 100·n}, {@code t·d}, cross products of two years, nor in gaps.
 */
class NearLongMaxArithmeticTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final RuleSetVerifier HCM_2021 = RuleSetVerifier.of("hcm-agri/2021");
    private static final RuleSetVerifier BT_2022 = RuleSetVerifier.of("binh-thuan-qlcl/2022");

    /** ⌈t·d/100⌉ in whole numbers. */
    private static long least(int t, long d) {
        return BigInteger.valueOf(t).multiply(BigInteger.valueOf(d)).add(BigInteger.valueOf(99))
                .divide(BigInteger.valueOf(100)).longValueExact();
    }

    /** 100·n/d to two decimals, half up. */
    private static String percent(long n, long d) {
        return new BigDecimal(BigInteger.valueOf(n).multiply(BigInteger.valueOf(100)))
                .divide(BigDecimal.valueOf(d), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Facts department() {
        return Facts.asOf("2021-12-31").department("so");
    }

    @Test
    void aShareOfTheLargestCountIsMetExactlyAtTheLeastMeetingCountAndNotOneBelow() {
        long at = least(91, MAX);

        HCM_2021.target("satisfaction").unit("so").given(department().ratio("so", "satisfaction", "2021", at, MAX))
                .isMet().withGap(0).withActual(percent(at, MAX));
        HCM_2021.target("satisfaction").unit("so").given(department().ratio("so", "satisfaction", "2021", at - 1, MAX))
                .isNotMet().withGap(1).withActual("90.99"); // one short of 91 % never reads 91.00
        HCM_2021.target("satisfaction").unit("so").given(department().ratio("so", "satisfaction", "2021", MAX, MAX))
                .isMet().withActual("100.00");
        HCM_2021.target("satisfaction").unit("so").given(department().ratio("so", "satisfaction", "2021", 0, MAX))
                .isNotMet().withGap(at).withActual("0.00");
    }

    @Test
    void theLargestCountsTravelThroughJsonUnchanged() {
        String json = """
                {"asOf": "2021-12-31",
                 "units": [{"id": "so", "name": "Sở", "level": "DEPARTMENT"}],
                 "measurements": [{"unit": "so", "indicator": "satisfaction", "period": "2021",
                                   "numerator": %d, "denominator": 9223372036854775807}]}
                """.formatted(least(91, MAX) - 1);
        FactsDocument facts = ReformTargetsJson.readFacts(json);

        HCM_2021.target("satisfaction").unit("so").given(facts).isNotMet().withGap(1);
    }

    @Test
    void perFieldThresholdsOnTheLargestCountsAreExact() {
        long land = least(96, MAX);
        long other = least(98, MAX);

        HCM_2021.target("on-time-per-field").unit("so").field("land")
                .given(department().ratio("so", "dossiers.on_time", "land", "2021", land, MAX)
                        .ratio("so", "dossiers.on_time", "fisheries", "2021", other - 1, MAX))
                .isMet().withGap(0);
        HCM_2021.target("on-time-per-field").unit("so").field("fisheries")
                .given(department().ratio("so", "dossiers.on_time", "land", "2021", land, MAX)
                        .ratio("so", "dossiers.on_time", "fisheries", "2021", other - 1, MAX))
                .isNotMet().withGap(1);
    }

    @Test
    void aRiseInPointsBetweenTwoYearsOfTheLargestCountsIsExact() {
        long before = MAX / 2;
        // at least before/MAX + 3 points: ⌈MAX·(100·before + 3·MAX) / (100·MAX)⌉ = before + ⌈3·MAX/100⌉
        long needed = before + least(3, MAX);

        HCM_2021.target("online-rate-growth").unit("so")
                .given(department().ratio("so", "dossiers.online", "2020", before, MAX)
                        .ratio("so", "dossiers.online", "2021", needed, MAX))
                .isMet().withGap(0);
        HCM_2021.target("online-rate-growth").unit("so")
                .given(department().ratio("so", "dossiers.online", "2020", before, MAX)
                        .ratio("so", "dossiers.online", "2021", needed - 1, MAX))
                .isNotMet().withGap(1);
    }

    @Test
    void aShareAboveThePreviousYearsComparesCrossProductsBeyondALong() {
        // 98 % and above 2021: n·d₂₀₂₁ against n₂₀₂₁·d, both products near 2¹²⁶
        long d = MAX - 1;
        long previous = MAX - 2;

        BT_2022.target("on-time").unit("cc")
                .given(Facts.asOf("2022-12-31").subDepartment("cc", null)
                        .ratio("cc", "dossiers.on_time", "2021", previous, MAX)
                        .ratio("cc", "dossiers.on_time", "2022", d - 1, d))
                .isMet();
        BT_2022.target("on-time").unit("cc")
                .given(Facts.asOf("2022-12-31").subDepartment("cc", null)
                        .ratio("cc", "dossiers.on_time", "2021", MAX - 1, MAX)
                        .ratio("cc", "dossiers.on_time", "2022", d - 1, d))
                .isNotMet().withGap(1);
    }

    @Test
    void valuesBeyondALongAreComparedExactlyAndAGapNoCountCanSayIsLeftOut() {
        String huge = "1" + "0".repeat(30);

        HCM_2021.target("online-procedures-growth").unit("so")
                .given(department().value("so", "procedures.online", "2020", huge)
                        .value("so", "procedures.online", "2021", "105" + "0".repeat(28)))
                .isMet().withGap(0);
        HCM_2021.target("online-procedures-growth").unit("so")
                .given(department().value("so", "procedures.online", "2020", huge)
                        .value("so", "procedures.online", "2021", "104" + "9".repeat(28)))
                .isNotMet().withGap(1);
        HCM_2021.target("online-procedures-growth").unit("so")
                .given(department().value("so", "procedures.online", "2020", Long.toString(MAX))
                        .value("so", "procedures.online", "2021", "26"))
                .isNotMet().withoutGap();
    }
}
