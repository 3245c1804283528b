// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.core.Vocabulary.AttestationKind;
import org.reformtargets.core.Vocabulary.AttestationTerm;
import org.reformtargets.core.Vocabulary.EventTypeTerm;
import org.reformtargets.core.Vocabulary.FieldTerm;
import org.reformtargets.core.Vocabulary.IndicatorKind;
import org.reformtargets.core.Vocabulary.IndicatorTerm;
import org.reformtargets.core.Vocabulary.Label;
import org.reformtargets.core.Vocabulary.LevelTerm;
import org.reformtargets.core.Vocabulary.RankedWord;

/**
 * Reads vocabulary files (JSON) and merges them onto a vocabulary, reporting every problem with its
 * file, JSON path, line and column. A file that does not map (bad JSON, an unknown field, a wrong
 * type) gives one problem where reading stopped; one that maps is then checked whole: codes present,
 * well formed and unique, labels in both languages, ranked scales non-empty and unique, event
 * attributes known; and, once merged, every {@code under} naming a declared level, no cycle among
 * levels, and no code declared differently from an earlier declaration (the standard vocabulary or
 * an earlier file). Declaring a code again identically is allowed, and keeps its first place.
 */
@API(status = INTERNAL, since = "0.1")
public final class VocabularyReader {

    /** What an indicator, event type, attestation key or field code looks like. */
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    /** What a level code or a word of a scale looks like. */
    static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    /**
     * Reads a file {@link Plain} finds irregular, and says what is wrong with it. Made on first use:
     * making a mapper and its readers of the forms is most of the time a command line takes to read
     * the standard vocabulary.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** How long a label may be: it is one line of a sentence. */
    static final int MAX_LABEL = 300;

    private VocabularyReader() {
    }

    /**
     * Whether a label may not hold {@code c}: control characters, invisible formatting characters
     * (direction overrides and isolates, zero-width characters) and line or paragraph separators,
     * which could make a sentence print other than it reads.
     */
    static boolean unprintable(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    // ---- the JSON form, as written; checked before it becomes a Vocabulary ----

    record FileForm(List<IndicatorForm> indicators, List<EventTypeForm> eventTypes,
                    List<AttestationForm> attestations, List<FieldForm> fields, List<LevelForm> levels) {
    }

    record LabelForm(String vi, String en, String enOne, String enMany) {
    }

    record IndicatorForm(String code, IndicatorKind kind, LabelForm counted, LabelForm outOf) {
    }

    record EventTypeForm(String code, LabelForm label, List<String> requires, List<String> allows) {
    }

    record AttestationForm(String key, AttestationKind kind, LabelForm label, List<WordForm> scale) {
    }

    record WordForm(String word, LabelForm label) {
    }

    record FieldForm(String code, LabelForm label) {
    }

    record LevelForm(String code, LabelForm label, List<String> under) {
    }

    /**
     * Reads the forms of a regular file with the streaming parser, as the mapper would read them:
     * every field known and of its type, names not repeated, nothing after the object. Anything else
     * gives {@code null}, and the mapper reads the file to say what is wrong.
     */
    static final class Plain {
        private static final String[] FILE = {"indicators", "eventTypes", "attestations", "fields", "levels"};
        private static final String[] LABEL = {"vi", "en", "enOne", "enMany"};
        private static final String[] INDICATOR = {"code", "kind", "counted", "outOf"};
        private static final String[] EVENT_TYPE = {"code", "label", "requires", "allows"};
        private static final String[] ATTESTATION = {"key", "kind", "label", "scale"};
        private static final String[] WORD = {"word", "label"};
        private static final String[] FIELD = {"code", "label"};
        private static final String[] LEVEL = {"code", "label", "under"};

        /** Thrown at anything irregular. */
        private static final class Irregular extends RuntimeException {
            Irregular() {
                super(null, null, false, false);
            }
        }

        private final JsonParser p;

        private Plain(JsonParser p) {
            this.p = p;
        }

        /** The forms of {@code bytes} as the mapper reads them; for tests that compare the two readings. */
        static FileForm mapped(byte[] bytes) throws IOException {
            return Mapper.MAPPER.readValue(bytes, FileForm.class);
        }

        static FileForm read(byte[] bytes) {
            try (JsonParser p = FACTORY.createParser(bytes)) {
                p.nextToken();
                Plain r = new Plain(p);
                Object[] v = r.object(FILE, i -> r.list(switch (i) {
                    case 0 -> () -> { Object[] f = r.object(INDICATOR, r::indicatorField);
                        return new IndicatorForm((String) f[0], (IndicatorKind) f[1], (LabelForm) f[2], (LabelForm) f[3]); };
                    case 1 -> () -> { Object[] f = r.object(EVENT_TYPE, j -> j == 0 ? r.string() : j == 1 ? r.label() : r.strings());
                        return new EventTypeForm((String) f[0], (LabelForm) f[1], cast(f[2]), cast(f[3])); };
                    case 2 -> () -> { Object[] f = r.object(ATTESTATION, r::attestationField);
                        return new AttestationForm((String) f[0], (AttestationKind) f[1], (LabelForm) f[2], cast(f[3])); };
                    case 3 -> () -> { Object[] f = r.object(FIELD, j -> j == 0 ? r.string() : r.label());
                        return new FieldForm((String) f[0], (LabelForm) f[1]); };
                    default -> () -> { Object[] f = r.object(LEVEL, j -> j == 0 ? r.string() : j == 1 ? r.label() : r.strings());
                        return new LevelForm((String) f[0], (LabelForm) f[1], cast(f[2])); };
                }));
                return p.nextToken() != null ? null : new FileForm(cast(v[0]), cast(v[1]), cast(v[2]), cast(v[3]), cast(v[4]));
            } catch (IOException | Irregular e) {
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> List<T> cast(Object list) {
            return (List<T>) list;
        }

        private Object indicatorField(int i) {
            return i == 0 ? string() : i == 1 ? kind(IndicatorKind.values()) : label();
        }

        private Object attestationField(int i) {
            return switch (i) {
                case 0 -> string();
                case 1 -> kind(AttestationKind.values());
                case 2 -> label();
                default -> list(() -> {
                    Object[] f = object(WORD, j -> j == 0 ? string() : label());
                    return new WordForm((String) f[0], (LabelForm) f[1]);
                });
            };
        }

        /** The object at the current token, its fields' values by their index in {@code names}; null ones null. */
        private Object[] object(String[] names, java.util.function.IntFunction<Object> value) {
            try {
                expect(JsonToken.START_OBJECT);
                Object[] values = new Object[names.length];
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int i = Arrays.asList(names).indexOf(p.currentName());
                    if (i < 0) {
                        throw new Irregular();
                    }
                    values[i] = p.nextToken() == JsonToken.VALUE_NULL ? null : value.apply(i);
                }
                return values;
            } catch (IOException e) {
                throw new Irregular();
            }
        }

        private <T> List<T> list(java.util.function.Supplier<T> element) {
            try {
                expect(JsonToken.START_ARRAY);
                List<T> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(p.currentToken() == JsonToken.VALUE_NULL ? null : element.get());
                }
                return list;
            } catch (IOException e) {
                throw new Irregular();
            }
        }

        private List<String> strings() {
            return list(this::string);
        }

        private String string() {
            expect(JsonToken.VALUE_STRING);
            try {
                return p.getText();
            } catch (IOException e) {
                throw new Irregular();
            }
        }

        private LabelForm label() {
            Object[] f = object(LABEL, i -> string());
            return new LabelForm((String) f[0], (String) f[1], (String) f[2], (String) f[3]);
        }

        /** The constant whose word ({@code @JsonProperty}: the name in lower case) is the current string. */
        private <E extends Enum<E>> E kind(E[] constants) {
            String word = string();
            for (E c : constants) {
                if (c.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return c;
                }
            }
            throw new Irregular();
        }

        private void expect(JsonToken token) {
            if (p.currentToken() != token) {
                throw new Irregular();
            }
        }
    }

    /** A term as declared, with where. */
    record Declared<T>(T term, String code, String source, String path, int line, int column) {

        String where() {
            return source + (line > 0 ? ":" + line : "") + " (" + path + ")";
        }
    }

    /** The terms of one file that passed its own checks, with their places. */
    public record Parsed(String source, List<Declared<IndicatorTerm>> indicators,
                         List<Declared<EventTypeTerm>> eventTypes, List<Declared<AttestationTerm>> attestations,
                         List<Declared<FieldTerm>> fields, List<Declared<LevelTerm>> levels,
                         Map<String, JsonLocation> places) {
    }

    /**
     * The standard vocabulary from the class-path resource {@code resource}.
     *
     * @throws IllegalStateException when it is missing or has problems (a packaging error)
     */
    public static Vocabulary standard(String resource) {
        byte[] bytes;
        try (InputStream in = VocabularyReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
        List<Problem> problems = new ArrayList<>();
        Vocabulary v = merge(null, List.of(read(resource, bytes, problems)), problems);
        if (v == null || !problems.isEmpty()) {
            throw new IllegalStateException(resource + " has problems: "
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return v;
    }

    /**
     * Reads one vocabulary file, adding its problems; {@code null} when it cannot be read at all or
     * has problems of its own.
     *
     * @param source how to name it in problems
     */
    public static Parsed read(String source, byte[] bytes, List<Problem> problems) {
        int before = problems.size();
        FileForm form = Plain.read(bytes);
        try {
            if (form == null) {
                form = Mapper.MAPPER.readValue(bytes, FileForm.class);
            }
        } catch (JsonProcessingException e) {
            problems.add(mappingProblem(source, e));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(source, null, 0, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (form == null) {
            problems.add(new Problem(source, null, 1, 1, "is empty: a vocabulary file is a JSON object"));
            return null;
        }
        Checker c = new Checker(source, places(bytes), problems);
        Parsed parsed = new Parsed(source, c.indicators(form.indicators()), c.eventTypes(form.eventTypes()),
                c.attestations(form.attestations()), c.fields(form.fields()), c.levels(form.levels()), c.places);
        return problems.size() > before ? null : parsed;
    }

    /**
     * {@code base} (or nothing) extended by {@code files} in order, adding the problems of the
     * merge; {@code null} when any file is {@code null} (it had problems) or the merge has some.
     */
    public static Vocabulary merge(Vocabulary base, List<Parsed> files, List<Problem> problems) {
        if (files.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        int before = problems.size();
        String std = "the standard vocabulary";
        Merge<IndicatorTerm> indicators = new Merge<>("indicator", base == null ? List.of() : base.indicators(),
                IndicatorTerm::code, std, problems, VocabularyReader::differences);
        Merge<EventTypeTerm> eventTypes = new Merge<>("event type", base == null ? List.of() : base.eventTypes(),
                EventTypeTerm::code, std, problems, VocabularyReader::differences);
        Merge<AttestationTerm> attestations = new Merge<>("attestation", base == null ? List.of() : base.attestations(),
                AttestationTerm::key, std, problems, VocabularyReader::differences);
        Merge<FieldTerm> fields = new Merge<>("field", base == null ? List.of() : base.fields(),
                FieldTerm::code, std, problems, VocabularyReader::differences);
        Merge<LevelTerm> levels = new Merge<>("level", base == null ? List.of() : base.levels(),
                LevelTerm::code, std, problems, VocabularyReader::differences);
        for (Parsed p : files) {
            p.indicators().forEach(indicators::add);
            p.eventTypes().forEach(eventTypes::add);
            p.attestations().forEach(attestations::add);
            p.fields().forEach(fields::add);
            p.levels().forEach(levels::add);
        }
        // every under names a declared level; no cycle
        Map<String, LevelTerm> levelByCode = new LinkedHashMap<>();
        levels.terms.forEach(l -> levelByCode.put(l.code(), l));
        for (Parsed p : files) {
            for (Declared<LevelTerm> d : p.levels()) {
                List<String> under = d.term().under();
                for (int i = 0; i < under.size(); i++) {
                    if (!levelByCode.containsKey(under.get(i))) {
                        JsonLocation l = p.places().get(d.path() + ".under[" + i + "]");
                        problems.add(new Problem(p.source(), d.path() + ".under[" + i + "]", line(l, d), column(l, d),
                                "names level " + under.get(i) + ", which is not declared: the levels are "
                                        + String.join(", ", levelByCode.keySet())));
                    }
                }
            }
        }
        if (problems.size() == before) {
            List<String> cycle = cycle(levels.terms, levelByCode);
            if (!cycle.isEmpty()) {
                Declared<LevelTerm> at = null;
                for (Parsed p : files) {
                    for (Declared<LevelTerm> d : p.levels()) {
                        if (at == null && cycle.contains(d.code())) {
                            at = d;
                        }
                    }
                }
                problems.add(new Problem(at == null ? null : at.source(), at == null ? null : at.path() + ".under",
                        at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                        "makes a cycle of levels: " + String.join(" under ", cycle)
                                + "; no level may stand, even indirectly, under itself"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return Vocabulary.of(indicators.terms, eventTypes.terms, attestations.terms, fields.terms, levels.terms);
    }

    private static int line(JsonLocation l, Declared<?> d) {
        return l == null ? d.line() : l.getLineNr();
    }

    private static int column(JsonLocation l, Declared<?> d) {
        return l == null ? d.column() : l.getColumnNr();
    }

    /** A level cycle, or an empty list; see {@link LevelCycles}. */
    private static List<String> cycle(List<LevelTerm> levels, Map<String, LevelTerm> byCode) {
        return LevelCycles.find(levels, byCode);
    }

    /** The terms of one kind, merged in order: a new code is added, a repeated one must be identical. */
    private static final class Merge<T> {
        final String what;
        final Function<T, String> code;
        final List<T> terms = new ArrayList<>();
        final Map<String, String> whereOf = new HashMap<>();
        final Map<String, T> byCode = new HashMap<>();
        final List<Problem> problems;
        final java.util.function.BiFunction<T, T, List<String>> differences;

        Merge(String what, List<T> base, Function<T, String> code, String baseName, List<Problem> problems,
              java.util.function.BiFunction<T, T, List<String>> differences) {
            this.what = what;
            this.code = code;
            this.problems = problems;
            this.differences = differences;
            for (T t : base) {
                terms.add(t);
                byCode.put(code.apply(t), t);
                whereOf.put(code.apply(t), baseName);
            }
        }

        void add(Declared<T> d) {
            T known = byCode.get(d.code());
            if (known == null) {
                terms.add(d.term());
                byCode.put(d.code(), d.term());
                whereOf.put(d.code(), d.where());
            } else if (!known.equals(d.term())) {
                problems.add(new Problem(d.source(), d.path(), d.line(), d.column(), "declares " + what + " "
                        + d.code() + " differently from " + whereOf.get(d.code()) + ": its "
                        + String.join(", ", differences.apply(known, d.term()))
                        + " differ; declare it identically or choose another code"));
            }
        }
    }

    private static List<String> differences(IndicatorTerm a, IndicatorTerm b) {
        return parts(a.kind() != b.kind(), "kind", !a.counted().equals(b.counted()), "counted",
                !Objects.equals(a.outOf(), b.outOf()), "outOf");
    }

    private static List<String> differences(EventTypeTerm a, EventTypeTerm b) {
        return parts(!a.label().equals(b.label()), "label", !a.requires().equals(b.requires()), "requires",
                !a.allows().equals(b.allows()), "allows");
    }

    private static List<String> differences(AttestationTerm a, AttestationTerm b) {
        return parts(a.kind() != b.kind(), "kind", !a.label().equals(b.label()), "label",
                !a.scale().equals(b.scale()), "scale");
    }

    private static List<String> differences(FieldTerm a, FieldTerm b) {
        return parts(true, "label");
    }

    private static List<String> differences(LevelTerm a, LevelTerm b) {
        return parts(!a.label().equals(b.label()), "label", !a.under().equals(b.under()), "under");
    }

    private static List<String> parts(Object... flagsAndNames) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < flagsAndNames.length; i += 2) {
            if ((Boolean) flagsAndNames[i]) {
                out.add((String) flagsAndNames[i + 1]);
            }
        }
        return out;
    }

    /** Checks the terms of one file, each at its place. */
    private static final class Checker {
        final String source;
        final Map<String, JsonLocation> places;
        final List<Problem> problems;

        Checker(String source, Map<String, JsonLocation> places, List<Problem> problems) {
            this.source = source;
            this.places = places;
            this.problems = problems;
        }

        void add(String path, String message) {
            JsonLocation l = places.get(path);
            String p = path;
            while (l == null && p.contains(".")) { // a missing field: at its element
                p = p.substring(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('[')));
                l = places.get(p);
            }
            problems.add(new Problem(source, path, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    message));
        }

        <T> Declared<T> declared(T term, String code, String path) {
            JsonLocation l = places.get(path);
            return new Declared<>(term, code, source, path, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
        }

        /** The code at {@code path}, checked: present, well formed, first in its list; or null. */
        String code(String code, String path, Pattern pattern, String example, Map<String, String> seen) {
            if (code == null) {
                add(path, "is required, such as " + example);
                return null;
            }
            if (!pattern.matcher(code).matches()) {
                add(path, "'" + code + "' is not a code such as " + example + " ("
                        + (pattern == UPPER ? "capital letters, digits and _" : "small letters, digits, '.', '_' and '-'")
                        + ", at most 100)");
                return null;
            }
            String first = seen.putIfAbsent(code, path);
            if (first != null) {
                JsonLocation l = places.get(first);
                add(path, "'" + code + "' is declared twice in this file: first at " + first
                        + (l == null ? "" : " (line " + l.getLineNr() + ")") + "; codes must be unique");
                return null;
            }
            return code;
        }

        Label label(LabelForm form, String path) {
            if (form == null) {
                add(path, "is required: {\"vi\": \"…\", \"en\": \"…\"} (optionally \"enOne\" or \"enMany\": the English singular or plural)");
                return null;
            }
            String vi = text(form.vi(), path + ".vi", "Vietnamese");
            String en = text(form.en(), path + ".en", "English");
            boolean formsOk = true;
            String one = null;
            String many = null;
            if (form.enOne() != null) {
                one = text(form.enOne(), path + ".enOne", "English");
                formsOk = one != null;
            }
            if (form.enMany() != null) {
                many = text(form.enMany(), path + ".enMany", "English");
                formsOk &= many != null;
            }
            return vi == null || en == null || !formsOk ? null : new Label(vi, en, one, many);
        }

        String text(String text, String path, String language) {
            if (text == null || text.isBlank()) {
                add(path, (text == null ? "is required" : "is blank") + ": every word needs a label in " + language);
                return null;
            }
            if (!text.strip().equals(text) || text.chars().anyMatch(VocabularyReader::unprintable)) {
                add(path, "has a line break, a control or formatting character (such as a direction override)"
                        + " or spaces at an end: a label is one line of words");
                return null;
            }
            if (text.length() > MAX_LABEL) {
                add(path, "is " + text.length() + " characters long, more than the " + MAX_LABEL + " a label may have");
                return null;
            }
            return text;
        }

        boolean element(Object form, String path) {
            if (form == null) {
                add(path, "is null: give an object");
                return false;
            }
            return true;
        }

        List<Declared<IndicatorTerm>> indicators(List<IndicatorForm> forms) {
            List<Declared<IndicatorTerm>> out = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < size(forms); i++) {
                String path = "indicators[" + i + "]";
                IndicatorForm f = forms.get(i);
                if (!element(f, path)) {
                    continue;
                }
                String code = code(f.code(), path + ".code", CODE, "dossiers.on_time", seen);
                if (f.kind() == null) {
                    add(path + ".kind", "is required: ratio (numerator of denominator, cases of the period),"
                            + " coverage (numerator of denominator, a stock read at the end of the period),"
                            + " count (an additive value) or level (a stock read at the end of the period)");
                }
                Label counted = label(f.counted(), path + ".counted");
                Label outOf = null;
                if (f.kind() != null && f.kind().isShare()) {
                    outOf = f.outOf() == null ? null : label(f.outOf(), path + ".outOf");
                    if (f.outOf() == null) {
                        add(path + ".outOf", "is required for a " + f.kind().word() + ": what the denominator counts");
                    }
                } else if (f.kind() != null && f.outOf() != null) {
                    add(path + ".outOf", "is for ratios and coverages only: a " + f.kind().word() + " indicator has no denominator");
                }
                if (code != null && f.kind() != null && counted != null && (outOf != null) == f.kind().isShare()) {
                    out.add(declared(new IndicatorTerm(code, f.kind(), counted, outOf), code, path));
                }
            }
            return out;
        }

        List<String> attributes(List<String> names, String path, Set<String> others) {
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < size(names); i++) {
                String n = names.get(i);
                String at = path + "[" + i + "]";
                if (n == null || !Vocabulary.EVENT_ATTRIBUTES.contains(n)) {
                    add(at, "'" + n + "' is not an attribute of events: " + String.join(", ", Vocabulary.EVENT_ATTRIBUTES));
                    ok = false;
                } else if (out.contains(n) || others.contains(n)) {
                    add(at, "'" + n + "' is named twice: name an attribute once, in requires or in allows");
                    ok = false;
                } else {
                    out.add(n);
                }
            }
            return ok ? out : null;
        }

        List<Declared<EventTypeTerm>> eventTypes(List<EventTypeForm> forms) {
            List<Declared<EventTypeTerm>> out = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < size(forms); i++) {
                String path = "eventTypes[" + i + "]";
                EventTypeForm f = forms.get(i);
                if (!element(f, path)) {
                    continue;
                }
                String code = code(f.code(), path + ".code", CODE, "inspection.surprise", seen);
                Label label = label(f.label(), path + ".label");
                List<String> requires = attributes(f.requires(), path + ".requires", Set.of());
                List<String> allows = attributes(f.allows(), path + ".allows",
                        requires == null ? Set.of() : Set.copyOf(requires));
                if (code != null && label != null && requires != null && allows != null) {
                    out.add(declared(new EventTypeTerm(code, label, requires, allows), code, path));
                }
            }
            return out;
        }

        List<Declared<AttestationTerm>> attestations(List<AttestationForm> forms) {
            List<Declared<AttestationTerm>> out = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < size(forms); i++) {
                String path = "attestations[" + i + "]";
                AttestationForm f = forms.get(i);
                if (!element(f, path)) {
                    continue;
                }
                String key = code(f.key(), path + ".key", CODE, "iso9001.converted", seen);
                Label label = label(f.label(), path + ".label");
                List<RankedWord> scale = new ArrayList<>();
                boolean ok = true;
                if (f.kind() == null) {
                    add(path + ".kind", "is required: boolean (true or false) or ranked (a word of a scale)");
                    ok = false;
                } else if (f.kind() == AttestationKind.BOOLEAN) {
                    if (f.scale() != null) {
                        add(path + ".scale", "is for ranked attestations only: a boolean one is true or false");
                        ok = false;
                    }
                } else if (size(f.scale()) == 0) {
                    add(path + ".scale", "is " + (f.scale() == null ? "required" : "empty")
                            + " for a ranked attestation: its words, best first, such as EXCELLENT, GOOD, FAIR");
                    ok = false;
                } else {
                    Map<String, String> words = new HashMap<>();
                    for (int w = 0; w < f.scale().size(); w++) {
                        String at = path + ".scale[" + w + "]";
                        WordForm word = f.scale().get(w);
                        if (!element(word, at)) {
                            ok = false;
                            continue;
                        }
                        String code = code(word.word(), at + ".word", UPPER, "GOOD", words);
                        Label wl = label(word.label(), at + ".label");
                        if (code == null || wl == null) {
                            ok = false;
                        } else {
                            scale.add(new RankedWord(code, wl));
                        }
                    }
                }
                if (key != null && label != null && ok) {
                    out.add(declared(new AttestationTerm(key, f.kind(), label, scale), key, path));
                }
            }
            return out;
        }

        List<Declared<FieldTerm>> fields(List<FieldForm> forms) {
            List<Declared<FieldTerm>> out = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < size(forms); i++) {
                String path = "fields[" + i + "]";
                FieldForm f = forms.get(i);
                if (!element(f, path)) {
                    continue;
                }
                String code = code(f.code(), path + ".code", CODE, "land", seen);
                Label label = label(f.label(), path + ".label");
                if (code != null && label != null) {
                    out.add(declared(new FieldTerm(code, label), code, path));
                }
            }
            return out;
        }

        List<Declared<LevelTerm>> levels(List<LevelForm> forms) {
            List<Declared<LevelTerm>> out = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < size(forms); i++) {
                String path = "levels[" + i + "]";
                LevelForm f = forms.get(i);
                if (!element(f, path)) {
                    continue;
                }
                String code = code(f.code(), path + ".code", UPPER, "DEPARTMENT", seen);
                Label label = label(f.label(), path + ".label");
                List<String> under = new ArrayList<>();
                boolean ok = true;
                for (int u = 0; u < size(f.under()); u++) {
                    String at = path + ".under[" + u + "]";
                    String parent = f.under().get(u);
                    if (parent == null || !UPPER.matcher(parent).matches()) {
                        add(at, "'" + parent + "' is not a level code such as DEPARTMENT");
                        ok = false;
                    } else if (parent.equals(code)) {
                        add(at, "names the level itself: a level cannot stand under itself");
                        ok = false;
                    } else if (under.contains(parent)) {
                        add(at, "names " + parent + " twice");
                        ok = false;
                    } else {
                        under.add(parent);
                    }
                }
                if (code != null && label != null && ok) {
                    out.add(declared(new LevelTerm(code, label, under), code, path));
                }
            }
            return out;
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** Where each value of the document starts, by its path ({@code levels[2].under[0]}); partial if the JSON breaks. */
    static Map<String, JsonLocation> places(byte[] bytes) {
        Map<String, JsonLocation> places = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext holder = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                places.putIfAbsent(path(holder), p.currentTokenLocation());
            }
        } catch (IOException e) {
            // reading the document reports it
        }
        return places;
    }

    /** The path of the value a context is at: {@code ""} for the root, {@code indicators[3].code} below. */
    private static String path(JsonStreamContext c) {
        if (c == null || c.inRoot()) {
            return "";
        }
        String parent = path(c.getParent());
        if (c.inArray()) {
            return parent + "[" + Math.max(0, c.getCurrentIndex()) + "]";
        }
        return (parent.isEmpty() ? "" : parent + ".") + c.getCurrentName();
    }

    /** A problem where Jackson stopped mapping, at the path it was reading. */
    private static Problem mappingProblem(String source, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String path = null;
        String message = oneLine(e.getOriginalMessage());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            path = b.length() == 0 ? null : b.toString();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            message = "'" + u.getPropertyName() + "' is not a field of a vocabulary " + (path != null && path.contains(".")
                    ? "entry" : "file") + ": the fields are " + String.join(", ", known);
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "'" + f.getValue() + "' is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> target = mi.getTargetType();
            String wanted = target == String.class ? "a string" : List.class.isAssignableFrom(target) ? "a list [ … ]"
                    : target.isEnum() ? "one of " + Arrays.stream(target.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    : "an object { … }";
            message = "must be " + wanted;
        }
        return new Problem(source, path, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), message);
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
