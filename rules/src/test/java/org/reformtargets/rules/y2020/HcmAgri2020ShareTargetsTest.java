// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.reformtargets.rules.y2020.Given.hasResult;
import static org.reformtargets.rules.y2020.Given.result;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * hcm-agri/2020, every target on a share: given the unit's 2020 share at the threshold, one case
 * below and one above (out of 10,000), the target is met or not met by the expected number of
 * cases. Beside each figure stand near misses that must not be read: the same indicator for 2019,
 * for a 2020 quarter, and for the unit of the other level, each on the other side of the threshold.
 */
class HcmAgri2020ShareTargetsTest {

    private static final long D = 10_000;
    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2020");
    }

    /**
     * A share target: id suffix, indicator, level, strict or not, threshold in whole percent, and
     * whether the sub-departments are bound too (App.1 3.6, 3.9, 8.1).
     */
    record Share(String target, String indicator, Level level, boolean strict, int percent, boolean bothLevels) {
        Share(String target, String indicator, Level level, boolean strict, int percent) {
            this(target, indicator, level, strict, percent, false);
        }

        String id() {
            return "hcm-agri/2020/" + target;
        }
    }

    static final List<Share> SHARES = List.of(
            new Share("job-position-structure", "units.job_position_structure", Level.DEPARTMENT, false, 100),
            new Share("on-time-per-field", "dossiers.on_time", Level.DEPARTMENT, false, 100),
            new Share("online-dossiers", "dossiers.online", Level.DEPARTMENT, false, 70, true),
            new Share("postal-dossiers", "dossiers.postal", Level.DEPARTMENT, false, 10, true),
            new Share("procedures-published", "procedures.public", Level.DEPARTMENT, false, 100, true),
            new Share("apology-letters", "dossiers.late_with_apology", Level.DEPARTMENT, false, 100),
            new Share("receiving-units-survey", "receiving_units.surveying", Level.DEPARTMENT, false, 100),
            new Share("feedback-handled", "feedback.handled", Level.DEPARTMENT, false, 100),
            new Share("electronic-documents", "documents.electronic", Level.DEPARTMENT, false, 100),
            new Share("official-email", "staff.official_email", Level.DEPARTMENT, false, 100),
            new Share("survey-coverage", "dossiers.surveyed", Level.DEPARTMENT, false, 70, true),
            new Share("staff-standards", "staff.meeting_standards", Level.DEPARTMENT, false, 100),
            new Share("portal-on-time", "dossiers.on_time_portal", Level.SUB_DEPARTMENT, true, 90));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Share s : SHARES) {
            long at = s.percent() * D / 100;
            long needed = s.strict() ? at + 1 : at;
            all.add(Arguments.of(s, "at the threshold", at, s.strict() ? Status.NOT_MET : Status.MET, needed - Math.min(needed, at)));
            all.add(Arguments.of(s, "one case below", at - 1, Status.NOT_MET, needed - (at - 1)));
            if (at + 1 <= D) {
                all.add(Arguments.of(s, "one case above", at + 1, Status.MET, 0L));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}: {2}/10000 is {3}, gap {4}")
    @MethodSource("cases")
    void shareTargetIsDecidedExactlyAtItsThreshold(Share share, String where, long n, Status expected, long gap) {
        String unit = share.level() == Level.DEPARTMENT ? "snn" : "cc";
        String other = share.level() == Level.DEPARTMENT ? "cc" : "snn";
        long miss = expected == Status.MET ? 0 : D;
        Evaluation e = Given.asOf("2021-01-15")
                .unit("snn", Level.DEPARTMENT)
                .unit("cc", Level.SUB_DEPARTMENT, "snn")
                .ratio(unit, share.indicator(), "2020", n, D)
                .ratio(unit, share.indicator(), "2019", miss, D)
                .ratio(unit, share.indicator(), "2020-Q4", miss, D)
                .ratio(other, share.indicator(), "2020", miss, D)
                .evaluatedBy(rules);

        TargetResult r = result(e, share.id(), unit);
        assertEquals(expected, r.status(), r.message()::en);
        assertEquals(gap, r.gap(), r.message()::en);
        assertEquals((share.strict() ? "> " : ">= ") + share.percent(), r.threshold());
        assertEquals("002_cc650dbebc4d473f.txt", r.source().document());
        if (share.bothLevels()) {
            // the sub-department is judged on its own figure, which lies on the other side of the threshold
            assertEquals(expected == Status.MET ? Status.NOT_MET : Status.MET, result(e, share.id(), other).status());
        } else {
            assertFalse(hasResult(e, share.id(), other), "the target binds only units of level " + share.level());
        }
    }
}
