// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.binhthuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reformtargets.rules.y2020.Given.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.rules.y2020.Given;

/**
 * binh-thuan-qlcl, every target on a share in every year it belongs to: given the share at the
 * threshold, one case below and one above (out of 10,000), the target is met or not met by the
 * expected number. Beside each figure stand near misses on the other side of the threshold: the
 * previous year's figure, the department's figure, and a figure for a field.
 */
class BinhThuanShareTargetsTest {

    private static final long D = 10_000;
    private static final Map<Integer, RuleSet> RULES = new ConcurrentHashMap<>();

    record Share(String target, String indicator, int percent, String clause, List<Integer> years) {
    }

    static final List<Share> SHARES = List.of(
            new Share("forms-templated", "procedures.forms_templated", 100, "II.2.a", List.of(2021)),
            new Share("procedure-info-public", "procedures.public", 100, "II.2.a", List.of(2021)),
            new Share("electronic-processes", "processes.electronic", 100, "II.2.b", List.of(2022)),
            new Share("training-attendance", "training.attendance", 100, "II.2.d", List.of(2021, 2022, 2023, 2024, 2025)),
            new Share("no-resubmission", "dossiers.no_resubmission", 80, "II.2.đ", List.of(2023, 2024, 2025)),
            new Share("mobile-level4", "online_services.mobile", 80, "II.2.đ", List.of(2023, 2024, 2025)),
            new Share("work-records-online", "work_records.online", 90, "II.2.đ", List.of(2023, 2024, 2025)),
            new Share("electronic-transfer", "dossiers.electronic_transfer", 80, "II.2.đ", List.of(2023, 2024, 2025)),
            new Share("digitized-dossiers", "dossiers.digitized", 100, "II.2.đ", List.of(2023, 2024, 2025)));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Share s : SHARES) {
            long at = s.percent() * D / 100;
            for (int year : s.years()) {
                all.add(Arguments.of(year, s, at, Status.MET, 0L));
                all.add(Arguments.of(year, s, at - 1, Status.NOT_MET, 1L));
                if (at < D) {
                    all.add(Arguments.of(year, s, at + 1, Status.MET, 0L));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}/10000 is {3}, gap {4}")
    @MethodSource("cases")
    void shareTargetIsDecidedExactlyAtItsThreshold(int year, Share share, long n, Status expected, long gap) {
        RuleSet rules = RULES.computeIfAbsent(year, y -> RuleSet.load("binh-thuan-qlcl", y));
        long miss = expected == Status.MET ? 0 : D;
        TargetResult r = result(Given.asOf((year + 1) + "-01-20")
                .unit("snn", Level.DEPARTMENT)
                .unit("cc", Level.SUB_DEPARTMENT, "snn")
                .ratio("cc", share.indicator(), String.valueOf(year), n, D)
                .ratio("cc", share.indicator(), String.valueOf(year - 1), miss, D)
                .ratio("snn", share.indicator(), String.valueOf(year), miss, D)
                .evaluatedBy(rules), "binh-thuan-qlcl/" + year + "/" + share.target(), "cc");
        assertEquals(expected, r.status(), r.message()::en);
        assertEquals(gap, r.gap());
        assertEquals(">= " + share.percent(), r.threshold());
        assertEquals(share.clause(), r.source().clause());
    }
}
