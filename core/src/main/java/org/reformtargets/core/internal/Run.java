package org.reformtargets.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;

/**
 * One evaluation in progress: the evaluated period, the facts' date, the units and the results
 * the rules have stated so far. Confined to the thread that runs the evaluation.
 */
public final class Run {

    private final Period period;
    private final LocalDate asOf;
    private final boolean periodEnded;
    private final Map<String, RuleInfo> rules;
    private final Map<String, UnitView> units = new HashMap<>();
    private final List<TargetResult> results = new ArrayList<>();
    private final Map<String, String> claimed = new HashMap<>();
    private final Set<String> unanswered = new LinkedHashSet<>();
    private final List<Problem> conflicts = new ArrayList<>();
    private Map<String, TargetSpec> specs;

    Run(Period period, LocalDate asOf, Map<String, RuleInfo> rules) {
        this.period = period;
        this.asOf = asOf;
        this.periodEnded = period.endedBy(asOf);
        this.rules = rules;
    }

    /** The period the rule set evaluates. */
    public Period period() {
        return period;
    }

    /** The date the facts describe. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Whether the evaluated period has ended on {@code asOf}, making results final. */
    public boolean periodEnded() {
        return periodEnded;
    }

    /** The unit with this id, or {@code null}. */
    public UnitView unit(String id) {
        return units.get(id);
    }

    void add(UnitView unit) {
        units.put(unit.getId(), unit);
    }

    /** Records that {@code rule} fired for {@code unit} and returns what its metadata says. */
    public RuleInfo started(Rule rule, UnitView unit) {
        RuleInfo info = rules.get(key(rule.getPackageName(), rule.getName()));
        if (info == null) {
            throw new IllegalStateException("rule '" + rule.getName() + "' is not part of the rule set");
        }
        unanswered.add(info.name() + "\u0000" + unit.getId());
        return info;
    }

    /** Adds one result; a second result for the same target, unit and field is a conflict. */
    public void emit(RuleInfo rule, UnitView unit, String field, Status status, String actual, String threshold,
                     Long gap, Period measuredPeriod, String vi, String en) {
        unanswered.remove(rule.name() + "\u0000" + unit.getId());
        String key = rule.target() + "\u0000" + unit.getId() + "\u0000" + field;
        String earlier = claimed.putIfAbsent(key, rule.name());
        if (earlier != null) {
            conflicts.add(new Problem(rule.file(), "rule \"" + rule.name() + "\"", rule.line(), 0,
                    "gives a second result for target " + rule.target() + ", unit " + unit.getId()
                            + (field == null ? "" : ", field " + field) + " after rule \"" + earlier
                            + "\": a target needs exactly one rule per unit; narrow the rules' conditions"));
            return;
        }
        results.add(new TargetResult(rule.target(), unit.getId(), period, field, status,
                periodEnded && measuredPeriod == null, actual, threshold, gap, rule.source(),
                new Message(vi, en), measuredPeriod, rule.name()));
    }

    /** The results, once every rule has fired; conflicts and unfinished checks are problems. */
    List<TargetResult> results(List<Problem> problems) {
        problems.addAll(conflicts);
        for (String u : unanswered) {
            String[] parts = u.split("\u0000");
            RuleInfo info = rules.values().stream().filter(r -> r.name().equals(parts[0])).findFirst().orElseThrow();
            problems.add(new Problem(info.file(), "rule \"" + parts[0] + "\"", info.line(), 0,
                    "fired for unit " + parts[1] + " but stated no verdict: end its Check with a threshold"
                            + " such as atLeast(\"98\")"));
        }
        return results;
    }

    /** Makes this run record what each check states ({@link #states}), for a dry run. */
    void describe() {
        specs = new java.util.LinkedHashMap<>();
    }

    /** Whether checks should state their requirement: only in a dry run. */
    public boolean describing() {
        return specs != null;
    }

    /** Records what {@code rule}'s check demands of {@code unit}; the first statement per rule and unit counts. */
    public void states(RuleInfo rule, UnitView unit, TargetSpec.Requirement requirement) {
        if (specs != null) {
            specs.putIfAbsent(rule.name() + "\u0000" + unit.getId(), new TargetSpec(rule.target(), unit.getLevel(),
                    rule.name(), requirement, null, rule.source(), rule.file(), rule.line()));
        }
    }

    /** What the checks stated, keyed by rule name and unit id; empty unless describing. */
    Map<String, TargetSpec> specs() {
        return specs == null ? Map.of() : specs;
    }

    static String key(String pkg, String name) {
        return pkg + "\u0000" + name;
    }
}
