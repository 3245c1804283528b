// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.kie.api.definition.rule.Rule;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.Vocabulary;

/**
 * One session of an evaluation in progress: the evaluated period, the facts' date, the units
 * inserted and the results the rules have stated so far. Confined to the thread that runs the
 * session; an evaluation split into batches has one run per batch.
 */
@API(status = INTERNAL, since = "0.1")
public final class Run {

    private final Period period;
    private final LocalDate asOf;
    private final boolean periodEnded;
    private final Map<String, RuleInfo> rules;
    private final Map<String, UnitView> units = new HashMap<>();
    private final List<TargetResult> results = new ArrayList<>();
    private final Map<Claim, String> claimed = new HashMap<>();
    private final Set<Fired> unanswered = new LinkedHashSet<>();
    private final Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();
    private final List<Problem> conflicts = new ArrayList<>();
    private Map<String, TargetSpec> specs;
    private final Vocabulary vocabulary;
    private final Map<String, String> parameters;
    /** Per unit id, the scored results stated so far, in the order stated. */
    private final Map<String, List<Scored>> scored = new java.util.LinkedHashMap<>();
    /** Per unit and indicator, its figure for this run's period once summed (see {@link #figure}). */
    private final Map<UnitView, Map<String, long[]>> figures = new IdentityHashMap<>();

    Run(Period period, LocalDate asOf, Map<String, RuleInfo> rules) {
        this(period, asOf, rules, Vocabulary.standard());
    }

    Run(Period period, LocalDate asOf, Map<String, RuleInfo> rules, Vocabulary vocabulary) {
        this(period, asOf, rules, vocabulary, Map.of());
    }

    Run(Period period, LocalDate asOf, Map<String, RuleInfo> rules, Vocabulary vocabulary,
        Map<String, String> parameters) {
        this.parameters = parameters == null ? Map.of() : parameters;
        this.vocabulary = vocabulary == null ? Vocabulary.standard() : vocabulary;
        this.period = period;
        this.asOf = asOf;
        this.periodEnded = period.endedBy(asOf);
        this.rules = rules;
    }

    /** The words of the rule set evaluating: its indicators, event types, attestations, fields and levels. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The rule set's parameter {@code name} (manifest {@code "parameters"}), or {@code null}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /**
     * The figure of {@code indicator} for {@code unit} in this run's period that a scored check summed
     * before ({@code {numerator, denominator}}, an empty array for none; not to be changed), or {@code null}
     * when none was remembered: a province's sum over its communes is then made once, not again for
     * each of its departments' and its own targets.
     */
    public long[] figure(UnitView unit, String indicator) {
        Map<String, long[]> of = figures.get(unit);
        return of == null ? null : of.get(indicator);
    }

    /** Remembers {@link #figure}. */
    public void figure(UnitView unit, String indicator, long[] figure) {
        figures.computeIfAbsent(unit, u -> new HashMap<>()).put(indicator, figure);
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
        RuleInfo info = byRule.get(rule);
        if (info == null) {
            info = rules.get(key(rule.getPackageName(), rule.getName()));
            if (info == null) {
                throw new IllegalStateException("rule '" + rule.getName() + "' is not part of the rule set");
            }
            byRule.put(rule, info);
        }
        unanswered.add(new Fired(info, unit));
        return info;
    }

    /** Adds one result; a second result for the same target, unit and field is a conflict. */
    public void emit(RuleInfo rule, UnitView unit, String field, Status status, String actual, String threshold,
                     Long gap, Period measuredPeriod, String vi, String en) {
        emit(rule, unit, field, status, actual, threshold, gap, measuredPeriod, false, vi, en);
    }

    /**
     * Adds one result; {@code settled} makes it final even before the period ends (a deadline
     * already missed, a threshold out of reach whatever the rest of the year brings).
     */
    public void emit(RuleInfo rule, UnitView unit, String field, Status status, String actual, String threshold,
                     Long gap, Period measuredPeriod, boolean settled, String vi, String en) {
        emit(rule, unit, field, status, actual, threshold, gap, measuredPeriod, settled, null, vi, en);
    }

    /** As {@link #emit(RuleInfo, UnitView, String, Status, String, String, Long, Period, boolean, String, String)}, with an outlook for the rest of the period. */
    public void emit(RuleInfo rule, UnitView unit, String field, Status status, String actual, String threshold,
                     Long gap, Period measuredPeriod, boolean settled, org.reformtargets.core.Outlook outlook,
                     String vi, String en) {
        emit(rule, unit, field, status, actual, threshold, gap, measuredPeriod, settled, outlook, new Message(vi, en));
    }

    /**
     * As {@link #emit(RuleInfo, UnitView, String, Status, String, String, Long, Period, boolean, String, String)},
     * with an outlook and the message, usually one {@linkplain Message#rendered rendered} when first read.
     */
    public void emit(RuleInfo rule, UnitView unit, String field, Status status, String actual, String threshold,
                     Long gap, Period measuredPeriod, boolean settled, org.reformtargets.core.Outlook outlook,
                     Message message) {
        unanswered.remove(new Fired(rule, unit));
        String earlier = claimed.putIfAbsent(new Claim(rule.target(), unit, field), rule.name());
        if (earlier != null) {
            conflicts.add(new Problem(rule.file(), "rule \"" + rule.name() + "\"", rule.line(), 0,
                    "gives a second result for target " + rule.target() + ", unit " + unit.getId()
                            + (field == null ? "" : ", field " + field) + " after rule \"" + earlier
                            + "\": a target needs exactly one rule per unit; narrow the rules' conditions"));
            return;
        }
        results.add(TargetResult.builder(rule.target(), unit.getId(), period, status).field(field)
                .isFinal(settled || (periodEnded && measuredPeriod == null)).actual(actual).threshold(threshold).gap(gap)
                .source(rule.source()).message(message).measuredPeriod(measuredPeriod).rule(rule.name())
                .outlook(outlook).build());
    }

    /**
     * One scored result, as a scored check states it.
     *
     * @param group    its group
     * @param points   the exact points given, or {@code null} when excluded at this level
     * @param max      its maximum
     * @param gap      further successful cases to full points, or {@code null}
     * @param missing  whether its measurement was missing
     * @param counted  what a case is, in Vietnamese and English ("hồ sơ có kết quả điện tử")
     */
    public record Scored(String target, String group, Fraction points, Fraction max, Long gap, boolean missing,
                         Message counted) {
    }

    /**
     * Adds one scored result: as {@link #emit}, with its points ({@code null} when the target is
     * excluded at the unit's level) out of {@code max}; or, with {@code group == null}, an
     * unscored one showing {@code maxPoints} ({@code "0"} for informational, {@code null} unknown).
     */
    public void emitScored(RuleInfo rule, UnitView unit, Status status, String actual, String threshold, Long gap,
                           String vi, String en, String group, Fraction points, String maxPoints, boolean missing,
                           Message counted) {
        emitScored(rule, unit, status, actual, threshold, gap, new Message(vi, en), group, points, maxPoints, missing,
                counted);
    }

    /** As {@link #emitScored(RuleInfo, UnitView, Status, String, String, Long, String, String, String, Fraction, String, boolean, Message)}, with the message. */
    public void emitScored(RuleInfo rule, UnitView unit, Status status, String actual, String threshold, Long gap,
                           Message message, String group, Fraction points, String maxPoints, boolean missing,
                           Message counted) {
        unanswered.remove(new Fired(rule, unit));
        String earlier = claimed.putIfAbsent(new Claim(rule.target(), unit, null), rule.name());
        if (earlier != null) {
            emit(rule, unit, null, status, actual, threshold, gap, null, false, null, message);
            return;
        }
        results.add(TargetResult.builder(rule.target(), unit.getId(), period, status).isFinal(periodEnded)
                .actual(actual).threshold(threshold).gap(gap).source(rule.source()).message(message).rule(rule.name())
                .points(points == null ? null : points.display()).maxPoints(maxPoints).build());
        if (group != null) {
            scored.computeIfAbsent(unit.getId(), k -> new ArrayList<>()).add(new Scored(rule.target(), group, points,
                    Fraction.parse(maxPoints), gap, missing, counted));
        }
    }

    /** Per unit with a scored result, its score for this run's period. */
    List<org.reformtargets.core.Score> scores() {
        List<org.reformtargets.core.Score> out = new ArrayList<>();
        String order = parameters.get("score.groups");
        List<String> groupOrder = order == null ? List.of() : java.util.Arrays.stream(order.split(","))
                .map(String::strip).filter(g -> !g.isEmpty()).toList();
        for (Map.Entry<String, List<Scored>> e : scored.entrySet()) {
            Fraction total = Fraction.ZERO;
            Fraction max = Fraction.ZERO;
            Map<String, Fraction> groups = new java.util.TreeMap<>(java.util.Comparator
                    .comparingInt((String g) -> groupOrder.contains(g) ? groupOrder.indexOf(g) : groupOrder.size())
                    .thenComparing(java.util.Comparator.naturalOrder()));
            java.util.TreeSet<String> missing = new java.util.TreeSet<>();
            List<Gains.Option> options = new ArrayList<>();
            Map<String, Scored> byTarget = new HashMap<>();
            for (Scored s : e.getValue()) {
                byTarget.put(s.target(), s);
                if (s.points() == null) {
                    continue;
                }
                total = total.plus(s.points());
                max = max.plus(s.max());
                groups.merge(s.group(), s.points(), Fraction::plus);
                if (s.missing()) {
                    missing.add(s.target());
                }
                if (s.gap() != null) {
                    options.add(new Gains.Option(s.target(), s.gap(), s.max().minus(s.points())));
                }
            }
            for (String g : groupOrder) {
                groups.putIfAbsent(g, Fraction.ZERO);
            }
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            groups.forEach((g, f) -> shown.put(g, f.display()));
            List<org.reformtargets.core.Score.Gain> gains = new ArrayList<>();
            for (Gains.Option o : Gains.rank(options, 3)) {
                Message c = byTarget.get(o.target()).counted();
                String pts = o.gain().display();
                gains.add(new org.reformtargets.core.Score.Gain(o.target(), o.cases(), pts, Message.rendered(
                        () -> "Thêm " + Texts.count(o.cases(), true) + " " + c.vi() + ": +" + pts.replace('.', ',') + " điểm",
                        () -> Texts.count(o.cases(), false) + " more " + c.en() + ": +" + pts)));
            }
            out.add(new org.reformtargets.core.Score(e.getKey(), period, total.display(), max.plain(), total.toString(),
                    missing.isEmpty(), shown, List.copyOf(missing), gains));
        }
        return out;
    }

    /** The results, once every rule has fired; conflicts and unfinished checks are problems. */
    List<TargetResult> results(List<Problem> problems) {
        problems.addAll(conflicts);
        for (Fired u : unanswered) {
            String name = u.rule().name();
            RuleInfo info = rules.values().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            problems.add(new Problem(info.file(), "rule \"" + name + "\"", info.line(), 0,
                    "fired for unit " + u.unit().getId() + " but stated no verdict: end its Check with a threshold"
                            + " such as atLeast(\"98\")"));
        }
        return results;
    }

    /** Whether a rule claimed a result twice or fired without a verdict. */
    boolean failed() {
        return !conflicts.isEmpty() || !unanswered.isEmpty();
    }

    /** A rule that fired for a unit; rules are told apart by name, as in the rule set. */
    private record Fired(RuleInfo rule, UnitView unit) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Fired f && f.unit == unit && f.rule.name().equals(rule.name());
        }

        @Override
        public int hashCode() {
            return rule.name().hashCode() * 31 + System.identityHashCode(unit);
        }
    }

    /** One result's identity: target, unit and field. */
    private record Claim(String target, UnitView unit, String field) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Claim c && c.unit == unit && c.target.equals(target)
                    && java.util.Objects.equals(c.field, field);
        }

        @Override
        public int hashCode() {
            return (target.hashCode() * 31 + System.identityHashCode(unit)) * 31 + java.util.Objects.hashCode(field);
        }
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
