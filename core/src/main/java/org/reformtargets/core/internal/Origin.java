// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
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
    /** The places of the elements; all at line 0 when the reader kept none ({@link #file} is then given). */
    private final FactsValidator.Places places;
    /** The file read without keeping places, to be read again to place a problem; or {@code null}. */
    private final Path file;
    /** The file's identity, size and time of last change when it was read: a file changed since is not read again. */
    private final List<Object> stamp;
    private final LocalDate asOf;
    private final List<Measurement> measurements;
    private final List<Event> events;
    private final List<Attestation> attestations;

    private Origin(String source, Vocabulary words, FactsValidator.Places places, Path file, LocalDate asOf,
                   List<Measurement> measurements, List<Event> events, List<Attestation> attestations) {
        this.file = file;
        this.stamp = file == null ? null : stamp(file);
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
                                  Vocabulary words, FactsValidator.Places places, Path file) {
        List<Measurement> m = List.copyOf(measurements);
        List<Event> e = List.copyOf(events);
        List<Attestation> a = List.copyOf(attestations);
        Origin origin = new Origin(source, words, places, file, asOf, m, e, a);
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
     * The problems {@code found} in the words with the elements at line 0, placed: the file is read again
     * with {@code vocabulary}, which places every problem as a first reading against it would; {@code found}
     * when the reader kept the places, or the file no longer reads the same (the same problems, by path).
     */
    Problems placed(Problems found, Vocabulary vocabulary, String speaker) {
        if (file == null || stamp == null || !stamp.equals(stamp(file))) {
            return found; // places kept, or the file changed (or went) since it was read
        }
        try {
            FactsReader.read(file, source, vocabulary, speaker);
        } catch (InvalidFactsException e) {
            Problems again = Problems.of(source, e);
            return again.total() == found.total() && (found.total() > InvalidFactsException.MAX_LISTED
                    || paths(again).equals(paths(found))) ? again : found;
        } catch (java.io.UncheckedIOException e) {
            return found;
        }
        return found; // the file changed since it was read
    }

    private static List<String> paths(Problems problems) {
        return problems.listed().stream().map(p -> p.path() + "\u0000" + p.message()).sorted().toList();
    }

    /** What tells a changed file: its identity, size and time of last change; {@code null} when unreadable. */
    private static List<Object> stamp(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes a =
                    java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return java.util.Arrays.asList(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
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
