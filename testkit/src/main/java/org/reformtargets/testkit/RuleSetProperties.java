// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.Unit;

/**
 * Properties every rule set must keep, ready to run against any rule set — a host's own, or the
 * bundled ones — on any facts documents:
 * <ul>
 *   <li>every target described for a level judges every unit of that level, with exactly one
 *       result per unit, field and period;</li>
 *   <li>the order of units, measurements, events and attestations never matters;</li>
 *   <li>the output is deterministic: byte-identical JSON, also after the facts travel through JSON;</li>
 *   <li>for "at least" and "above" share targets, one more success never turns a met result unmet
 *       nor makes a gap larger;</li>
 *   <li>removing a fact never makes an evaluation throw;</li>
 *   <li>from {@link RuleSet#describe()}: exactly at each threshold is met, one count below is not
 *       met by one, one above is met, and a figure the target needs left out is insufficient data.</li>
 * </ul>
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.load("hcm-agri/2021");
 * RuleSetProperties.of(rules).checkAll(ScenarioGenerator.forRuleSet(rules).stream(1, 100));
 * }</pre>
 *
 * Each check throws one {@link AssertionFailedError} listing every violation it found, each with
 * the rule's own explanation, and the facts of the first violation of each property as JSON.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuleSetProperties {

    /** The property names, as violations name them. */
    public enum Property {
        ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD,
        ORDER_OF_FACTS_NEVER_MATTERS,
        DETERMINISTIC_OUTPUT,
        MONOTONE_IN_SUCCESSES,
        REMOVING_A_FACT_NEVER_THROWS,
        EXACT_THRESHOLDS,
        MISSING_FACTS_ARE_INSUFFICIENT
    }

    private static final int MUTATIONS_PER_DOCUMENT = 6;
    private static final int SHOWN = 15;

    private final RuleSet ruleSet;
    private final List<TargetSpec> specs;

    RuleSetProperties(RuleSet ruleSet, List<TargetSpec> specs) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.specs = List.copyOf(specs);
    }

    /** The properties of {@code ruleSet}. */
    public static RuleSetProperties of(RuleSet ruleSet) {
        return new RuleSetProperties(ruleSet, ruleSet.describe());
    }

    /**
     * The cases {@link #checkExactThresholds()} and {@link #checkMissingFactsAreInsufficient()}
     * derive from {@link RuleSet#describe()}, one line each: target, level, the facts and the
     * verdict expected. Targets of kind {@code OTHER} have none.
     */
    public List<String> thresholdCases() {
        return ThresholdCases.of(ruleSet.id(), ruleSet.manifest().period(), specs).stream()
                .map(c -> c.spec().target() + " " + c.spec().level() + " " + c.unit()
                        + (c.field() == null ? "" : " field " + c.field()) + ": " + c.name() + " -> " + c.status()
                        + (c.gap() == null ? "" : " gap " + c.gap()))
                .toList();
    }

    /** Every property: those on each example, and those derived from {@link RuleSet#describe()} once. */
    public void checkAll(Iterable<FactsDocument> examples) {
        Violations v = new Violations();
        int i = 0;
        for (FactsDocument facts : examples) {
            onExample(v, facts, i++);
        }
        thresholds(v, EnumSet.allOf(ThresholdCases.Purpose.class));
        v.throwIfAny(i + " examples");
    }

    /** Every property: those on each example, and those derived from {@link RuleSet#describe()} once. */
    public void checkAll(Stream<FactsDocument> examples) {
        checkAll((Iterable<FactsDocument>) examples::iterator);
    }

    /** Every property, on {@code count} documents of {@link ScenarioGenerator} from seed {@code firstSeed}. */
    public void checkAll(long firstSeed, int count) {
        checkAll(ScenarioGenerator.forRuleSet(ruleSet).stream(firstSeed, count));
    }

    /** The properties that hold on any one document. */
    public void check(FactsDocument facts) {
        Violations v = new Violations();
        onExample(v, facts, 0);
        v.throwIfAny("1 example");
    }

    /** Every target described for a level judges every unit of that level once per field and period. */
    public void checkOneResultPerUnitFieldAndPeriod(FactsDocument facts) {
        run(v -> oneResult(v, facts));
    }

    /** Shuffling the facts' lists gives byte-identical JSON. */
    public void checkOrderOfFactsNeverMatters(FactsDocument facts, long shuffleSeed) {
        run(v -> order(v, facts, shuffleSeed));
    }

    /** Evaluating twice, and after a trip through JSON, gives byte-identical JSON. */
    public void checkDeterministic(FactsDocument facts) {
        run(v -> deterministic(v, facts));
    }

    /** One more success in a figure of an "at least" or "above" share target never loses a met result nor grows a gap. */
    public void checkMonotoneInSuccesses(FactsDocument facts) {
        run(v -> monotone(v, facts));
    }

    /** Removing any one measurement, event or attestation never makes the evaluation throw. */
    public void checkRemovingAFactNeverThrows(FactsDocument facts) {
        run(v -> removing(v, facts));
    }

    /** Exactly at each described threshold: met; one count below: not met by one; one above: met. */
    public void checkExactThresholds() {
        run(v -> thresholds(v, EnumSet.of(ThresholdCases.Purpose.THRESHOLD)));
    }

    /** A figure or attestation a described target needs, left out: insufficient data, never an exception. */
    public void checkMissingFactsAreInsufficient() {
        run(v -> thresholds(v, EnumSet.of(ThresholdCases.Purpose.MISSING)));
    }

    private void run(Consumer<Violations> property) {
        Violations v = new Violations();
        property.accept(v);
        v.throwIfAny("the facts given");
    }

    private void onExample(Violations v, FactsDocument facts, int index) {
        Evaluation e = evaluate(v, Property.ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD, facts, "example " + index);
        if (e == null) {
            return;
        }
        oneResult(v, facts, e);
        order(v, facts, index * 7919L + 1);
        deterministic(v, facts);
        monotone(v, facts);
        removing(v, facts);
    }

    // ---- properties

    private void oneResult(Violations v, FactsDocument facts) {
        Evaluation e = evaluate(v, Property.ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD, facts, "the facts");
        if (e != null) {
            oneResult(v, facts, e);
        }
    }

    private void oneResult(Violations v, FactsDocument facts, Evaluation e) {
        Property p = Property.ONE_RESULT_PER_UNIT_FIELD_AND_PERIOD;
        Set<List<Object>> seen = new HashSet<>();
        Map<List<Object>, Set<Period>> periods = new HashMap<>();
        Set<String> unitIds = new HashSet<>();
        facts.units().forEach(u -> unitIds.add(u.id()));
        for (TargetResult r : e.results()) {
            if (!seen.add(List.of(r.target(), r.unit(), r.period(), Objects.toString(r.field(), "\0")))) {
                v.add(p, facts, "two results of " + r.target() + " for unit " + r.unit() + " in " + r.period()
                        + (r.field() == null ? "" : " field " + r.field()) + " (rule \"" + r.rule() + "\")");
            }
            periods.computeIfAbsent(List.of(r.target(), r.unit(), Objects.toString(r.field(), "\0")),
                    k -> new HashSet<>()).add(r.period());
            if (!unitIds.contains(r.unit())) {
                v.add(p, facts, "a result of " + r.target() + " for unit " + r.unit() + ", which is not among the units");
            }
        }
        periods.forEach((k, ps) -> {
            if (ps.size() > 1) {
                v.add(p, facts, "results of " + k.get(0) + " for unit " + k.get(1) + " in several periods " + ps);
            }
        });
        Map<String, org.reformtargets.core.Level> levelOf = new HashMap<>();
        facts.units().forEach(u -> levelOf.put(u.id(), u.level()));
        for (TargetSpec s : specs) {
            for (Unit u : facts.units()) {
                boolean bound = u.level().equals(s.level())
                        && (s.parentLevel() == null || s.parentLevel().equals(levelOf.get(u.parent())));
                if (bound && e.resultsFor(u.id()).stream().noneMatch(r -> r.target().equals(s.target()))) {
                    v.add(p, facts, "no result of " + s.target() + " for " + s.level() + " " + u.id()
                            + ", though rule \"" + s.rule() + "\" (" + s.file() + ":" + s.line() + ") answers for its level");
                }
            }
        }
        int counted = e.summary().values().stream().mapToInt(Integer::intValue).sum();
        if (counted != e.results().size()) {
            v.add(p, facts, "the summary counts " + counted + " results but there are " + e.results().size());
        }
    }

    private void order(Violations v, FactsDocument facts, long seed) {
        Property p = Property.ORDER_OF_FACTS_NEVER_MATTERS;
        Random random = new Random(seed);
        FactsDocument shuffled = new FactsDocument(facts.ruleSet(), facts.asOf(), shuffle(facts.units(), random),
                shuffle(facts.measurements(), random), shuffle(facts.events(), random),
                shuffle(facts.attestations(), random));
        Evaluation a = evaluate(v, p, facts, "the facts");
        Evaluation b = evaluate(v, p, shuffled, "the shuffled facts");
        if (a != null && b != null) {
            String first = ReformTargetsJson.writeEvaluation(a);
            String second = ReformTargetsJson.writeEvaluation(b);
            if (!first.equals(second)) {
                v.add(p, facts, "the facts shuffled with seed " + seed + " give other results: " + firstDifference(first,
                        second));
            }
        }
    }

    private void deterministic(Violations v, FactsDocument facts) {
        Property p = Property.DETERMINISTIC_OUTPUT;
        Evaluation a = evaluate(v, p, facts, "the facts");
        Evaluation b = evaluate(v, p, facts, "the facts again");
        if (a == null || b == null) {
            return;
        }
        String first = ReformTargetsJson.writeEvaluation(a);
        String second = ReformTargetsJson.writeEvaluation(b);
        if (!first.equals(second)) {
            v.add(p, facts, "a second evaluation gives other JSON: " + firstDifference(first, second));
            return;
        }
        FactsDocument travelled;
        try {
            travelled = ReformTargetsJson.readFacts(ReformTargetsJson.writeFacts(facts));
        } catch (RuntimeException ex) {
            v.add(p, facts, "the facts written as JSON cannot be read back: " + ex);
            return;
        }
        Evaluation c = evaluate(v, p, travelled, "the facts read back from JSON");
        if (c != null) {
            String third = ReformTargetsJson.writeEvaluation(c);
            if (!first.equals(third)) {
                v.add(p, facts, "the facts read back from JSON give other results: " + firstDifference(first, third));
            } else if (!a.equals(ReformTargetsJson.readEvaluation(first))) {
                v.add(p, facts, "the result document read back is not the evaluation written");
            }
        }
    }

    private void monotone(Violations v, FactsDocument facts) {
        Property p = Property.MONOTONE_IN_SUCCESSES;
        Map<String, Set<String>> targetsByIndicator = new HashMap<>();
        for (TargetSpec s : specs) {
            TargetSpec.Requirement r = s.requirement();
            boolean share = r.kind() == Kind.SHARE
                    && (r.comparison() == Comparison.AT_LEAST || r.comparison() == Comparison.ABOVE);
            boolean growth = r.kind() == Kind.GROWTH && r.scale() == TargetSpec.Scale.POINTS
                    && r.comparison() == Comparison.AT_LEAST;
            if ((share || growth) && !r.subjects().isEmpty()) {
                targetsByIndicator.computeIfAbsent(r.subjects().get(0), k -> new HashSet<>()).add(s.target());
            }
        }
        Period period = ruleSet.manifest().period();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < facts.measurements().size(); i++) {
            Measurement m = facts.measurements().get(i);
            if (m.isRatio() && targetsByIndicator.containsKey(m.indicator()) && period.contains(m.period())
                    && m.numerator() != null && m.denominator() != null && m.numerator() < m.denominator()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Evaluation before = evaluate(v, p, facts, "the facts");
        if (before == null) {
            return;
        }
        int step = Math.max(1, candidates.size() / MUTATIONS_PER_DOCUMENT);
        for (int c = 0; c < candidates.size(); c += step) {
            int index = candidates.get(c);
            Measurement m = facts.measurements().get(index);
            List<Measurement> variants = new ArrayList<>();
            variants.add(Measurement.ratio(m.unit(), m.indicator(), m.field(), m.period(), m.numerator() + 1,
                    m.denominator()));
            if (m.denominator() < Long.MAX_VALUE) {
                variants.add(Measurement.ratio(m.unit(), m.indicator(), m.field(), m.period(), m.numerator() + 1,
                        m.denominator() + 1));
            }
            for (Measurement more : variants) {
                List<Measurement> changed = new ArrayList<>(facts.measurements());
                changed.set(index, more);
                FactsDocument after = new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), changed,
                        facts.events(), facts.attestations());
                String what = "measurements[" + index + "] " + m.unit() + " " + m.indicator()
                        + (m.field() == null ? "" : " field " + m.field()) + " " + m.period() + " from "
                        + m.numerator() + "/" + m.denominator() + " to " + more.numerator() + "/" + more.denominator();
                Evaluation e = evaluate(v, p, after, what);
                if (e != null) {
                    compare(v, facts, what, targetsByIndicator.get(m.indicator()), before, e);
                }
            }
        }
    }

    private static void compare(Violations v, FactsDocument facts, String what, Set<String> targets, Evaluation before,
                                Evaluation after) {
        Map<List<Object>, TargetResult> then = new HashMap<>();
        for (TargetResult r : before.results()) {
            if (targets.contains(r.target())) {
                then.put(key(r), r);
            }
        }
        for (TargetResult r : after.results()) {
            TargetResult was = then.get(key(r));
            if (was == null) {
                continue;
            }
            boolean lostMet = was.status() == Status.MET && r.status() != Status.MET;
            boolean grewGap = was.status() == Status.NOT_MET && r.status() == Status.NOT_MET && was.gap() != null
                    && r.gap() != null && r.gap() > was.gap();
            if (lostMet || grewGap) {
                v.add(Property.MONOTONE_IN_SUCCESSES, facts, "one more success (" + what + ") turns " + r.target()
                        + " for unit " + r.unit() + (r.field() == null ? "" : " field " + r.field()) + " from "
                        + was.status() + " gap " + was.gap() + " to " + r.status() + " gap " + r.gap() + ": "
                        + explanation(r));
            }
        }
    }

    private void removing(Violations v, FactsDocument facts) {
        Property p = Property.REMOVING_A_FACT_NEVER_THROWS;
        int total = facts.measurements().size() + facts.events().size() + facts.attestations().size();
        if (total == 0) {
            return;
        }
        int step = Math.max(1, total / MUTATIONS_PER_DOCUMENT);
        for (int i = 0; i < total; i += step) {
            List<Measurement> ms = new ArrayList<>(facts.measurements());
            List<org.reformtargets.core.Event> es = new ArrayList<>(facts.events());
            List<org.reformtargets.core.Attestation> as = new ArrayList<>(facts.attestations());
            String what;
            if (i < ms.size()) {
                what = "without measurements[" + i + "]";
                ms.remove(i);
            } else if (i < ms.size() + es.size()) {
                what = "without events[" + (i - ms.size()) + "]";
                es.remove(i - ms.size());
            } else {
                what = "without attestations[" + (i - ms.size() - es.size()) + "]";
                as.remove(i - ms.size() - es.size());
            }
            FactsDocument less = new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), ms, es, as);
            Evaluation e = evaluate(v, p, less, "the facts " + what);
            if (e != null) {
                oneResult(v, less, e);
            }
        }
    }

    private void thresholds(Violations v, Set<ThresholdCases.Purpose> purposes) {
        for (ThresholdCases.Case c : ThresholdCases.of(ruleSet.id(), ruleSet.manifest().period(), specs)) {
            if (!purposes.contains(c.purpose())) {
                continue;
            }
            Property p = c.purpose() == ThresholdCases.Purpose.MISSING ? Property.MISSING_FACTS_ARE_INSUFFICIENT
                    : Property.EXACT_THRESHOLDS;
            TargetSpec s = c.spec();
            String where = s.target() + " (" + s.requirement() + ", rule \"" + s.rule() + "\" at " + s.file() + ":"
                    + s.line() + ") for " + s.level() + " " + c.unit() + (c.field() == null ? "" : " field " + c.field())
                    + " given " + c.name();
            Evaluation e = evaluate(v, p, c.facts(), where);
            if (e == null) {
                continue;
            }
            List<TargetResult> found = e.resultsFor(c.unit()).stream()
                    .filter(r -> r.target().equals(s.target()) && Objects.equals(r.field(), c.field())).toList();
            if (found.size() != 1) {
                v.add(p, c.facts(), where + ": expected one result, found " + found.size());
                continue;
            }
            TargetResult r = found.get(0);
            if (r.status() != c.status() || (c.gap() != null && !c.gap().equals(r.gap()))) {
                v.add(p, c.facts(), where + ": expected " + c.status() + (c.gap() == null ? "" : " gap " + c.gap())
                        + " but got " + r.status() + " gap " + r.gap() + ": " + explanation(r));
            }
        }
    }

    // ---- helpers

    private Evaluation evaluate(Violations v, Property p, FactsDocument facts, String what) {
        try {
            return ruleSet.evaluate(facts);
        } catch (RuntimeException e) {
            v.add(p, facts, "evaluating " + what + " threw " + e);
            return null;
        }
    }

    private static List<Object> key(TargetResult r) {
        return java.util.Arrays.asList(r.target(), r.unit(), r.period(), r.field());
    }

    private static String explanation(TargetResult r) {
        return r.message() == null ? "(no message)" : "\"" + r.message().en() + "\"";
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ": " + x[i].strip() + " ≠ " + y[i].strip();
            }
        }
        return "one output has " + x.length + " lines, the other " + y.length;
    }

    /** Violations found, each under its property, with the facts of the first of each property. */
    private final class Violations {
        private final List<String> found = new ArrayList<>();
        private final Map<Property, FactsDocument> firstFacts = new java.util.EnumMap<>(Property.class);

        void add(Property p, FactsDocument facts, String what) {
            found.add(p + ": " + what);
            firstFacts.putIfAbsent(p, facts);
        }

        void throwIfAny(String checked) {
            if (found.isEmpty()) {
                return;
            }
            StringBuilder b = new StringBuilder().append(found.size()).append(found.size() == 1 ? " violation" : " violations")
                    .append(" of the properties of rule set ").append(ruleSet.id()).append(' ').append(ruleSet.version())
                    .append(" on ").append(checked);
            if (found.size() > SHOWN) {
                b.append(" (the first ").append(SHOWN).append(" shown)");
            }
            b.append(':');
            found.stream().limit(SHOWN).forEach(f -> b.append("\n  ").append(f));
            firstFacts.forEach((p, facts) -> b.append("\nFacts of the first violation of ").append(p).append(":\n")
                    .append(ReformTargetsJson.writeFacts(facts)));
            throw new AssertionFailedError(b.toString());
        }
    }
}
