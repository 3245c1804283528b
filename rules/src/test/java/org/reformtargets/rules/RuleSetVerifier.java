package org.reformtargets.rules;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;

/**
 * Given/then tests of one bundled rule set, in the spirit of Timefold's ConstraintVerifier:
 * <pre>{@code
 * static final RuleSetVerifier verifier = RuleSetVerifier.of("hcm-agri/2021");
 *
 * verifier.target("satisfaction").unit("snn")
 *         .given(Facts.asOf("2021-12-31").department("snn").ratio("snn", "satisfaction", "2021", 90, 100))
 *         .isNotMet().withGap(1);
 * }</pre>
 * Each rule set is compiled once per JVM and shared by every test class.
 */
public final class RuleSetVerifier {

    private static final Map<String, RuleSet> LOADED = new ConcurrentHashMap<>();

    private final RuleSet ruleSet;

    private RuleSetVerifier(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The verifier of the bundled rule set {@code id}, compiling it on first use only. */
    public static RuleSetVerifier of(String id) {
        return new RuleSetVerifier(LOADED.computeIfAbsent(id, RuleSet::load));
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
     */
    public Selection target(String target) {
        String id = target.contains("/") ? target : ruleSet.id() + "/" + target;
        if (!ruleSet.targets().contains(id)) {
            fail("Rule set " + ruleSet.id() + " has no target " + id + "; it has " + ruleSet.targets());
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

        /** The unit whose result is checked. */
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
            Objects.requireNonNull(unit, "choose a unit with unit(\"...\") before given(...)");
            Evaluation evaluation = verifier.evaluate(facts);
            List<TargetResult> ofUnit = new ArrayList<>();
            for (TargetResult r : evaluation.results()) {
                if (r.target().equals(target) && r.unit().equals(unit)) {
                    ofUnit.add(r);
                }
            }
            ResultAssert all = new ResultAssert(target, unit, ofUnit, evaluation);
            return fieldGiven ? all.field(field) : all;
        }
    }
}
