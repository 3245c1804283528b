// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;
import org.reformtargets.core.EvaluationLimits;

/**
 * The {@link EvaluationLimits} of one evaluation, enforced before every rule firing of each of its
 * sessions: a unit may take at most so many firings, and no rule fires after the deadline. Shared by
 * the sessions of one evaluation (its state is final; the firing counts live on the units).
 */
@API(status = INTERNAL, since = "0.1")
public final class Bounds extends DefaultAgendaEventListener {

    private final EvaluationLimits limits;
    private final long deadline;

    /** The bounds of an evaluation that starts now. */
    public Bounds(EvaluationLimits limits) {
        this.limits = limits;
        long budget;
        try {
            budget = limits.timeBudget().toNanos();
        } catch (ArithmeticException e) {
            budget = Long.MAX_VALUE / 2;
        }
        this.deadline = System.nanoTime() + Math.min(budget, Long.MAX_VALUE / 2);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        UnitView unit = null;
        for (Object o : match.getObjects()) {
            if (o instanceof UnitView v) {
                unit = v;
                break;
            }
        }
        String rule = match.getRule().getName();
        if (System.nanoTime() - deadline > 0) {
            throw new Exceeded(rule, "stopped: the evaluation took longer than its time budget of "
                    + show(limits.timeBudget()) + " (EvaluationLimits.timeBudget)");
        }
        if (unit != null && unit.fired() > limits.maxFiringsPerUnit()) {
            throw new Exceeded(rule, "stopped: rules fired more than " + limits.maxFiringsPerUnit()
                    + " times for unit " + unit.getId() + " (EvaluationLimits.maxFiringsPerUnit)");
        }
    }

    private static String show(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        long s = d.getSeconds();
        return s % 60 == 0 ? s / 60 + " min" : String.format(Locale.ROOT, "%d s", s);
    }

    /** The first {@link Exceeded} in {@code t}'s chain of causes, or {@code null}. */
    public static Exceeded find(Throwable t) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof Exceeded e) {
                return e;
            }
        }
        return null;
    }

    /** A bound was reached before {@link #rule} fired. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        Exceeded(String rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }

        /** The name of the rule that was about to fire. */
        public String rule() {
            return rule;
        }
    }
}
