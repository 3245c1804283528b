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

    private static Set<Row> totals(DossierRows reader, int flush, List<Row> dossiers) throws Exception {
        List<Row> periods = new ArrayList<>();
        reader.periods(flush).call(dossiers.iterator()).forEachRemaining(r -> {
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) { // an array as Spark hands it on: a Seq
                v[i] = r.get(i) instanceof String[] a ? scala.jdk.javaapi.CollectionConverters.asScala(List.of(a)).toSeq()
                        : r.get(i);
            }
            periods.add(RowFactory.create(v));
        });
        List<Row> totals = new ArrayList<>();
        DossierRows.totals().call(periods.iterator()).forEachRemaining(totals::add);
        assertEquals(totals.size(), new HashSet<>(totals).size());
        return new HashSet<>(totals);
    }

    /**
     * A partition hands on what it summed so far every so many dossiers (so that its int counts cannot
     * overflow); the totals are the same however often it does, over two years of dossiers.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 500})
    void handingOnEarlyChangesNoTotal(int flush) throws Exception {
        DossierRows reader = new DossierRows(new HashSet<>(DossierGenerator.COLUMNS), new HashSet<>(UNITS), LocalDate.of(2025, 9, 30));
        List<Row> dossiers = dossiers(2_000);
        Set<Row> once = totals(reader, Integer.MAX_VALUE, dossiers);
        assertEquals(once, totals(reader, flush, dossiers));
        assertTrue(once.stream().anyMatch(r -> r.getString(1).equals("2024-Q4")), "two years are summed");
        assertTrue(once.stream().mapToLong(r -> r.getLong(2)).sum() > 2_000, "dossiers are counted in their periods");
    }
}
