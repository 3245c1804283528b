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
     * One row per unit and year of the valid dossiers of a partition, its sums as {@link Year} keeps them:
     * {@code unit}; {@code year}; {@code counts}, per month (January first) the number of dossiers counting
     * in each {@link Count}, then in the two that can differ between a dossier's periods as the quarter and
     * as the year judge them; {@code fee} per month, the codes of the fee-bearing dossiers' procedures (those
     * with a code), and {@code paid}, those of them with a dossier paid online in its month.
     */
    public static final StructType YEARS = new StructType().add("unit", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("counts", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("fee", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType, false), false), false)
            .add("paid", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType, false), false), false);

    /**
     * One row per unit and period (month, quarter, year): {@code unit}, {@code period} (its string), one long
     * per {@link Count} named as {@link #counter}, the number of the unit's own dossiers counting in the
     * period, and {@code procedures_fee} and {@code procedures_paid}: the number of distinct procedures with
     * a fee-bearing dossier and with one paid online.
     */
    public static final StructType TOTALS = totalSchema();

    private static StructType totalSchema() {
        StructType s = new StructType().add("unit", DataTypes.StringType, false).add("period", DataTypes.StringType, false);
        for (Count c : Count.values()) {
            s = s.add(counter(c), DataTypes.LongType, false);
        }
        return s.add("procedures_fee", DataTypes.LongType, false).add("procedures_paid", DataTypes.LongType, false);
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
        this.reader = new DossierRow.Reader(columns(columns), units, asOf);
    }

    /** The §5 columns among an input's column names, by their exact header names (as the input is selected). */
    public static Set<DossierColumn> columns(Set<String> names) {
        Set<DossierColumn> has = EnumSet.noneOf(DossierColumn.class);
        for (DossierColumn c : DossierColumn.values()) {
            if (names.contains(c.header())) {
                has.add(c);
            }
        }
        return has;
    }

    /**
     * The function summing the valid dossiers of a partition into one row ({@link #YEARS}) per unit and year,
     * handed on once the partition is read; an invalid dossier adds nothing. A partition holds millions of
     * dossiers but at most one row per unit and year, so Spark shuffles far fewer rows.
     */
    public MapPartitionsFunction<Row, Row> years() {
        return rows -> {
            Object[] values = new Object[COLUMNS.size()];
            Map<String, Year> years = new HashMap<>();
            while (rows.hasNext()) {
                DossierRow d = reader.read(values(rows.next(), values));
                if (d.counted()) {
                    Period month = d.periods().get(0);
                    Year in = years.get(d.unit());
                    if (in == null || in.number != month.year()) {
                        in = Year.of(years, d.unit(), month.year());
                    }
                    in.add(month.index() - 1, d.mask(0), d.mask(1), d.mask(2));
                    if ((d.mask(2) & FEE_BEARING) != 0 && !d.procedure().isEmpty()) {
                        // the quarter's and the year's procedures are gathered from the months' (Year.totals)
                        in.fee(month.index() - 1, d.procedure(), (d.mask(0) & PAID_ONLINE) != 0);
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            each(years, (unit, y) -> out.add(y.row(unit)));
            return out.iterator();
        };
    }

    /**
     * The function summing rows of {@link #YEARS} (of one unit and year from several partitions: the input
     * partitioned by unit) into one row ({@link #TOTALS}) per unit and period with dossiers.
     */
    public static MapPartitionsFunction<Row, Row> totals() {
        return rows -> {
            Map<String, Year> years = new HashMap<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                Year.of(years, r.getString(0), r.getInt(1)).add(r);
            }
            List<Row> out = new ArrayList<>();
            each(years, (unit, y) -> y.totals(unit, out));
            return out.iterator();
        };
    }

    private static void each(Map<String, Year> years, java.util.function.BiConsumer<String, Year> action) {
        years.forEach((unit, first) -> {
            for (Year y = first; y != null; y = y.next) {
                action.accept(unit, y);
            }
        });
    }

    private static final int FEE_BEARING = 1 << Count.FEE_BEARING.ordinal();
    private static final int PAID_ONLINE = 1 << Count.PAID_ONLINE.ordinal();
    private static final int COUNTS = Count.values().length;
    /** The counts that can differ between a dossier's month, quarter and year ({@link Count}). */
    private static final Count[] VARYING = {Count.ON_TIME, Count.NO_OVERDUE_OR_COMPLAINT};
    private static final int VARYING_MASK = 1 << Count.ON_TIME.ordinal() | 1 << Count.NO_OVERDUE_OR_COMPLAINT.ordinal();

    /**
     * The sums of a unit's dossiers received in one year, per month in one array (a dossier adds to one
     * place, not to three objects: the counts of its quarter and year are summed from the months' at the
     * end). The counts that can differ between a dossier's periods ({@link #VARYING}: on time, and neither
     * overdue nor complained of, as {@link Count} documents) are kept per month three times: as the month,
     * the quarter and the year judge them.
     */
    private static final class Year {
        /** Per month: the {@link Count}s, then the varying ones as the quarter judges them, then as the year. */
        private static final int WIDTH = COUNTS + 2 * VARYING.length;

        /** The year, and the unit's other years (a chain: a unit's dossiers are mostly of one year). */
        private final int number;
        private final Year next;
        private final long[] counts = new long[12 * WIDTH];
        /** Per month, the fee-bearing procedures' codes, each with whether one of its dossiers was paid online. */
        @SuppressWarnings("unchecked")
        private final Map<String, Boolean>[] fees = new Map[12];

        private Year(int number, Year next) {
            this.number = number;
            this.next = next;
        }

        /** The unit's sums of {@code year} in {@code years}, made when it has none yet. */
        static Year of(Map<String, Year> years, String unit, int year) {
            Year first = years.get(unit);
            for (Year y = first; y != null; y = y.next) {
                if (y.number == year) {
                    return y;
                }
            }
            Year y = new Year(year, first);
            years.put(unit, y);
            return y;
        }

        /** Adds a dossier of month {@code m} (0 for January) with the masks of its month, quarter and year. */
        void add(int m, int month, int quarter, int year) {
            if ((((month ^ quarter) | (month ^ year)) & ~VARYING_MASK) != 0) {
                throw new IllegalStateException("a dossier's periods differ in a count other than " + List.of(VARYING));
            }
            int at = m * WIDTH;
            for (int bits = month; bits != 0; bits &= bits - 1) {
                counts[at + Integer.numberOfTrailingZeros(bits)]++;
            }
            for (int v = 0; v < VARYING.length; v++) {
                int bit = 1 << VARYING[v].ordinal();
                counts[at + COUNTS + v] += (quarter & bit) != 0 ? 1 : 0;
                counts[at + COUNTS + VARYING.length + v] += (year & bit) != 0 ? 1 : 0;
            }
        }

        /** Adds a fee-bearing procedure of month {@code m}, with whether this dossier of it was paid online. */
        void fee(int m, String procedure, boolean paid) {
            if (fees[m] == null) {
                fees[m] = new HashMap<>();
            }
            fees[m].merge(procedure, paid, Boolean::logicalOr);
        }

        /** This year's row of {@link #YEARS}. */
        Row row(String unit) {
            String[][] fee = new String[12][];
            String[][] paid = new String[12][];
            for (int m = 0; m < 12; m++) {
                Map<String, Boolean> f = fees[m] == null ? Map.of() : fees[m];
                fee[m] = f.keySet().toArray(String[]::new);
                paid[m] = f.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toArray(String[]::new);
            }
            return RowFactory.create(unit, number, counts, fee, paid);
        }

        /** Adds a row of {@link #YEARS} of this unit and year. */
        void add(Row r) {
            List<Long> in = r.getList(2);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += in.get(i);
            }
            List<scala.collection.Seq<String>> fee = r.getList(3);
            List<scala.collection.Seq<String>> paid = r.getList(4);
            for (int m = 0; m < 12; m++) {
                for (String p : scala.jdk.javaapi.CollectionConverters.asJava(fee.get(m))) {
                    fee(m, p, false);
                }
                for (String p : scala.jdk.javaapi.CollectionConverters.asJava(paid.get(m))) {
                    fee(m, p, true);
                }
            }
        }

        /** Adds a row of {@link #TOTALS} per period with dossiers to {@code out}: months, quarters, the year. */
        void totals(String unit, List<Row> out) {
            Sums whole = new Sums(Period.year(number).toString());
            Sums quarter = null;
            for (int m = 0; m < 12; m++) {
                if (m % 3 == 0) {
                    if (quarter != null && quarter.received() > 0) {
                        out.add(quarter.total(unit));
                    }
                    quarter = new Sums(Period.quarter(number, m / 3 + 1).toString());
                }
                Sums month = new Sums(Period.month(number, m + 1).toString());
                month.add(counts, m * WIDTH, -1);
                if (month.received() > 0) {
                    quarter.add(counts, m * WIDTH, 0);
                    whole.add(counts, m * WIDTH, 1);
                    if (fees[m] != null) {
                        fees[m].forEach(month::fee);
                        fees[m].forEach(quarter::fee);
                        fees[m].forEach(whole::fee);
                    }
                    out.add(month.total(unit));
                }
            }
            if (quarter.received() > 0) {
                out.add(quarter.total(unit));
            }
            if (whole.received() > 0) {
                out.add(whole.total(unit));
            }
        }
    }

    /** The sums of one unit and period: the counts and the fee-bearing procedures. */
    private static final class Sums {
        private final String period;
        private final long[] counts = new long[COUNTS];
        /** The fee-bearing procedures' codes, each with whether one of its dossiers was paid online. */
        private final Map<String, Boolean> fee = new HashMap<>();

        Sums(String period) {
            this.period = period;
        }

        /** The dossiers received in the period. */
        long received() {
            return counts[Count.RECEIVED.ordinal()];
        }

        /**
         * Adds a month's counts from {@link Year}'s array at {@code at}, the varying ones as the month
         * ({@code -1}), the quarter ({@code 0}) or the year ({@code 1}) judges them.
         */
        void add(long[] month, int at, int judge) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += month[at + i];
            }
            if (judge >= 0) {
                for (int v = 0; v < VARYING.length; v++) {
                    int c = VARYING[v].ordinal();
                    counts[c] += month[at + COUNTS + judge * VARYING.length + v] - month[at + c];
                }
            }
        }

        /** Adds a fee-bearing procedure, with whether a dossier of it was paid online. */
        void fee(String procedure, boolean paid) {
            fee.merge(procedure, paid, Boolean::logicalOr);
        }

        /** A row of {@link #TOTALS}. */
        Row total(String unit) {
            Object[] v = new Object[TOTALS.size()];
            int i = 0;
            v[i++] = unit;
            v[i++] = period;
            for (long n : counts) {
                v[i++] = n;
            }
            v[i++] = (long) fee.size();
            v[i] = fee.values().stream().filter(Boolean::booleanValue).count();
            return RowFactory.create(v);
        }
    }

    /** The function handing on the problems ({@link #PROBLEMS}) of each invalid dossier. */
    public FlatMapFunction<Row, Row> problems() {
        return row -> {
            DossierRow d = reader.read(values(row, new Object[COLUMNS.size()]));
            List<Problem> problems = d.problems();
            List<Row> out = new ArrayList<>(problems.size());
            for (Problem p : problems) {
                out.add(RowFactory.create(d.id(), p.path(), p.message()));
            }
            return out.iterator();
        };
    }

    /** The row's values into {@code values}: strings, or a typed column's values (see {@code DossierRow.Reader}). */
    private static Object[] values(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }
}
