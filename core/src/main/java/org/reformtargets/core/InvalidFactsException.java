// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A facts document that cannot be evaluated: malformed JSON, a numerator above its denominator,
 * a negative count, an unknown unit, level, indicator or event type, a duplicate unit id, a
 * missing parent or a cycle. Every problem found is counted and the first
 * {@value #MAX_LISTED} in the order of the input are listed, each naming its place; of each element
 * every problem is reported, together.
 */
@API(status = STABLE, since = "0.1")
public final class InvalidFactsException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    /** The most problems a report lists; the others are counted ({@link #omitted}). */
    public static final int MAX_LISTED = 200;

    /** Creates the exception from the problems found; there must be at least one. */
    public InvalidFactsException(List<Problem> problems) {
        this(problems, null);
    }

    /** Creates the exception from the problems found, with the parser error behind them. */
    public InvalidFactsException(List<Problem> problems, Throwable cause) {
        this(problems, problems.size(), cause);
    }

    /**
     * Creates the exception from the first problems found and the number of all problems found,
     * {@code total} (at least {@code listed.size()}), with the parser error behind them, if any.
     */
    public InvalidFactsException(List<Problem> listed, long total, Throwable cause) {
        super(summary(total), listed, total - listed.size(), cause);
    }

    private static String summary(long total) {
        return total == 1 ? "The facts document has 1 problem; nothing was evaluated:"
                : String.format(Locale.ROOT, "The facts document has %,d problems; nothing was evaluated:", total);
    }
}
