// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.dossier.DossierRow.Count;
import org.reformtargets.core.dossier.Dossiers;
import org.reformtargets.spark.internal.DossierRows;
import org.reformtargets.spark.internal.OwnFigures;
import org.reformtargets.spark.internal.TreeEvaluation;
import org.reformtargets.spark.internal.UnitTree;

/**
 * The library on Apache Spark: the dossier export of §5 of the 766-index spec aggregated into the
 * §8 measurements, and facts evaluated by a rule set, each distributed over the cluster. The results
 * are the same as the plain-Java path's ({@link Dossiers#aggregate}, {@code RuleSet.evaluate}).
 *
 * <h2>Schemas</h2>
 * <ul>
 *   <li><b>units</b>: {@code id}, {@code name}, {@code level} (a level code such as {@code PROVINCE}),
 *       {@code parent} (null at the top), all strings: the {@code units} of the facts contract.</li>
 *   <li><b>dossiers</b>: the §5 columns ({@code dossier_id}, {@code unit_code}, {@code received_at}…) as
 *       read from the CSV with a header ({@code spark.read().option("header", "true").csv(path)}: every
 *       column a string) or from Parquet (any type whose string form is the CSV's); a missing optional
 *       column means the fact is absent, as in the CSV.</li>
 *   <li><b>measurements</b> (also what {@link #aggregateDossiers} returns): {@code unit}, {@code indicator},
 *       {@code field}, {@code period} ({@code 2025}, {@code 2025-Q3}, {@code 2025-07}) strings,
 *       {@code numerator}, {@code denominator} longs, {@code value} a decimal string (exact); nulls where the
 *       contract omits the field.</li>
 *   <li><b>events</b>: {@code unit}, {@code type}, {@code date} (ISO), {@code subject}, {@code task},
 *       {@code deadline} (ISO), {@code report}, {@code period}, {@code title}; missing columns are null.</li>
 *   <li><b>attestations</b>: {@code unit}, {@code key}, {@code period}, {@code value} (a string;
 *       {@code true}/{@code false} are the yes/no attestations).</li>
 * </ul>
 * Results and scores: see {@link SparkEvaluation}.
 */
public final class ReformTargetsSpark {

    /** The columns of the measurements, in the contract's order. */
    public static final List<String> MEASUREMENT_COLUMNS =
            List.of("unit", "indicator", "field", "period", "numerator", "denominator", "value");

    private ReformTargetsSpark() {
    }

    /**
     * Aggregates dossiers into the §8 measurements, as {@link Dossiers#aggregate} does for facts without
     * measurements of their own; see {@link #aggregateDossiers(Dataset, Dataset, Dataset, LocalDate)}.
     */
    public static Dataset<Row> aggregateDossiers(Dataset<Row> units, Dataset<Row> dossiers, LocalDate asOf) {
        return aggregateDossiers(units, dossiers, null, asOf);
    }

    /**
     * Aggregates dossiers into the §8 measurements, as {@link Dossiers#aggregate} does: for every unit with
     * dossiers of its own or below it, every period (month, quarter, year) any dossier was received in, and
     * every indicator whose columns the dossiers have, the counts of its own dossiers plus the figures of
     * the units right below it ({@code 0} of {@code 0} where there are none); where {@code measurements}
     * give a unit's own figure for an indicator and period (a ratio without a field), that figure is the
     * unit's, counts toward the units above it in place of its dossiers', and is not repeated.
     *
     * <p>Distributed: each dossier is read and judged on the executors by the core's
     * {@link org.reformtargets.core.dossier.DossierRow}, and its counts summed, in the partition, per unit
     * and year (by month) with the fee-bearing procedures, one row per unit and year handed on; those rows
     * are shuffled by unit, summed over the partitions and spread to months, quarters and the year, joined
     * with the ancestor closure of the (broadcast) unit tree and summed per ancestor and period. The units' own figures are applied to the
     * summed figures (a unit's figure replaces what its sub-tree added to each unit above it, up to the
     * nearest unit with a figure of its own). Invalid dossiers (see {@link #rejectedDossiers}) are left
     * out: check that one is empty first, as the plain-Java path refuses the whole export.
     *
     * @param units        the units ({@code id}, {@code parent}); collected, so keep it a dimension table
     * @param dossiers     the export, one row per dossier
     * @param measurements the facts' own measurements ({@link #MEASUREMENT_COLUMNS}), or {@code null} for none;
     *                     of two for the same unit, indicator and period, either is taken
     * @param asOf         the facts' date: an unfinished dossier is judged at the end of the period or of this
     *                     day, whichever is first, and a dossier received later is invalid; {@code null} for none
     * @return the measurements, with {@link #MEASUREMENT_COLUMNS}: those the dossiers give, without the
     *         ones {@code measurements} already give
     */
    public static Dataset<Row> aggregateDossiers(Dataset<Row> units, Dataset<Row> dossiers, Dataset<Row> measurements,
                                                 LocalDate asOf) {
        SparkSession spark = dossiers.sparkSession();
        UnitTree tree = UnitTree.of(units);
        Set<String> has = Set.of(dossiers.columns());
        DossierRows reader = new DossierRows(has, tree.ids(), asOf);
        // per unit and year, summed in each partition, then (partitioned by unit) over the partitions and spread
        // to months, quarters and the year, counting the distinct fee-bearing procedures and those paid online
        Dataset<Row> counts = standard(dossiers, has).mapPartitions(reader.years(), Encoders.row(DossierRows.YEARS))
                .repartition(col("unit"))
                .mapPartitions(DossierRows.totals(), Encoders.row(DossierRows.TOTALS));

        List<String> counters = new ArrayList<>(COUNTERS);
        counters.add("procedures_fee");
        counters.add("procedures_paid");
        List<Column> rolled = new ArrayList<>();
        for (String c : counters) {
            rolled.add(sum(col(c)).cast("long").as(c));
        }
        Dataset<Row> figures = counts.join(functions.broadcast(tree.closure(spark)), "unit")
                .groupBy(col("ancestor").as("unit"), col("period"))
                .agg(rolled.get(0), rolled.subList(1, rolled.size()).toArray(Column[]::new));
        // every covered unit gets every period any dossier fell in, 0 of 0 where it has none: the periods
        // gathered over all (few) figures by a window, each unit's figures in a map by period; no self-join,
        // which would read and judge the dossiers once more for each use of the figures
        List<Column> values = new ArrayList<>();
        for (String c : counters) {
            values.add(col(c));
        }
        List<Column> filled = new ArrayList<>();
        filled.add(col("unit"));
        filled.add(col("period"));
        for (String c : counters) {
            filled.add(coalesce(col("figures").getItem(col("period")).getField(c), lit(0L)).as(c));
        }
        Dataset<Row> full = figures
                .withColumn("periods", functions.collect_set(col("period")).over(Window.partitionBy()))
                .groupBy("unit")
                .agg(functions.map_from_entries(functions.collect_list(struct(col("period"),
                        struct(values.toArray(Column[]::new))))).as("figures"), functions.first(col("periods")).as("periods"))
                .select(col("unit"), col("figures"), explode(col("periods")).as("period"))
                .select(filled.toArray(Column[]::new));

        List<Column> measured = new ArrayList<>();
        for (Dossiers.Indicator i : Dossiers.indicators(DossierRows.columns(has))) {
            measured.add(struct(lit(i.code()).as("indicator"), col(i.numerator()).cast("long").as("numerator"),
                    col(i.denominator()).cast("long").as("denominator")));
        }
        if (measured.isEmpty()) {
            return spark.createDataFrame(List.of(), measurementSchema());
        }
        Dataset<Row> raw = full.select(col("unit"), col("period"),
                        explode(functions.array(measured.toArray(Column[]::new))).as("m"))
                .select(col("unit"), col("m.indicator").as("indicator"), col("period"),
                        col("m.numerator").as("numerator"), col("m.denominator").as("denominator"));
        if (measurements != null) {
            raw = OwnFigures.apply(raw, measurements, tree.closure(spark));
        }
        return raw.select(col("unit"), col("indicator"), lit(null).cast("string").as("field"), col("period"),
                col("numerator"), col("denominator"), lit(null).cast("string").as("value"));
    }

    /** The counters of one dossier, by column name. */
    private static final List<String> COUNTERS = Arrays.stream(Count.values()).map(DossierRows::counter).toList();

    /**
     * The problems of the dossiers the plain-Java reader would refuse, one row each: {@code dossier_id},
     * {@code column} and {@code message} (as the CSV reader words them; Spark knows no line numbers), plus
     * every id given more than once. Distributed like the aggregation; empty when the export is valid.
     */
    public static Dataset<Row> rejectedDossiers(Dataset<Row> units, Dataset<Row> dossiers, LocalDate asOf) {
        UnitTree tree = UnitTree.of(units);
        Set<String> has = Set.of(dossiers.columns());
        DossierRows reader = new DossierRows(has, tree.ids(), asOf);
        Dataset<Row> problems = standard(dossiers, has).flatMap(reader.problems(), Encoders.row(DossierRows.PROBLEMS));
        if (!has.contains("dossier_id")) {
            return problems;
        }
        Dataset<Row> duplicates = dossiers.where(col("dossier_id").isNotNull())
                .groupBy(col("dossier_id").cast("string").as("dossier_id")).agg(count(lit(1)).as("n"))
                .where(col("n").gt(1))
                .select(col("dossier_id"), lit("dossier_id").as("column"),
                        functions.concat(lit("duplicate dossier id '"), col("dossier_id"), lit("': given "),
                                col("n").cast("string"), lit(" times")).as("message"));
        return problems.unionByName(duplicates);
    }

    /**
     * Evaluates facts with a bundled rule set, one facts document per unit tree: every fact is keyed by
     * the root of its unit's tree, the rows are shuffled by that key into {@code spark.sql.shuffle.partitions}
     * tasks (one shuffle, so a tree is never split), and each tree is evaluated on an executor with the rule set loaded once per executor JVM.
     * Facts of units not in {@code units} are dropped, as they could be placed in no tree.
     *
     * @param ruleSetId a bundled rule set, such as {@code vn-766/2025}; it must be on the executors' class path
     * @param asOf      the facts' date
     * @param events       may be {@code null}
     * @param attestations may be {@code null}
     */
    public static SparkEvaluation evaluate(Dataset<Row> units, Dataset<Row> measurements, Dataset<Row> events,
                                           Dataset<Row> attestations, String ruleSetId, LocalDate asOf) {
        SparkSession spark = units.sparkSession();
        Dataset<Row> roots = functions.broadcast(UnitTree.of(units).roots(spark));
        Dataset<Row> facts = TreeEvaluation.facts(units, measurements, events, attestations, roots);
        TreeEvaluation evaluation = new TreeEvaluation(ruleSetId, asOf);
        // trees spread over spark.sql.shuffle.partitions tasks, a number adaptive execution keeps: it would
        // coalesce the small facts shuffle into a few tasks (3 on 2 cores), leaving a core idle at the end
        int tasks = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        Dataset<Row> out = facts.repartition(tasks, col("root")).groupBy(col("root"))
                .as(Encoders.STRING(), Encoders.row(TreeEvaluation.FACTS))
                .flatMapGroups(evaluation, Encoders.row(TreeEvaluation.OUTPUT));
        return new SparkEvaluation(out);
    }

    /**
     * The §5 columns in {@link DossierRows#COLUMNS}' order: as strings, but a boolean, whole-number or local
     * date-time ({@code timestamp_ntz}) column as it is ({@code DossierRow} reads each as its text would be,
     * faster); absent and unread ones null (not read from Parquet).
     */
    private static Dataset<Row> standard(Dataset<Row> dossiers, Set<String> has) {
        Column[] cs = DossierRows.COLUMNS.stream()
                .map(c -> !has.contains(c) || DossierRows.UNREAD.contains(c) ? lit(null).cast("string").as(c)
                        : NATIVE.contains(dossiers.schema().apply(c).dataType()) ? col("`" + c + "`").as(c)
                        : col("`" + c + "`").cast("string").as(c))
                .toArray(Column[]::new);
        return dossiers.select(cs);
    }

    /**
     * The column types handed to {@code DossierRow} as they are (Boolean, Integer, Long, LocalDateTime). A date
     * column is cast to its ISO text: Spark's {@code java.sql.Date} needs a zone, and the text is as fast.
     */
    private static final Set<org.apache.spark.sql.types.DataType> NATIVE = Set.of(DataTypes.BooleanType,
            DataTypes.IntegerType, DataTypes.LongType, DataTypes.TimestampNTZType);

    static org.apache.spark.sql.types.StructType measurementSchema() {
        return new org.apache.spark.sql.types.StructType()
                .add("unit", DataTypes.StringType).add("indicator", DataTypes.StringType)
                .add("field", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("numerator", DataTypes.LongType).add("denominator", DataTypes.LongType)
                .add("value", DataTypes.StringType);
    }

    /** The core's measurements as rows of {@link #measurementSchema()} (a small, driver-side list: the facts' own). */
    static Dataset<Row> measurements(SparkSession spark, List<Measurement> ms) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : ms) {
            rows.add(RowFactory.create(m.unit(), m.indicator(), m.field(), m.period() == null ? null : m.period().toString(),
                    m.numerator(), m.denominator(), m.value() == null ? null : m.value().toString()));
        }
        return spark.createDataFrame(rows, measurementSchema());
    }
}
