// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
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

    /** Every column a typed store can hand natively, with a date-only due date (read to the end of its day). */
    private static final Set<DossierColumn> TYPED = EnumSet.of(DossierColumn.DOSSIER_ID, DossierColumn.UNIT_CODE,
            DossierColumn.PROCEDURE_CODE, DossierColumn.RECEIVED_AT, DossierColumn.SUBMITTED_AT, DossierColumn.DUE_AT,
            DossierColumn.PROCESSING_END_AT, DossierColumn.END_STATUS, DossierColumn.SUPPLEMENT_REQUEST_COUNT,
            DossierColumn.SUPPLEMENT_DAYS, DossierColumn.LEGAL_MAX_TIME, DossierColumn.CHANNEL,
            DossierColumn.ONLINE_PAYMENT, DossierColumn.FEE_NONZERO, DossierColumn.FULL_ONLINE_ELIGIBLE,
            DossierColumn.IS_FULL_ONLINE, DossierColumn.COMPLAINT_OR_DISLIKE);

    /** A whole number near the edges the reader checks: 0, the 100,000 days and 1,000,000 counts, negatives. */
    private static Gen<Object> whole() {
        Gen<Long> near = integers().between(-2, 2).zip(integers().between(0, 3),
                (d, edge) -> (long) new long[] {0, 100_000, 1_000_000, 7}[edge] + d);
        Gen<Long> any = longs().between(-3_000_000_000L, 3_000_000_000L);
        return near.mix(any, 30).zip(booleans().all(), (n, asLong) -> asLong ? (Object) n
                : n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (Object) (int) (long) n : (Object) n);
    }

    /** A date or date-time around the years 1900 and 2999 and the facts' date, with or without seconds and nanos. */
    private static Gen<Object> time() {
        Gen<Integer> year = integers().between(0, 5).map(i -> new int[] {1899, 1900, 2025, 2025, 2999, 3000}[i]);
        return year.zip(integers().between(1, 365), integers().between(0, 3), integers().between(0, 4),
                (y, day, seconds, kind) -> {
                    LocalDateTime t = LocalDate.ofYearDay(y, day).atTime(8, 30)
                            .plusSeconds(new int[] {0, 0, 17, 59}[seconds]).plusNanos(seconds == 3 ? 123_000 : 0);
                    return kind == 0 ? (Object) t.toLocalDate() : kind == 1 ? null : t;
                });
    }

    private static Object[] typedRow(Object id, Object received, Object submitted, Object due, Object end,
                                     Object requests, Object days, Object legal, Object channel, Object payment,
                                     Object fee, Object eligible, Object online, Object complaint) {
        Object[] row = new Object[DossierColumn.values().length];
        row[DossierColumn.DOSSIER_ID.ordinal()] = id;
        row[DossierColumn.UNIT_CODE.ordinal()] = "xa-a";
        row[DossierColumn.PROCEDURE_CODE.ordinal()] = "1.000123";
        row[DossierColumn.RECEIVED_AT.ordinal()] = received;
        row[DossierColumn.SUBMITTED_AT.ordinal()] = submitted;
        row[DossierColumn.DUE_AT.ordinal()] = due;
        row[DossierColumn.PROCESSING_END_AT.ordinal()] = end;
        row[DossierColumn.SUPPLEMENT_REQUEST_COUNT.ordinal()] = requests;
        row[DossierColumn.SUPPLEMENT_DAYS.ordinal()] = days;
        row[DossierColumn.LEGAL_MAX_TIME.ordinal()] = legal;
        row[DossierColumn.CHANNEL.ordinal()] = channel;
        row[DossierColumn.ONLINE_PAYMENT.ordinal()] = payment;
        row[DossierColumn.FEE_NONZERO.ordinal()] = fee;
        row[DossierColumn.FULL_ONLINE_ELIGIBLE.ordinal()] = eligible;
        row[DossierColumn.IS_FULL_ONLINE.ordinal()] = online;
        row[DossierColumn.COMPLAINT_OR_DISLIKE.ordinal()] = complaint;
        return row;
    }

    /** Everything a reader can see of a row. */
    private static List<Object> seen(DossierRow d) {
        List<Integer> masks = new java.util.ArrayList<>();
        for (int i = 0; i < d.periods().size(); i++) {
            masks.add(d.mask(i));
        }
        return List.of(d.id(), d.problems(), d.counted(), String.valueOf(d.unit()), String.valueOf(d.procedure()),
                d.periods(), masks);
    }

    /**
     * A typed value (Boolean, Integer, Long, LocalDate, LocalDateTime) is read as its text would be: the same
     * counts, periods and problems, word for word, around every edge the reader checks.
     */
    @Test
    void aTypedValueIsReadAsItsText() {
        DossierRow.Reader reader = new DossierRow.Reader(TYPED, Set.of("xa-a"), LocalDate.of(2025, 8, 15));
        Gen<Object> flag = booleans().all().map(b -> (Object) b).mix(integers().between(0, 2).map(i -> (Object) i), 20);
        Gen<Object[]> rows = time().zip(time(), time(), time(), (received, submitted, due, end) ->
                        new Object[] {received, submitted, due, end})
                .zip(whole(), whole(), whole(), (t, requests, days, legal) ->
                        new Object[] {t[0], t[1], t[2], t[3], requests, days, legal})
                .zip(integers().between(0, 4).map(i -> (Object) i), integers().between(0, 3).map(i -> (Object) i),
                        flag.zip(flag, flag, flag, (a, b, c, e) -> new Object[] {a, b, c, e}),
                        (t, channel, payment, flags) -> typedRow(flags[0] instanceof Boolean b && b ? 7L : "HS-1",
                                t[0], t[1], t[2], t[3], t[4], t[5], t[6], channel, payment, flags[0], flags[1],
                                flags[2], flags[3]));
        qt().withExamples(5_000).forAll(rows).checkAssert(row -> {
            String[] text = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                text[i] = row[i] == null ? null : row[i].toString();
            }
            assertEquals(seen(reader.read(text)), seen(reader.read(row)), java.util.Arrays.toString(row));
        });
    }

    /** Whole days are read without a decimal, as the decimal reading makes them (and past 100,000, refused alike). */
    @Test
    void wholeDaysAreReadAsTheirDecimal() {
        DossierRow.Reader reader = new DossierRow.Reader(TYPED, Set.of("xa-a"), LocalDate.of(2025, 8, 15));
        qt().forAll(integers().between(0, 1_100_000), integers().between(0, 2)).checkAssert((n, zeros) -> {
            String whole = "0".repeat(zeros) + n;
            Object[] plain = typedRow("HS-1", LocalDateTime.of(2025, 3, 3, 8, 0), null, null,
                    LocalDateTime.of(2025, 3, 20, 8, 0), null, whole, "5", null, null, null, null, null, null);
            Object[] decimal = plain.clone();
            decimal[DossierColumn.SUPPLEMENT_DAYS.ordinal()] = whole + ".0";
            DossierRow a = reader.read(plain);
            DossierRow b = reader.read(decimal);
            assertEquals(a.counted(), b.counted(), whole);
            assertEquals(a.problems().stream().map(Problem::path).toList(), b.problems().stream().map(Problem::path).toList());
            if (a.counted()) {
                assertEquals(seen(a).subList(2, 7), seen(b).subList(2, 7), whole);
            }
        });
    }

    /** Each end status reads the same in lower case (the usual words) as in capitals or mixed case. */
    @Test
    void anEndStatusReadsTheSameInAnyCase() {
        DossierRow.Reader reader = new DossierRow.Reader(TYPED, Set.of("xa-a"), LocalDate.of(2025, 8, 15));
        for (String word : List.of("processed", "returned", "stopped", "refused", "withdrawn", "supplement_requested",
                "bogus")) {
            List<List<Object>> seen = new java.util.ArrayList<>();
            for (String written : List.of(word, word.toUpperCase(java.util.Locale.ROOT),
                    Character.toUpperCase(word.charAt(0)) + word.substring(1))) {
                Object[] row = typedRow("HS-1", LocalDateTime.of(2025, 3, 3, 8, 0), null, LocalDate.of(2025, 3, 10),
                        LocalDateTime.of(2025, 3, 20, 8, 0), 0, null, 5, 1, null, null, null, null, null);
                row[DossierColumn.END_STATUS.ordinal()] = written;
                seen.add(seen(reader.read(row)).subList(2, 7));
            }
            assertEquals(1, new java.util.HashSet<>(seen).size(), word + ": " + seen);
            assertEquals(!word.equals("bogus"), (Boolean) seen.get(0).get(0), word);
        }
    }

    /**
     * Typed values in columns not of their type, and at the edges the reader checks (a flag as 0, 1 or 2, a
     * count as true, a date for a number of days, Long.MIN_VALUE, years 1899 to 3000 and beyond, a
     * unit id given as a number or a flag): each is still read as its text, word for word, in any column.
     */
    @Test
    void anyTypedValueInAnyColumnIsReadAsItsText() {
        Object[] pool = {null, true, false, 0, 1, 2, 3, 4, -1, 0L, 1L, 2L, 3L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE, 100_000, 100_001, 1_000_000, 1_000_001, 99_999L,
            LocalDate.of(2025, 3, 1), LocalDate.of(1900, 1, 1), LocalDate.of(1899, 12, 31), LocalDate.of(2999, 12, 31),
            LocalDate.of(3000, 1, 1), LocalDate.of(-5, 1, 1), LocalDate.of(10_000, 1, 1),
            LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 3, 2, 23, 59, 59, 999_999_999),
            LocalDateTime.of(2025, 9, 1, 8, 0), LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000),
            LocalDateTime.of(2999, 12, 31, 23, 59), LocalDateTime.of(10_000, 1, 1, 0, 0),
            "xa-a", "processed", "Returned", " 1 ", "1.5", "true", "0"};
        DossierRow.Reader reader = new DossierRow.Reader(EnumSet.allOf(DossierColumn.class),
                Set.of("xa-a", "1", "true", "2025-03-01"), LocalDate.of(2025, 8, 15));
        int columns = DossierColumn.values().length;
        qt().withExamples(20_000).forAll(org.quicktheories.generators.SourceDSL.lists()
                .of(integers().between(0, pool.length - 1)).ofSize(columns), booleans().all())
                .checkAssert((picks, received) -> {
                    Object[] row = new Object[columns];
                    String[] text = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = pool[picks.get(i)];
                    }
                    if (received) { // most rows counted, so that their masks are compared too
                        row[DossierColumn.UNIT_CODE.ordinal()] = "xa-a";
                        row[DossierColumn.RECEIVED_AT.ordinal()] = LocalDateTime.of(2025, 3, 1, 8, 0);
                    }
                    for (int i = 0; i < columns; i++) {
                        text[i] = row[i] == null ? null : row[i].toString();
                    }
                    assertEquals(seen(reader.read(text)), seen(reader.read(row)), java.util.Arrays.toString(row));
                });
    }
}
