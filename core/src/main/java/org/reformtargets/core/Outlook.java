// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the rest of the year must bring (triển vọng cả năm), on a result that is not final yet:
 * how many cases are still expected, the fewest of them that must succeed for the year to reach the
 * target, and whether that is on track, at risk or out of reach. Decided exactly; only the rate is
 * rounded, and up, so that it never understates what is needed.
 *
 * @param basis        how {@code expected} was estimated
 * @param expected     the cases (for a count target: the count) still expected until the period ends
 * @param required     for a share, the fewest successes among the {@code expected} cases that still
 *                     reach the threshold; for a count, how much is still missing; 0 when nothing more
 *                     is needed; may exceed {@code expected} (then the target is out of reach)
 * @param requiredRate {@code 100·required/expected} with two decimals, rounded up, for a share;
 *                     {@code null} for a count or when nothing more is expected
 * @param status       on track, at risk or out of reach
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "basis", "expected", "required", "requiredRate"})
@API(status = EXPERIMENTAL, since = "0.1")
public record Outlook(Basis basis, long expected, long required, String requiredRate, Standing status) {

    /** How the cases still expected were estimated. */
    public enum Basis {
        /** The same remaining months of the previous year, where they were measured. */
        PREVIOUS_YEAR,
        /** The year-to-date figure extended at the same pace to the period's last day, rounded half up to whole cases. */
        RUN_RATE
    }

    /** Whether the target can still be reached. */
    public enum Standing {
        /** The year-to-date figure already meets the target and the rest of the year need do no better. */
        ON_TRACK,
        /** Reachable, but the rest of the year must do better than the year so far. */
        AT_RISK,
        /** Out of reach even if every case still expected succeeds: the result is final {@code NOT_MET}. */
        OUT_OF_REACH
    }

    /** @throws IllegalArgumentException on a negative count or a missing basis or status */
    public Outlook {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(status, "status");
        if (expected < 0 || required < 0) {
            throw new IllegalArgumentException("expected and required are never negative: " + expected + ", " + required);
        }
    }
}
