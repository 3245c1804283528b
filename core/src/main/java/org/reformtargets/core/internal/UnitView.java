// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;
import org.reformtargets.core.rule.UnitFacts;

/**
 * A unit with its facts indexed for the rules. The facts never change once indexed; the view is
 * bound to the {@link Run} of the session it is inserted into, so that views can be read by the
 * checks of other units (sub-units) while their own session runs on another thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class UnitView implements UnitFacts {

    /**
     * The figure for a period: its own measurement, a stated span from its start, or the sum of
     * sub-periods tiling it from its start without gap or overlap; or why there is none.
     *
     * @param measurement the figure (a single measurement, or the sum with {@code measured} as its
     *                    period); {@code null} when the sub-periods leave a gap, overlap with
     *                    different figures or add up beyond a count
     * @param measured    the months measured: the period itself, or its start to the furthest month reached
     * @param yearToDate  {@code true} when {@code measured} is shorter than the period (the period has not ended)
     * @param soFar       the facts' date when the last sub-period measured had not ended on it, else {@code null}
     * @param missing     months (1–12) between the start and the furthest month that no measurement covers
     * @param doubled     months covered by overlapping measurements that cannot be added without counting twice
     */
    public record Figure(Measurement measurement, Period measured, boolean yearToDate, java.time.LocalDate soFar,
                         List<Integer> missing, List<Integer> doubled) {
        /** The span measured when it stands in for the period, else {@code null}. */
        public Period measuredPeriod() {
            return yearToDate ? measured : null;
        }

        /** Whether there is a figure ({@link #measurement} is not {@code null}). */
        public boolean complete() {
            return measurement != null;
        }
    }

    private final Unit unit;
    private final Period period;
    private final java.time.LocalDate asOf;
    private Run run;
    private Level parentLevel;
    private int firings;
    private final List<UnitView> subUnits = new ArrayList<>();
    private final Map<String, List<Measurement>> measurements = new HashMap<>();
    private final Map<String, List<Event>> events = new HashMap<>();
    private final Map<String, List<Attestation>> attestations = new HashMap<>();

    UnitView(Unit unit, Run run) {
        this.unit = unit;
        this.run = run;
        this.period = run.period();
        this.asOf = run.asOf();
    }

    /** Binds this view to the run of the session it is inserted into next; its firings count from zero. */
    void bind(Run run) {
        this.run = run;
        this.firings = 0;
    }

    /** Counts one more rule firing for this unit in its current run; returns the count. */
    int fired() {
        return ++firings;
    }

    void addSubUnit(UnitView u) {
        subUnits.add(u);
        u.parentLevel = unit.level();
    }

    void add(Measurement m) {
        measurements.computeIfAbsent(m.indicator(), k -> new ArrayList<>(2)).add(m);
    }

    void add(Event e) {
        events.computeIfAbsent(e.type(), k -> new ArrayList<>(2)).add(e);
    }

    void add(Attestation a) {
        attestations.computeIfAbsent(a.key(), k -> new ArrayList<>(1)).add(a);
    }

    /** The run of the session this view was last inserted into. */
    public Run run() {
        return run;
    }

    @Override
    public String getId() {
        return unit.id();
    }

    @Override
    public String getName() {
        return unit.name();
    }

    @Override
    public Level getLevel() {
        return unit.level();
    }

    @Override
    public String getParent() {
        return unit.parent();
    }

    @Override
    public Level getParentLevel() {
        return parentLevel;
    }

    @Override
    public int getSubUnitCount() {
        return subUnits.size();
    }

    @Override
    public Period getPeriod() {
        return period;
    }

    /** The units whose parent this is. */
    public List<UnitView> subUnits() {
        return subUnits;
    }

    /** This unit's events of one type, dated within {@code period}. */
    public List<Event> events(String type, Period period) {
        List<Event> all = events.getOrDefault(type, List.of());
        List<Event> in = new ArrayList<>(all.size());
        if (all.isEmpty()) {
            return in;
        }
        java.time.LocalDate start = period.start();
        java.time.LocalDate end = period.end();
        for (Event e : all) {
            if (e.date() != null && !e.date().isBefore(start) && !e.date().isAfter(end)) {
                in.add(e);
            }
        }
        return in;
    }

    /** All of this unit's events of one type, dated or not. */
    public List<Event> allEvents(String type) {
        return events.getOrDefault(type, List.of());
    }

    /** This unit's attestations with this key. */
    public List<Attestation> attestations(String key) {
        return attestations.getOrDefault(key, List.of());
    }

    /** The measurement of exactly {@code period}, or {@code null}. */
    public Measurement exact(String indicator, String field, Period period) {
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            if (m.period().equals(period) && java.util.Objects.equals(m.field(), field)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The figure for {@code period}: its own measurement; failing that, while the period has not
     * ended on the run's date, the figure from its start to the furthest month measured within it
     * (a stated span, else sub-periods tiling those months: ratios and counts add, a level takes the
     * latest); once it has ended, only a figure covering all its months. {@code null} when nothing
     * within the period is measured.
     */
    public Figure figure(String indicator, String field, Period period) {
        Measurement whole = exact(indicator, field, period);
        if (whole != null) {
            return new Figure(whole, period, false, soFar(period), List.of(), List.of());
        }
        List<Measurement> parts = parts(indicator, field, period.year(), period.firstMonth(), period.lastMonth());
        if (parts.isEmpty()) {
            return null;
        }
        int to = period.lastMonth();
        if (!period.endedBy(asOf)) {
            to = 0;
            for (Measurement m : parts) {
                to = Math.max(to, m.period().lastMonth());
            }
        }
        Figure f = tile(indicator, parts, period.year(), period.firstMonth(), to);
        if (to == period.lastMonth()) {
            return new Figure(f.measurement(), period, false, f.soFar(), f.missing(), f.doubled());
        }
        return f;
    }

    /**
     * The figure for all of {@code period} (a previous year, a base year): its own measurement or
     * sub-periods tiling all its months; {@code null} when there is none.
     */
    public Figure whole(String indicator, String field, Period period) {
        Measurement m = exact(indicator, field, period);
        if (m != null) {
            return new Figure(m, period, false, null, List.of(), List.of());
        }
        List<Measurement> parts = parts(indicator, field, period.year(), period.firstMonth(), period.lastMonth());
        if (parts.isEmpty()) {
            return null;
        }
        Figure f = tile(indicator, parts, period.year(), period.firstMonth(), period.lastMonth());
        return f.complete() ? new Figure(f.measurement(), period, false, null, List.of(), List.of()) : null;
    }

    /**
     * The figure for months {@code from}–{@code to} of {@code year} from the measurements lying
     * within them, or {@code null} when they leave a gap, overlap or nothing lies within them.
     */
    public Measurement months(String indicator, String field, int year, int from, int to) {
        List<Measurement> parts = parts(indicator, field, year, from, to);
        return parts.isEmpty() ? null : tile(indicator, parts, year, from, to).measurement();
    }

    /** This indicator's measurements of {@code field} lying within months {@code from}–{@code to} of {@code year}. */
    private List<Measurement> parts(String indicator, String field, int year, int from, int to) {
        List<Measurement> parts = new ArrayList<>();
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            Period p = m.period();
            if (p.year() == year && p.firstMonth() >= from && p.lastMonth() <= to
                    && java.util.Objects.equals(m.field(), field)) {
                parts.add(m);
            }
        }
        return parts;
    }

    /** The figure for months {@code from}–{@code to} of {@code year} from {@code parts}, which lie within them. */
    private Figure tile(String indicator, List<Measurement> parts, int year, int from, int to) {
        Period span = Period.ofMonths(year, from, to);
        Period measured = span == null ? Period.toMonth(year, to) : span;
        org.reformtargets.core.Vocabulary.IndicatorKind kind = run.vocabulary().indicator(indicator)
                .map(org.reformtargets.core.Vocabulary.IndicatorTerm::kind)
                .orElse(org.reformtargets.core.Vocabulary.IndicatorKind.RATIO);
        if (span != null) {
            for (Measurement m : parts) {
                if (m.period().equals(span)) {
                    return new Figure(m, measured, true, soFar(m.period()), List.of(), List.of());
                }
            }
        }
        if (kind == org.reformtargets.core.Vocabulary.IndicatorKind.LEVEL
                || kind == org.reformtargets.core.Vocabulary.IndicatorKind.COVERAGE) {
            return latest(parts, measured, from, to);
        }
        Tiling t = Tiling.of(parts, from, to);
        if (t.missing != null || t.doubled != null) {
            return new Figure(null, measured, true, null, t.missing == null ? List.of() : t.missing,
                    t.doubled == null ? List.of() : t.doubled);
        }
        Measurement first = parts.get(0);
        Measurement sum = t.numerator != null
                ? Measurement.ratio(first.unit(), indicator, first.field(), measured, t.numerator, t.denominator)
                : t.value != null ? Measurement.value(first.unit(), indicator, first.field(), measured, t.value) : null;
        return new Figure(sum, measured, true, soFar(Period.month(year, to)), List.of(), List.of());
    }

    /** A level's or coverage's figure: the measurement ending last (the same figure when several do). */
    private Figure latest(List<Measurement> parts, Period measured, int from, int to) {
        Measurement best = null;
        boolean differ = false;
        for (Measurement m : parts) {
            if (m.period().lastMonth() == to) {
                if (best == null) {
                    best = m;
                } else if (!sameFigure(best, m)) {
                    differ = true;
                }
            }
        }
        if (best == null) {
            int reached = from - 1;
            for (Measurement m : parts) {
                reached = Math.max(reached, m.period().lastMonth());
            }
            List<Integer> missing = new ArrayList<>();
            for (int month = reached + 1; month <= to; month++) {
                missing.add(month);
            }
            return new Figure(null, measured, true, null, List.copyOf(missing), List.of());
        }
        if (differ) {
            return new Figure(null, measured, true, null, List.of(), List.of(to));
        }
        return new Figure(best, measured, true, soFar(best.period()), List.of(), List.of());
    }

    private static boolean sameFigure(Measurement a, Measurement b) {
        return java.util.Objects.equals(a.numerator(), b.numerator())
                && java.util.Objects.equals(a.denominator(), b.denominator())
                && (a.value() == null ? b.value() == null : b.value() != null && a.value().compareTo(b.value()) == 0);
    }

    /** The facts' date when {@code last} (the last period measured) had not ended on it, else {@code null}. */
    private java.time.LocalDate soFar(Period last) {
        return last.endedBy(asOf) ? null : asOf;
    }

    /**
     * Every measurement of {@code indicator} and {@code field} ({@code null}: the total) whose period
     * lies within {@code period}, the whole period included: the latest-ending first, the shorter
     * first among those ending together (so the last reported sub-period leads).
     */
    public List<Measurement> within(String indicator, String field, Period period) {
        List<Measurement> in = new ArrayList<>();
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            if (java.util.Objects.equals(m.field(), field) && period.contains(m.period())) {
                in.add(m);
            }
        }
        in.sort(java.util.Comparator.comparing((Measurement m) -> m.period().end()).reversed()
                .thenComparing(m -> m.period().start(), java.util.Comparator.reverseOrder()));
        return in;
    }

    /** The fields (other than the total) measured for {@code indicator} within {@code period}, sorted. */
    public List<String> fields(String indicator, Period period) {
        TreeSet<String> fields = new TreeSet<>();
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            if (m.field() != null && period.contains(m.period())) {
                fields.add(m.field());
            }
        }
        return List.copyOf(fields);
    }

    @Override
    public String toString() {
        return "UnitFacts[" + unit.id() + ", " + unit.level() + "]";
    }
}
