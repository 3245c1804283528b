// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.reformtargets.core.Event;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/** More of what a target asks for never makes a met target unmet. */
class MonotonicityPropertiesTest {

    /** The ratio targets judged "at least t %" against the year's own figure. */
    private static final Set<String> AT_LEAST_RATIO_TARGETS = Set.of("hcm-agri/2021/satisfaction",
            "hcm-agri/2021/on-time-per-field", "hcm-agri/2021/early-resolution",
            "hcm-agri/2021/receiving-units-survey", "hcm-agri/2021/feedback-handled");

    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = RuleSet.load("hcm-agri/2021");
    }

    /** Facts, and the same facts with one thing more. */
    record Change(FactsDocument before, FactsDocument after, String what) {
        @Override
        public String toString() {
            return what + " in\n" + ReformTargetsJson.writeFacts(before);
        }
    }

    /** One more success in a ratio measured within 2021: n+1 of the same d, or n+1 of d+1. */
    static Gen<Change> oneMoreSuccess() {
        return in -> {
            FactsGen.Draw draw = new FactsGen.Draw(in);
            FactsDocument facts = FactsGen.document(draw);
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < facts.measurements().size(); i++) {
                Measurement m = facts.measurements().get(i);
                if (m.isRatio() && FactsGen.Y2021.contains(m.period())) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                // no share measured in 2021 yet: measure one, so there is something to add to
                List<Measurement> withOne = new ArrayList<>(facts.measurements());
                withOne.add(Measurement.ratio(facts.units().get(0).id(), "satisfaction", null, FactsGen.Y2021, 90, 100));
                candidates.add(facts.measurements().size());
                facts = new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), withOne, facts.events(),
                        facts.attestations());
            }
            int index = draw.pick(candidates);
            Measurement m = facts.measurements().get(index);
            boolean sameCases = m.numerator() < m.denominator() && draw.chance(50);
            Measurement more = Measurement.ratio(m.unit(), m.indicator(), m.field(), m.period(), m.numerator() + 1,
                    sameCases ? m.denominator() : m.denominator() + 1);
            List<Measurement> changed = new ArrayList<>(facts.measurements());
            changed.set(index, more);
            return new Change(facts, new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), changed,
                    facts.events(), facts.attestations()), "measurements[" + index + "] " + m.numerator() + "/"
                    + m.denominator() + " -> " + more.numerator() + "/" + more.denominator());
        };
    }

    /** One more dialogue, publication, inspection, initiative or outreach product, dated in 2021 up to asOf. */
    static Gen<Change> oneMoreEvent() {
        return in -> {
            FactsGen.Draw draw = new FactsGen.Draw(in);
            FactsDocument facts = FactsGen.document(draw);
            String unit = draw.pick(facts.units()).id();
            Event event = FactsGen.countedEvent(draw, facts.units(), unit,
                    draw.dateBetween(LocalDate.of(2021, 1, 1), facts.asOf()));
            List<Event> events = new ArrayList<>(facts.events());
            events.add(draw.between(0, events.size()), event);
            return new Change(facts, new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(),
                    facts.measurements(), events, facts.attestations()), "added " + event);
        };
    }

    private static Map<String, TargetResult> byKey(Evaluation e) {
        Map<String, TargetResult> map = new HashMap<>();
        for (TargetResult r : e.results()) {
            map.put(r.unit() + " " + r.target() + " " + r.period() + " " + r.field(), r);
        }
        return map;
    }

    @Test
    void oneMoreSuccessNeverTurnsAMetTargetIntoNotMet() {
        qt().withExamples(250).withShrinkCycles(100)
                .forAll(oneMoreSuccess())
                .checkAssert(change -> {
                    Map<String, TargetResult> before = byKey(rules.evaluate(change.before()));
                    Map<String, TargetResult> after = byKey(rules.evaluate(change.after()));

                    assertEquals(before.keySet(), after.keySet(), "the same results are given");
                    for (Map.Entry<String, TargetResult> b : before.entrySet()) {
                        TargetResult a = after.get(b.getKey());
                        if (b.getValue().status() == Status.MET) {
                            assertNotEquals(Status.NOT_MET, a.status(), () -> b.getKey() + " after " + change.what());
                        }
                        if (AT_LEAST_RATIO_TARGETS.contains(a.target()) && b.getValue().gap() != null
                                && a.gap() != null) {
                            assertTrue(a.gap() <= b.getValue().gap(),
                                    () -> b.getKey() + " gap grew from " + b.getValue().gap() + " to " + a.gap()
                                            + " after " + change.what());
                        }
                    }
                });
    }

    @Test
    void oneMoreEventNeverTurnsAMetCadenceOrCoverageIntoNotMet() {
        qt().withExamples(250).withShrinkCycles(100)
                .forAll(oneMoreEvent())
                .checkAssert(change -> {
                    Map<String, TargetResult> before = byKey(rules.evaluate(change.before()));
                    Map<String, TargetResult> after = byKey(rules.evaluate(change.after()));

                    assertEquals(before.keySet(), after.keySet(), "the same results are given");
                    for (Map.Entry<String, TargetResult> b : before.entrySet()) {
                        TargetResult a = after.get(b.getKey());
                        if (b.getValue().status() == Status.MET) {
                            assertNotEquals(Status.NOT_MET, a.status(), () -> b.getKey() + " after " + change.what());
                        }
                        if (b.getValue().gap() != null && a.gap() != null && Objects.equals(a.status(), Status.NOT_MET)) {
                            assertTrue(a.gap() <= b.getValue().gap(), () -> b.getKey() + " gap grew from "
                                    + b.getValue().gap() + " to " + a.gap() + " after " + change.what());
                        }
                    }
                });
    }
}
