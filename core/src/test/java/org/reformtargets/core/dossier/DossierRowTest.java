// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.dossier.DossierRow.Count;

/** One dossier read and judged from its column values, as the CSV reader reads each row. */
class DossierRowTest {

    private static final Set<DossierColumn> COLUMNS = EnumSet.of(DossierColumn.DOSSIER_ID, DossierColumn.UNIT_CODE,
            DossierColumn.PROCEDURE_CODE, DossierColumn.RECEIVED_AT, DossierColumn.DUE_AT,
            DossierColumn.PROCESSING_END_AT, DossierColumn.CHANNEL, DossierColumn.FEE_NONZERO,
            DossierColumn.ONLINE_PAYMENT, DossierColumn.COMPLAINT_OR_DISLIKE);
    private static final DossierRow.Reader READER =
            new DossierRow.Reader(COLUMNS, Set.of("xa-a"), LocalDate.of(2025, 8, 15));

    private static String[] row(Map<DossierColumn, String> values) {
        String[] row = new String[DossierColumn.values().length];
        values.forEach((c, v) -> row[c.ordinal()] = v);
        return row;
    }

    @Test
    void anExportWithoutARequiredColumnIsRefusedByNameNotReadAsNoDossiers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DossierRow.Reader(
                EnumSet.of(DossierColumn.DOSSIER_ID, DossierColumn.RECEIVED_AT), Set.of("xa-a"), null));
        assertTrue(e.getMessage().contains("unit_code"), e.getMessage());
        assertFalse(e.getMessage().contains("dossier_id,"), e.getMessage());
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedWithItsWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> READER.read(new String[3]));
        assertTrue(e.getMessage().contains("not 3"), e.getMessage());
    }

    @Test
    void theCountsAreTallysFirstCounters() {
        assertEquals(List.of(Tally.RECEIVED, Tally.SYNCED, Tally.ON_TIME, Tally.FULL_ONLINE_ELIGIBLE, Tally.FULL_ONLINE,
                Tally.FEE_BEARING, Tally.PAID_ONLINE, Tally.WRITTEN_RESULT, Tally.E_RESULT, Tally.DIGITISED, Tally.REUSED,
                Tally.SHARED, Tally.POPULATION, Tally.NO_OVERDUE_OR_COMPLAINT),
                List.of(Count.values()).stream().map(Count::ordinal).toList());
    }

    @Test
    void anUnfinishedDossierIsJudgedAtTheEndOfEachPeriod() {
        // due 2025-07-31: on time in July (judged at its end), late in the quarter and year (judged on asOf)
        DossierRow d = READER.read(row(Map.of(DossierColumn.DOSSIER_ID, " HS-1 ", DossierColumn.UNIT_CODE, "xa-a",
                DossierColumn.PROCEDURE_CODE, "1.0001", DossierColumn.RECEIVED_AT, "2025-07-20T08:00",
                DossierColumn.DUE_AT, "2025-07-31", DossierColumn.FEE_NONZERO, "1", DossierColumn.ONLINE_PAYMENT, "2")));
        assertTrue(d.counted());
        assertEquals("HS-1", d.id());
        assertEquals("xa-a", d.unit());
        assertEquals("1.0001", d.procedure());
        assertEquals(List.of(Period.month(2025, 7), Period.quarter(2025, 3), Period.year(2025)), d.periods());
        assertEquals(EnumSet.of(Count.RECEIVED, Count.ON_TIME, Count.FEE_BEARING, Count.PAID_ONLINE,
                Count.NO_OVERDUE_OR_COMPLAINT), d.counts(Period.month(2025, 7)));
        assertEquals(EnumSet.of(Count.RECEIVED, Count.FEE_BEARING, Count.PAID_ONLINE), d.counts(Period.quarter(2025, 3)));
        assertEquals(d.counts(Period.quarter(2025, 3)), d.counts(Period.year(2025)));
        assertThrows(IllegalArgumentException.class, () -> d.counts(Period.month(2025, 8)));
        assertEquals(List.of(), d.problems());
    }

    @Test
    void everyProblemOfARowIsListedInTheOrderOfTheColumns() {
        DossierRow d = READER.read(row(Map.of(DossierColumn.UNIT_CODE, "xa-b", DossierColumn.RECEIVED_AT, "2025-09-01",
                DossierColumn.CHANNEL, "9", DossierColumn.COMPLAINT_OR_DISLIKE, "yes")));
        assertFalse(d.counted());
        assertEquals(List.of(), d.periods());
        assertEquals(List.of(
                new Problem(null, "dossier_id", 0, 0, "the dossier id is empty"),
                new Problem(null, "unit_code", 0, 0, "unknown unit 'xa-b': not the id of a unit of the facts document"),
                new Problem(null, "received_at", 0, 0, "'2025-09-01' is after the facts' date (asOf 2025-08-15): "
                        + "a dossier received later belongs to a later evaluation"),
                new Problem(null, "channel", 0, 0, "unknown channel code '9': use 1 (in person), 2 (online), 3 (postal) "
                        + "or leave it empty (in person)"),
                new Problem(null, "complaint_or_dislike", 0, 0,
                        "'yes' is not a flag: use 1 or 0 (or true or false), or leave it empty")), d.problems());
    }

    @Test
    void aColumnTheExportLacksIsIgnoredAndARowWithoutAReceptionDateIsNotCounted() {
        DossierRow d = READER.read(row(Map.of(DossierColumn.DOSSIER_ID, "HS-2", DossierColumn.UNIT_CODE, "xa-a",
                DossierColumn.SYNCED_TO_DVCQG, "not read")));
        assertFalse(d.counted());
        assertEquals(List.of(), d.problems());
        assertFalse(READER.has(DossierColumn.SYNCED_TO_DVCQG));
    }

    @Test
    void theReaderIsSerialisable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(READER);
        }
        DossierRow.Reader copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DossierRow.Reader) in.readObject();
        }
        String[] row = row(Map.of(DossierColumn.DOSSIER_ID, "HS-3", DossierColumn.UNIT_CODE, "xa-a",
                DossierColumn.RECEIVED_AT, "2025-07-01", DossierColumn.PROCESSING_END_AT, "2025-07-02"));
        assertEquals(READER.read(row).counts(Period.year(2025)), copy.read(row).counts(Period.year(2025)));
        assertTrue(copy.read(row).counted());
    }
}
