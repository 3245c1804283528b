// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * Given/then tests of one rule set, in the manner of Timefold's ConstraintVerifier:
 * <pre>{@code
 * static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");
 *
 * verifier.target("satisfaction").unit("snn")
 *         .given(Facts.asOf("2021-12-31").department("snn").ratio("snn", "satisfaction", "2021", 90, 100))
 *         .isNotMet().withGap(1);
 * }</pre>
 * A failed expectation throws an {@link AssertionFailedError} that shows the result's own
 * explanation and the whole result. Rule sets loaded by id are compiled once per JVM and shared.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuleSetVerifier {

    private static final Map<String, RuleSet> LOADED = new ConcurrentHashMap<>();

    private final RuleSet ruleSet;

    private RuleSetVerifier(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The verifier of the rule set {@code id} on the class path, compiling it on first use only. */
    public static RuleSetVerifier of(String id) {
        return new RuleSetVerifier(LOADED.computeIfAbsent(id, RuleSet::load));
    }

    /** The verifier of a rule set the caller compiled, such as one read with {@link RuleSet#fromDirectory}. */
    public static RuleSetVerifier of(RuleSet ruleSet) {
        return new RuleSetVerifier(Objects.requireNonNull(ruleSet, "ruleSet"));
    }

    /** The verifier of the rule set in {@code directory}, compiled anew. */
    public static RuleSetVerifier fromDirectory(Path directory) {
        return new RuleSetVerifier(RuleSet.fromDirectory(directory));
    }

    /** The compiled rule set. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Evaluates the facts with the rule set. */
    public Evaluation evaluate(Facts facts) {
        return evaluate(facts.build());
    }

    /** Evaluates the facts document with the rule set. */
    public Evaluation evaluate(FactsDocument facts) {
        return ruleSet.evaluate(facts);
    }

    /**
     * Selects a target by its full id or by the part after the rule set's id
     * ({@code "satisfaction"} for {@code hcm-agri/2021/satisfaction}).
     *
     * @throws AssertionFailedError listing the rule set's targets when it has no such target
     */
    public Selection target(String target) {
        String id = target.contains("/") ? target : ruleSet.id() + "/" + target;
        if (!ruleSet.targets().contains(id)) {
            throw new AssertionFailedError("Rule set " + ruleSet.id() + " has no target " + id + "; it has "
                    + ruleSet.targets());
        }
        return new Selection(this, id, null, null, false);
    }

    /** A target, and optionally a unit and a field, whose result is to be checked. */
    public static final class Selection {

        private final RuleSetVerifier verifier;
        private final String target;
        private final String unit;
        private final String field;
        private final boolean fieldGiven;

        private Selection(RuleSetVerifier verifier, String target, String unit, String field, boolean fieldGiven) {
            this.verifier = verifier;
            this.target = target;
            this.unit = unit;
            this.field = field;
            this.fieldGiven = fieldGiven;
        }

        /** The unit whose result is checked; without it, the facts must give the target exactly one unit's results. */
        public Selection unit(String id) {
            return new Selection(verifier, target, id, field, fieldGiven);
        }

        /** The field whose result is checked; without it, the unit's total (no field). */
        public Selection field(String name) {
            return new Selection(verifier, target, unit, name, true);
        }

        /** Evaluates the facts and selects the result. */
        public ResultAssert given(Facts facts) {
            return given(facts.build());
        }

        /** Evaluates the facts document and selects the result. */
        public ResultAssert given(FactsDocument facts) {
            Evaluation evaluation = verifier.evaluate(facts);
            String chosen = unit != null ? unit : onlyUnit(evaluation);
            List<TargetResult> ofUnit = new ArrayList<>();
            for (TargetResult r : evaluation.results()) {
                if (r.target().equals(target) && r.unit().equals(chosen)) {
                    ofUnit.add(r);
                }
            }
            ResultAssert all = new ResultAssert(target, chosen, ofUnit, evaluation);
            return fieldGiven ? all.field(field) : all;
        }

        /**
         * Evaluates loose facts, as Timefold's {@code given(facts…)}: {@link Unit}s, {@link Measurement}s,
         * {@link Event}s and {@link Attestation}s, described as of the last day of the rule set's period.
         */
        public ResultAssert given(Object... facts) {
            List<Unit> units = new ArrayList<>();
            List<Measurement> measurements = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            List<Attestation> attestations = new ArrayList<>();
            for (Object f : facts) {
                if (f instanceof Unit u) {
                    units.add(u);
                } else if (f instanceof Measurement m) {
                    measurements.add(m);
                } else if (f instanceof Event e) {
                    events.add(e);
                } else if (f instanceof Attestation a) {
                    attestations.add(a);
                } else {
                    throw new IllegalArgumentException("given(...) takes units, measurements, events and attestations,"
                            + " or one Facts or FactsDocument; not " + (f == null ? "null" : f.getClass().getName()));
                }
            }
            return given(new FactsDocument(verifier.ruleSet.id(), verifier.ruleSet.manifest().period().end(), units,
                    measurements, events, attestations));
        }

        private String onlyUnit(Evaluation evaluation) {
            List<String> units = evaluation.resultsOf(target).stream().map(TargetResult::unit).distinct().toList();
            if (units.size() != 1) {
                throw new AssertionFailedError("Expected the results of " + target + " to be of one unit, to check"
                        + " without naming it, but they are of " + (units.isEmpty() ? "none" : units)
                        + ": choose one with unit(\"...\") before given(...)");
            }
            return units.get(0);
        }
    }
}
