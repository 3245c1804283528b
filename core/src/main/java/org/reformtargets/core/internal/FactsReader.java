// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * Reads a facts document element by element with Jackson's streaming parser, so that every
 * problem is reported with its path, line and column, one bad element never hides another, and
 * one bad field never hides another of the same element. Problems are counted, and the first
 * {@link InvalidFactsException#MAX_LISTED} listed, so that memory stays bounded however many there are.
 */
@API(status = INTERNAL, since = "0.1")
public final class FactsReader {

    /** Deepest nesting accepted: the contract needs 3 levels. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string accepted, in characters: ids, codes, names of units, titles. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /**
     * Longest name of a field accepted, in characters: the contract's are at most 11 long. Names
     * are kept in the parser's table of names, shared by every document read, so they are kept short.
     */
    public static final int MAX_NAME_LENGTH = 1_000;
    /**
     * Longest number accepted, in digits as written, those of a fraction and an exponent included
     * (not the sign); a value is also refused when it has more digits than this written out in full.
     */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** The first and last years of a date or period accepted. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();
    /** The parser of the locating pass: every repeated name is refused with its place. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(LIMITS)
            .build();
    /**
     * The parser of the fast pass: Jackson's duplicate detection (a set of names per object, a
     * quarter of the reading time) is left out; the reader notices a repeated field itself.
     */
    private static final JsonFactory FAST = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /**
     * Numbers with a fraction or exponent are read as {@link BigDecimal}, exactly as written, never
     * through double; a repeated name in a tree fails (in the locating pass the parser fails first).
     */
    private static final class Trees {
        /** Made on first use: a valid document without structures in its elements needs no mapper. */
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }
    /**
     * Streams longer than this are read once, in the locating pass, rather than kept whole for a
     * second reading.
     */
    static final int MAX_BUFFERED = 1 << 30;
    /**
     * Character streams longer than this are read once, in the locating pass: they are for small
     * documents, and a host reading a large one from characters may have little memory to spare.
     */
    static final int MAX_BUFFERED_CHARS = 1 << 20;

    /** Counts below this are boxed once per reader. */
    private static final int COUNTS = 1 << 16;

    private final String source;
    /** Whether this pass places and reports every problem; the fast pass gives up at the first. */
    private final boolean locating;
    /**
     * The file read, when the fast pass keeps no places: a problem evaluation finds in the words
     * is then placed by reading the file again ({@link Origin}); {@code null} to keep the places.
     */
    private final Path file;
    private final Problems problems;
    private final Names strings = new Names();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, Period> periods = new HashMap<>();
    private final Map<String, BigDecimal> decimals = new HashMap<>();
    private final Long[] counts = new Long[COUNTS];
    /** The last date and period parsed, and their text. */
    private String lastDateText;
    private LocalDate lastDate;
    private String lastPeriodText;
    private Period lastPeriod;
    /** The fields of the element (or the top-level field) being read that are broken, by slot. */
    private int broken;
    /** The array, its fields, index, line and column of the element being read, for {@link #ELEMENT} paths. */
    private String element;
    private String[] elementFields;
    private int elementIndex;
    private int elementLine;
    private int elementColumn;

    /** The vocabulary to check the words against, or {@code null} to leave them to evaluation. */
    private final Vocabulary vocabulary;
    private final String speaker;

    private FactsReader(String source, Vocabulary vocabulary, String speaker, boolean locating) {
        this(source, vocabulary, speaker, locating, null);
    }

    private FactsReader(String source, Vocabulary vocabulary, String speaker, boolean locating, Path file) {
        this.file = file;
        this.source = source;
        this.problems = new Problems(source);
        this.vocabulary = vocabulary;
        this.speaker = speaker;
        this.locating = locating;
    }

    /**
     * Reads and validates a facts document, its words against {@code vocabulary} (spoken by
     * {@code speaker}, a rule set's id for messages, or {@code null} for the standard vocabulary).
     *
     * @throws InvalidFactsException listing every problem found
     */
    public static FactsDocument read(Reader in, String source, Vocabulary vocabulary, String speaker) {
        StringBuilder head = new StringBuilder();
        try {
            char[] chunk = new char[8192];
            for (int n; head.length() < MAX_BUFFERED_CHARS && (n = in.read(chunk)) >= 0; ) {
                head.append(chunk, 0, n);
            }
            if (head.length() >= MAX_BUFFERED_CHARS) {
                PushbackReader whole = new PushbackReader(in, head.length());
                whole.unread(head.toString().toCharArray());
                return new FactsReader(source, vocabulary, speaker, true).readDocument(f -> f.createParser(whole));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + (source == null ? "the facts" : source), e);
        }
        return read(head.toString(), source, vocabulary, speaker);
    }

    /** Reads and validates a facts document from its text, as {@link #read(Reader, String, Vocabulary, String)}. */
    public static FactsDocument read(String json, String source, Vocabulary vocabulary, String speaker) {
        return read(f -> f.createParser(json), null, source, vocabulary, speaker);
    }

    /** Reads and validates a facts document from UTF-8 bytes, as {@link #read(Reader, String, Vocabulary, String)}. */
    public static FactsDocument read(InputStream in, String source, Vocabulary vocabulary, String speaker) {
        if (in instanceof java.io.ByteArrayInputStream a) {
            // an array's stream is read in place, and again from its mark: not copied
            a.mark(0);
            return read(f -> {
                a.reset();
                return f.createParser(a);
            }, null, source, vocabulary, speaker);
        }
        byte[] head;
        try {
            // another stream is read in chunks, then copied whole
            head = in.readNBytes(MAX_BUFFERED);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + (source == null ? "the facts" : source), e);
        }
        if (head.length == MAX_BUFFERED) {
            InputStream whole = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
            return new FactsReader(source, vocabulary, speaker, true).readDocument(f -> f.createParser(whole));
        }
        return read(f -> f.createParser(head), null, source, vocabulary, speaker);
    }

    /** Reads and validates a facts document from a UTF-8 file, as {@link #read(Reader, String, Vocabulary, String)}. */
    public static FactsDocument read(Path file, String source, Vocabulary vocabulary, String speaker) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a pipe, a device or a FIFO reads once: keep the places while reading, as a stream does
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source, vocabulary, speaker);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + (source == null ? file : source), e);
            }
        }
        return read(f -> f.createParser(Files.newInputStream(file)), file, source, vocabulary, speaker);
    }

    /**
     * Reads a facts document and validates its structure; its words (levels, indicators, fields,
     * event types, attestation keys) are checked by the rule set that evaluates it
     * ({@link FactsValidator#requireValid(FactsDocument, Vocabulary, String)}), at the places of the
     * elements, which the document carries.
     *
     * @param source a name for the input in messages (a file name), or {@code null}
     * @throws InvalidFactsException listing every problem found
     */
    public static FactsDocument read(Reader in, String source) {
        return read(in, source, null, null);
    }

    /**
     * Reads a facts document from bytes, which must be UTF-8, and validates its structure as
     * {@link #read(Reader, String)} does; a byte sequence that is not UTF-8 is reported with its place.
     *
     * @param source a name for the input in messages (a file name), or {@code null}
     * @throws InvalidFactsException listing every problem found
     */
    public static FactsDocument read(InputStream in, String source) {
        return read(in, source, null, null);
    }

    /** An input that can be read more than once. */
    interface Input {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    /**
     * Reads {@code in} in a fast pass, which leaves repeated names to a check of its own and gives up
     * at the first problem; then, if there is one, reads it again with Jackson's detection of repeated
     * names, which places them, and reports every problem with its place. The fast pass keeps no places
     * when {@code file} (the file {@code in} opens) is given: it can be read again to place a problem.
     */
    private static FactsDocument read(Input in, Path file, String source, Vocabulary vocabulary, String speaker) {
        try {
            return new FactsReader(source, vocabulary, speaker, false, file).readDocument(in);
        } catch (Relocate again) {
            return new FactsReader(source, vocabulary, speaker, true).readDocument(in);
        }
    }

    /** Thrown by the fast pass at its first problem: the input is read again, to place them all. */
    private static final class Relocate extends RuntimeException {
        Relocate() {
            super(null, null, false, false);
        }
    }

    private FactsDocument readDocument(Input in) {
        String ruleSet = null;
        LocalDate asOf = null;
        Located<LocalDate> asOfPlace = null;
        boolean placed = file == null;
        Placed<Unit> units = new Placed<>("units", placed);
        Placed<Measurement> measurements = new Placed<>("measurements", placed);
        Placed<Event> events = new Placed<>("events", placed);
        Placed<Attestation> attestations = new Placed<>("attestations", placed);
        Set<String> seen = new HashSet<>();
        JsonLocation brokeAt = null;
        try (JsonParser p = in.open(locating ? FACTORY : FAST)) {
            try {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    relocate();
                    JsonLocation l = p.currentTokenLocation();
                    throw new InvalidFactsException(List.of(new Problem(source, null, line(l), column(l),
                            first == null ? "the input is empty: expected a JSON object with units, measurements, events"
                                    + " and attestations" : "expected a JSON object, found " + describe(first))));
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (!locating && !seen.add(name)) {
                        relocate();
                    }
                    JsonToken value = p.nextToken();
                    JsonLocation l = locating ? p.currentTokenLocation() : null;
                    switch (name) {
                        case "ruleSet" -> {
                            Object n = scalar(p, value);
                            broken = 0;
                            ruleSet = text(n, null, "ruleSet", l);
                        }
                        case "asOf" -> {
                            Object n = scalar(p, value);
                            broken = 0;
                            asOf = date(n, null, "asOf", l);
                            asOfPlace = new Located<>(asOf, "asOf", -1, line(l), column(l), broken);
                        }
                        case "units" -> readArray(p, value, "units", l, units, UNIT_FIELDS, UNIT_NAMES, this::unit);
                        case "measurements" -> readArray(p, value, "measurements", l, measurements, MEASUREMENT_FIELDS,
                                MEASUREMENT_NAMES, this::measurement);
                        case "events" -> readArray(p, value, "events", l, events, EVENT_FIELDS, EVENT_NAMES, this::event);
                        case "attestations" -> readArray(p, value, "attestations", l, attestations, ATTESTATION_FIELDS,
                                ATTESTATION_NAMES, this::attestation);
                        default -> {
                            if (locating) {
                                p.skipChildren();
                            } else {
                                Trees.MAPPER.readTree(p); // to find a repeated name inside
                            }
                        }
                    }
                }
                JsonToken trailing = p.nextToken();
                if (trailing != null) {
                    relocate();
                    JsonLocation l = p.currentTokenLocation();
                    problems.add(null, -1, null, line(l), column(l),
                            "unexpected " + describe(trailing) + " after the end of the document");
                }
            } catch (JsonProcessingException e) {
                relocate();
                // a broken limit carries no location: where the parser stopped, before it is closed
                brokeAt = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw e;
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation() != null ? e.getLocation() : brokeAt;
            problems.add(null, -1, null, l == null ? 0 : line(l), l == null ? 0 : column(l),
                    message(e));
            throw problems.exception(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + (source == null ? "the facts" : source), e);
        }
        List<Located<Unit>> unitPlaces = List.copyOf(units);
        FactsValidator.validate(problems, asOf, asOfPlace, unitPlaces, measurements, events, attestations,
                vocabulary, speaker);
        if (!problems.isEmpty()) {
            relocate();
            throw problems.exception(null);
        }
        return Origin.document(ruleSet, asOf, units.values, measurements.values, events.values,
                attestations.values, source, vocabulary,
                new FactsValidator.Places(unitPlaces, measurements, events, attestations), file);
    }

    /** In the fast pass, gives up, to read the input again in the locating pass. */
    private void relocate() {
        if (!locating) {
            throw new Relocate();
        }
    }

    /**
     * What the parser found wrong: a limit broken is said in the reader's words and with its figure,
     * since the parser's own count is how far it had read when it stopped, not the length (and a long
     * number is counted as a string).
     */
    private static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (!(e instanceof StreamConstraintsException)) {
            return "malformed JSON: " + m;
        }
        if (m.startsWith("Document nesting depth")) {
            return "too large: nested deeper than the " + MAX_NESTING_DEPTH + " levels allowed";
        }
        if (m.startsWith("String value length")) {
            return String.format(Locale.ROOT, "too large: a string or number is longer than the %,d characters allowed",
                    MAX_STRING_LENGTH);
        }
        if (m.startsWith("Number value length")) {
            return "too large: a number has more than the " + MAX_NUMBER_LENGTH + " digits allowed";
        }
        if (m.startsWith("Name length")) {
            return String.format(Locale.ROOT, "too large: a name is longer than the %,d characters allowed",
                    MAX_NAME_LENGTH);
        }
        return "too large: " + m.replaceFirst(", from `StreamReadConstraints\\.\\w+\\(\\)`\\)", ")");
    }

    /**
     * Makes an element from the values of its fields by slot: a {@link String}, a {@link Long},
     * {@link BigInteger} or {@link BigDecimal}, a {@link Boolean}, {@link #NULL}, or a {@link JsonNode}
     * for an array or object; {@code null} when the field is absent. {@code at} is null when
     * {@code path} is {@link #ELEMENT}.
     */
    private interface ElementReader<T> {
        T read(Object[] fields, String path, JsonLocation at);
    }

    /** Stands for the path of the element being read, made only when a problem needs it. */
    private static final String ELEMENT = new String("element");
    /** Stands for a JSON null in a slot. */
    private static final Object NULL = new Object();

    /** The fields an element's reader looks at, in slot order; other fields are read and ignored. */
    private static final String[] UNIT_FIELDS = {"id", "name", "level", "parent"};
    private static final String[] MEASUREMENT_FIELDS = {"unit", "indicator", "field", "period",
        "numerator", "denominator", "value"};
    private static final String[] EVENT_FIELDS = {"unit", "type", "date", "subject", "task", "deadline",
        "report", "title", "period"};
    private static final String[] ATTESTATION_FIELDS = {"unit", "key", "period", "value"};
    /**
     * The slots whose strings are codes, identifiers, dates or periods, which recur: one bit per
     * slot; their strings are kept once each, so that a large document holds each identifier once.
     */
    private static final int UNIT_NAMES = 0b1101;
    private static final int MEASUREMENT_NAMES = 0b1111;
    private static final int EVENT_NAMES = 0b101111111;
    private static final int ATTESTATION_NAMES = 0b111;

    private <T> void readArray(JsonParser p, JsonToken token, String name, JsonLocation l, Placed<T> out,
                               String[] fields, int names, ElementReader<T> reader) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            relocate();
            problems.add(name, -1, null, line(l), column(l), "must be an array, found " + describe(token));
            p.skipChildren();
            return;
        }
        Object[] slots = new Object[fields.length];
        String[] previous = new String[fields.length];
        int i = 0;
        JsonToken t;
        boolean placed = out.placed();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = placed ? p.currentTokenLocation() : null;
            int line = line(at);
            int column = column(at);
            int index = i++;
            if (t != JsonToken.START_OBJECT) {
                relocate();
                JsonNode node = Trees.MAPPER.readTree(p);
                problems.add(name, index, null, line, column, "must be an object, found " + kind(node));
                continue;
            }
            fields(p, fields, names, slots, previous);
            broken = 0;
            element = name;
            elementFields = fields;
            elementIndex = index;
            elementLine = line;
            elementColumn = column;
            T value = reader.read(slots, ELEMENT, null);
            out.add(value, index, line, column, broken);
        }
    }

    /**
     * Reads one object, from its start to its end, keeping the values of {@code fields} in {@code slots};
     * a structure or an unknown field is read whole, as a tree would read it.
     */
    /** The names of the fields of the element being read that are none of its slots, in the fast pass. */
    private final List<String> others = new ArrayList<>();

    /** Whether the field being read was read before in this element (its slot is set, or its name noted). */
    private boolean repeated(Object[] slots, int slot, String name) {
        if (slot >= 0) {
            return slots[slot] != null;
        }
        if (others.contains(name)) {
            return true;
        }
        others.add(name);
        return false;
    }

    private void fields(JsonParser p, String[] fields, int names, Object[] slots, String[] previous)
            throws IOException {
        Arrays.fill(slots, null);
        others.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int slot = slot(fields, p.currentName());
            if (!locating && repeated(slots, slot, p.currentName())) {
                relocate(); // the locating pass's parser refuses it with its place
            }
            JsonToken v = p.nextToken();
            Object value = switch (v) {
                case VALUE_STRING -> slot >= 0 && (names & (1 << slot)) != 0 ? name(p, previous, slot) : p.getText();
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT, LONG -> count(p.getLongValue());
                    default -> p.getBigIntegerValue();
                };
                case VALUE_NUMBER_FLOAT -> decimal(p);
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> NULL;
                default -> Trees.MAPPER.readTree(p);
            };
            if (slot >= 0) {
                slots[slot] = value;
            }
        }
    }

    /**
     * The slot of {@code field} in the elements of array {@code name}, its place in the order of the
     * contract ({@code measurements}: unit, indicator, field, period, numerator, denominator, value);
     * -1 when it is none of them.
     */
    static int slot(String name, String field) {
        String[] fields = switch (name) {
            case "units" -> UNIT_FIELDS;
            case "measurements" -> MEASUREMENT_FIELDS;
            case "events" -> EVENT_FIELDS;
            case "attestations" -> ATTESTATION_FIELDS;
            default -> null;
        };
        return fields == null || field == null ? -1 : slot(fields, field);
    }

    private static int slot(String[] fields, String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code value}, boxed once per reader for the small counts that recur. */
    private Long count(long value) {
        if (value < 0 || value >= COUNTS) {
            return value;
        }
        Long known = counts[(int) value];
        if (known == null) {
            known = value;
            counts[(int) value] = known;
        }
        return known;
    }

    /** The current number, once per distinct text: figures recur. */
    private BigDecimal decimal(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > Names.SHORT) {
            return p.getDecimalValue();
        }
        String text = strings.of(p.getTextCharacters(), p.getTextOffset(), length);
        BigDecimal known = decimals.get(text);
        if (known == null) {
            known = p.getDecimalValue();
            decimals.put(text, known);
        }
        return known;
    }

    /**
     * The current string, once per distinct value: short ones are looked up without making a
     * string, first against the previous element's value of the same slot (often the same).
     */
    private String name(JsonParser p, String[] previous, int slot) throws IOException {
        int length = p.getTextLength();
        if (length > Names.SHORT) {
            return strings.of(p.getText());
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        String last = previous[slot];
        if (last != null && Names.same(last, chars, offset, length)) {
            return last;
        }
        String s = strings.of(chars, offset, length);
        previous[slot] = s;
        return s;
    }

    private Unit unit(Object[] n, String path, JsonLocation at) {
        String level = text(n[2], path, "level", at);
        Level parsed = null;
        if (level != null) {
            try {
                parsed = Level.of(level); // a standard level is found without matching the pattern
            } catch (IllegalArgumentException e) {
                fail(path, "level", at, "'" + level + "' is not a level code: capital letters, digits and _,"
                        + " such as DEPARTMENT or COMMUNE");
            }
        }
        return new Unit(text(n[0], path, "id", at), text(n[1], path, "name", at),
                parsed, text(n[3], path, "parent", at));
    }

    private Measurement measurement(Object[] n, String path, JsonLocation at) {
        return new Measurement(text(n[0], path, "unit", at),
                text(n[1], path, "indicator", at),
                text(n[2], path, "field", at),
                period(n[3], path, "period", at),
                count(n[4], path, "numerator", at),
                count(n[5], path, "denominator", at),
                number(n[6], path, "value", at));
    }

    private Event event(Object[] n, String path, JsonLocation at) {
        return new Event(text(n[0], path, "unit", at), text(n[1], path, "type", at),
                date(n[2], path, "date", at), text(n[3], path, "subject", at),
                text(n[4], path, "task", at), date(n[5], path, "deadline", at),
                text(n[6], path, "report", at), period(n[8], path, "period", at), text(n[7], path, "title", at));
    }

    private Attestation attestation(Object[] n, String path, JsonLocation at) {
        Object v = n[3];
        Object value = null;
        if (v == null || v == NULL) {
            fail(path, "value", at, "is required: true, false or a string");
        } else if (v instanceof Boolean || v instanceof String) {
            value = v;
        } else {
            fail(path, "value", at, "must be true, false or a string, found " + kind(v));
        }
        return new Attestation(text(n[0], path, "unit", at), text(n[1], path, "key", at),
                period(n[2], path, "period", at), value);
    }

    private String text(Object n, String path, String field, JsonLocation at) {
        if (n == null || n == NULL) {
            return null;
        }
        if (!(n instanceof String s)) {
            fail(path, field, at, "must be a string, found " + kind(n));
            return null;
        }
        return s;
    }

    private LocalDate date(Object n, String path, String field, JsonLocation at) {
        String s = text(n, path, field, at);
        if (s == null) {
            return null;
        }
        if (s == lastDateText) {
            return lastDate;
        }
        LocalDate known = dates.get(s);
        if (known != null) {
            lastDateText = s;
            lastDate = known;
            return known;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
                fail(path, field, at, "'" + s + "' is out of range: dates must fall in the years " + FIRST_YEAR
                        + " to " + LAST_YEAR);
                return null;
            }
            dates.put(s, d);
            lastDateText = s;
            lastDate = d;
            return d;
        } catch (DateTimeParseException e) {
            fail(path, field, at, "'" + s + "' is not a date: use YYYY-MM-DD");
            return null;
        }
    }

    private Period period(Object n, String path, String field, JsonLocation at) {
        String s = text(n, path, field, at);
        if (s == null) {
            return null;
        }
        if (s == lastPeriodText) {
            return lastPeriod;
        }
        Period known = periods.get(s);
        if (known != null) {
            lastPeriodText = s;
            lastPeriod = known;
            return known;
        }
        try {
            Period parsed = Period.parse(s);
            if (parsed.year() < FIRST_YEAR || parsed.year() > LAST_YEAR) {
                fail(path, field, at, "'" + s + "' is out of range: periods must fall in the years " + FIRST_YEAR
                        + " to " + LAST_YEAR);
                return null;
            }
            periods.put(s, parsed);
            lastPeriodText = s;
            lastPeriod = parsed;
            return parsed;
        } catch (IllegalArgumentException e) {
            fail(path, field, at, e.getMessage());
            return null;
        }
    }

    private Long count(Object n, String path, String field, JsonLocation at) {
        if (n == null || n == NULL) {
            return null;
        }
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                fail(path, field, at, b + " is beyond the largest count supported (" + Long.MAX_VALUE + ")");
                return null;
            }
            return b.longValue();
        }
        if (n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0
                && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return d.longValueExact();
        }
        fail(path, field, at, "must be a whole number, found " + (n instanceof BigDecimal ? n.toString() : kind(n)));
        return null;
    }

    private BigDecimal number(Object n, String path, String field, JsonLocation at) {
        if (n == null || n == NULL) {
            return null;
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        fail(path, field, at, "must be a number, found " + kind(n));
        return null;
    }

    /** Notes a problem at {@code at}, or at the element being read when {@code path} is {@link #ELEMENT}. */
    private void fail(String path, String field, JsonLocation at, String message) {
        relocate();
        if (path == ELEMENT) {
            int slot = slot(elementFields, field);
            broken |= slot < 0 ? 0 : 1 << slot;
            problems.add(element, elementIndex, field, elementLine, elementColumn, message);
        } else {
            broken = 1;
            problems.add(field, -1, null, line(at), column(at), message); // a top-level field: ruleSet, asOf
        }
    }


    /**
     * The value of a top-level field as {@link #fields} keeps it in a slot: a string, {@link #NULL}, or
     * a tree for anything else (which the fast pass does not make: it is a problem).
     */
    private Object scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return NULL;
        }
        relocate();
        JsonNode n = Trees.MAPPER.readTree(p);
        return n.isTextual() ? n.textValue() : n.isNull() ? NULL : n;
    }

    private static String kind(Object v) {
        if (v == NULL) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof JsonNode n) {
            return kind(n);
        }
        return "a number";
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL, MISSING -> "null";
            default -> n.getNodeType().toString().toLowerCase();
        };
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    /** One instance of each string, found from its characters without making a string when it is known. */
    private static final class Names {
        /** Longest string looked up from its characters; longer ones are made first. */
        static final int SHORT = 64;
        private String[] strings = new String[1 << 12];
        private int[] hashes = new int[1 << 12];
        private int size;

        String of(String s) {
            int h = s.hashCode();
            int mask = strings.length - 1;
            for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
                String known = strings[i];
                if (known == null) {
                    add(i, h, s);
                    return s;
                }
                if (hashes[i] == h && known.equals(s)) {
                    return known;
                }
            }
        }

        String of(char[] chars, int offset, int length) {
            int h = 0;
            for (int j = offset, end = offset + length; j < end; j++) {
                h = 31 * h + chars[j];
            }
            int mask = strings.length - 1;
            for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
                String known = strings[i];
                if (known == null) {
                    String s = new String(chars, offset, length);
                    add(i, h, s);
                    return s;
                }
                if (hashes[i] == h && same(known, chars, offset, length)) {
                    return known;
                }
            }
        }

        static boolean same(String s, char[] chars, int offset, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int j = 0; j < length; j++) {
                if (s.charAt(j) != chars[offset + j]) {
                    return false;
                }
            }
            return true;
        }

        private static int mix(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }

        private void add(int i, int h, String s) {
            strings[i] = s;
            hashes[i] = h;
            if (++size * 2 > strings.length) {
                String[] oldStrings = strings;
                int[] oldHashes = hashes;
                strings = new String[oldStrings.length * 2];
                hashes = new int[oldStrings.length * 2];
                int mask = strings.length - 1;
                for (int k = 0; k < oldStrings.length; k++) {
                    if (oldStrings[k] != null) {
                        int j = mix(oldHashes[k]) & mask;
                        while (strings[j] != null) {
                            j = (j + 1) & mask;
                        }
                        strings[j] = oldStrings[k];
                        hashes[j] = oldHashes[k];
                    }
                }
            }
        }
    }
    /**
     * The elements read from one array with their places, kept by column rather than as one
     * {@link Located} each; {@link #get} makes the {@code Located}.
     */
    static final class Placed<T> extends AbstractList<Located<T>> implements RandomAccess {
        private final String name;
        final List<T> values = new ArrayList<>();
        /**
         * Index, line, column and broken fields of each element; {@code null} when no places are kept
         * (then every element is valid, the i-th of the array, at line and column 0).
         */
        private int[] places;

        Placed(String name, boolean placed) {
            this.name = name;
            this.places = placed ? new int[4 * 16] : null;
        }

        /** Whether the elements' places are kept. */
        boolean placed() {
            return places != null;
        }

        void add(T value, int index, int line, int column, int broken) {
            if (places == null) {
                values.add(value);
                return;
            }
            int at = 4 * values.size();
            if (at + 4 > places.length) {
                places = Arrays.copyOf(places, places.length * 2);
            }
            places[at] = index;
            places[at + 1] = line;
            places[at + 2] = column;
            places[at + 3] = broken;
            values.add(value);
        }

        /** The fields of element {@code i} whose reading found a problem, as {@link Located#broken()}. */
        int broken(int i) {
            return places == null ? 0 : places[4 * i + 3];
        }

        @Override
        public Located<T> get(int i) {
            if (places == null) {
                return new Located<>(values.get(i), name, i, 0, 0, 0);
            }
            return new Located<>(values.get(i), name, places[4 * i], places[4 * i + 1], places[4 * i + 2],
                    places[4 * i + 3]);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
