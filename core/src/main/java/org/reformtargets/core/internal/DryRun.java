// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.reformtargets.core.EvaluationLimits;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * Runs every rule of a compiled rule set against synthetic facts without data, to see what each
 * rule answers for which level: a department, a sub-department and an office in one chain, an
 * office directly under that department, and a department and a sub-department without sub-units. Checks record what they demand
 * ({@link Run#states}); a rule that throws is recorded and the others still run, each rule in its
 * own session.
 */
@API(status = INTERNAL, since = "0.1")
public final class DryRun {

    /**
     * A rule whose consequence threw for a unit.
     *
     * @param rule  the rule
     * @param unit  the synthetic unit's id
     * @param level its level
     * @param cause what it threw
     */
    public record Failure(RuleInfo rule, String unit, Level level, Throwable cause) {
        /** The failure's message, without the engine's wrapping. */
        public String message() {
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }

    /**
     * What the dry run saw.
     *
     * @param specs    what each rule demands, per level, sorted by target, level and rule; duplicates removed
     * @param failures rules that threw
     * @param problems every failure, conflict (two rules answering one target for one unit) and check
     *                 left without a threshold, with the rule's file and line
     * @param silent   rules that fired for no synthetic unit, sorted by file and line
     */
    public record Outcome(List<TargetSpec> specs, List<Failure> failures, List<Problem> problems, List<RuleInfo> silent) {
    }

    private static final Comparator<TargetSpec> ORDER = Comparator.comparing(TargetSpec::target)
            .thenComparing(TargetSpec::level).thenComparing(TargetSpec::rule);

    private DryRun() {
    }

    /** The synthetic units: id, level and parent. */
    static List<Unit> units() {
        return units(null);
    }

    /**
     * The synthetic units: a department, a sub-department and an office in one chain, an office
     * directly under the department, a department
     * and a sub-department without sub-units, and one unit of each other level the rule set's own
     * vocabulary declares (beyond the standard one), without parent or sub-units.
     */
    static List<Unit> units(Vocabulary vocabulary) {
        List<Unit> units = new ArrayList<>(standardUnits());
        if (vocabulary != null) {
            for (Vocabulary.LevelTerm l : vocabulary.levels()) {
                Level level = Level.of(l.code());
                if (!level.equals(Level.DEPARTMENT) && !level.equals(Level.SUB_DEPARTMENT) && !level.equals(Level.OFFICE)) {
                    units.add(new Unit("dry-" + l.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                            "Dry-run " + l.label().en(), level, null));
                }
            }
        }
        return units;
    }

    private static List<Unit> standardUnits() {
        return List.of(
                new Unit("dry-department", "Dry-run department", Level.DEPARTMENT, null),
                new Unit("dry-sub-department", "Dry-run sub-department", Level.SUB_DEPARTMENT, "dry-department"),
                new Unit("dry-office", "Dry-run office", Level.OFFICE, "dry-sub-department"),
                new Unit("dry-department-office", "Dry-run office of a department", Level.OFFICE, "dry-department"),
                new Unit("dry-lone-department", "Dry-run department without sub-units", Level.DEPARTMENT, null),
                new Unit("dry-lone-sub-department", "Dry-run sub-department without sub-units", Level.SUB_DEPARTMENT,
                        null));
    }

    /** Runs the dry run of a compiled rule set for its manifest's period, as of the period's last day. */
    public static Outcome run(RuleSetManifest manifest, KieBase kieBase, Map<String, RuleInfo> rules) {
        return run(manifest, kieBase, rules, EvaluationLimits.DEFAULT, null);
    }

    /** Runs the dry run of a compiled rule set speaking {@code vocabulary} ({@code null}: the standard one). */
    public static Outcome run(RuleSetManifest manifest, KieBase kieBase, Map<String, RuleInfo> rules,
                              Vocabulary vocabulary) {
        return run(manifest, kieBase, rules, EvaluationLimits.DEFAULT, vocabulary);
    }

    /**
     * Runs the dry run within {@code limits}: the time budget covers the whole dry run, and a rule
     * may fire {@code maxFiringsPerUnit} times per synthetic unit; a rule that reaches a bound is a
     * failure like a rule that throws.
     */
    public static Outcome run(RuleSetManifest manifest, KieBase kieBase, Map<String, RuleInfo> rules,
                              EvaluationLimits limits, Vocabulary vocabulary) {
        Bounds bounds = new Bounds(limits);
        Period period = manifest.period();
        Run run = new Run(period, period.end(), rules, vocabulary, manifest.parameters());
        run.describe();
        Map<String, UnitView> views = new LinkedHashMap<>();
        for (Unit u : units(vocabulary)) {
            UnitView v = new UnitView(u, run);
            views.put(u.id(), v);
            run.add(v);
        }
        for (UnitView v : views.values()) {
            if (v.getParent() != null) {
                views.get(v.getParent()).addSubUnit(v);
            }
        }
        List<Failure> failures = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        Set<String> fired = new LinkedHashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = rules.get(Run.key(pkg.getName(), rule.getName()));
                if (info == null) {
                    continue;
                }
                fire(kieBase, pkg.getName(), rule.getName(), info, views, failures, failed, fired, bounds);
            }
        }
        Set<Problem> problems = new LinkedHashSet<>();
        for (Failure f : failures) {
            problems.add(new Problem(f.rule().file(), "rule \"" + f.rule().name() + "\"", f.rule().line(), 0,
                    (f.level() == null ? "fails in the dry run: " : "fails for a " + f.level() + " unit: ")
                            + f.message()));
        }
        List<Problem> later = new ArrayList<>();
        List<TargetResult> results = run.results(later);
        for (Problem p : later) {
            // a rule that threw also left its check unfinished: that is the same problem
            boolean echo = failed.stream().anyMatch(k -> {
                String[] parts = k.split("\u0000");
                return p.path() != null && p.path().equals("rule \"" + parts[0] + "\"")
                        && p.message().startsWith("fired for unit " + parts[1] + " ");
            });
            if (!echo) {
                String message = p.message();
                for (UnitView v : views.values()) {
                    message = message.replace("unit " + v.getId(), "a " + v.getLevel() + " unit");
                }
                problems.add(new Problem(p.source(), p.path(), p.line(), p.column(), message));
            }
        }
        Set<String> answered = new LinkedHashSet<>();
        run.specs().values().forEach(sp -> answered.add(sp.rule()));
        results.forEach(r -> answered.add(r.rule()));
        failed.forEach(k -> answered.add(k.split("\u0000")[0]));
        for (RuleInfo r : rules.values()) {
            String path = "rule \"" + r.name() + "\"";
            if (fired.contains(r.name()) && !answered.contains(r.name())
                    && problems.stream().noneMatch(p -> path.equals(p.path()))) {
                problems.add(new Problem(r.file(), path, r.line(), 0,
                        "fired but stated no verdict: its consequence must state the target through"
                                + " Check.of(kcontext, $unit), ending with a threshold such as atLeast(\"98\")"));
            }
        }
        Set<TargetSpec> specs = new LinkedHashSet<>(underParents(run.specs(), views));
        Map<String, RuleInfo> byName = new HashMap<>();
        rules.values().forEach(r -> byName.put(r.name(), r));
        for (TargetResult r : results) {
            String key = r.rule() + "\u0000" + r.unit();
            if (!run.specs().containsKey(key)) {
                RuleInfo info = byName.get(r.rule());
                specs.add(new TargetSpec(r.target(), views.get(r.unit()).getLevel(), r.rule(),
                        TargetSpec.Requirement.of(TargetSpec.Kind.OTHER, List.of()), r.threshold(), info.source(),
                        info.file(), info.line()));
            }
        }
        List<TargetSpec> sorted = new ArrayList<>(specs);
        sorted.sort(ORDER);
        List<RuleInfo> silent = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            if (!fired.contains(r.name())) {
                silent.add(r);
            }
        }
        silent.sort(Comparator.comparing(RuleInfo::file, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(RuleInfo::line).thenComparing(RuleInfo::name));
        return new Outcome(List.copyOf(sorted), List.copyOf(failures), List.copyOf(problems), List.copyOf(silent));
    }

    /**
     * The specs, each narrowed to the parent level of the units it answered for when its rule
     * answered for the units of its level under one kind of parent only, while synthetic units of
     * that level stand under several ({@code parentLevel == Level.DEPARTMENT}).
     */
    private static List<TargetSpec> underParents(Map<String, TargetSpec> byRuleAndUnit, Map<String, UnitView> views) {
        Map<Level, Set<Level>> parentsOfLevel = new HashMap<>();
        for (UnitView v : views.values()) {
            parentsOfLevel.computeIfAbsent(v.getLevel(), k -> new HashSet<>()).add(v.getParentLevel());
        }
        Map<List<Object>, Set<Level>> answered = new HashMap<>();
        byRuleAndUnit.forEach((key, spec) -> answered.computeIfAbsent(List.of(spec.rule(), spec.level()),
                k -> new HashSet<>()).add(views.get(key.substring(key.indexOf('\u0000') + 1)).getParentLevel()));
        List<TargetSpec> out = new ArrayList<>();
        for (TargetSpec spec : byRuleAndUnit.values()) {
            Set<Level> parents = answered.get(List.of(spec.rule(), spec.level()));
            Level only = parents.size() == 1 ? parents.iterator().next() : null;
            boolean narrowed = only != null && parentsOfLevel.getOrDefault(spec.level(), Set.of()).size() > 1;
            out.add(narrowed ? spec.underParent(only) : spec);
        }
        return out;
    }

    private static void fire(KieBase kieBase, String pkg, String name, RuleInfo info, Map<String, UnitView> views,
                             List<Failure> failures, Set<String> failed, Set<String> fired, Bounds bounds) {
        KieSession session = kieBase.newKieSession();
        session.addEventListener(bounds);
        try {
            for (UnitView v : views.values()) {
                v.bind(v.run());
                session.insert(v);
            }
            // one activation per unit at most; a consequence that throws is recorded and the rest fire
            for (int attempt = 0; attempt <= views.size(); attempt++) {
                try {
                    int n = session.fireAllRules(m -> m.getRule().getPackageName().equals(pkg)
                            && m.getRule().getName().equals(name));
                    if (n > 0) {
                        fired.add(name);
                    }
                    return;
                } catch (ConsequenceException e) {
                    fired.add(name);
                    Bounds.Exceeded exceeded = Bounds.find(e);
                    if (exceeded != null) {
                        failures.add(new Failure(info, "?", null, exceeded));
                        return;
                    }
                    UnitView unit = e.getMatch() == null ? null : e.getMatch().getObjects().stream()
                            .filter(UnitView.class::isInstance).map(UnitView.class::cast).findFirst().orElse(null);
                    String id = unit == null ? "?" : unit.getId();
                    if (!failed.add(name + "\u0000" + id)) {
                        return;
                    }
                    failures.add(new Failure(info, id, unit == null ? null : unit.getLevel(),
                            e.getCause() == null ? e : e.getCause()));
                }
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a bound reached, or a condition that threw: a failure of this rule, never a stack trace
            fired.add(name);
            Bounds.Exceeded exceeded = Bounds.find(e);
            Throwable why = exceeded != null ? exceeded : e;
            failures.add(new Failure(info, "?", null, new IllegalStateException(Evaluator.message(why), e)));
        } finally {
            session.dispose();
        }
    }
}
