// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reformtargets.testkit.DossierGenerator;

/** The partition functions alone, without a Spark session: what one partition hands on. */
class DossierRowsTest {

    private static final List<String> UNITS = List.of("so-a", "xa-b", "xa-c");

    private static List<Row> dossiers(int n) {
        DossierGenerator g = new DossierGenerator(11, UNITS, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 9, 30));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> d = g.next();
            rows.add(RowFactory.create(DossierRows.COLUMNS.stream().map(d::get).toArray()));
        }
        return rows;
    }

    /** The totals of dossiers read in {@code parts} partitions, their rows handed on as Spark hands them. */
    private static Set<Row> totals(DossierRows reader, int parts, List<Row> dossiers) throws Exception {
        List<Row> years = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            List<Row> part = dossiers.subList(dossiers.size() * p / parts, dossiers.size() * (p + 1) / parts);
            reader.years().call(part.iterator()).forEachRemaining(r -> years.add(spark(r)));
        }
        java.util.Collections.shuffle(years, new java.util.Random(parts));
        List<Row> totals = new ArrayList<>();
        DossierRows.totals().call(years.iterator()).forEachRemaining(totals::add);
        assertEquals(totals.size(), new HashSet<>(totals).size(), "a unit and period was given twice");
        return new HashSet<>(totals);
    }

    /** A row as Spark hands it to the next function: an array as a Seq (of Seqs). */
    private static Row spark(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i) instanceof long[] a ? seq(java.util.Arrays.stream(a).boxed().toList())
                    : r.get(i) instanceof String[][] a ? seq(java.util.Arrays.stream(a).map(m -> seq(List.of(m))).toList())
                    : r.get(i);
        }
        return RowFactory.create(v);
    }

    private static scala.collection.immutable.Seq<?> seq(List<?> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }

    /**
     * A partition hands on one row per unit and year it read; however the dossiers are split over partitions
     * (one, a few, more partitions than units) the totals per unit and period are the same, over two years.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 7, 500})
    void theTotalsDoNotDependOnThePartitions(int parts) throws Exception {
        DossierRows reader = new DossierRows(new HashSet<>(DossierGenerator.COLUMNS), new HashSet<>(UNITS), LocalDate.of(2025, 9, 30));
        List<Row> dossiers = dossiers(2_000);
        Set<Row> once = totals(reader, 1, dossiers);
        assertEquals(once, totals(reader, parts, dossiers));
        assertTrue(once.stream().anyMatch(r -> r.getString(1).equals("2024-Q4")), "two years are summed");
        assertTrue(once.stream().anyMatch(r -> r.getString(1).equals("2025-02")), "months are given");
        assertEquals(2_000, once.stream().filter(r -> r.getString(1).length() == 4).mapToLong(r -> r.getLong(2)).sum(),
                "every dossier is received in one year");
    }

    /** A dossier of {@code unit}, received on {@code day}: fee-bearing, of {@code procedure}, paid online or not. */
    private static Row fee(String id, String unit, String procedure, LocalDate day, boolean paid) {
        Object[] v = new Object[DossierRows.COLUMNS.size()];
        v[DossierRows.COLUMNS.indexOf("dossier_id")] = id;
        v[DossierRows.COLUMNS.indexOf("unit_code")] = unit;
        v[DossierRows.COLUMNS.indexOf("procedure_code")] = procedure;
        v[DossierRows.COLUMNS.indexOf("received_at")] = day.toString();
        v[DossierRows.COLUMNS.indexOf("fee_nonzero")] = true;
        v[DossierRows.COLUMNS.indexOf("online_payment")] = paid ? 2 : 0;
        return RowFactory.create(v);
    }

    /**
     * The procedures of a quarter and a year are those of its months together, as the core's Tally counts them
     * per period: a procedure paid online in one month only counts as paid in its quarter and year, and once,
     * however the months' dossiers are spread over partitions (the paid month read last, in another partition).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aProcedurePaidOnlineInOneMonthIsPaidInItsQuarterAndYear(int parts) throws Exception {
        DossierRows reader = new DossierRows(Set.of("dossier_id", "unit_code", "procedure_code", "received_at",
                "fee_nonzero", "online_payment"), Set.of("xa-b"), LocalDate.of(2025, 12, 31));
        List<Row> dossiers = List.of(fee("1", "xa-b", "P", LocalDate.of(2025, 1, 5), false),
                fee("2", "xa-b", "Q", LocalDate.of(2025, 2, 5), false),
                fee("3", "xa-b", "P", LocalDate.of(2025, 2, 6), false),
                fee("4", "xa-b", "", LocalDate.of(2025, 3, 7), true),
                fee("5", "xa-b", "Q", LocalDate.of(2025, 5, 7), false),
                fee("6", "xa-b", "P", LocalDate.of(2025, 3, 9), true));
        Map<String, List<Long>> byPeriod = new java.util.TreeMap<>();
        int fee = DossierRows.TOTALS.fieldIndex("procedures_fee");
        for (Row r : totals(reader, parts, dossiers)) {
            byPeriod.put(r.getString(1), List.of(r.getLong(fee), r.getLong(fee + 1),
                    r.getLong(DossierRows.TOTALS.fieldIndex("paid_online"))));
        }
        assertEquals(Map.of("2025-01", List.of(1L, 0L, 0L), "2025-02", List.of(2L, 0L, 0L),
                "2025-03", List.of(1L, 1L, 2L), "2025-Q1", List.of(2L, 1L, 2L), "2025-05", List.of(1L, 0L, 0L),
                "2025-Q2", List.of(1L, 0L, 0L), "2025", List.of(2L, 1L, 2L)), byPeriod);
    }
}
