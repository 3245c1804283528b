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

/** A unit with its facts indexed for the rules, within one {@link Run}. */
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
    private final Run run;
    private final List<UnitView> subUnits = new ArrayList<>();
    private final Map<String, List<Measurement>> measurements = new HashMap<>();
    private final Map<String, List<Event>> events = new HashMap<>();
    private final Map<String, List<Attestation>> attestations = new HashMap<>();

    UnitView(Unit unit, Run run) {
        this.unit = unit;
        this.run = run;
    }

    void addSubUnit(UnitView u) {
        subUnits.add(u);
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

    /** The evaluation this view belongs to. */
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
    public int getSubUnitCount() {
        return subUnits.size();
    }

    @Override
    public Period getPeriod() {
        return run.period();
    }

    /** The units whose parent this is. */
    public List<UnitView> subUnits() {
        return subUnits;
    }

    /** This unit's events of one type, dated within {@code period}. */
    public List<Event> events(String type, Period period) {
        List<Event> all = events.getOrDefault(type, List.of());
        List<Event> in = new ArrayList<>(all.size());
        for (Event e : all) {
            if (e.date() != null && period.contains(e.date())) {
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
        if (period.endedBy(run.asOf())) {
            return null;
        }
        Measurement best = null;
        for (Measurement m : measurements.getOrDefault(indicator, List.of())) {
            if (java.util.Objects.equals(m.field(), field) && period.contains(m.period())
                    && (best == null || laterOrLonger(m.period(), best.period()))) {
                best = m;
            }
        }
        return best == null ? null : new Figure(best, true);
    }

    /** Whether {@code p} ends after {@code q}, or on the same day and spans more months. */
    private static boolean laterOrLonger(Period p, Period q) {
        int c = p.end().compareTo(q.end());
        return c > 0 || (c == 0 && p.kind().months() > q.kind().months());
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
