package org.reformtargets.core;

import java.util.List;

/**
 * A facts document that cannot be evaluated: malformed JSON, a numerator above its denominator,
 * a negative count, an unknown unit, level, indicator or event type, a duplicate unit id, a
 * missing parent or a cycle. Every problem found is listed, each naming its place.
 */
public final class InvalidFactsException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the problems found; there must be at least one. */
    public InvalidFactsException(List<Problem> problems) {
        this(problems, null);
    }

    /** Creates the exception from the problems found, with the parser error behind them. */
    public InvalidFactsException(List<Problem> problems, Throwable cause) {
        super(problems.size() == 1 ? "The facts document has 1 problem; nothing was evaluated:"
                : "The facts document has " + problems.size() + " problems; nothing was evaluated:",
                problems, cause);
    }
}
