// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The bounds every evaluation of a rule set keeps (giới hạn đánh giá): how many times rules may
 * fire for one unit, and how long one evaluation may take. An evaluation that exceeds either is
 * stopped with a {@link RuleSetException} naming the rule that was about to fire. The rule grammar
 * already keeps loops and recursion out of rule files; the bounds make sure that nothing a rule
 * folder says can keep a host busy for ever. The defaults ({@link #DEFAULT}) are far above what
 * any bundled rule set needs: each rule fires at most once per unit, and 100,000 units evaluate in
 * seconds.
 *
 * @param maxFiringsPerUnit how many rule firings one unit may take in one evaluation, at least 1
 * @param timeBudget        how long one evaluation (or one dry run) may take, positive
 */
@API(status = STABLE, since = "0.1")
public record EvaluationLimits(int maxFiringsPerUnit, Duration timeBudget) {

    /** 1,000 firings per unit and 2 minutes per evaluation. */
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(1_000, Duration.ofMinutes(2));

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when a bound is not positive
     * @throws NullPointerException     when {@code timeBudget} is null
     */
    public EvaluationLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxFiringsPerUnit < 1) {
            throw new IllegalArgumentException("maxFiringsPerUnit must be at least 1, was " + maxFiringsPerUnit);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
    }

    /** These limits with {@code max} firings per unit. */
    public EvaluationLimits withMaxFiringsPerUnit(int max) {
        return new EvaluationLimits(max, timeBudget);
    }

    /** These limits with a time budget of {@code budget} per evaluation. */
    public EvaluationLimits withTimeBudget(Duration budget) {
        return new EvaluationLimits(maxFiringsPerUnit, budget);
    }
}
