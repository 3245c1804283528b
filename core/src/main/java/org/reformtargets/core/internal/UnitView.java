package org.reformtargets.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
public final class UnitView implements UnitFacts {

    /**
     * A measurement chosen to stand for a period.
     *
     * @param measurement the measurement
     * @param yearToDate  {@code true} when a sub-period stands in for a period not yet ended
     */
    public record Figure(Measurement measurement, boolean yearToDate) {
        /** The sub-period measured when it stands in for the period, else {@code null}. */
        public Period measuredPeriod() {
            return yearToDate ? measurement.period() : null;
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
     * ended on the run's date, the latest-ending measured sub-period (the longest on a tie) as the
     * year-to-date figure; else {@code null}.
     */
    public Figure figure(String indicator, String field, Period period) {
        Measurement whole = exact(indicator, field, period);
        if (whole != null) {
            return new Figure(whole, false);
        }
        if (period.endedBy(asOf)) {
            return null;
        }
        Measurement best = null;
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            if (java.util.Objects.equals(m.field(), field) && period.contains(m.period())
                    && (best == null || standsInBetter(m.period(), best.period()))) {
                best = m;
            }
        }
        return best == null ? null : new Figure(best, true);
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

    /** Whether {@code a} ends later than {@code b}, or ends with it and is longer. */
    private static boolean standsInBetter(Period a, Period b) {
        int c = a.end().compareTo(b.end());
        return c > 0 || (c == 0 && a.kind().months() > b.kind().months());
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
