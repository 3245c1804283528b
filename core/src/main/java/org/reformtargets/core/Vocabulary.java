// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.reformtargets.core.internal.VocabularyReader;

/**
 * The words a rule set speaks (từ vựng): the indicator codes of measurements, the event types, the
 * attestation keys with their values, the fields (lĩnh vực) and the levels of units, each with its
 * Vietnamese and English labels.
 *
 * <p>{@link #standard()} is the vocabulary shipped with the library, read from the class-path
 * resource {@value #STANDARD_RESOURCE}; it holds every code of the facts contract
 * ({@link Indicator}, {@link EventType}, {@link Level}) with the same labels, and the levels of
 * Vietnamese public administration. A rule set uses it and may extend it with vocabulary files
 * its manifest lists ({@link RuleSetManifest#vocabulary()}); {@link RuleSet#vocabulary()} is the
 * result. The JSON form of a vocabulary file is described in {@code docs/authoring.md}
 * ("Your own words: vocabulary files").
 *
 * <p>A vocabulary is immutable; every list keeps the order of declaration (the standard words
 * first, then those of each file in the order the manifest reads them). Evaluation does not consult
 * it yet: facts are still checked against the contract's enums.
 */
@API(status = STABLE, since = "0.1")
public final class Vocabulary {

    /** The class-path resource of the standard vocabulary. */
    public static final String STANDARD_RESOURCE = "org/reformtargets/core/vocabulary/standard.json";

    /** The attributes an event may carry besides its unit and type, as {@link Event} names them. */
    public static final List<String> EVENT_ATTRIBUTES = List.of("date", "subject", "task", "deadline", "report", "period", "title");

    private static volatile Vocabulary standard;

    private final List<IndicatorTerm> indicators;
    private final List<EventTypeTerm> eventTypes;
    private final List<AttestationTerm> attestations;
    private final List<FieldTerm> fields;
    private final List<LevelTerm> levels;
    private final Map<String, IndicatorTerm> indicatorByCode;
    private final Map<String, EventTypeTerm> eventTypeByCode;
    private final Map<String, AttestationTerm> attestationByKey;
    private final Map<String, FieldTerm> fieldByCode;
    private final Map<String, LevelTerm> levelByCode;

    private Vocabulary(List<IndicatorTerm> indicators, List<EventTypeTerm> eventTypes,
                       List<AttestationTerm> attestations, List<FieldTerm> fields, List<LevelTerm> levels) {
        this.indicators = List.copyOf(indicators);
        this.eventTypes = List.copyOf(eventTypes);
        this.attestations = List.copyOf(attestations);
        this.fields = List.copyOf(fields);
        this.levels = List.copyOf(levels);
        this.indicatorByCode = index(this.indicators, IndicatorTerm::code, "indicator");
        this.eventTypeByCode = index(this.eventTypes, EventTypeTerm::code, "event type");
        this.attestationByKey = index(this.attestations, AttestationTerm::key, "attestation");
        this.fieldByCode = index(this.fields, FieldTerm::code, "field");
        this.levelByCode = index(this.levels, LevelTerm::code, "level");
        for (LevelTerm l : this.levels) {
            for (String u : l.under()) {
                if (!levelByCode.containsKey(u)) {
                    throw new IllegalArgumentException("level " + l.code() + " stands under " + u
                            + ", which is not a declared level");
                }
            }
        }
        List<String> cycle = cycle(this.levels, levelByCode);
        if (!cycle.isEmpty()) {
            throw new IllegalArgumentException("the levels' 'under' make a cycle: " + String.join(" → ", cycle));
        }
    }

    /**
     * A vocabulary of these words, in this order.
     *
     * @throws IllegalArgumentException when a code is declared twice in one list, a level stands under
     *                                  a level not declared, or levels stand under each other in a cycle
     * @throws NullPointerException     when a list or an element is {@code null}
     */
    public static Vocabulary of(List<IndicatorTerm> indicators, List<EventTypeTerm> eventTypes,
                                List<AttestationTerm> attestations, List<FieldTerm> fields, List<LevelTerm> levels) {
        return new Vocabulary(indicators, eventTypes, attestations, fields, levels);
    }

    /**
     * The standard vocabulary shipped with the library ({@value #STANDARD_RESOURCE}), read once.
     *
     * @throws IllegalStateException when the resource is missing or broken (a packaging error)
     */
    public static Vocabulary standard() {
        Vocabulary s = standard;
        if (s == null) {
            synchronized (Vocabulary.class) {
                s = standard;
                if (s == null) {
                    s = VocabularyReader.standard(STANDARD_RESOURCE);
                    standard = s;
                }
            }
        }
        return s;
    }

    /** The indicators, in order of declaration. */
    public List<IndicatorTerm> indicators() {
        return indicators;
    }

    /** The indicator with this code, if declared. */
    public Optional<IndicatorTerm> indicator(String code) {
        return Optional.ofNullable(indicatorByCode.get(code));
    }

    /** The event types, in order of declaration. */
    public List<EventTypeTerm> eventTypes() {
        return eventTypes;
    }

    /** The event type with this code, if declared. */
    public Optional<EventTypeTerm> eventType(String code) {
        return Optional.ofNullable(eventTypeByCode.get(code));
    }

    /** The attestation keys, in order of declaration. */
    public List<AttestationTerm> attestations() {
        return attestations;
    }

    /** The attestation with this key, if declared. */
    public Optional<AttestationTerm> attestation(String key) {
        return Optional.ofNullable(attestationByKey.get(key));
    }

    /** The fields (lĩnh vực), in order of declaration. */
    public List<FieldTerm> fields() {
        return fields;
    }

    /** The field with this code, if declared. */
    public Optional<FieldTerm> field(String code) {
        return Optional.ofNullable(fieldByCode.get(code));
    }

    /** The levels of units, in order of declaration. */
    public List<LevelTerm> levels() {
        return levels;
    }

    /** The level with this code, if declared. */
    public Optional<LevelTerm> level(String code) {
        return Optional.ofNullable(levelByCode.get(code));
    }

    /**
     * Whether a unit of level {@code child} may have a parent of level {@code parent}: the child's
     * {@link LevelTerm#under()} names it. {@code false} when either is not declared.
     */
    public boolean mayStandUnder(String child, String parent) {
        LevelTerm c = levelByCode.get(child);
        return c != null && levelByCode.containsKey(parent) && c.under().contains(parent);
    }

    /** Whether both hold the same words in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && indicators.equals(v.indicators) && eventTypes.equals(v.eventTypes)
                && attestations.equals(v.attestations) && fields.equals(v.fields) && levels.equals(v.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(indicators, eventTypes, attestations, fields, levels);
    }

    @Override
    public String toString() {
        return "Vocabulary[" + indicators.size() + " indicators, " + eventTypes.size() + " event types, "
                + attestations.size() + " attestations, " + fields.size() + " fields, " + levels.size() + " levels]";
    }

    private static <T> Map<String, T> index(List<T> terms, Function<T, String> code, String what) {
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T t : terms) {
            String c = Objects.requireNonNull(code.apply(t), what + " code");
            if (byCode.putIfAbsent(c, t) != null) {
                throw new IllegalArgumentException(what + " " + c + " is declared twice");
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    /** A cycle of levels through {@code under}, as the codes along it (first repeated at the end); empty if none. */
    static List<String> cycle(List<LevelTerm> levels, Map<String, LevelTerm> byCode) {
        return org.reformtargets.core.internal.LevelCycles.find(levels, byCode);
    }

    /**
     * A word's name in Vietnamese and English. Vietnamese nouns do not inflect; English ones do, so
     * a label may give its English singular and plural beside {@code en} (the form headings use):
     * an indicator's {@code counted} is a plural ("dossiers resolved on time") and gives
     * {@code enOne} ("dossier resolved on time") for "1 more dossier resolved on time"; an event
     * type's label is a singular ("initiative") and gives {@code enMany} ("initiatives") for
     * "2 initiatives". A form not given is {@code en} itself.
     *
     * @param vi     the Vietnamese label
     * @param en     the English label
     * @param enOne  the English singular, where {@code en} is a plural; or {@code null}
     * @param enMany the English plural, where {@code en} is a singular; or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"vi", "en", "enOne", "enMany"})
    public record Label(String vi, String en, String enOne, String enMany) {

        /** @throws NullPointerException when {@code vi} or {@code en} is {@code null} */
        public Label {
            Objects.requireNonNull(vi, "vi");
            Objects.requireNonNull(en, "en");
        }

        /** A label without English singular or plural of its own. */
        public Label(String vi, String en) {
            this(vi, en, null, null);
        }

        /** The label in Vietnamese ({@code vi}) or English. */
        public String in(boolean vietnamese) {
            return vietnamese ? vi : en;
        }

        /** The English form for {@code count} of it: {@code enOne} for 1, else {@code enMany}; {@code en} where not given. */
        public String en(long count) {
            String form = count == 1 ? enOne : enMany;
            return form == null ? en : form;
        }
    }

    /** What an indicator's figure is. */
    public enum IndicatorKind {
        /**
         * A share of the cases of the period: a numerator of successes out of a denominator of
         * cases (dossiers resolved, survey forms), both whole counts; sub-periods add up to the year.
         */
        @JsonProperty("ratio") RATIO,
        /**
         * A share of a stock read at the end of the period (procedures published in full, staff
         * using official e-mail, units using e-payment): a numerator out of a denominator like a
         * ratio, but the year's figure is the last one reported, never a sum of sub-periods (the
         * same procedures would count twice), and no outlook is given (a stock can move either way).
         */
        @JsonProperty("coverage") COVERAGE,
        /** An additive value counted over the period (dossiers received, paper dossiers accepted): the quarters add up to the year. */
        @JsonProperty("count") COUNT,
        /** A stock read at the end of the period (headcount, procedures offered online): the year's figure is the last one. */
        @JsonProperty("level") LEVEL;

        /** The word a vocabulary file uses: {@code ratio}, {@code coverage}, {@code count} or {@code level}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether figures of this kind are a numerator out of a denominator (a ratio or a coverage). */
        public boolean isShare() {
            return this == RATIO || this == COVERAGE;
        }
    }

    /**
     * An indicator (chỉ số) of measurements.
     *
     * @param code    the code facts use, such as {@code dossiers.on_time}
     * @param kind    ratio, coverage, count or level
     * @param counted what the numerator (or the value) counts
     * @param outOf   what the denominator counts, for a ratio; {@code null} otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"code", "kind", "counted", "outOf"})
    public record IndicatorTerm(String code, IndicatorKind kind, Label counted, Label outOf) {

        /** @throws IllegalArgumentException when a ratio has no {@code outOf} or a value has one */
        public IndicatorTerm {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(counted, "counted");
            if (kind.isShare() != (outOf != null)) {
                throw new IllegalArgumentException(code + ": a ratio or coverage needs outOf, a count or level has none");
            }
        }

        /** Whether measurements of it give a numerator and a denominator rather than a value. */
        public boolean isRatio() {
            return kind.isShare();
        }
    }

    /**
     * An event type (loại sự kiện).
     *
     * @param code     the code facts use, such as {@code inspection.surprise}
     * @param label    its name
     * @param requires the attributes ({@link #EVENT_ATTRIBUTES}) an event of this type must carry
     * @param allows   further attributes it may carry, for what rules read of it
     */
    @JsonPropertyOrder({"code", "label", "requires", "allows"})
    public record EventTypeTerm(String code, Label label, List<String> requires, List<String> allows) {

        /** Copies the lists. */
        public EventTypeTerm {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            requires = List.copyOf(requires);
            allows = List.copyOf(allows);
        }
    }

    /** What an attestation's value is. */
    public enum AttestationKind {
        /** {@code true} or {@code false}. */
        @JsonProperty("boolean") BOOLEAN,
        /** A word of an ordered scale, best first. */
        @JsonProperty("ranked") RANKED;

        /** The word a vocabulary file uses: {@code boolean} or {@code ranked}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An attestation key (xác nhận): a fact stated, not counted.
     *
     * @param key   the key facts use, such as {@code iso9001.converted}
     * @param kind  boolean or ranked
     * @param label what is attested
     * @param scale for a ranked attestation, its words best first; empty for a boolean one
     */
    @JsonPropertyOrder({"key", "kind", "label", "scale"})
    public record AttestationTerm(String key, AttestationKind kind, Label label, List<RankedWord> scale) {

        /** @throws IllegalArgumentException when a ranked attestation has no scale or a boolean one has one */
        public AttestationTerm {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            scale = List.copyOf(scale);
            if ((kind == AttestationKind.RANKED) == scale.isEmpty()) {
                throw new IllegalArgumentException(key + ": a ranked attestation needs a scale, a boolean one has none");
            }
        }

        /** The scale's words, best first, such as {@code EXCELLENT, GOOD, FAIR, AVERAGE, POOR}. */
        public List<String> words() {
            return scale.stream().map(RankedWord::word).toList();
        }
    }

    /**
     * A word of a ranked attestation's scale.
     *
     * @param word  the value facts give, such as {@code GOOD} (compared ignoring case)
     * @param label its name, such as Tốt / Good
     */
    @JsonPropertyOrder({"word", "label"})
    public record RankedWord(String word, Label label) {

        /** Checks neither is {@code null}. */
        public RankedWord {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A field (lĩnh vực) that measurements may be split by.
     *
     * @param code  the code facts use, such as {@code land}
     * @param label its name, such as đất đai / land
     */
    @JsonPropertyOrder({"code", "label"})
    public record FieldTerm(String code, Label label) {

        /** Checks neither is {@code null}. */
        public FieldTerm {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A level of units (cấp) in the administrative hierarchy.
     *
     * @param code  the code facts use, such as {@code DEPARTMENT}
     * @param label its name, such as Sở / Department
     * @param under the levels a unit of this level may stand under (its parent's level); a unit may
     *              also have no parent, as the top unit of a facts document
     */
    @JsonPropertyOrder({"code", "label", "under"})
    public record LevelTerm(String code, Label label, List<String> under) {

        /** Copies the list. */
        public LevelTerm {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            under = List.copyOf(under);
        }
    }
}
