// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;

/**
 * A terse builder of facts documents for rule tests:
 * <pre>{@code
 * Facts.asOf("2021-12-31").department("snn").subDepartment("cc", "snn").office("o1", "cc")
 *      .ratio("snn", "satisfaction", "2021", 91, 100)
 *      .event("snn", "inspection.surprise", "2021-02-03", "cc")
 *      .attestation("snn", "iso9001.converted", "2021", true);
 * }</pre>
 * Dates are {@code YYYY-MM-DD} and periods are written as in the JSON contract.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Facts {

    private final LocalDate asOf;
    private final List<Unit> units = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Attestation> attestations = new ArrayList<>();

    private Facts(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Starts a document describing the units on {@code date}. */
    public static Facts asOf(String date) {
        return new Facts(LocalDate.parse(date));
    }

    /** A department (Sở) at the top of its hierarchy. */
    public Facts department(String id) {
        return unit(id, Level.DEPARTMENT, null);
    }

    /** A sub-department (Chi cục) of {@code parent}. */
    public Facts subDepartment(String id, String parent) {
        return unit(id, Level.SUB_DEPARTMENT, parent);
    }

    /** A division or station of {@code parent}. */
    public Facts office(String id, String parent) {
        return unit(id, Level.OFFICE, parent);
    }

    /** {@code count} offices of {@code parent}, named {@code prefix1 … prefixN}. */
    public Facts offices(String parent, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            office(prefix + i, parent);
        }
        return this;
    }

    /** Any unit; {@code parent} may be null. */
    public Facts unit(String id, Level level, String parent) {
        units.add(new Unit(id, "Unit " + id, level, parent));
        return this;
    }

    /** The unit's total share: {@code numerator} of {@code denominator}. */
    public Facts ratio(String unit, String indicator, String period, long numerator, long denominator) {
        return ratio(unit, indicator, null, period, numerator, denominator);
    }

    /** The unit's share in one field (lĩnh vực). */
    public Facts ratio(String unit, String indicator, String field, String period, long numerator, long denominator) {
        measurements.add(Measurement.ratio(unit, indicator, field, Period.parse(period), numerator, denominator));
        return this;
    }

    /** A plain figure, such as a number of procedures. */
    public Facts value(String unit, String indicator, String period, String value) {
        measurements.add(Measurement.value(unit, indicator, null, Period.parse(period), new BigDecimal(value)));
        return this;
    }

    /** A plain whole figure. */
    public Facts value(String unit, String indicator, String period, long value) {
        return value(unit, indicator, period, Long.toString(value));
    }

    /** An event of {@code unit} on {@code date}. */
    public Facts event(String unit, String type, String date) {
        events.add(Event.of(unit, type, LocalDate.parse(date)));
        return this;
    }

    /** An event of {@code unit} upon {@code subject}, such as an inspection of a sub-unit. */
    public Facts event(String unit, String type, String date, String subject) {
        events.add(Event.upon(unit, type, LocalDate.parse(date), subject));
        return this;
    }

    /** The same event upon each subject, on one date. */
    public Facts eventUpon(String unit, String type, String date, String... subjects) {
        for (String s : subjects) {
            event(unit, type, date, s);
        }
        return this;
    }

    /** A task assigned to {@code unit}, without a date. */
    public Facts taskAssigned(String unit, String task) {
        events.add(new Event(unit, "task.assigned", null, null, task, null, null, null, null));
        return this;
    }

    /** A task assigned to {@code unit} on {@code date}. */
    public Facts taskAssigned(String unit, String task, String date) {
        events.add(new Event(unit, "task.assigned", LocalDate.parse(date), null, task, null, null, null, null));
        return this;
    }

    /** A task completed by {@code unit} on {@code date}. */
    public Facts taskCompleted(String unit, String task, String date) {
        events.add(new Event(unit, "task.completed", LocalDate.parse(date), null, task, null, null, null, null));
        return this;
    }

    /** A task completed by {@code unit} on {@code date}, carrying its own {@code deadline}. */
    public Facts taskCompleted(String unit, String task, String date, String deadline) {
        events.add(new Event(unit, "task.completed", LocalDate.parse(date), null, task, LocalDate.parse(deadline),
                null, null, null));
        return this;
    }

    /** A stated fact for {@code period} ({@code null}: not tied to a period); a Boolean or a String. */
    public Facts attestation(String unit, String key, String period, Object value) {
        attestations.add(new Attestation(unit, key, period == null ? null : Period.parse(period), value));
        return this;
    }

    /** The facts document built so far. */
    public FactsDocument build() {
        return new FactsDocument(null, asOf, units, measurements, events, attestations);
    }
}
