// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of evaluating one facts document against one rule set: every result, in the
 * contract's order, and a count per status.
 */
@JsonPropertyOrder({"ruleSet", "asOf", "results", "scores", "summary"})
@JsonIgnoreProperties(value = "summary", allowGetters = true)
@API(status = STABLE, since = "0.1")
public final class Evaluation {

    private final RuleSetRef ruleSet;
    private final LocalDate asOf;
    private final List<TargetResult> results;
    private final Map<Status, Integer> summary;
    private final List<Score> scores;

    /**
     * Creates an evaluation; the results are sorted into the contract's order and the summary is
     * counted from them.
     */
    public Evaluation(RuleSetRef ruleSet, LocalDate asOf, List<TargetResult> results) {
        this(ruleSet, asOf, results, List.of());
    }

    /**
     * Creates an evaluation of a points-scoring rule set: the results, and per unit and period its
     * score, sorted by unit and period.
     */
    @JsonCreator
    public Evaluation(@JsonProperty("ruleSet") RuleSetRef ruleSet,
                      @JsonProperty("asOf") LocalDate asOf,
                      @JsonProperty("results") List<TargetResult> results,
                      @JsonProperty("scores") List<Score> scores) {
        List<Score> sortedScores = new ArrayList<>(scores == null ? List.of() : scores);
        sortedScores.sort(Score.ORDER);
        this.scores = Collections.unmodifiableList(sortedScores);
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.asOf = asOf;
        List<TargetResult> sorted = new ArrayList<>(results == null ? List.of() : results);
        sorted.sort(TargetResult.ORDER);
        this.results = Collections.unmodifiableList(sorted);
        EnumMap<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (TargetResult r : sorted) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        this.summary = Collections.unmodifiableMap(counts);
    }

    /** The rule set and version that produced the results. */
    @JsonProperty("ruleSet")
    public RuleSetRef ruleSet() {
        return ruleSet;
    }

    /** The date the facts describe. */
    @JsonProperty("asOf")
    public LocalDate asOf() {
        return asOf;
    }

    /** Every result, ordered by unit, target id, period and field. */
    @JsonProperty("results")
    public List<TargetResult> results() {
        return results;
    }

    /** Per unit and period, the points of a points-scoring rule set; empty for other rule sets. */
    @JsonProperty("scores")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public List<Score> scores() {
        return scores;
    }

    /** The score of one unit for one period, if the rule set scores points. */
    @JsonIgnore
    public java.util.Optional<Score> scoreOf(String unitId, Period period) {
        return scores.stream().filter(s -> s.unit().equals(unitId) && s.period().equals(period)).findFirst();
    }

    /** How many results have each status; every status is present, with 0 where none has it. */
    @JsonProperty("summary")
    public Map<Status, Integer> summary() {
        return summary;
    }

    /** The results of one unit, in order. */
    @JsonIgnore
    public List<TargetResult> resultsFor(String unitId) {
        return results.stream().filter(r -> r.unit().equals(unitId)).toList();
    }

    /** The results of one target across units and fields, in order. */
    @JsonIgnore
    public List<TargetResult> resultsOf(String targetId) {
        return results.stream().filter(r -> r.target().equals(targetId)).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && ruleSet.equals(e.ruleSet) && Objects.equals(asOf, e.asOf)
                && results.equals(e.results) && scores.equals(e.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleSet, asOf, results, scores);
    }

    @Override
    public String toString() {
        return "Evaluation[" + ruleSet.id() + " " + ruleSet.version() + ", asOf " + asOf + ", " + summary + "]";
    }
}
