// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.y2020;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * Builds the facts of a rule test ("given these facts") and picks results out of the evaluation
 * ("then this target is …"). Used by the tests of hcm-agri/2020 and binh-thuan-qlcl.
 */
public final class Given {

    private final LocalDate asOf;
    private final List<Unit> units = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Attestation> attestations = new ArrayList<>();

    private Given(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Facts that describe the given date. */
    public static Given asOf(String date) {
        return new Given(LocalDate.parse(date));
    }

    /** A unit at the top of the hierarchy. */
    public Given unit(String id, Level level) {
        return unit(id, level, null);
    }

    /** A unit under {@code parent}. */
    public Given unit(String id, Level level, String parent) {
        units.add(new Unit(id, id, level, parent));
        return this;
    }

    /** A ratio for the unit's total. */
    public Given ratio(String unit, String indicator, String period, long numerator, long denominator) {
        return ratio(unit, indicator, null, period, numerator, denominator);
    }

    /** A ratio for one field. */
    public Given ratio(String unit, String indicator, String field, String period, long numerator, long denominator) {
        measurements.add(Measurement.ratio(unit, indicator, field, Period.parse(period), numerator, denominator));
        return this;
    }

    /** A plain figure. */
    public Given value(String unit, String indicator, String period, String value) {
        measurements.add(Measurement.value(unit, indicator, null, Period.parse(period), new BigDecimal(value)));
        return this;
    }

    /** An event with a unit, a type and a date. */
    public Given event(String unit, String type, String date) {
        events.add(Event.of(unit, type, LocalDate.parse(date)));
        return this;
    }

    /** An inspection by {@code unit} of {@code subject}. */
    public Given inspection(String unit, String type, String date, String subject) {
        events.add(Event.upon(unit, type, LocalDate.parse(date), subject));
        return this;
    }

    /** A {@code task.completed} event. */
    public Given taskCompleted(String unit, String task, String date) {
        events.add(new Event(unit, "task.completed", LocalDate.parse(date), null, task, null, null, null, null));
        return this;
    }

    /** A {@code task.assigned} event with no date. */
    public Given taskAssigned(String unit, String task) {
        events.add(new Event(unit, "task.assigned", null, null, task, null, null, null, null));
        return this;
    }

    /** A {@code report.submitted} event. */
    public Given report(String unit, String report, String date) {
        events.add(new Event(unit, "report.submitted", LocalDate.parse(date), null, null, null, report, null, null));
        return this;
    }

    /** A {@code report.submitted} event saying the period it covers. */
    public Given report(String unit, String report, String date, String period) {
        events.add(Event.report(unit, LocalDate.parse(date), report, Period.parse(period)));
        return this;
    }

    /** An attestation with a string or boolean value. */
    public Given attestation(String unit, String key, String period, Object value) {
        attestations.add(new Attestation(unit, key, period == null ? null : Period.parse(period), value));
        return this;
    }

    /** The facts document. */
    public FactsDocument facts() {
        return new FactsDocument(null, asOf, units, measurements, events, attestations);
    }

    /** The facts evaluated by {@code rules}. */
    public Evaluation evaluatedBy(RuleSet rules) {
        return rules.evaluate(facts());
    }

    /** The one result of {@code target} for {@code unit} without a field. */
    public static TargetResult result(Evaluation e, String target, String unit) {
        return result(e, target, unit, null);
    }

    /** The one result of {@code target} for {@code unit} and {@code field}. */
    public static TargetResult result(Evaluation e, String target, String unit, String field) {
        List<TargetResult> found = e.results().stream()
                .filter(r -> r.target().equals(target) && r.unit().equals(unit) && java.util.Objects.equals(r.field(), field))
                .toList();
        assertEquals(1, found.size(), () -> "results of " + target + " for " + unit + "/" + field + " in " + e.results());
        return found.get(0);
    }

    /** Whether the evaluation has any result of {@code target} for {@code unit}. */
    public static boolean hasResult(Evaluation e, String target, String unit) {
        return e.results().stream().anyMatch(r -> r.target().equals(target) && r.unit().equals(unit));
    }
}
