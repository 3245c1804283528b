// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A result document ({@link ReformTargetsJson#readEvaluation(String)}) that cannot be read back into
 * an {@link Evaluation}: malformed JSON, a missing or mistyped field, an unknown status. Each problem
 * names its place: the line and column, and the path such as {@code results[3].status}.
 */
@API(status = STABLE, since = "0.1")
public final class InvalidResultsException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the problems found, with the parser error behind them; at least one. */
    public InvalidResultsException(List<Problem> problems, Throwable cause) {
        super(summary(problems.size()), problems, cause);
    }

    private static String summary(long total) {
        return total == 1 ? "The result document has 1 problem; it was not read:"
                : String.format(Locale.ROOT, "The result document has %,d problems; it was not read:", total);
    }
}
