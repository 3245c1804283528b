// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>A unit's facts are kept as three arrays in document order, which the views of every period
 * evaluated share ({@link Facts}); a lookup by indicator, type or key scans them (a unit has a few
 * dozen facts), which costs less than the maps per unit it replaced kept alive.
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

    private static final Measurement[] NO_MEASUREMENTS = {};
    private static final Event[] NO_EVENTS = {};
    private static final Attestation[] NO_ATTESTATIONS = {};

    /**
     * The facts of every unit of a document, indexed once: for the unit at each position of the
     * document's units, its measurements, events and attestations in document order, and the position
     * of its parent ({@code -1} for a root).
     */
    record Facts(List<Unit> units, Measurement[][] measurements, Event[][] events, Attestation[][] attestations,
                 int[] parents) {

        /** Indexes {@code facts} (valid: every fact names a unit of it, every parent is one of its units). */
        static Facts of(org.reformtargets.core.FactsDocument facts) {
            List<Unit> units = facts.units();
            int n = units.size();
            java.util.HashMap<String, Integer> at = new java.util.HashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
                at.put(units.get(i).id(), i);
            }
            int[] parents = new int[n];
            for (int i = 0; i < n; i++) {
                String parent = units.get(i).parent();
                parents[i] = parent == null ? -1 : at.get(parent);
            }
            return new Facts(units, place(facts.measurements(), Measurement::unit, at, NO_MEASUREMENTS),
                    place(facts.events(), Event::unit, at, NO_EVENTS),
                    place(facts.attestations(), Attestation::unit, at, NO_ATTESTATIONS), parents);
        }

        /**
         * {@code facts} sorted out by unit, each unit's in document order: counted, then placed in arrays of
         * their exact length. A unit's facts mostly stand together, so its position is looked up once per run.
         */
        @SuppressWarnings("unchecked")
        private static <T> T[][] place(List<T> facts, java.util.function.Function<T, String> unitOf,
                                       java.util.Map<String, Integer> at, T[] none) {
            int n = at.size();
            int size = facts.size();
            int[] unitOfFact = new int[size];
            int[] count = new int[n];
            String id = null;
            int pos = -1;
            for (int i = 0; i < size; i++) {
                String unit = unitOf.apply(facts.get(i));
                if (unit != id) {
                    id = unit;
                    pos = at.get(unit);
                }
                unitOfFact[i] = pos;
                count[pos]++;
            }
            T[][] placed = (T[][]) java.lang.reflect.Array.newInstance(none.getClass(), n);
            for (int u = 0; u < n; u++) {
                placed[u] = count[u] == 0 ? none : java.util.Arrays.copyOf(none, count[u]);
                count[u] = 0;
            }
            for (int i = 0; i < size; i++) {
                int u = unitOfFact[i];
                placed[u][count[u]++] = facts.get(i);
            }
            return placed;
        }

        /** The views of every unit for {@code run}, in document order, sub-units linked to their parents. */
        List<UnitView> views(Run run) {
            int n = units.size();
            UnitView[] views = new UnitView[n];
            for (int i = 0; i < n; i++) {
                views[i] = new UnitView(units.get(i), run, measurements[i], events[i], attestations[i]);
            }
            for (int i = 0; i < n; i++) {
                if (parents[i] >= 0) {
                    views[parents[i]].addSubUnit(views[i]);
                }
            }
            return java.util.Arrays.asList(views);
        }
    }

    private final Unit unit;
    private final Period period;
    private final java.time.LocalDate asOf;
    private Run run;
    private Level parentLevel;
    private int firings;
    private final List<UnitView> subUnits = new ArrayList<>();
    private final Measurement[] measurements;
    /** {@link #ofPeriod()}, once made (volatile: the views of a period are read by the threads of its batches). */
    private volatile Measurement[] measurementsOfPeriod;
    private final Event[] events;
    private final Attestation[] attestations;

    /** A unit without facts. */
    UnitView(Unit unit, Run run) {
        this(unit, run, NO_MEASUREMENTS, NO_EVENTS, NO_ATTESTATIONS);
    }

    private UnitView(Unit unit, Run run, Measurement[] measurements, Event[] events, Attestation[] attestations) {
        this.unit = unit;
        this.run = run;
        this.period = run.period();
        this.asOf = run.asOf();
        this.measurements = measurements;
        this.events = events;
        this.attestations = attestations;
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
        return having(events, e -> type.equals(e.type()) && e.date() != null && period.contains(e.date()));
    }

    /** All of this unit's events of one type, dated or not. */
    public List<Event> allEvents(String type) {
        return having(events, e -> type.equals(e.type()));
    }

    /** This unit's attestations with this key. */
    public List<Attestation> attestations(String key) {
        return having(attestations, a -> key.equals(a.key()));
    }

    /** The facts that pass {@code test}, in order. */
    private static <T> List<T> having(T[] facts, java.util.function.Predicate<T> test) {
        List<T> having = null;
        for (T fact : facts) {
            if (test.test(fact)) {
                if (having == null) {
                    having = new ArrayList<>(4);
                }
                having.add(fact);
            }
        }
        return having == null ? List.of() : having;
    }

    /** The measurement of exactly {@code period}, or {@code null}. */
    public Measurement exact(String indicator, String field, Period period) {
        if (period == null) {
            return null;
        }
        for (Measurement m : period.equals(this.period) ? ofPeriod() : measurements) {
            // the period first: it tells most measurements apart without comparing text
            if (period.equals(m.period()) && indicator.equals(m.indicator())
                    && java.util.Objects.equals(m.field(), field)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The measurements of the run's period, in document order: made on first use (the checks look up a
     * unit's figure of the period for each of its indicators, and a parent's for each of its sub-units).
     */
    private Measurement[] ofPeriod() {
        Measurement[] of = measurementsOfPeriod;
        if (of == null) {
            of = java.util.Arrays.stream(measurements).filter(m -> period.equals(m.period())).toArray(Measurement[]::new);
            measurementsOfPeriod = of;
        }
        return of;
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
        for (Measurement m : measurements) {
            Period p = m.period();
            if (indicator.equals(m.indicator()) && p.year() == year && p.firstMonth() >= from && p.lastMonth() <= to
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
        for (Measurement m : measurements) {
            if (indicator.equals(m.indicator()) && java.util.Objects.equals(m.field(), field)
                    && period.contains(m.period())) {
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
        for (Measurement m : measurements) {
            if (m.field() != null && indicator.equals(m.indicator()) && period.contains(m.period())) {
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
