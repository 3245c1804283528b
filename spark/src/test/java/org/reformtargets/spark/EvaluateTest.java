// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.dossier.Dossiers;

/** Evaluation on Spark, one facts document per unit tree, gives the results of {@code RuleSet.evaluate}. */
class EvaluateTest {

    private static final Path FACTS = Path.of("../examples/src/main/resources/facts");

    private static final StructType EVENTS = new StructType().add("unit", DataTypes.StringType)
            .add("type", DataTypes.StringType).add("date", DataTypes.StringType).add("subject", DataTypes.StringType)
            .add("task", DataTypes.StringType).add("deadline", DataTypes.StringType).add("report", DataTypes.StringType)
            .add("period", DataTypes.StringType).add("title", DataTypes.StringType);
    private static final StructType ATTESTATIONS = new StructType().add("unit", DataTypes.StringType)
            .add("key", DataTypes.StringType).add("period", DataTypes.StringType).add("value", DataTypes.StringType);

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Dataset<Row> events(List<Event> events) {
        List<Row> rows = new ArrayList<>();
        for (Event e : events) {
            rows.add(RowFactory.create(e.unit(), e.type(), str(e.date()), e.subject(), e.task(), str(e.deadline()),
                    e.report(), str(e.period()), e.title()));
        }
        return LocalSpark.get().createDataFrame(rows, EVENTS);
    }

    private static Dataset<Row> attestations(List<Attestation> as) {
        List<Row> rows = new ArrayList<>();
        for (Attestation a : as) {
            rows.add(RowFactory.create(a.unit(), a.key(), str(a.period()), str(a.value())));
        }
        return LocalSpark.get().createDataFrame(rows, ATTESTATIONS);
    }

    /** What the differential test compares of a result: every column of the contract. */
    private static String key(TargetResult t) {
        return key(t.target(), t.unit(), t.period().toString(), t.field(), t.status().name(), t.isFinal(), t.actual(),
                t.threshold(), t.gap(), str(t.measuredPeriod()), t.points(), t.maxPoints(),
                t.message() == null ? null : t.message().vi(), t.message() == null ? null : t.message().en(), t.rule());
    }

    private static String key(Row r) {
        return key(r.getAs("target"), r.getAs("unit"), r.getAs("period"), r.getAs("field"), r.getAs("status"),
                r.getAs("final"), r.getAs("actual"), r.getAs("threshold"), r.getAs("gap"), r.getAs("measuredPeriod"),
                r.getAs("points"), r.getAs("maxPoints"), r.getAs("message_vi"), r.getAs("message_en"), r.getAs("rule"));
    }

    private static String key(Object... columns) {
        return java.util.Arrays.toString(columns);
    }

    private static java.util.Map<String, String> groups(List<Row> groups) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        groups.forEach(g -> out.put(g.getString(0), g.getString(1)));
        return out;
    }

    /** The views in memory and the views read back from what {@link SparkEvaluation#write} wrote. */
    private static void assertSameEvaluation(FactsDocument facts, Dataset<Row> measurements, Path dir) {
        SparkEvaluation spark = ReformTargetsSpark.evaluate(LocalSpark.units(facts), measurements,
                events(facts.events()), attestations(facts.attestations()), facts.ruleSet(), facts.asOf());
        try {
            assertSameEvaluation(facts, spark);
        } finally {
            spark.unpersist();
        }
        String written = dir.resolve("evaluation").toString();
        assertSameEvaluation(facts, ReformTargetsSpark.evaluate(LocalSpark.units(facts), measurements,
                events(facts.events()), attestations(facts.attestations()), facts.ruleSet(), facts.asOf())
                .write(written));
        assertSameEvaluation(facts, SparkEvaluation.read(LocalSpark.get(), written));
    }

    private static void assertSameEvaluation(FactsDocument facts, SparkEvaluation spark) {
        Evaluation expected = RuleSet.load(facts.ruleSet()).evaluate(facts);
        assertEquals(List.of(), spark.problems().collectAsList());
        List<String> want = new ArrayList<>();
        for (TargetResult t : expected.results()) {
            want.add(key(t));
        }
        List<String> got = new ArrayList<>();
        for (Row r : spark.results().collectAsList()) {
            got.add(key(r));
        }
        java.util.Collections.sort(want);
        java.util.Collections.sort(got);
        assertEquals(want, got);
        Set<String> wantScores = new HashSet<>();
        for (Score s : expected.scores()) {
            wantScores.add(s.unit() + "|" + s.period() + "|" + s.total() + "|" + s.maxTotal() + "|" + s.exactTotal()
                    + "|" + s.complete() + "|" + s.groups() + "|" + s.missing());
        }
        Set<String> gotScores = new HashSet<>();
        for (Row r : spark.scores().collectAsList()) {
            gotScores.add(r.getAs("unit") + "|" + r.getAs("period") + "|" + r.getAs("total") + "|" + r.getAs("maxTotal")
                    + "|" + r.getAs("exactTotal") + "|" + r.getAs("complete") + "|"
                    + groups(r.getList(r.fieldIndex("groups"))) + "|"
                    + r.getList(r.fieldIndex("missing")));
        }
        assertEquals(expected.scores().size(), spark.scores().count());
        assertEquals(wantScores, gotScores);
    }

    @Test
    void the766IndexOnAggregatedDossiersScoresAsTheCoreDoes(@TempDir Path dir) {
        FactsDocument units = ReformTargetsJson.readFacts(FACTS.resolve("vn-766-units.json"));
        Path csv = FACTS.resolve("vn-766-dossiers.csv");
        FactsDocument facts = Dossiers.aggregate(units, csv);
        Dataset<Row> measurements = ReformTargetsSpark.aggregateDossiers(LocalSpark.units(units), LocalSpark.csv(csv),
                units.asOf());
        assertTrue(RuleSet.load(facts.ruleSet()).evaluate(facts).scores().size() > 10, "there are scores to compare");
        assertSameEvaluation(facts, measurements, dir);
    }

    @Test
    void hcmAgriFactsWithEventsAndAttestationsEvaluateAsTheCoreDoes(@TempDir Path dir) {
        FactsDocument facts = ReformTargetsJson.readFacts(FACTS.resolve("hcm-agri-2021.json"));
        assertTrue(!facts.events().isEmpty() && !facts.attestations().isEmpty());
        assertSameEvaluation(facts, LocalSpark.measurements(facts.measurements()), dir);
    }

    @Test
    void factsThatBreakTheContractAreReportedPerTree(@TempDir Path dir) {
        FactsDocument facts = ReformTargetsJson.readFacts(FACTS.resolve("vn-766-units.json"));
        Dataset<Row> bad = LocalSpark.measurements(List.of(org.reformtargets.core.Measurement.ratio("xa-an-binh",
                Dossiers.ON_TIME, null, org.reformtargets.core.Period.month(2025, 7), 5, 3)));
        SparkEvaluation spark = ReformTargetsSpark.evaluate(LocalSpark.units(facts), bad, null, null,
                facts.ruleSet(), facts.asOf());
        List<Row> problems = spark.problems().collectAsList();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("tinh-a", problems.get(0).getString(0));
        assertEquals(0, spark.results().count());

        // written: only problems; the views read back are the same
        SparkEvaluation written = ReformTargetsSpark.evaluate(LocalSpark.units(facts), bad, null, null,
                facts.ruleSet(), facts.asOf()).write(dir.resolve("evaluation").toString());
        assertEquals(problems, written.problems().collectAsList());
        assertEquals(0, written.results().count());
        assertEquals(0, written.scores().count());
        assertEquals(1, LocalSpark.get().read().parquet(dir.resolve("evaluation").toString()).count());
    }
}
