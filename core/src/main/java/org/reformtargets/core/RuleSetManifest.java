package org.reformtargets.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule set's {@code manifest.json} says about it.
 *
 * @param id        {@code FAMILY/YEAR}, such as {@code hcm-agri/2021}; must match the folder
 * @param version   semantic version, such as {@code 1.0.0}
 * @param title     title in Vietnamese and English
 * @param issuer    who issued the commitments it encodes
 * @param period    the period its targets are for, such as {@code 2021}
 * @param effective the dates it is in force
 * @param sources   the source documents
 * @param files     its DRL files, relative to its folder, in load order
 * @param scenarios its scenario files ({@code *.scenarios.json}), relative to its folder; optional,
 *                  never compiled, read only by the scenario runner
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "title", "issuer", "period", "effective", "sources", "files", "scenarios"})
public record RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                              Effective effective, List<SourceDocument> sources, List<String> files,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> scenarios) {

    public RuleSetManifest {
        sources = sources == null ? List.of() : List.copyOf(sources);
        files = files == null ? List.of() : List.copyOf(files);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /** A manifest without scenario files. */
    public RuleSetManifest(String id, String version, Message title, String issuer, Period period,
                           Effective effective, List<SourceDocument> sources, List<String> files) {
        this(id, version, title, issuer, period, effective, sources, files, List.of());
    }

    /**
     * The dates a rule set is in force, both included.
     *
     * @param from first day
     * @param to   last day
     */
    public record Effective(LocalDate from, LocalDate to) {
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
