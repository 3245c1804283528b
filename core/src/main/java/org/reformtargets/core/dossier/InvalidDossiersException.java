// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsException;

/**
 * A dossier export that cannot be aggregated: a missing column, a bad date, flag or number, an
 * unknown unit or channel code, a duplicate dossier id. Every problem of every row is counted and
 * the first {@value InvalidFactsException#MAX_LISTED} are listed in the order of the file, each
 * with its line, column and column name; nothing is aggregated.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InvalidDossiersException extends ReformTargetsException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception from the first problems found and the number of all found, {@code total}. */
    public InvalidDossiersException(List<Problem> listed, long total, Throwable cause) {
        super(summary(total), listed, total - listed.size(), cause);
    }

    private static String summary(long total) {
        return total == 1 ? "The dossier export has 1 problem; nothing was aggregated:"
                : String.format(Locale.ROOT, "The dossier export has %,d problems; nothing was aggregated:", total);
    }
}
