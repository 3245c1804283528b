// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
 * (the §5 checks and §4 definitions live there, once): the valid dossiers of a partition are summed into
 * one row per unit and period (month, quarter, year) with the counts and the fee-bearing procedures, and
 * those rows summed again over the partitions; an invalid dossier becomes its problems. Runs on the
 * executors; serialisable, it holds only the core's reader.
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
     * One row per unit and period (month, quarter, year) of the valid dossiers of a partition: {@code unit};
     * {@code period} (its string); one long per {@link Count}, named as {@link #counter}, the number of the
     * dossiers counting in the period; {@code fee}, the codes of the fee-bearing dossiers' procedures (those
     * with a code), and {@code paid}, those of them with a dossier paid online in its month.
     */
    public static final StructType PERIODS = periodSchema();

    private static StructType periodSchema() {
        return countsSchema().add("fee", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("paid", DataTypes.createArrayType(DataTypes.StringType, false), false);
    }

    /** {@code unit}, {@code period} and a long per {@link Count}: the columns {@link #PERIODS} and {@link #TOTALS} begin with. */
    private static StructType countsSchema() {
        StructType s = new StructType().add("unit", DataTypes.StringType, false).add("period", DataTypes.StringType, false);
        for (Count c : Count.values()) {
            s = s.add(counter(c), DataTypes.LongType, false);
        }
        return s;
    }

    /** The name of a count's column: its name in lower case. */
    public static String counter(Count c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }

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

    /**
     * The function summing the valid dossiers of a partition into one row ({@link #PERIODS}) per unit and
     * period, handed on once the partition is read; an invalid dossier adds nothing. A partition holds
     * millions of dossiers but at most one row per unit and period, so Spark shuffles far fewer rows.
     */
    public MapPartitionsFunction<Row, Row> periods() {
        return rows -> {
            String[] values = new String[COLUMNS.size()];
            Map<Key, Year> years = new HashMap<>();
            while (rows.hasNext()) {
                DossierRow d = reader.read(strings(rows.next(), values));
                if (d.counted()) {
                    List<Period> ps = d.periods();
                    Set<Count> month = d.counts(ps.get(0));
                    Set<Count> year = d.counts(ps.get(2));
                    Year in = years.computeIfAbsent(new Key(d.unit(), ps.get(2).year()), k -> new Year());
                    Sums inMonth = in.month(ps.get(0));
                    inMonth.add(month);
                    in.quarter(ps.get(1)).add(d.counts(ps.get(1)));
                    in.year(ps.get(2)).add(year);
                    if (!d.procedure().isEmpty() && year.contains(Count.FEE_BEARING)) {
                        // the quarter's and the year's procedures are gathered from the months' (Year.rows)
                        inMonth.fee(d.procedure(), month.contains(Count.PAID_ONLINE));
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            years.forEach((k, y) -> y.rows(k.unit, out));
            return out.iterator();
        };
    }

    /** The sums of a unit's dossiers received in one year: by month, by quarter and in the year. */
    private static final class Year {
        private final Sums[] months = new Sums[12];
        private final Sums[] quarters = new Sums[4];
        private Sums year;

        /** The sums of a month of this year. */
        Sums month(Period month) {
            int m = month.index() - 1;
            if (months[m] == null) {
                months[m] = new Sums(month.toString());
            }
            return months[m];
        }

        /** The sums of a quarter of this year. */
        Sums quarter(Period quarter) {
            int q = quarter.index() - 1;
            if (quarters[q] == null) {
                quarters[q] = new Sums(quarter.toString());
            }
            return quarters[q];
        }

        /** The sums of this year. */
        Sums year(Period whole) {
            if (year == null) {
                year = new Sums(whole.toString());
            }
            return year;
        }

        /** Adds a row of {@link #PERIODS} per period with dossiers to {@code out}. */
        void rows(String unit, List<Row> out) {
            for (int m = 0; m < months.length; m++) {
                if (months[m] != null) {
                    quarters[m / 3].fees(months[m]);
                    year.fees(months[m]);
                    out.add(months[m].row(unit));
                }
            }
            for (Sums s : quarters) {
                if (s != null) {
                    out.add(s.row(unit));
                }
            }
            out.add(year.row(unit));
        }
    }

    /**
     * The function summing rows of {@link #PERIODS} (of one unit and period in several partitions: the
     * input partitioned by unit) into one row ({@link #TOTALS}) per unit and period.
     */
    public static MapPartitionsFunction<Row, Row> totals() {
        return rows -> {
            Map<Key, Sums> sums = new HashMap<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                sums.computeIfAbsent(new Key(r.getString(0), r.getString(1)), k -> new Sums(k.period)).add(r);
            }
            List<Row> out = new ArrayList<>(sums.size());
            sums.forEach((k, s) -> out.add(s.total(k.unit)));
            return out.iterator();
        };
    }

    /**
     * One row per unit and period: {@code unit}, {@code period}, the counts as in {@link #PERIODS}, and
     * {@code procedures_fee} and {@code procedures_paid}: the number of distinct procedures in {@code fee}
     * and {@code paid}.
     */
    public static final StructType TOTALS = totalSchema();

    private static StructType totalSchema() {
        return countsSchema().add("procedures_fee", DataTypes.LongType, false).add("procedures_paid", DataTypes.LongType, false);
    }

    /** A unit and a year or a period's string. */
    private static final class Key {
        private final String unit;
        private final int year;
        private final String period;
        private final int hash;

        Key(String unit, int year) {
            this(unit, year, null);
        }

        Key(String unit, String period) {
            this(unit, 0, period);
        }

        private Key(String unit, int year, String period) {
            this.unit = unit;
            this.year = year;
            this.period = period;
            this.hash = unit.hashCode() * 31 + (period == null ? year : period.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && year == k.year && unit.equals(k.unit)
                    && java.util.Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The sums of one unit and period: the counts and the fee-bearing procedures. */
    private static final class Sums {
        private static final Count[] COUNTS = Count.values();
        private final String period;
        private final long[] counts = new long[COUNTS.length];
        /** The fee-bearing procedures' codes, each with whether one of its dossiers was paid online. */
        private final Map<String, Boolean> fee = new HashMap<>();

        Sums(String period) {
            this.period = period;
        }

        /** Adds a dossier counting {@code in} the period. */
        void add(Set<Count> in) {
            for (Count c : in) {
                counts[c.ordinal()]++;
            }
        }

        /** Adds a fee-bearing procedure, with whether this dossier of it was paid online. */
        void fee(String procedure, boolean paid) {
            fee.merge(procedure, paid, Boolean::logicalOr);
        }

        /** Adds the fee-bearing procedures of {@code other}. */
        void fees(Sums other) {
            other.fee.forEach(this::fee);
        }

        /** Adds a row of {@link #PERIODS}. */
        void add(Row r) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += r.getLong(2 + i);
            }
            for (Object p : r.getList(2 + counts.length)) {
                fee.putIfAbsent((String) p, false);
            }
            for (Object p : r.getList(3 + counts.length)) {
                fee.put((String) p, true);
            }
        }

        /** A row of {@link #PERIODS}. */
        Row row(String unit) {
            Object[] v = new Object[PERIODS.size()];
            int i = put(v, unit);
            v[i++] = fee.keySet().toArray(String[]::new);
            v[i] = fee.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toArray(String[]::new);
            return RowFactory.create(v);
        }

        /** A row of {@link #TOTALS}. */
        Row total(String unit) {
            Object[] v = new Object[TOTALS.size()];
            int i = put(v, unit);
            v[i++] = (long) fee.size();
            v[i] = fee.values().stream().filter(Boolean::booleanValue).count();
            return RowFactory.create(v);
        }

        private int put(Object[] v, String unit) {
            int i = 0;
            v[i++] = unit;
            v[i++] = period;
            for (long n : counts) {
                v[i++] = n;
            }
            return i;
        }
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
}
