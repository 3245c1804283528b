package org.reformtargets.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.ConsequenceException;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetRef;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/** Evaluates one facts document against a compiled rule set with a stateless session. */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Validates {@code facts}, indexes them per unit and runs every rule once per unit.
     *
     * @throws InvalidFactsException when the facts break the contract
     * @throws RuleSetException      when a rule fails or rules contradict each other
     */
    public static Evaluation evaluate(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                                      FactsDocument facts) {
        List<Problem> invalid = FactsValidator.validate(facts);
        if (!invalid.isEmpty()) {
            throw new InvalidFactsException(invalid);
        }
        Run run = new Run(period, facts.asOf(), rules);
        Map<String, UnitView> views = new HashMap<>();
        List<UnitView> ordered = new ArrayList<>(facts.units().size());
        for (Unit u : facts.units()) {
            UnitView v = new UnitView(u, run);
            views.put(u.id(), v);
            ordered.add(v);
            run.add(v);
        }
        for (UnitView v : ordered) {
            if (v.getParent() != null) {
                views.get(v.getParent()).addSubUnit(v);
            }
        }
        for (Measurement m : facts.measurements()) {
            views.get(m.unit()).add(m);
        }
        for (Event e : facts.events()) {
            views.get(e.unit()).add(e);
        }
        for (Attestation a : facts.attestations()) {
            views.get(a.unit()).add(a);
        }
        try {
            kieBase.newStatelessKieSession().execute(ordered);
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            RuleInfo info = rules.values().stream().filter(r -> r.name().equals(rule)).findFirst().orElse(null);
            throw new RuleSetException(ref.id(), List.of(new Problem(info == null ? null : info.file(),
                    "rule \"" + rule + "\"", info == null ? 0 : info.line(), 0,
                    "failed: " + cause.getMessage())), e);
        }
        List<Problem> problems = new ArrayList<>();
        List<TargetResult> results = run.results(problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(ref.id(), problems);
        }
        return new Evaluation(ref, facts.asOf(), results);
    }
}
