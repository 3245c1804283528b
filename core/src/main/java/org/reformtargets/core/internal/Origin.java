// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * What the reader knows of a document it read and found valid: the name of its input, the
 * vocabulary its words were checked against (if any), and the places of its elements, at which
 * evaluation checks the words against another vocabulary. The document carries it in its list of units ({@link Units}),
 * so that nothing outside the document remembers it.
 */
@API(status = INTERNAL, since = "0.1")
public final class Origin {

    private final String source;
    /** The vocabulary the words were checked against, or {@code null}. */
    private final Vocabulary words;
    /** The places of the elements. */
    private final FactsValidator.Places places;
    private final LocalDate asOf;
    private final List<Measurement> measurements;
    private final List<Event> events;
    private final List<Attestation> attestations;

    private Origin(String source, Vocabulary words, FactsValidator.Places places, LocalDate asOf,
                   List<Measurement> measurements, List<Event> events, List<Attestation> attestations) {
        this.source = source;
        this.words = words;
        this.places = places;
        this.asOf = asOf;
        this.measurements = measurements;
        this.events = events;
        this.attestations = attestations;
    }

    /** A valid document read from {@code source}, its words checked against {@code words} unless null. */
    static FactsDocument document(String ruleSet, LocalDate asOf, List<Unit> units, List<Measurement> measurements,
                                  List<Event> events, List<Attestation> attestations, String source,
                                  Vocabulary words, FactsValidator.Places places) {
        List<Measurement> m = List.copyOf(measurements);
        List<Event> e = List.copyOf(events);
        List<Attestation> a = List.copyOf(attestations);
        Origin origin = new Origin(source, words, places, asOf, m, e, a);
        return new FactsDocument(ruleSet, asOf, new Units(List.copyOf(units), origin), m, e, a);
    }

    /** The origin of {@code facts} if the reader made it (and found it valid), otherwise {@code null}. */
    static Origin of(FactsDocument facts) {
        if (facts.units() instanceof Units u) {
            Origin o = u.origin;
            if (facts.measurements() == o.measurements && facts.events() == o.events
                    && facts.attestations() == o.attestations && Objects.equals(facts.asOf(), o.asOf)) {
                return o;
            }
        }
        return null;
    }

    String source() {
        return source;
    }

    /** Whether the words were checked against {@code vocabulary}. */
    boolean checked(Vocabulary vocabulary) {
        return words != null && words.equals(vocabulary);
    }

    /** The places of the elements. */
    FactsValidator.Places places() {
        return places;
    }

    /**
     * The units of a document the reader made, with its origin: an unmodifiable list, which
     * {@link FactsDocument} keeps as it is rather than copying.
     */
    public static final class Units extends AbstractList<Unit> implements RandomAccess {
        private final List<Unit> units;
        private final Origin origin;

        private Units(List<Unit> units, Origin origin) {
            this.units = units;
            this.origin = origin;
        }

        @Override
        public Unit get(int index) {
            return units.get(index);
        }

        @Override
        public int size() {
            return units.size();
        }
    }
}
