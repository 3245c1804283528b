// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.dossier.DossierColumn;
import org.reformtargets.core.dossier.DossierRow;
import org.reformtargets.core.dossier.DossierRow.Count;

/**
 * The dossier rows of a Spark {@code Dataset}, each read and judged by the core's {@link DossierRow}
 * (the §5 checks and §4 definitions live there, once): a valid dossier becomes one row with its unit,
 * its month, quarter and year, its fee-bearing procedure and its counts as bit masks; an invalid one
 * its problems. Runs on the executors, row by row; serialisable, it holds only the core's reader.
 */
public final class DossierRows implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The §5 columns in {@link DossierColumn}'s order; the input is selected into this order, absent ones as null. */
    public static final List<String> COLUMNS = EnumSet.allOf(DossierColumn.class).stream().map(DossierColumn::header)
            .toList();

    /** The columns no check or definition reads ({@link DossierColumn}: "not used"); left out of the input. */
    public static final Set<String> UNREAD = Set.of(DossierColumn.SERVICE_ID.header(), DossierColumn.PROCESSING_TIME.header(),
            DossierColumn.PROCESSING_TIME_UNIT.header());

    /**
     * One row per valid dossier: {@code unit}; {@code month}, {@code quarter}, {@code year} (the periods'
     * strings); {@code procedure}, the procedure's code when the dossier is fee-bearing and has one, else
     * null; and {@code month_counts}, {@code quarter_counts}, {@code year_counts}: bit
     * {@code Count.ordinal()} set where the dossier counts in that period.
     */
    public static final StructType DOSSIERS = new StructType()
            .add("unit", DataTypes.StringType, false)
            .add("month", DataTypes.StringType, false).add("quarter", DataTypes.StringType, false)
            .add("year", DataTypes.StringType, false)
            .add("procedure", DataTypes.StringType, true)
            .add("month_counts", DataTypes.IntegerType, false).add("quarter_counts", DataTypes.IntegerType, false)
            .add("year_counts", DataTypes.IntegerType, false);

    /** One row per problem. */
    public static final StructType PROBLEMS = new StructType()
            .add("dossier_id", DataTypes.StringType, true).add("column", DataTypes.StringType, true)
            .add("message", DataTypes.StringType, false);

    private final DossierRow.Reader reader;

    /**
     * @param columns the columns the input has
     * @param units   the ids of the units of the facts
     * @param asOf    the facts' date, or {@code null}
     */
    public DossierRows(Set<String> columns, Set<String> units, java.time.LocalDate asOf) {
        Set<DossierColumn> has = EnumSet.noneOf(DossierColumn.class);
        for (DossierColumn c : DossierColumn.values()) {
            if (columns.contains(c.header())) {
                has.add(c);
            }
        }
        this.reader = new DossierRow.Reader(has, units, asOf);
    }

    /** The function handing on one row ({@link #DOSSIERS}) per valid dossier, none for an invalid one. */
    public MapPartitionsFunction<Row, Row> dossiers() {
        return rows -> new Iterator<>() {
            private final String[] values = new String[COLUMNS.size()];
            /** The periods' strings, by period: few distinct months in a partition. */
            private final Map<Period, String> names = new HashMap<>();
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    DossierRow d = reader.read(strings(rows.next(), values));
                    if (d.counted()) {
                        List<Period> ps = d.periods();
                        boolean fee = d.counts(ps.get(2)).contains(Count.FEE_BEARING);
                        next = RowFactory.create(d.unit(), name(ps.get(0)), name(ps.get(1)), name(ps.get(2)),
                                fee && !d.procedure().isEmpty() ? d.procedure() : null,
                                mask(d, ps.get(0)), mask(d, ps.get(1)), mask(d, ps.get(2)));
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }

            private String name(Period p) {
                return names.computeIfAbsent(p, Period::toString);
            }
        };
    }

    /** The function handing on the problems ({@link #PROBLEMS}) of each invalid dossier. */
    public FlatMapFunction<Row, Row> problems() {
        return row -> {
            DossierRow d = reader.read(strings(row, new String[COLUMNS.size()]));
            List<Problem> problems = d.problems();
            List<Row> out = new ArrayList<>(problems.size());
            for (Problem p : problems) {
                out.add(RowFactory.create(d.id(), p.path(), p.message()));
            }
            return out.iterator();
        };
    }

    private static String[] strings(Row row, String[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = row.get(i);
            values[i] = v == null ? null : v.toString();
        }
        return values;
    }

    private static int mask(DossierRow d, Period p) {
        int mask = 0;
        for (Count c : d.counts(p)) {
            mask |= 1 << c.ordinal();
        }
        return mask;
    }
}
