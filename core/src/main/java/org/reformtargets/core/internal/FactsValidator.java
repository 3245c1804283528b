// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * Checks a facts document against the contract and counts every problem, listing the first (see
 * {@link Problems}) each with its place; every problem of an element is found, whatever its others.
 *
 * <p>The checks are of two kinds. Those of the <em>structure</em> need nothing but the document:
 * required fields, references between units, cycles, dates and periods, signs and sizes of figures,
 * repeats. Those of the <em>words</em> need the vocabulary of the rule set that evaluates it: which
 * levels, indicators (and their kinds: a ratio takes numerator and denominator, a count or level
 * takes value), fields, event types (and the attributes they require) and attestation keys exist,
 * and which level may stand under which. A document read without a vocabulary is checked for its
 * structure and carries its places (line and column; see {@link Origin}), so that {@link
 * #requireValid(FactsDocument, Vocabulary, String)} checks its words at those places when a rule set
 * evaluates it.
 */
@API(status = INTERNAL, since = "0.1")
public final class FactsValidator {

    /** Where the parts of a document read from JSON stand. */
    record Places(List<Located<Unit>> units, List<Located<Measurement>> measurements,
                  List<Located<Event>> events, List<Located<Attestation>> attestations) {
    }

    private final Problems problems;
    /** Whether to check the structure. */
    private final boolean structure;
    /** The vocabulary to check the words against, or {@code null} not to check them. */
    private final Vocabulary vocabulary;
    /** Whose vocabulary it is, for messages: a rule set's id, or "the standard vocabulary". */
    private final String speaker;
    /** The last indicator code looked up, and its term (null if none). */
    private String lastCode;
    private Vocabulary.IndicatorTerm lastIndicator;
    /** The last period compared with asOf, and whether it starts after it. */
    private Period lastPeriod;
    private boolean lastStartsAfter;

    private FactsValidator(Problems problems, boolean structure, Vocabulary vocabulary, String speaker) {
        this.problems = problems;
        this.structure = structure;
        this.vocabulary = vocabulary;
        this.speaker = speaker == null ? "the standard vocabulary" : speaker;
    }

    /**
     * Validates a document built in Java against the structure and the standard vocabulary; places
     * are paths such as {@code measurements[3]}.
     *
     * @return the first {@link org.reformtargets.core.InvalidFactsException#MAX_LISTED} problems; empty if valid
     */
    public static List<Problem> validate(FactsDocument facts) {
        return validate(facts, Vocabulary.standard(), null);
    }

    /**
     * Validates a document against the structure and {@code vocabulary}, spoken by {@code speaker}
     * (a rule set's id, for messages; {@code null}: the standard vocabulary); places are those the
     * reader kept, or paths.
     *
     * @return the first {@link org.reformtargets.core.InvalidFactsException#MAX_LISTED} problems; empty if valid
     */
    public static List<Problem> validate(FactsDocument facts, Vocabulary vocabulary, String speaker) {
        return check(facts, vocabulary, speaker).listed();
    }

    /**
     * Validates a document built in Java, as {@link #validate(FactsDocument)}.
     *
     * @throws org.reformtargets.core.InvalidFactsException listing the first problems and counting all
     */
    public static void requireValid(FactsDocument facts) {
        requireValid(facts, Vocabulary.standard(), null);
    }

    /**
     * Validates {@code facts} against the structure (unless the reader did) and the words of
     * {@code vocabulary} (unless the reader checked them against it), at the places the reader kept.
     *
     * @throws org.reformtargets.core.InvalidFactsException listing the first problems and counting all
     */
    public static void requireValid(FactsDocument facts, Vocabulary vocabulary, String speaker) {
        Problems problems = check(facts, vocabulary, speaker);
        if (!problems.isEmpty()) {
            throw problems.exception(null);
        }
    }

    private static Problems check(FactsDocument facts, Vocabulary vocabulary, String speaker) {
        Origin origin = Origin.of(facts);
        Problems problems = new Problems(origin == null ? null : origin.source());
        if (origin == null) {
            validate(problems, facts.asOf(), null, located("units", facts.units()),
                    located("measurements", facts.measurements()), located("events", facts.events()),
                    located("attestations", facts.attestations()), vocabulary, speaker);
        } else if (!origin.checked(vocabulary)) {
            Places p = origin.places();
            new FactsValidator(problems, false, vocabulary, speaker)
                    .all(facts.asOf(), p.units(), p.measurements(), p.events(), p.attestations());
            if (!problems.isEmpty()) {
                return origin.placed(problems, vocabulary, speaker);
            }
        }
        return problems;
    }

    /** Validates the structure of the parts of a document read from JSON, with their places, adding the problems to {@code problems}. */
    static void validate(Problems problems, LocalDate asOf, Located<LocalDate> asOfPlace,
                         List<Located<Unit>> units, List<Located<Measurement>> measurements,
                         List<Located<Event>> events, List<Located<Attestation>> attestations,
                         Vocabulary vocabulary, String speaker) {
        FactsValidator v = new FactsValidator(problems, true, vocabulary, speaker);
        if (asOf == null && (asOfPlace == null || !asOfPlace.isBroken())) {
            problems.add("asOf", -1, null, 0, 0, "is required: the date the facts describe, as YYYY-MM-DD");
        }
        v.all(asOf, units, measurements, events, attestations);
    }

    private void all(LocalDate asOf, List<Located<Unit>> units, List<Located<Measurement>> measurements,
                     List<Located<Event>> events, List<Located<Attestation>> attestations) {
        Set<String> ids = units(units);
        measurements(measurements, ids, asOf);
        events(events, ids, asOf);
        attestations(attestations, ids);
    }

    private static <T> List<Located<T>> located(String name, List<T> items) {
        List<Located<T>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Located<>(items.get(i), name, i, 0, 0, 0));
        }
        return out;
    }

    /** How many "did you mean" searches one validation makes at most; later problems name no suggestion. */
    static final int MAX_HINTS = 1_000;

    private int hints;

    /** {@link Nearest#hint}, for the first {@link #MAX_HINTS} unknown codes of the document. */
    private String hint(String given, java.util.Collection<String> known, String otherwise) {
        return ++hints > MAX_HINTS ? otherwise : Nearest.hint(given, known, otherwise);
    }

    private void add(Located<?> at, String field, String message) {
        problems.add(at.name(), at.index(), field, at.line(), at.column(), message);
    }

    private void add(At<?> at, String field, String message) {
        add(at.located(), field, message);
    }

    /**
     * The element being checked, read from its list without making its {@link Located}, which is made
     * only for a problem: most elements have none, and a large document has millions.
     */
    private static final class At<T> {
        private final List<Located<T>> list;
        private final FactsReader.Placed<T> placed;
        private int index;
        private int broken;

        At(List<Located<T>> list) {
            this.list = list;
            this.placed = list instanceof FactsReader.Placed<T> p ? p : null;
        }

        /** Moves to element {@code i}; its value. */
        T move(int i) {
            index = i;
            if (placed != null) {
                broken = placed.broken(i);
                return placed.values.get(i);
            }
            Located<T> l = list.get(i);
            broken = l.broken();
            return l.value();
        }

        Located<T> located() {
            return list.get(index);
        }

        /** As {@link Located#broken(String)}. */
        boolean broken(String field) {
            return broken != 0 && located().broken(field);
        }
    }

    /** The codes of {@code terms}. */
    private static <T> List<String> codes(List<T> terms, java.util.function.Function<T, String> code) {
        return terms.stream().map(code).toList();
    }

    private Set<String> units(List<Located<Unit>> units) {
        Map<String, Located<Unit>> byId = new HashMap<>(Math.max(16, units.size() * 2));
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null || u.id() == null) {
                if (structure && u != null && !at.broken("id")) {
                    add(at, "id", "is required: every unit needs an id");
                }
                continue;
            }
            Located<Unit> first = byId.putIfAbsent(u.id(), at);
            if (structure && first != null) {
                add(at, "id", "duplicates the unit id '" + u.id() + "' of " + first.path()
                        + (first.line() > 0 ? " (line " + first.line() + ")" : "") + ": unit ids must be unique");
            }
            if (structure && u.id().isBlank()) {
                add(at, "id", "is blank: every unit needs an id");
            }
        }
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null) {
                continue;
            }
            if (structure && u.level() == null && !at.broken("level")) {
                add(at, "level", "is required: the unit's level, such as DEPARTMENT");
            }
            if (vocabulary != null && u.level() != null && vocabulary.level(u.level().code()).isEmpty()) {
                List<String> levels = codes(vocabulary.levels(), Vocabulary.LevelTerm::code);
                add(at, "level", "'" + u.level().code() + "' is not a level of " + speaker
                        + hint(u.level().code(), levels, ": use " + String.join(", ", levels)));
            }
            if (structure && u.parent() != null && !byId.containsKey(u.parent())) {
                add(at, "parent", "names unit '" + u.parent() + "', which is not among the units");
            }
        }
        Set<String> reported = new HashSet<>();
        if (structure) {
            cycles(units, byId, reported);
        }
        if (vocabulary != null) {
            for (Located<Unit> at : units) {
                Unit u = at.value();
                if (u != null && u.id() != null && !reported.contains(u.id())) {
                    hierarchy(at, u, byId);
                }
            }
        }
        return byId.keySet();
    }

    /** Whether the unit's parent is of a level its level may stand under. */
    private void hierarchy(Located<Unit> at, Unit u, Map<String, Located<Unit>> byId) {
        if (u.parent() == null || u.level() == null || !byId.containsKey(u.parent())) {
            return;
        }
        Unit parent = byId.get(u.parent()).value();
        String child = u.level().code();
        if (parent.level() != null && vocabulary.level(child).isPresent()
                && vocabulary.level(parent.level().code()).isPresent()
                && !vocabulary.mayStandUnder(child, parent.level().code())) {
            List<String> under = vocabulary.level(child).orElseThrow().under();
            String p = parent.level().code();
            add(at, "parent", "unit " + u.id() + " (" + child + ") stands under " + parent.id() + ", "
                    + article(p) + " " + p + ": " + article(child) + " " + child
                    + (under.isEmpty() ? " stands under no other unit" : " stands under " + Nearest.or(under)));
        }
    }

    /** Refuses each cycle of parents once, at its first unit in document order, noting its units in {@code reported}. */
    private void cycles(List<Located<Unit>> units, Map<String, Located<Unit>> byId, Set<String> reported) {
        // follow parents; report each cycle once, at its first unit in document order. Units known to
        // lead to a root or into a reported cycle are settled and never walked again: linear overall,
        // however long the chains (a 100,000-unit chain or cycle is one walk, not one per unit)
        Set<String> settled = new HashSet<>();
        for (Located<Unit> at : units) {
            Unit u = at.value();
            if (u == null || u.id() == null || byId.get(u.id()) != at || settled.contains(u.id())
                    || reported.contains(u.id())) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            Map<String, Integer> onChain = new HashMap<>();
            String cur = u.id();
            while (cur != null && byId.containsKey(cur) && !settled.contains(cur) && !reported.contains(cur)
                    && !onChain.containsKey(cur)) {
                onChain.put(cur, chain.size());
                chain.add(cur);
                cur = byId.get(cur).value().parent();
            }
            Integer from = cur == null ? null : onChain.get(cur);
            if (from == null) {
                settled.addAll(chain);
                continue;
            }
            settled.addAll(chain.subList(0, from));
            List<String> cycle = new ArrayList<>(chain.subList(from, chain.size()));
            // the cycle is reported at its first unit in document order, starting there
            int first = 0;
            for (int i = 1; i < cycle.size(); i++) {
                if (byId.get(cycle.get(i)).index() < byId.get(cycle.get(first)).index()) {
                    first = i;
                }
            }
            List<String> around = new ArrayList<>(cycle.subList(first, cycle.size()));
            around.addAll(cycle.subList(0, first));
            reported.addAll(around);
            around.add(around.get(0));
            String shown = around.size() <= 12 ? String.join(" → ", around)
                    : String.join(" → ", around.subList(0, 5)) + " → … " + String.format(java.util.Locale.ROOT, "%,d",
                    around.size() - 10) + " more units … → " + String.join(" → ", around.subList(around.size() - 5,
                    around.size()));
            add(byId.get(around.get(0)), "parent", "makes a cycle: " + shown + "; a unit cannot be its own ancestor");
        }
    }

    /** "an" before a code read with a vowel sound (OFFICE), "a" otherwise. */
    private static String article(String code) {
        return !code.isEmpty() && "AEIOU".indexOf(code.charAt(0)) >= 0 ? "an" : "a";
    }

    private void measurements(List<Located<Measurement>> measurements, Set<String> ids, LocalDate asOf) {
        FirstOf<Measurement> seen = structure ? new FirstOf<>(measurements, (a, b) -> a.unit().equals(b.unit())
                && a.indicator().equals(b.indicator()) && Objects.equals(a.field(), b.field())
                && a.period().equals(b.period())) : null;
        At<Measurement> at = new At<>(measurements);
        for (int index = 0; index < measurements.size(); index++) {
            Measurement m = at.move(index);
            if (m == null) {
                continue;
            }
            if (structure) {
                unitRef(at, "unit", m.unit(), ids, true);
            }
            Vocabulary.IndicatorTerm indicator = null;
            if (m.indicator() == null) {
                if (structure) {
                    required(at, "indicator", "is required: an indicator code such as dossiers.on_time");
                }
            } else if (vocabulary != null) {
                if (m.indicator() != lastCode) {
                    lastCode = m.indicator();
                    lastIndicator = vocabulary.indicator(lastCode).orElse(null);
                }
                indicator = lastIndicator;
                if (indicator == null) {
                    add(at, "indicator", "'" + m.indicator() + "' is not an indicator of " + speaker
                            + hint(m.indicator(), codes(vocabulary.indicators(), Vocabulary.IndicatorTerm::code),
                            " (see facts-format.md), such as dossiers.on_time or satisfaction"));
                }
            }
            if (structure) {
                if (m.period() == null) {
                    required(at, "period", "is required: YYYY, YYYY-H1, YYYY-Q1 … or YYYY-MM");
                } else if (asOf != null && startsAfter(m.period(), asOf)) {
                    add(at, "period", m.period() + " starts after asOf " + asOf + ": facts cannot describe a later period");
                }
                if (m.field() != null && m.field().isBlank()) {
                    add(at, "field", "is blank: leave it out for the unit's total");
                }
            }
            if (vocabulary != null && m.field() != null && !m.field().isBlank()
                    && vocabulary.field(m.field()).isEmpty()) {
                add(at, "field", "'" + m.field() + "' is not a field of " + speaker
                        + hint(m.field(), codes(vocabulary.fields(), Vocabulary.FieldTerm::code),
                        ": declare it in the rule set's vocabulary, or leave it out for the unit's total"));
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
                } else if (structure) {
                    value(at, m);
                }
            } else if (structure && vocabulary == null) {
                figures(at, m);
            }
            if (structure && m.unit() != null && m.indicator() != null && m.period() != null && !at.broken("field")) {
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

    /** The checks of a value's size and sign. */
    private void value(At<Measurement> at, Measurement m) {
        if (digitsInFull(m.value()) > FactsReader.MAX_NUMBER_LENGTH) {
            add(at, "value", m.value() + " has more than " + FactsReader.MAX_NUMBER_LENGTH
                    + " digits written out in full: give the figure itself, not a power of ten");
        } else if (m.value().signum() < 0) {
            add(at, "value", "is negative (" + m.value().toPlainString() + "): a count cannot be below zero");
        }
    }

    /** The checks of the figures given, whatever the indicator's kind (checked with the vocabulary). */
    private void figures(At<Measurement> at, Measurement m) {
        counts(at, m);
        if (m.value() != null) {
            value(at, m);
        }
    }

    private void ratio(At<Measurement> at, Measurement m) {
        if (m.value() != null) {
            add(at, "value", m.indicator() + " is a ratio indicator: give numerator and denominator, not value");
            return;
        }
        if (m.numerator() == null && !at.broken("numerator")) {
            add(at, "numerator", "is required: " + m.indicator() + " is a ratio of whole counts");
        } else if (m.denominator() == null && !at.broken("denominator")) {
            add(at, "denominator", "is required: " + m.indicator() + " is a ratio of whole counts");
        }
        if (structure) {
            counts(at, m);
        }
    }

    private void counts(At<Measurement> at, Measurement m) {
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
        At<Event> at = new At<>(events);
        for (int index = 0; index < events.size(); index++) {
            Event e = at.move(index);
            if (e == null) {
                continue;
            }
            if (structure) {
                unitRef(at, "unit", e.unit(), ids, true);
                unitRef(at, "subject", e.subject(), ids, false);
            }
            Vocabulary.EventTypeTerm type = null;
            if (e.type() == null) {
                if (structure) {
                    required(at, "type", "is required: an event type such as dialogue");
                }
            } else if (vocabulary != null) {
                type = vocabulary.eventType(e.type()).orElse(null);
                if (type == null) {
                    add(at, "type", "'" + e.type() + "' is not an event type of " + speaker
                            + hint(e.type(), codes(vocabulary.eventTypes(), Vocabulary.EventTypeTerm::code),
                            " (see facts-format.md), such as inspection.surprise or dialogue"));
                }
            }
            if (e.date() == null) {
                if (vocabulary != null && (type == null || type.requires().contains("date"))) {
                    required(at, "date", "is required: when it happened, as YYYY-MM-DD");
                }
            } else if (structure && asOf != null && e.date().isAfter(asOf)) {
                add(at, "date", e.date() + " is after asOf " + asOf + ": facts cannot describe a later event");
            }
            if (structure && e.period() != null && e.date() != null && e.date().isBefore(e.period().start())) {
                add(at, "date", e.date() + " is before " + e.period().start() + ", the start of the period "
                        + e.period() + " the report covers: a report cannot be sent before its period begins;"
                        + " check the period (last year's report?) or the date");
            }
            if (type != null) {
                for (String attribute : Vocabulary.EVENT_ATTRIBUTES) {
                    if (!attribute.equals("date") && type.requires().contains(attribute) && attribute(e, attribute) == null) {
                        required(at, attribute, "is required for " + type.code() + ": " + what(attribute));
                    }
                }
            }
        }
    }

    private static Object attribute(Event e, String name) {
        return switch (name) {
            case "date" -> e.date();
            case "subject" -> e.subject();
            case "task" -> e.task();
            case "deadline" -> e.deadline();
            case "report" -> e.report();
            case "period" -> e.period();
            case "title" -> e.title();
            default -> null;
        };
    }

    private static String what(String attribute) {
        return switch (attribute) {
            case "subject" -> "the id of the unit it concerns";
            case "task" -> "the task's id";
            case "deadline" -> "when it is due, as YYYY-MM-DD";
            case "report" -> "Q1, H1, 9M or Y";
            case "period" -> "the period the report covers, such as 2021-Q1 or 2021";
            case "title" -> "its title";
            default -> "when it happened, as YYYY-MM-DD";
        };
    }

    private void attestations(List<Located<Attestation>> attestations, Set<String> ids) {
        FirstOf<Attestation> seen = !structure ? null : new FirstOf<>(attestations, (a, b) -> a.unit().equals(b.unit())
                && a.key().equals(b.key()) && Objects.equals(a.period(), b.period()));
        At<Attestation> at = new At<>(attestations);
        for (int index = 0; index < attestations.size(); index++) {
            Attestation a = at.move(index);
            if (a == null) {
                continue;
            }
            if (structure) {
                unitRef(at, "unit", a.unit(), ids, true);
                if (a.key() == null || a.key().isBlank()) {
                    required(at, "key", "is required: what is attested, such as iso9001.converted");
                }
            }
            if (vocabulary != null && a.key() != null && !a.key().isBlank() && vocabulary.attestation(a.key()).isEmpty()) {
                add(at, "key", "'" + a.key() + "' is not an attestation key of " + speaker
                        + hint(a.key(), codes(vocabulary.attestations(), Vocabulary.AttestationTerm::key),
                        ", such as iso9001.converted"));
            }
            if (structure && !(a.value() instanceof Boolean) && !(a.value() instanceof String)) {
                required(at, "value", "must be true, false or a string");
            }
            if (structure && a.unit() != null && a.key() != null && !at.broken("period")) {
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
    private void required(At<?> at, String field, String message) {
        if (!at.broken(field)) {
            add(at, field, message);
        }
    }

    private void unitRef(At<?> at, String field, String id, Set<String> ids, boolean required) {
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
