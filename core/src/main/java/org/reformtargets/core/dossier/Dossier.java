// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import java.time.LocalDateTime;
import org.reformtargets.core.dossier.Definitions.EndStatus;

/**
 * One row of the export, parsed: what the definitions need and nothing else. Flags left empty in
 * the export are {@code false}.
 *
 * @param unit             index of the unit in the facts document
 * @param procedure        the procedure code, or {@code ""}
 * @param received         reception (NgayTiepNhan)
 * @param due              appointment (NgayHenTra), a date-only one at the end of its day; or {@code null}
 * @param end              end of processing, or {@code null} when unfinished
 * @param status           how it ended, or {@code null} when unfinished
 * @param legalMaxSeconds  the procedure's legal maximum in seconds, or {@code null}
 */
record Dossier(int unit, String procedure, LocalDateTime received, LocalDateTime due, LocalDateTime end,
               EndStatus status, int supplementRequests, long supplementSeconds, Long legalMaxSeconds,
               boolean writtenResultRequired, boolean fullOnlineEligible, boolean fullOnline, boolean synced,
               int channel, int onlinePayment, boolean feeNonzero, boolean resultCode, boolean resultFileLink,
               boolean componentFile, boolean reusedDigitised, boolean fromPersonalStore,
               boolean vneidAuthenticated, boolean populationDbCode, boolean complaintOrDislike) {
}
