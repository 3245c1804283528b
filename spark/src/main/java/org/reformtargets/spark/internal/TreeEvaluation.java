// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * The evaluation of one unit tree on an executor: the tree's facts (one row each, keyed by the root)
 * become one {@link FactsDocument}, evaluated by the rule set of {@link RuleSets}; the results, scores
 * and any problems of the facts become rows of {@link #OUTPUT}. Only the rule set's id and the date
 * travel in the closure.
 */
public final class TreeEvaluation implements FlatMapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    static final int UNIT = 0;
    static final int MEASUREMENT = 1;
    static final int EVENT = 2;
    static final int ATTESTATION = 3;

    /** One fact of any kind: root, kind, order, nine strings, two longs. */
    public static final StructType FACTS = new StructType()
            .add("root", DataTypes.StringType, false).add("kind", DataTypes.IntegerType, false)
            .add("seq", DataTypes.LongType, false)
            .add("s1", DataTypes.StringType).add("s2", DataTypes.StringType).add("s3", DataTypes.StringType)
            .add("s4", DataTypes.StringType).add("s5", DataTypes.StringType).add("s6", DataTypes.StringType)
            .add("s7", DataTypes.StringType).add("s8", DataTypes.StringType).add("s9", DataTypes.StringType)
            .add("n1", DataTypes.LongType).add("n2", DataTypes.LongType);

    /** Results ({@code kind = "result"}), scores ({@code "score"}) and problems ({@code "problem"}) in one table. */
    public static final StructType OUTPUT = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("target", DataTypes.StringType).add("unit", DataTypes.StringType).add("period", DataTypes.StringType)
            .add("field", DataTypes.StringType).add("status", DataTypes.StringType).add("final", DataTypes.BooleanType)
            .add("actual", DataTypes.StringType).add("threshold", DataTypes.StringType).add("gap", DataTypes.LongType)
            .add("measuredPeriod", DataTypes.StringType).add("points", DataTypes.StringType)
            .add("maxPoints", DataTypes.StringType).add("message_vi", DataTypes.StringType)
            .add("message_en", DataTypes.StringType).add("rule", DataTypes.StringType)
            .add("total", DataTypes.StringType).add("maxTotal", DataTypes.StringType)
            .add("exactTotal", DataTypes.StringType).add("complete", DataTypes.BooleanType)
            .add("groups", DataTypes.createArrayType(new StructType()
                    .add("group", DataTypes.StringType, false).add("points", DataTypes.StringType, false)))
            .add("missing", DataTypes.createArrayType(DataTypes.StringType));

    private final String ruleSetId;
    private final LocalDate asOf;

    public TreeEvaluation(String ruleSetId, LocalDate asOf) {
        this.ruleSetId = ruleSetId;
        this.asOf = asOf;
    }

    /** The facts of all trees as {@link #FACTS} rows, keyed by the root of their unit ({@code roots}: unit, root). */
    public static Dataset<Row> facts(Dataset<Row> units, Dataset<Row> measurements, Dataset<Row> events,
                                     Dataset<Row> attestations, Dataset<Row> roots) {
        Dataset<Row> out = rows(units.withColumnRenamed("id", "unit"), UNIT, roots, "unit", "name", "level", "parent");
        if (measurements != null) {
            out = out.unionByName(rows(measurements, MEASUREMENT, roots, "unit", "indicator", "field", "period",
                    "value"));
        }
        if (events != null) {
            out = out.unionByName(rows(events, EVENT, roots, "unit", "type", "date", "subject", "task", "deadline",
                    "report", "period", "title"));
        }
        if (attestations != null) {
            out = out.unionByName(rows(attestations, ATTESTATION, roots, "unit", "key", "period", "value"));
        }
        return out;
    }

    private static Dataset<Row> rows(Dataset<Row> in, int kind, Dataset<Row> roots, String... strings) {
        Set<String> has = Set.of(in.columns());
        List<Column> cs = new ArrayList<>();
        cs.add(col("root"));
        cs.add(lit(kind).as("kind"));
        cs.add(col("seq"));
        for (int i = 0; i < 9; i++) {
            String c = i < strings.length ? strings[i] : null;
            cs.add((c != null && has.contains(c) ? col("`" + c + "`").cast("string") : lit(null).cast("string"))
                    .as("s" + (i + 1)));
        }
        cs.add((kind == MEASUREMENT && has.contains("numerator") ? col("numerator").cast("long") : lit(null).cast("long")).as("n1"));
        cs.add((kind == MEASUREMENT && has.contains("denominator") ? col("denominator").cast("long") : lit(null).cast("long")).as("n2"));
        return in.withColumn("seq", monotonically_increasing_id()).join(roots, "unit").select(cs.toArray(Column[]::new));
    }

    @Override
    public Iterator<Row> call(String root, Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        all.sort(Comparator.<Row>comparingInt(r -> r.getInt(1)).thenComparingLong(r -> r.getLong(2)));
        List<Unit> units = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Attestation> attestations = new ArrayList<>();
        // each row brings its own copy of a unit id, an indicator, a field and a period: one instance of each
        // per tree, so that the evaluation's many comparisons of them end at the identity check
        Map<String, String> strings = new HashMap<>();
        Map<String, Period> periods = new HashMap<>();
        for (Row r : all) {
            switch (r.getInt(1)) {
                case UNIT -> units.add(new Unit(one(strings, s(r, 1)), s(r, 2), s(r, 3) == null ? null : Level.of(s(r, 3)),
                        one(strings, s(r, 4))));
                case MEASUREMENT -> measurements.add(new Measurement(one(strings, s(r, 1)), one(strings, s(r, 2)),
                        one(strings, s(r, 3)), s(r, 4) == null ? null : periods.computeIfAbsent(s(r, 4), Period::parse),
                        r.isNullAt(12) ? null : r.getLong(12), r.isNullAt(13) ? null : r.getLong(13),
                        s(r, 5) == null ? null : new BigDecimal(s(r, 5))));
                case EVENT -> events.add(new Event(s(r, 1), s(r, 2), date(s(r, 3)), s(r, 4), s(r, 5), date(s(r, 6)),
                        s(r, 7), period(s(r, 8)), s(r, 9)));
                default -> attestations.add(new Attestation(s(r, 1), s(r, 2), period(s(r, 3)), value(s(r, 4))));
            }
        }
        Evaluation e;
        try {
            FactsDocument facts = new FactsDocument(ruleSetId, asOf, units, measurements, events, attestations);
            // one Spark task per tree already: evaluate on the task's thread, not the common pool's
            e = RuleSets.get(ruleSetId).evaluate(facts, Runnable::run);
        } catch (InvalidFactsException | IllegalArgumentException ex) {
            List<Problem> problems = ex instanceof InvalidFactsException i ? i.problems()
                    : List.of(new Problem(null, null, 0, 0, ex.getMessage()));
            List<Row> out = new ArrayList<>();
            for (Problem p : problems) {
                out.add(RowFactory.create("problem", null, root, null, null, null, null, null, null, null, null, null,
                        null, null, p.toString(), null, null, null, null, null, null, null));
            }
            return out.iterator();
        }
        // each row made as the writer asks for it: a result's row and its sentences die young, instead of
        // a whole tree's rows (tens of thousands) outliving several collections and reaching the old generation
        // a tree's results name a few periods, each as one text (not one per row)
        Map<Period, String> texts = new HashMap<>();
        return java.util.stream.Stream.concat(e.results().stream().map(t -> result(t, texts)),
                e.scores().stream().map(TreeEvaluation::score)).iterator();
    }

    private static Row result(TargetResult t, Map<Period, String> periods) {
        return RowFactory.create("result", t.target(), t.unit(), text(t.period(), periods), t.field(),
                t.status().name(), t.isFinal(), t.actual(), t.threshold(), t.gap(),
                text(t.measuredPeriod(), periods), t.points(),
                t.maxPoints(), t.message() == null ? null : t.message().vi(),
                t.message() == null ? null : t.message().en(), t.rule(), null, null, null, null, null, null);
    }

    private static Row score(Score s) {
        return RowFactory.create("score", null, s.unit(), str(s.period()), null, null, null, null, null, null,
                null, null, null, null, null, null, s.total(), s.maxTotal(), s.exactTotal(), s.complete(),
                groups(s), scala.jdk.javaapi.CollectionConverters.asScala(s.missing()).toSeq());
    }

    /** The groups' points in the rule set's order (a map column would lose it). */
    private static scala.collection.immutable.Seq<Row> groups(Score s) {
        List<Row> out = new ArrayList<>();
        s.groups().forEach((g, p) -> out.add(RowFactory.create(g, p)));
        return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
    }

    /** The instance of {@code s} seen first in this tree. */
    private static String one(Map<String, String> seen, String s) {
        if (s == null) {
            return null;
        }
        String first = seen.putIfAbsent(s, s);
        return first == null ? s : first;
    }

    private static String s(Row r, int i) {
        return r.getString(2 + i);
    }

    private static String text(Period p, Map<Period, String> texts) {
        return p == null ? null : texts.computeIfAbsent(p, Period::toString);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Period period(String s) {
        return s == null ? null : Period.parse(s);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Object value(String s) {
        if ("true".equals(s)) {
            return Boolean.TRUE;
        }
        if ("false".equals(s)) {
            return Boolean.FALSE;
        }
        return s;
    }

    /**
     * The rule sets of this JVM, loaded on first use by id and kept. A static cache is acceptable here
     * (the guide prefers none) because it is an executor-side cache of a thread-safe, immutable value
     * that is expensive to build (a compiled {@code KieBase}, seconds) and cannot be serialised: it is
     * never shipped in a closure; each executor JVM loads a rule set once, whatever the number of its
     * tasks and trees.
     */
    static final class RuleSets {
        private static final ConcurrentHashMap<String, RuleSet> LOADED = new ConcurrentHashMap<>();

        private RuleSets() {
        }

        static RuleSet get(String id) {
            return LOADED.computeIfAbsent(id, RuleSet::load);
        }
    }
}
