// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import org.reformtargets.core.Vocabulary;

/** The words a check says about what it reads, taken from the rule set's vocabulary. */
final class Term {

    private Term() {
    }

    /**
     * An indicator as sentences name it.
     *
     * @param code      its code
     * @param isRatio   whether it is a ratio
     * @param viCounted what it counts, in Vietnamese
     * @param enCounted what it counts, in English
     * @param viOutOf   what a ratio's denominator counts, in Vietnamese; {@code null} for a value
     * @param enOutOf   what a ratio's denominator counts, in English; {@code null} for a value
     * @param kind      ratio, count or level
     */
    record Indicator(String code, boolean isRatio, String viCounted, String enCounted, String viOutOf, String enOutOf,
                     Vocabulary.IndicatorKind kind) {

        static Indicator of(Vocabulary.IndicatorTerm t) {
            return new Indicator(t.code(), t.isRatio(), t.counted().vi(), t.counted().en(),
                    t.outOf() == null ? null : t.outOf().vi(), t.outOf() == null ? null : t.outOf().en(), t.kind());
        }

        /** Whether it is a share of a stock (its last figure stands for the period; no outlook). */
        boolean isCoverage() {
            return kind == Vocabulary.IndicatorKind.COVERAGE;
        }

        /** Whether it is a count over the period (its sub-periods add up). */
        boolean isCount() {
            return kind == Vocabulary.IndicatorKind.COUNT;
        }
    }

    /**
     * An event type as sentences name it.
     *
     * @param code its code
     * @param vi   its name in Vietnamese
     * @param en   its name in English
     */
    record EventType(String code, String vi, String en) {

        static EventType of(Vocabulary.EventTypeTerm t) {
            return new EventType(t.code(), t.label().vi(), t.label().en());
        }
    }
}
