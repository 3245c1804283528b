// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.kie.api.runtime.rule.RuleContext;
import org.reformtargets.core.EventType;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.RuleInfo;
import org.reformtargets.core.internal.Run;
import org.reformtargets.core.internal.UnitView;

/**
 * The one builder a rule's consequence uses to state its target for a unit: it reads the facts
 * the target needs, decides the status exactly and records the result with the rule's target id,
 * source and clause. Start with {@code Check.of(kcontext, $unit)}, say what is measured, and end
 * with the threshold:
 * <pre>{@code
 * Check.of(kcontext, $unit).ratio("satisfaction").atLeast("91");
 * Check.of(kcontext, $unit).ratio("dossiers.on_time").perField()
 *         .fieldAtLeast("land", "96").fieldAtLeast("investment", "96").atLeast("98");
 * Check.of(kcontext, $unit).subUnits().inspected("inspection.periodic").atLeastPercent("30");
 * Check.of(kcontext, $unit).events("dialogue").everyQuarter();
 * Check.of(kcontext, $unit).tasks().allCompletedBefore("2021-11-01");
 * Check.of(kcontext, $unit).tasks().dueBy("plan", "2021-09-10").dueBy("form-guides", "2021-09-30").allOnTime();
 * Check.of(kcontext, $unit).reports().dueBy("Q1", "2020-02-25").dueBy("H1", "2020-05-25").allOnTime();
 * Check.of(kcontext, $unit).attestation("iso9001.converted").isTrue();
 * Check.of(kcontext, $unit).attestation("par_index.class").rankedAtLeast("GOOD", "EXCELLENT", "GOOD", "FAIR");
 * }</pre>
 * A check that is started and never ended with a threshold is reported as an error of the rule set.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Check {

    final Run run;
    final UnitView unit;
    final RuleInfo rule;

    private Check(Run run, UnitView unit, RuleInfo rule) {
        this.run = run;
        this.unit = unit;
        this.rule = rule;
    }

    /** Starts the check of the firing rule ({@code kcontext}) for {@code unit}. */
    public static Check of(RuleContext kcontext, UnitFacts unit) {
        if (!(unit instanceof UnitView view)) {
            throw new IllegalArgumentException("Check.of needs the UnitFacts the engine inserted, not " + unit);
        }
        return new Check(view.run(), view, view.run().started(kcontext.getRule(), view));
    }

    /** A share: {@code numerator} of {@code denominator} of a ratio indicator, such as {@code dossiers.on_time}. */
    public RatioCheck ratio(String indicator) {
        Term.Indicator i = indicator(indicator);
        if (!i.isRatio()) {
            throw new IllegalArgumentException("indicator " + indicator + " is a value, not a ratio: use value(\""
                    + indicator + "\")");
        }
        return new RatioCheck(this, i);
    }

    /** A plain figure of a value indicator, such as {@code procedures.online}. */
    public ValueCheck value(String indicator) {
        Term.Indicator i = indicator(indicator);
        if (i.isRatio()) {
            throw new IllegalArgumentException("indicator " + indicator + " is a ratio, not a value: use ratio(\""
                    + indicator + "\")");
        }
        return new ValueCheck(this, i);
    }

    /** The unit's sub-units (đơn vị trực thuộc): coverage by inspections, or something each must have. */
    public SubUnitsCheck subUnits() {
        return new SubUnitsCheck(this);
    }

    /** The unit's own events of one type, such as {@code dialogue}. */
    public EventsCheck events(String type) {
        return new EventsCheck(this, eventType(type));
    }

    /** The reform tasks assigned to the unit ({@code task.assigned}, {@code task.completed}). */
    public TasksCheck tasks() {
        return new TasksCheck(this);
    }

    /** The unit's periodic reports ({@code report.submitted}), each due by its own date. */
    public DeadlinesCheck reports() {
        return new DeadlinesCheck(this, EventType.REPORT_SUBMITTED);
    }

    /** A stated fact, such as {@code iso9001.converted}. */
    public AttestationCheck attestation(String key) {
        return new AttestationCheck(this, key);
    }

    /** States that the target does not apply to this unit, saying why in both languages. */
    public void notApplicable(String vi, String en) {
        states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.NOT_APPLICABLE, List.of()));
        emit(null, Status.NOT_APPLICABLE, null, null, null, null, vi, en);
    }

    /**
     * Records what the check demands, independent of the facts, when the run describes the rule
     * set ({@code RuleSet.describe()}); terminal methods call it before reading any fact.
     */
    void states(Supplier<TargetSpec.Requirement> requirement) {
        if (run.describing()) {
            run.states(rule, unit, requirement.get());
        }
    }

    void emit(String field, Status status, String actual, String threshold, Long gap,
              org.reformtargets.core.Period measured, String vi, String en) {
        run.emit(rule, unit, field, status, actual, threshold, gap, measured, false, vi, en);
    }

    /** As {@link #emit}, final at once when {@code settled}: nothing later in the period can change it. */
    void emitSettled(String field, Status status, String actual, String threshold, Long gap,
                     org.reformtargets.core.Period measured, boolean settled, String vi, String en) {
        run.emit(rule, unit, field, status, actual, threshold, gap, measured, settled, vi, en);
    }

    /** As {@link #emitSettled}, with an outlook for the rest of the period ({@code null} for none). */
    void emitOutlook(String field, Status status, String actual, String threshold, Long gap,
                     org.reformtargets.core.Period measured, boolean settled, org.reformtargets.core.Outlook outlook,
                     String vi, String en) {
        run.emit(rule, unit, field, status, actual, threshold, gap, measured, settled, outlook, vi, en);
    }

    /** As {@link #emit}, the sentences rendered when first read. */
    void emit(String field, Status status, String actual, String threshold, Long gap,
              org.reformtargets.core.Period measured, Supplier<String> vi, Supplier<String> en) {
        emitOutlook(field, status, actual, threshold, gap, measured, false, null, vi, en);
    }

    /** As {@link #emitSettled}, the sentences rendered when first read. */
    void emitSettled(String field, Status status, String actual, String threshold, Long gap,
                     org.reformtargets.core.Period measured, boolean settled, Supplier<String> vi, Supplier<String> en) {
        emitOutlook(field, status, actual, threshold, gap, measured, settled, null, vi, en);
    }

    /** As {@link #emitOutlook}, the sentences rendered when first read. */
    void emitOutlook(String field, Status status, String actual, String threshold, Long gap,
                     org.reformtargets.core.Period measured, boolean settled, org.reformtargets.core.Outlook outlook,
                     Supplier<String> vi, Supplier<String> en) {
        run.emit(rule, unit, field, status, actual, threshold, gap, measured, settled, outlook,
                org.reformtargets.core.Message.rendered(vi, en));
    }

    /** The indicator with this code in the rule set's vocabulary. */
    Term.Indicator indicator(String code) {
        return Term.Indicator.of(run.vocabulary().indicator(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown indicator '" + code + "': use one of the codes in facts-format.md, such as dossiers.on_time,"
                        + " or declare it in the rule set's vocabulary")));
    }

    /** The event type with this code in the rule set's vocabulary. */
    Term.EventType eventType(String code) {
        return Term.EventType.of(run.vocabulary().eventType(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown event type '" + code + "': use one of the types in facts-format.md, such as dialogue,"
                        + " or declare it in the rule set's vocabulary")));
    }

    /** The field's name in the given language: its label in the rule set's vocabulary (the code only if undeclared). */
    String field(String field, boolean vi) {
        if (field == null) {
            return null;
        }
        return run.vocabulary().field(field).map(f -> f.label().in(vi)).orElse(field);
    }

    /** What the attestation states, by its label in the rule set's vocabulary (its key only if undeclared). */
    String attestation(String key, boolean vi) {
        return run.vocabulary().attestation(key).map(a -> a.label().in(vi)).orElse(key);
    }

    /** A word of a ranked attestation's scale, by its label (the word itself only if undeclared). */
    String rankedWord(String key, String word, boolean vi) {
        return run.vocabulary().attestation(key).flatMap(a -> a.scale().stream()
                .filter(w -> w.word().equalsIgnoreCase(word)).findFirst())
                .map(w -> w.label().in(vi)).orElse(word);
    }
}
