package org.reformtargets.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;

/**
 * Reads a facts document element by element with Jackson's streaming parser, so that every
 * problem is reported with its path, line and column, and one bad element never hides another.
 */
public final class FactsReader {

    /** Deepest nesting accepted: the contract needs 3 levels. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest number accepted, in digits. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    /** Numbers with a fraction or exponent are read as {@link BigDecimal}, exactly as written, never through double. */
    private static final ObjectMapper TREES = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, Period> periods = new HashMap<>();
    private boolean broken;
    /** The array and index of the element being read, for {@link #ELEMENT} paths. */
    private String element;
    private int elementIndex;

    private FactsReader(String source) {
        this.source = source;
    }

    /**
     * Reads and validates a facts document.
     *
     * @param source a name for the input in messages (a file name), or {@code null}
     * @throws InvalidFactsException listing every problem found
     */
    public static FactsDocument read(Reader in, String source) {
        return new FactsReader(source).readDocument(() -> FACTORY.createParser(in));
    }

    /**
     * Reads and validates a facts document from bytes, which must be UTF-8; a byte sequence that
     * is not is reported with its place.
     *
     * @param source a name for the input in messages (a file name), or {@code null}
     * @throws InvalidFactsException listing every problem found
     */
    public static FactsDocument read(InputStream in, String source) {
        return new FactsReader(source).readDocument(() -> FACTORY.createParser(in));
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private FactsDocument readDocument(ParserSource in) {
        String ruleSet = null;
        LocalDate asOf = null;
        Located<LocalDate> asOfPlace = null;
        List<Located<Unit>> units = new ArrayList<>();
        List<Located<Measurement>> measurements = new ArrayList<>();
        List<Located<Event>> events = new ArrayList<>();
        List<Located<Attestation>> attestations = new ArrayList<>();
        JsonParser opened = null;
        try (JsonParser p = in.open()) {
            opened = p;
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                JsonLocation l = p.currentTokenLocation();
                throw new InvalidFactsException(List.of(new Problem(source, null, line(l), column(l),
                        first == null ? "the input is empty: expected a JSON object with units, measurements, events"
                                + " and attestations" : "expected a JSON object, found " + describe(first))));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                JsonLocation l = p.currentTokenLocation();
                switch (name) {
                    case "ruleSet" -> {
                        JsonNode n = TREES.readTree(p);
                        broken = false;
                        ruleSet = text(n, null, "ruleSet", l);
                    }
                    case "asOf" -> {
                        JsonNode n = TREES.readTree(p);
                        broken = false;
                        asOf = date(n, null, "asOf", l);
                        asOfPlace = new Located<>(asOf, "asOf", -1, line(l), column(l), broken);
                    }
                    case "units" -> readArray(p, value, "units", l, units, UNIT_FIELDS, this::unit);
                    case "measurements" -> readArray(p, value, "measurements", l, measurements, MEASUREMENT_FIELDS,
                            this::measurement);
                    case "events" -> readArray(p, value, "events", l, events, EVENT_FIELDS, this::event);
                    case "attestations" -> readArray(p, value, "attestations", l, attestations, ATTESTATION_FIELDS,
                            this::attestation);
                    default -> p.skipChildren();
                }
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(new Problem(source, null, line(l), column(l),
                        "unexpected " + describe(trailing) + " after the end of the document"));
            }
        } catch (JsonProcessingException e) {
            // a broken limit (nesting, string or number length) carries no location: the parser's is where it broke
            JsonLocation l = e.getLocation() != null ? e.getLocation() : opened == null ? null : opened.currentLocation();
            problems.add(new Problem(source, null, l == null ? 0 : line(l), l == null ? 0 : column(l),
                    "malformed JSON: " + e.getOriginalMessage()));
            throw new InvalidFactsException(problems, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + (source == null ? "the facts" : source), e);
        }
        problems.addAll(FactsValidator.validate(source, asOf, asOfPlace, units, measurements, events, attestations));
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return FactsValidator.validated(new FactsDocument(ruleSet, asOf, values(units), values(measurements),
                values(events), values(attestations)));
    }

    private interface ElementReader<T> {
        T read(JsonNode[] fields, String path, JsonLocation at);
    }

    /** The fields an element's reader looks at, in slot order; other fields are read and ignored. */
    /** Stands for the path of the element being read, made only when a problem needs it. */
    private static final String ELEMENT = new String("element");

    private static final List<String> UNIT_FIELDS = List.of("id", "name", "level", "parent");
    private static final List<String> MEASUREMENT_FIELDS = List.of("unit", "indicator", "field", "period",
            "numerator", "denominator", "value");
    private static final List<String> EVENT_FIELDS = List.of("unit", "type", "date", "subject", "task", "deadline",
            "report", "title");
    private static final List<String> ATTESTATION_FIELDS = List.of("unit", "key", "period", "value");

    private <T> void readArray(JsonParser p, JsonToken token, String name, JsonLocation l, List<Located<T>> out,
                               List<String> fields, ElementReader<T> reader) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            problems.add(new Problem(source, name, line(l), column(l), "must be an array, found " + describe(token)));
            p.skipChildren();
            return;
        }
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            int index = i++;
            if (t != JsonToken.START_OBJECT) {
                JsonNode node = TREES.readTree(p);
                problems.add(new Problem(source, Located.path(name, index), line(at), column(at),
                        "must be an object, found " + kind(node)));
                continue;
            }
            JsonNode[] slots = fields(p, fields);
            broken = false;
            element = name;
            elementIndex = index;
            T value = reader.read(slots, ELEMENT, at);
            out.add(new Located<>(value, name, index, line(at), column(at), broken));
        }
    }

    /**
     * Reads one object, from its start to its end, keeping the values of {@code fields} by slot;
     * values are made into nodes only as far as the checks need (a structure or an unknown field
     * is read whole, as a tree would read it).
     */
    private JsonNode[] fields(JsonParser p, List<String> fields) throws IOException {
        JsonNode[] slots = new JsonNode[fields.size()];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int slot = fields.indexOf(p.currentName());
            JsonToken v = p.nextToken();
            JsonNode node = switch (v) {
                case VALUE_STRING -> TextNode.valueOf(p.getText());
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(p.getDecimalValue());
                case VALUE_TRUE -> BooleanNode.TRUE;
                case VALUE_FALSE -> BooleanNode.FALSE;
                case VALUE_NULL -> NullNode.getInstance();
                default -> TREES.readTree(p);
            };
            if (slot >= 0) {
                slots[slot] = node;
            }
        }
        return slots;
    }

    private Unit unit(JsonNode[] n, String path, JsonLocation at) {
        String level = text(n[2], path, "level", at);
        Level parsed = null;
        if (level != null) {
            try {
                parsed = Level.valueOf(level);
            } catch (IllegalArgumentException e) {
                fail(path, "level", at, "'" + level + "' is not a level: use DEPARTMENT, SUB_DEPARTMENT or OFFICE");
            }
        }
        return new Unit(id(text(n[0], path, "id", at)), text(n[1], path, "name", at),
                parsed, id(text(n[3], path, "parent", at)));
    }

    private Measurement measurement(JsonNode[] n, String path, JsonLocation at) {
        return new Measurement(id(text(n[0], path, "unit", at)),
                id(text(n[1], path, "indicator", at)),
                id(text(n[2], path, "field", at)),
                period(n[3], path, "period", at),
                count(n[4], path, "numerator", at),
                count(n[5], path, "denominator", at),
                number(n[6], path, "value", at));
    }

    private Event event(JsonNode[] n, String path, JsonLocation at) {
        return new Event(id(text(n[0], path, "unit", at)), id(text(n[1], path, "type", at)),
                date(n[2], path, "date", at), id(text(n[3], path, "subject", at)),
                id(text(n[4], path, "task", at)), date(n[5], path, "deadline", at),
                id(text(n[6], path, "report", at)), text(n[7], path, "title", at));
    }

    private Attestation attestation(JsonNode[] n, String path, JsonLocation at) {
        JsonNode v = n[3];
        Object value = null;
        if (v == null || v.isNull()) {
            fail(path, "value", at, "is required: true, false or a string");
        } else if (v.isBoolean()) {
            value = v.booleanValue();
        } else if (v.isTextual()) {
            value = v.textValue();
        } else {
            fail(path, "value", at, "must be true, false or a string, found " + kind(v));
        }
        return new Attestation(id(text(n[0], path, "unit", at)), id(text(n[1], path, "key", at)),
                period(n[2], path, "period", at), value);
    }

    /** One instance of each identifier read (unit ids, codes), so that a large document keeps each once. */
    private String id(String s) {
        if (s == null) {
            return null;
        }
        String known = ids.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private String text(JsonNode n, String path, String field, JsonLocation at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            fail(path, field, at, "must be a string, found " + kind(n));
            return null;
        }
        return n.textValue();
    }

    private LocalDate date(JsonNode n, String path, String field, JsonLocation at) {
        String s = text(n, path, field, at);
        if (s == null) {
            return null;
        }
        LocalDate known = dates.get(s);
        if (known != null) {
            return known;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 1900 || d.getYear() > 2999) {
                fail(path, field, at, "'" + s + "' is out of range: dates must fall in the years 1900 to 2999");
                return null;
            }
            dates.put(s, d);
            return d;
        } catch (DateTimeParseException e) {
            fail(path, field, at, "'" + s + "' is not a date: use YYYY-MM-DD");
            return null;
        }
    }

    private Period period(JsonNode n, String path, String field, JsonLocation at) {
        String s = text(n, path, field, at);
        if (s == null) {
            return null;
        }
        Period known = periods.get(s);
        if (known != null) {
            return known;
        }
        try {
            Period parsed = Period.parse(s);
            periods.put(s, parsed);
            return parsed;
        } catch (IllegalArgumentException e) {
            fail(path, field, at, e.getMessage());
            return null;
        }
    }

    private Long count(JsonNode n, String path, String field, JsonLocation at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                fail(path, field, at, n.asText() + " is beyond the largest count supported ("
                        + Long.MAX_VALUE + ")");
                return null;
            }
            return n.longValue();
        }
        if (n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0
                && n.decimalValue().abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return n.decimalValue().longValueExact();
        }
        fail(path, field, at, "must be a whole number, found " + (n.isNumber() ? n.asText() : kind(n)));
        return null;
    }

    private BigDecimal number(JsonNode n, String path, String field, JsonLocation at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            fail(path, field, at, "must be a number, found " + kind(n));
            return null;
        }
        return n.decimalValue();
    }

    private void fail(String path, String field, JsonLocation at, String message) {
        broken = true;
        if (path == ELEMENT) {
            path = Located.path(element, elementIndex);
        }
        problems.add(new Problem(source, path == null ? field : path + "." + field, line(at), column(at), message));
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
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
        return Math.max(0, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return Math.max(0, l.getColumnNr());
    }

}
