// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a rule set's {@code manifest.json} says about it.
 *
 * <p><b>Rules shared by the years of a family.</b> A family whose years repeat some targets
 * (Bình Thuận's yearly on-time share, say) keeps those rules once, in a DRL file of the family
 * folder, and each year's manifest names it in {@code include}:
 * <pre>{@code
 * rulesets/binh-thuan-qlcl/common/yearly.drl       shared rules
 * rulesets/binh-thuan-qlcl/2023/manifest.json      "files": [], "include": ["common/yearly.drl"]
 * }</pre>
 * An include is a {@code .drl} path relative to the family folder ({@code rulesets/<family>/} on
 * the class path; the parent of the year folder for {@link RuleSet#fromDirectory}); it must stay
 * inside that folder (no {@code ..}, no absolute path). Included files are compiled after
 * {@code files}, into each year's rule set separately, so every year remains a self-contained,
 * versioned rule set with its own manifest. Shared rules write their target ids with the
 * placeholder {@code {ruleSet}}, which the compiler replaces with the rule set's id in every
 * rule's {@code @target}: {@code @target("{ruleSet}/on-time")} is {@code binh-thuan-qlcl/2023/on-time}
 * in the 2023 rule set. Dates and years come from the evaluated period, which the vocabulary
 * reads from the run (the previous year of 2023 is 2022), so shared rules name none.
 *
 * @param id        {@code FAMILY/YEAR}, such as {@code hcm-agri/2021}; must match the folder
 * @param version   semantic version, such as {@code 1.0.0}
 * @param title     title in Vietnamese and English
 * @param issuer    who issued the commitments it encodes
 * @param period    the period its targets are for, such as {@code 2021}
 * @param effective the dates it is in force
 * @param sources   the source documents
 * @param files     its DRL files, relative to its folder, in load order
 * @param include   DRL files shared by the family, relative to the family folder, loaded after {@code files}
 * @param scenarios its scenario files ({@code *.scenarios.json}), relative to its folder; optional,
 *                  never compiled, read only by the scenario runner
 * @param vocabulary its vocabulary files, extending the standard vocabulary; optional, never absent
 *                  (empty when the manifest names none). See {@link VocabularyFiles}.
 * @param periods   which periods are evaluated: absent for the rule set's {@code period} alone;
 *                  {@value #EACH_FOUND} for every period (month, quarter, the year) for which the facts
 *                  hold a measurement within {@code period}, each scored on its own
 * @param parameters the rule set's documented parameters, name to value, read by its checks (a
 *                  reading the sources leave open, such as a zero-denominator policy); never absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "title", "issuer", "period", "effective", "sources", "files", "include",
        "scenarios", "vocabulary", "periods", "parameters"})
@API(status = STABLE, since = "0.1")
public record RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                              Effective effective, List<SourceDocument> sources, List<String> files,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> include,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> scenarios,
                              @JsonInclude(value = JsonInclude.Include.CUSTOM,
                                      valueFilter = VocabularyFiles.None.class) VocabularyFiles vocabulary,
                              String periods,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, String> parameters) {

    /** The {@code periods} value that evaluates every period found in the facts. */
    public static final String EACH_FOUND = "each-found";

    @JsonCreator
    public RuleSetManifest {
        parameters = parameters == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
        sources = sources == null ? List.of() : List.copyOf(sources);
        files = files == null ? List.of() : List.copyOf(files);
        include = include == null ? List.of() : List.copyOf(include);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        vocabulary = vocabulary == null ? VocabularyFiles.NONE : vocabulary;
    }

    /** A manifest that evaluates its one period, without parameters. */
    public RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                           Effective effective, List<SourceDocument> sources, List<String> files,
                           List<String> include, List<String> scenarios, VocabularyFiles vocabulary) {
        this(id, version, title, issuer, period, effective, sources, files, include, scenarios, vocabulary, null,
                java.util.Map.of());
    }

    /** Whether every period found in the facts is evaluated ({@code "periods": "each-found"}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean eachFoundPeriod() {
        return EACH_FOUND.equals(periods);
    }

    /** A manifest without vocabulary files. */
    public RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                           Effective effective, List<SourceDocument> sources, List<String> files,
                           List<String> include, List<String> scenarios) {
        this(id, version, title, issuer, period, effective, sources, files, include, scenarios, VocabularyFiles.NONE);
    }

    /** A manifest without shared files or scenario files. */
    public RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                           Effective effective, List<SourceDocument> sources, List<String> files) {
        this(id, version, title, issuer, period, effective, sources, files, List.of(), List.of());
    }

    /**
     * The vocabulary files of a rule set (see {@link Vocabulary}), which extend the standard
     * vocabulary: in the manifest, {@code "vocabulary": {"files": ["words.json"], "include":
     * ["common/words.json"]}}. Like the DRL files, {@code files} are relative to the rule-set
     * folder and {@code include} to the family folder; each is a {@code .json} file that must stay
     * inside its folder. They are merged onto the standard vocabulary in a fixed order: the
     * {@code include}d files first, as listed, then {@code files}, as listed (the family's words,
     * then the year's own).
     *
     * @param files   vocabulary files relative to the rule-set folder
     * @param include vocabulary files shared by the family, relative to the family folder
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"files", "include"})
    public record VocabularyFiles(List<String> files, List<String> include) {

        /** No vocabulary file: the rule set speaks the standard vocabulary. */
        public static final VocabularyFiles NONE = new VocabularyFiles(List.of(), List.of());

        @JsonCreator
        public VocabularyFiles {
            files = files == null ? List.of() : List.copyOf(files);
            include = include == null ? List.of() : List.copyOf(include);
        }

        /** Whether it names no file. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isEmpty() {
            return files.isEmpty() && include.isEmpty();
        }

        /** Leaves an empty {@code vocabulary} out of a manifest written as JSON. */
        static final class None {
            @Override
            public boolean equals(Object o) {
                return o == null || o instanceof VocabularyFiles v && v.isEmpty();
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }
    }

    /**
     * The dates a rule set is in force, both included.
     *
     * @param from first day
     * @param to   last day
     */
    public record Effective(LocalDate from, LocalDate to) {

        /** Whether {@code date} falls within these dates, both included. */
        public boolean contains(LocalDate date) {
            return from != null && to != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /**
     * A document the rule set encodes.
     *
     * @param document file name, as cited in results
     * @param title    its title
     * @param issued   the date it was signed or issued
     * @param level    the level of unit its targets bind, or {@code null} for all
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceDocument(String document, String title, LocalDate issued, Level level) {
    }
}
