package org.reformtargets.core.internal;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Indicator;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;

/**
 * Checks a facts document against the contract and counts every problem, listing the first (see
 * {@link Problems}) each with its place; every problem of an element is found, whatever its others.
 */
public final class FactsValidator {

    @SuppressWarnings("unchecked")
    private static final WeakReference<FactsDocument>[] RECENT = new WeakReference[16];
    private static int next;

    private final Problems problems;
    /** The last indicator code looked up, and its indicator (null if none). */
    private String lastCode;
    private Indicator lastIndicator;
    /** The last period compared with asOf, and whether it starts after it. */
    private Period lastPeriod;
    private boolean lastStartsAfter;

    private FactsValidator(Problems problems) {
        this.problems = problems;
    }

    /**
     * Validates a document built in Java; places are paths such as {@code measurements[3]}.
     *
     * @return the first {@link org.reformtargets.core.InvalidFactsException#MAX_LISTED} problems; empty if valid
     */
    public static List<Problem> validate(FactsDocument facts) {
        return check(facts).listed();
    }

    /**
     * Validates a document built in Java, as {@link #validate(FactsDocument)}.
     *
     * @throws org.reformtargets.core.InvalidFactsException listing the first problems and counting all
     */
    public static void requireValid(FactsDocument facts) {
        Problems problems = check(facts);
        if (!problems.isEmpty()) {
            throw problems.exception(null);
        }
    }

    private static Problems check(FactsDocument facts) {
        Problems problems = new Problems(null);
        if (!wasValidated(facts)) {
            validate(problems, facts.asOf(), null, located("units", facts.units()),
                    located("measurements", facts.measurements()), located("events", facts.events()),
                    located("attestations", facts.attestations()));
        }
        return problems;
    }

    /** Validates the parts of a document read from JSON, with their places, adding the problems to {@code problems}. */
    static void validate(Problems problems, LocalDate asOf, Located<LocalDate> asOfPlace,
                         List<Located<Unit>> units, List<Located<Measurement>> measurements,
                         List<Located<Event>> events, List<Located<Attestation>> attestations) {
        FactsValidator v = new FactsValidator(problems);
        if (asOf == null && (asOfPlace == null || !asOfPlace.isBroken())) {
            problems.add("asOf", -1, null, 0, 0, "is required: the date the facts describe, as YYYY-MM-DD");
        }
        Set<String> ids = v.units(units);
        v.measurements(measurements, ids, asOf);
        v.events(events, ids, asOf);
        v.attestations(attestations, ids);
    }

    /**
     * Notes that {@code facts} (immutable) passed validation, so that evaluating it does not validate
     * it again; only the last few documents are remembered, weakly.
     */
    static FactsDocument validated(FactsDocument facts) {
        synchronized (RECENT) {
            RECENT[next] = new WeakReference<>(facts);
            next = (next + 1) % RECENT.length;
        }
        return facts;
    }

    private static boolean wasValidated(FactsDocument facts) {
        synchronized (RECENT) {
            for (WeakReference<FactsDocument> r : RECENT) {
                if (r != null && r.get() == facts) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> List<Located<T>> located(String name, List<T> items) {
        List<Located<T>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Located<>(items.get(i), name, i, 0, 0, 0));
        }
        return out;
    }

    private void add(Located<?> at, String field, String message) {
        problems.add(at.name(), at.index(), field, at.line(), at.column(), message);
    }

    private Set<String> units(List<Located<Unit>> units) {
        Map<String, Located<Unit>> byId = new HashMap<>(Math.max(16, units.size() * 2));
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null || u.id() == null) {
                if (u != null && !at.broken("id")) {
                    add(at, "id", "is required: every unit needs an id");
                }
                continue;
            }
            Located<Unit> first = byId.putIfAbsent(u.id(), at);
            if (first != null) {
                add(at, "id", "duplicates the unit id '" + u.id() + "' of " + first.path()
                        + (first.line() > 0 ? " (line " + first.line() + ")" : "") + ": unit ids must be unique");
            }
            if (u.id().isBlank()) {
                add(at, "id", "is blank: every unit needs an id");
            }
        }
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null) {
                continue;
            }
            if (u.level() == null && !at.broken("level")) {
                add(at, "level", "is required: DEPARTMENT, SUB_DEPARTMENT or OFFICE");
            }
            if (u.parent() != null && !byId.containsKey(u.parent())) {
                add(at, "parent", "names unit '" + u.parent() + "', which is not among the units");
            }
        }
        // cycles: follow parents; report each cycle once, at its first unit in document order
        Set<String> reported = new HashSet<>();
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null || u.id() == null || byId.get(u.id()) != at) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String cur = u.id();
            while (cur != null && byId.containsKey(cur) && seen.add(cur)) {
                chain.add(cur);
                cur = byId.get(cur).value().parent();
            }
            if (cur != null && seen.contains(cur) && cur.equals(u.id()) && !reported.contains(u.id())) {
                reported.addAll(chain);
                chain.add(u.id());
                add(at, "parent", "makes a cycle: " + String.join(" → ", chain) + "; a unit cannot be its own ancestor");
            }
        }
        return byId.keySet();
    }

    private void measurements(List<Located<Measurement>> measurements, Set<String> ids, LocalDate asOf) {
        FirstOf<Measurement> seen = new FirstOf<>(measurements, (a, b) -> a.unit().equals(b.unit())
                && a.indicator().equals(b.indicator()) && Objects.equals(a.field(), b.field())
                && a.period().equals(b.period()));
        for (int index = 0; index < measurements.size(); index++) {
            Located<Measurement> at = measurements.get(index);
            Measurement m = at.value();
            if (m == null) {
                continue;
            }
            unitRef(at, "unit", m.unit(), ids, true);
            Indicator indicator = null;
            if (m.indicator() == null) {
                required(at, "indicator", "is required: an indicator code such as dossiers.on_time");
            } else {
                if (m.indicator() != lastCode) {
                    lastCode = m.indicator();
                    lastIndicator = Indicator.byCode(lastCode).orElse(null);
                }
                indicator = lastIndicator;
                if (indicator == null) {
                    add(at, "indicator", "'" + m.indicator() + "' is not an indicator of the contract"
                            + " (see facts-format.md), such as dossiers.on_time or satisfaction");
                }
            }
            if (m.period() == null) {
                required(at, "period", "is required: YYYY, YYYY-H1, YYYY-Q1 … or YYYY-MM");
            } else if (asOf != null && startsAfter(m.period(), asOf)) {
                add(at, "period", m.period() + " starts after asOf " + asOf + ": facts cannot describe a later period");
            }
            if (m.field() != null && m.field().isBlank()) {
                add(at, "field", "is blank: leave it out for the unit's total");
            }
            if (indicator != null) {
                if (indicator.isRatio()) {
                    ratio(at, m);
                } else if (m.numerator() != null || m.denominator() != null || at.broken("numerator")
                        || at.broken("denominator")) {
                    add(at, null, indicator.code() + " is a value indicator: give \"value\", not numerator/denominator");
                } else if (m.value() == null) {
                    if (!at.broken("value")) {
                        add(at, null, indicator.code()
                                + " is a value indicator: give \"value\", not numerator/denominator");
                    }
                } else if (digitsInFull(m.value()) > FactsReader.MAX_NUMBER_LENGTH) {
                    add(at, "value", m.value() + " has more than " + FactsReader.MAX_NUMBER_LENGTH
                            + " digits written out in full: give the figure itself, not a power of ten");
                } else if (m.value().signum() < 0) {
                    add(at, "value", "is negative (" + m.value().toPlainString() + "): a count cannot be below zero");
                }
            }
            if (m.unit() != null && m.indicator() != null && m.period() != null && !at.broken("field")) {
                int key = 31 * (31 * (31 * m.unit().hashCode() + m.indicator().hashCode())
                        + Objects.hashCode(m.field())) + m.period().hashCode();
                Located<Measurement> first = seen.putIfAbsent(key, index, m);
                if (first != null) {
                    add(at, null, "repeats " + first.path() + (first.line() > 0 ? " (line " + first.line() + ")" : "")
                            + ": one measurement per unit, indicator, field and period");
                }
            }
        }
    }

    private void ratio(Located<Measurement> at, Measurement m) {
        if (m.value() != null) {
            add(at, "value", m.indicator() + " is a ratio indicator: give numerator and denominator, not value");
            return;
        }
        if (m.numerator() == null && !at.broken("numerator")) {
            add(at, "numerator", "is required: " + m.indicator() + " is a ratio of whole counts");
        } else if (m.denominator() == null && !at.broken("denominator")) {
            add(at, "denominator", "is required: " + m.indicator() + " is a ratio of whole counts");
        }
        boolean negative = false;
        if (m.numerator() != null && m.numerator() < 0) {
            add(at, "numerator", "is negative (" + m.numerator() + "): a count cannot be below zero");
            negative = true;
        }
        if (m.denominator() != null && m.denominator() < 0) {
            add(at, "denominator", "is negative (" + m.denominator() + "): a count cannot be below zero");
            negative = true;
        }
        if (!negative && m.numerator() != null && m.denominator() != null && m.numerator() > m.denominator()) {
            add(at, "numerator", m.numerator() + " is above the denominator " + m.denominator()
                    + ": successes cannot outnumber cases");
        }
    }

    private void events(List<Located<Event>> events, Set<String> ids, LocalDate asOf) {
        for (Located<Event> at : events) {
            Event e = at.value();
            if (e == null) {
                continue;
            }
            unitRef(at, "unit", e.unit(), ids, true);
            unitRef(at, "subject", e.subject(), ids, false);
            EventType type = null;
            if (e.type() == null) {
                required(at, "type", "is required: an event type such as dialogue");
            } else {
                type = EventType.byCode(e.type()).orElse(null);
                if (type == null) {
                    add(at, "type", "'" + e.type() + "' is not an event type of the contract (see facts-format.md),"
                            + " such as inspection.surprise or dialogue");
                }
            }
            if (e.date() == null && type != EventType.TASK_ASSIGNED) {
                required(at, "date", "is required: when it happened, as YYYY-MM-DD");
            } else if (e.date() != null && asOf != null && e.date().isAfter(asOf)) {
                add(at, "date", e.date() + " is after asOf " + asOf + ": facts cannot describe a later event");
            }
            if ((type == EventType.TASK_ASSIGNED || type == EventType.TASK_COMPLETED) && e.task() == null) {
                required(at, "task", "is required for " + type.code() + ": the task's id");
            }
            if (type == EventType.REPORT_SUBMITTED && e.report() == null) {
                required(at, "report", "is required for report.submitted: Q1, H1, 9M or Y");
            }
        }
    }

    private void attestations(List<Located<Attestation>> attestations, Set<String> ids) {
        FirstOf<Attestation> seen = new FirstOf<>(attestations, (a, b) -> a.unit().equals(b.unit())
                && a.key().equals(b.key()) && Objects.equals(a.period(), b.period()));
        for (int index = 0; index < attestations.size(); index++) {
            Located<Attestation> at = attestations.get(index);
            Attestation a = at.value();
            if (a == null) {
                continue;
            }
            unitRef(at, "unit", a.unit(), ids, true);
            if (a.key() == null || a.key().isBlank()) {
                required(at, "key", "is required: what is attested, such as iso9001.converted");
            }
            if (!(a.value() instanceof Boolean) && !(a.value() instanceof String)) {
                required(at, "value", "must be true, false or a string");
            }
            if (a.unit() != null && a.key() != null && !at.broken("period")) {
                int key = 31 * (31 * a.unit().hashCode() + a.key().hashCode()) + Objects.hashCode(a.period());
                Located<Attestation> first = seen.putIfAbsent(key, index, a);
                if (first != null) {
                    add(at, null, "repeats " + first.path() + (first.line() > 0 ? " (line " + first.line() + ")" : "")
                            + ": one attestation per unit, key and period");
                }
            }
        }
    }

    private boolean startsAfter(Period period, LocalDate asOf) {
        if (period != lastPeriod) {
            lastPeriod = period;
            lastStartsAfter = period.start().isAfter(asOf);
        }
        return lastStartsAfter;
    }

    /** How many digits {@code v} has written without an exponent: 1E+9 has 10, 0.001 has 4. */
    private static long digitsInFull(java.math.BigDecimal v) {
        long integer = Math.max(1L, (long) v.precision() - v.scale());
        return integer + Math.max(0, v.scale());
    }

    /** Adds {@code message} about {@code field} unless reading the field already found a problem. */
    private void required(Located<?> at, String field, String message) {
        if (!at.broken(field)) {
            add(at, field, message);
        }
    }

    private void unitRef(Located<?> at, String field, String id, Set<String> ids, boolean required) {
        if (id == null) {
            if (required && !at.broken(field)) {
                add(at, field, "is required: the id of a unit listed in units");
            }
        } else if (!ids.contains(id)) {
            add(at, field, "names unit '" + id + "', which is not among the units");
        }
    }

    /**
     * The first of the elements with the same key, by an open-addressing table of each element's
     * key hash and index: no object per element, one memory access per look-up.
     */
    private static final class FirstOf<T> {
        private final List<Located<T>> elements;
        private final long[] table;
        private final BiPredicate<T, T> sameKey;

        FirstOf(List<Located<T>> elements, BiPredicate<T, T> sameKey) {
            this.elements = elements;
            this.table = new long[Integer.highestOneBit(Math.max(4, elements.size()) * 2 - 1) << 1];
            this.sameKey = sameKey;
        }

        /** The first element with the key of {@code value}, element {@code index}, whose key hashes to {@code hash}. */
        Located<T> putIfAbsent(int hash, int index, T value) {
            int mask = table.length - 1;
            int x = hash * 0x9E3779B9;
            for (int i = (x ^ (x >>> 16)) & mask; ; i = (i + 1) & mask) {
                long entry = table[i];
                if (entry == 0) {
                    table[i] = ((long) hash << 32) | (index + 1L);
                    return null;
                }
                if ((int) (entry >>> 32) == hash) {
                    Located<T> known = elements.get((int) entry - 1);
                    if (sameKey.test(known.value(), value)) {
                        return known;
                    }
                }
            }
        }
    }
}
