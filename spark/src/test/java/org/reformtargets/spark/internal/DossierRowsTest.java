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
}
