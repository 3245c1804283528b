// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The columns of the dossier export (§5 of the 766-index spec), in the spec's order; an export names
 * them in its header row, in any order, and may leave out all but {@link #DOSSIER_ID},
 * {@link #UNIT_CODE} and {@link #RECEIVED_AT} (an indicator whose columns are missing is not measured).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DossierColumn {
    /** The dossier's id, unique in the export. */
    DOSSIER_ID,
    /** The id of the unit (a unit of the facts document) the dossier was received by. */
    UNIT_CODE,
    /** The procedure's code. */
    PROCEDURE_CODE,
    /** The online service's id (not used by the definitions). */
    SERVICE_ID,
    /** When the citizen submitted it (checked, not used). */
    SUBMITTED_AT,
    /** Reception (NgayTiepNhan): places the dossier in its month, quarter and year. */
    RECEIVED_AT,
    /** The appointment (NgayHenTra); a date alone is the end of that day. */
    DUE_AT,
    /** End of processing, empty when unfinished. */
    PROCESSING_END_AT,
    /** How it ended: processed, returned, stopped, refused, withdrawn or supplement_requested. */
    END_STATUS,
    /** The number of supplement requests. */
    SUPPLEMENT_REQUEST_COUNT,
    /** Supplement time, in days, subtracted from the end. */
    SUPPLEMENT_DAYS,
    /** Processing time (not used by the definitions). */
    PROCESSING_TIME,
    /** The unit of the processing time (not used). */
    PROCESSING_TIME_UNIT,
    /** The procedure's legal maximum, in calendar days. */
    LEGAL_MAX_TIME,
    /** Flag: the procedure requires a written result. */
    REQUIRES_DOCUMENT_RESULT,
    /** Flag: the procedure is eligible for full-online service. */
    FULL_ONLINE_ELIGIBLE,
    /** Channel: 1 in person, 2 online, 3 postal; empty is in person. */
    CHANNEL,
    /** Flag: received through a full-online service. */
    IS_FULL_ONLINE,
    /** Flag: synced to the national portal (DVCQG). */
    SYNCED_TO_DVCQG,
    /** Online payment: 1 through DVCQG, 2 through a ministry's or province's gateway. */
    ONLINE_PAYMENT,
    /** Flag: the fee list has a non-zero price. */
    FEE_NONZERO,
    /** The result code (MaKetQua), empty when none. */
    RESULT_CODE,
    /** The result file's link, empty when none. */
    RESULT_FILE_URL,
    /** Flag: a file is attached to a component of the dossier. */
    HAS_COMPONENT_FILE,
    /** Flag: digitised data reused. */
    REUSED_DIGITISED,
    /** Flag: taken from the citizen's personal store on the portal. */
    FROM_PERSONAL_STORE,
    /** Flag: the account is authenticated with VNeID. */
    VNEID_AUTHENTICATED,
    /** The population-database code, empty when none. */
    POPULATION_DB_CODE,
    /** Flag: a complaint (PAKN) or a dislike. */
    COMPLAINT_OR_DISLIKE;

    private static final DossierColumn[] ALL = values();

    private final String header = name().toLowerCase(Locale.ROOT);

    /** The name in the header row, such as {@code received_at}. */
    public String header() {
        return header;
    }

    /** The column a header row names {@code name} (case and surrounding blanks ignored), or {@code null}. */
    public static DossierColumn ofHeader(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (DossierColumn c : ALL) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        return null;
    }
}
