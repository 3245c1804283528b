// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Unit;
import org.reformtargets.core.dossier.Dossiers;
import org.reformtargets.testkit.DossierGenerator;

/** The Spark aggregation gives exactly the measurements of the plain-Java one. */
class AggregateDossiersTest {

    @TempDir
    Path dir;

    /** Two trees: a province with departments and communes (one commune without dossiers), a ministry alone. */
    private static final List<Unit> TREE = List.of(
            Unit.root("tinh-a", "Tỉnh A", Level.PROVINCE),
            new Unit("so-tu-phap", "Sở Tư pháp", Level.DEPARTMENT, "tinh-a"),
            new Unit("so-xay-dung", "Sở Xây dựng", Level.DEPARTMENT, "tinh-a"),
            new Unit("xa-an-binh", "Xã An Bình", Level.COMMUNE, "tinh-a"),
            new Unit("xa-phu-my", "Xã Phú Mỹ", Level.COMMUNE, "tinh-a"),
            new Unit("xa-long-hoa", "Xã Long Hòa", Level.COMMUNE, "tinh-a"),
            Unit.root("bo-x", "Bộ X", Level.MINISTRY),
            new Unit("cuc-y", "Cục Y", Level.DEPARTMENT, "bo-x"),
            Unit.root("tinh-b", "Tỉnh B", Level.PROVINCE));

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 15);

    private Path generate(long seed, int rows, List<String> drop) throws IOException {
        return generate(seed, rows, drop, LocalDate.of(2025, 1, 1));
    }

    private Path generate(long seed, int rows, List<String> drop, LocalDate from) throws IOException {
        DossierGenerator g = new DossierGenerator(seed,
                List.of("so-tu-phap", "so-xay-dung", "xa-an-binh", "xa-phu-my", "xa-an-binh", "cuc-y", "tinh-a"),
                from, AS_OF);
        List<String> columns = new ArrayList<>(DossierGenerator.COLUMNS);
        columns.removeAll(drop);
        Path csv = dir.resolve("dossiers-" + seed + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(DossierGenerator.line(columns, ','));
            for (int i = 0; i < rows; i++) {
                Map<String, String> row = g.next();
                w.write(DossierGenerator.line(columns.stream().map(row::get).toList(), ','));
            }
        }
        return csv;
    }

    private static void assertSame(FactsDocument facts, Path csv) {
        Set<Measurement> expected = new HashSet<>(Dossiers.aggregate(facts, csv).measurements());
        List<Measurement> actual = LocalSpark.measurements(
                ReformTargetsSpark.aggregateDossiers(LocalSpark.units(facts), LocalSpark.csv(csv), facts.asOf()));
        assertEquals(actual.size(), new HashSet<>(actual).size(), "a measurement was given twice");
        assertEquals(expected, new HashSet<>(actual));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void generatedExportsAggregateAsTheCoreDoes(long seed) throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        Path csv = generate(seed, 1500, List.of());
        assertSame(facts, csv);
        assertTrue(Dossiers.aggregate(facts, csv).measurements().size() > 1000, "the comparison compares something");
    }

    /**
     * Dossiers of two years, spread over partitions so that a unit has dossiers of both years in one partition
     * and months with dossiers only in later partitions: the same measurements as the core, the unfinished
     * dossiers of the earlier year judged at its end in its year and quarter.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64})
    void dossiersOfTwoYearsAggregateAsTheCoreDoes(int partitions) throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        Path csv = generate(5, 1200, List.of(), LocalDate.of(2024, 8, 1));
        Dataset<Row> dossiers = LocalSpark.csv(csv).repartition(partitions);
        Set<Measurement> expected = new HashSet<>(Dossiers.aggregate(facts, csv).measurements());
        assertTrue(expected.stream().anyMatch(m -> m.period().toString().equals("2024")), "two years are compared");
        List<Measurement> actual = LocalSpark.measurements(
                ReformTargetsSpark.aggregateDossiers(LocalSpark.units(facts), dossiers, facts.asOf()));
        assertEquals(actual.size(), new HashSet<>(actual).size(), "a measurement was given twice");
        assertEquals(expected, new HashSet<>(actual));
    }

    /**
     * Dossiers are summed per unit and period in each partition, then over the partitions: the same
     * measurements whether all dossiers share one partition (many of each unit and period) or are spread
     * over more partitions than there are dossiers (most partitions empty, most sums of one dossier).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 256})
    void theSumsDoNotDependOnThePartitions(int partitions) throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        Path csv = generate(3, 200, List.of());
        Dataset<Row> dossiers = partitions == 1 ? LocalSpark.csv(csv).coalesce(1) : LocalSpark.csv(csv).repartition(partitions);
        assertEquals(partitions, dossiers.rdd().getNumPartitions());
        Set<Measurement> expected = new HashSet<>(Dossiers.aggregate(facts, csv).measurements());
        List<Measurement> actual = LocalSpark.measurements(
                ReformTargetsSpark.aggregateDossiers(LocalSpark.units(facts), dossiers, facts.asOf()));
        assertEquals(expected.size(), actual.size());
        assertEquals(expected, new HashSet<>(actual));
        assertTrue(expected.stream().anyMatch(m -> m.indicator().equals(Dossiers.PROCEDURES_PAID_ONLINE)
                && m.numerator() != null && m.numerator() > 0), "the comparison compares procedures paid online");
    }

    /**
     * The facts' own figures (random units, nested ones among them, a unit without dossiers, a period
     * without any, a value without a ratio) replace the dossiers' counts as in the core, at the unit and
     * in every unit above it up to the next own figure.
     */
    @Test
    void aUnitsOwnMeasurementReplacesItsDossiersAsInTheCore() throws IOException {
        long seed = 3;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        List<String> indicators = Dossiers.indicators();
        List<org.reformtargets.core.Period> periods = List.of(org.reformtargets.core.Period.month(2025, 7),
                org.reformtargets.core.Period.quarter(2025, 3), org.reformtargets.core.Period.year(2025),
                org.reformtargets.core.Period.month(2025, 2), org.reformtargets.core.Period.year(2024));
        List<Measurement> own = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            Unit u = TREE.get(random.nextInt(TREE.size()));
            String indicator = indicators.get(random.nextInt(3)); // a few indicators, so that own figures nest
            org.reformtargets.core.Period p = periods.get(random.nextInt(periods.size()));
            if (!keys.add(u.id() + indicator + p)) {
                continue;
            }
            long den = random.nextInt(500);
            own.add(i % 17 == 0 ? Measurement.value(u.id(), indicator, null, p, java.math.BigDecimal.valueOf(0.5))
                    : Measurement.ratio(u.id(), indicator, null, p, random.nextLong(den + 1), den));
        }
        own.add(Measurement.ratio("tinh-a", indicators.get(0), "land", periods.get(0), 1, 2)); // a field: not an own figure
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, own, List.of(), List.of());
        Path csv = generate(seed, 1200, List.of());
        List<Measurement> core = Dossiers.aggregate(facts, csv).measurements();
        Set<Measurement> expected = new HashSet<>(core.subList(own.size(), core.size()));
        List<Measurement> actual = LocalSpark.measurements(ReformTargetsSpark.aggregateDossiers(LocalSpark.units(facts),
                LocalSpark.csv(csv), LocalSpark.measurements(own), AS_OF));
        assertEquals(actual.size(), new HashSet<>(actual).size(), "a measurement was given twice");
        assertEquals(expected, new HashSet<>(actual));
        // the own figures changed the figures of units above them, not only their own
        Set<Measurement> dossiersAlone = new HashSet<>(Dossiers.aggregate(
                new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of()), csv).measurements());
        assertFalse(dossiersAlone.containsAll(expected), "the own figures made no difference");
    }

    @Test
    void anExportWithoutSomeColumnsMeasuresWhatItCan() throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        // no due date: on time by the legal maximum; no procedure code: no procedure indicator; no store column
        Path csv = generate(7, 800, List.of("due_at", "procedure_code", "from_personal_store", "vneid_authenticated"));
        assertSame(facts, csv);
        List<Measurement> spark = LocalSpark.measurements(ReformTargetsSpark.aggregateDossiers(
                LocalSpark.units(facts), LocalSpark.csv(csv), AS_OF));
        assertFalse(spark.stream().anyMatch(m -> m.indicator().equals(Dossiers.PROCEDURES_PAID_ONLINE)
                || m.indicator().equals(Dossiers.SHARED_FOR_REUSE)));
        assertTrue(spark.stream().anyMatch(m -> m.indicator().equals(Dossiers.POPULATION_DATA)));
    }

    @Test
    void theBundled766ExportAggregatesAsTheCoreDoes() {
        FactsDocument facts = ReformTargetsJson.readFacts(Path.of("../examples/src/main/resources/facts/vn-766-units.json"));
        assertSame(facts, Path.of("../examples/src/main/resources/facts/vn-766-dossiers.csv"));
    }

    @Test
    void invalidDossiersAreListedAndLeftOut() throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, """
                dossier_id,unit_code,received_at,processing_end_at,due_at,channel
                HS-1,xa-an-binh,2025-07-01T08:00,2025-07-02T08:00,2025-07-03,2
                HS-2,xa-nowhere,2025-07-01T08:00,,,
                HS-3,xa-an-binh,2025-13-01,,,
                HS-1,xa-an-binh,2025-07-01T08:00,,,9
                """);
        Dataset<Row> rejected = ReformTargetsSpark.rejectedDossiers(LocalSpark.units(facts), LocalSpark.csv(csv), AS_OF);
        List<String> messages = rejected.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + ": " + r.getString(2)).sorted().toList();
        assertEquals(List.of(
                "HS-1 channel: unknown channel code '9': use 1 (in person), 2 (online), 3 (postal) or leave it empty (in person)",
                "HS-1 dossier_id: duplicate dossier id 'HS-1': given 2 times",
                "HS-2 unit_code: unknown unit 'xa-nowhere': not the id of a unit of the facts document",
                "HS-3 received_at: '2025-13-01' is not a date: use ISO 8601, a date such as 2025-07-03 or a local "
                        + "date-time such as 2025-07-03T14:05"), messages);
        List<Measurement> spark = LocalSpark.measurements(ReformTargetsSpark.aggregateDossiers(
                LocalSpark.units(facts), LocalSpark.csv(csv), AS_OF));
        // the first HS-1 counts (the second, with a bad channel, does not); HS-2 and HS-3 are left out
        assertTrue(spark.contains(Measurement.ratio("xa-an-binh", Dossiers.ON_TIME, null,
                org.reformtargets.core.Period.month(2025, 7), 1, 1)), spark.toString());
        assertEquals(Set.of("xa-an-binh", "tinh-a"), spark.stream().map(Measurement::unit).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * A Parquet export's typed columns (flags boolean, counts int or long, times {@code timestamp_ntz}) are
     * handed to the core's reader as they are and aggregate as their text does; a typed value the reader
     * refuses is refused with its text's words.
     */
    @Test
    void typedColumnsAggregateAsTheirText() throws IOException {
        FactsDocument facts = new FactsDocument("vn-766/2025", AS_OF, TREE, List.of(), List.of(), List.of());
        Path csv = generate(4, 1500, List.of());
        Dataset<Row> text = LocalSpark.csv(csv);
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        for (String c : text.columns()) {
            org.apache.spark.sql.Column v = org.apache.spark.sql.functions.col(c);
            columns.add((c.endsWith("_at") && !c.equals("due_at") ? org.apache.spark.sql.functions.to_timestamp_ntz(v)
                    : Set.of("fee_nonzero", "synced_to_dvcqg", "is_full_online", "complaint_or_dislike").contains(c)
                    ? v.cast("boolean") : Set.of("channel", "legal_max_time").contains(c) ? v.cast("int")
                    : c.equals("supplement_request_count") ? v.cast("long") : v).as(c));
        }
        Dataset<Row> typed = text.select(columns.toArray(org.apache.spark.sql.Column[]::new));
        assertEquals("timestamp_ntz", typed.schema().apply("received_at").dataType().typeName());
        assertEquals("boolean", typed.schema().apply("fee_nonzero").dataType().typeName());
        assertEquals("long", typed.schema().apply("supplement_request_count").dataType().typeName());
        Set<Measurement> expected = new HashSet<>(Dossiers.aggregate(facts, csv).measurements());
        List<Measurement> actual = LocalSpark.measurements(
                ReformTargetsSpark.aggregateDossiers(LocalSpark.units(facts), typed, facts.asOf()));
        assertEquals(expected, new HashSet<>(actual));
        assertEquals(0, ReformTargetsSpark.rejectedDossiers(LocalSpark.units(facts), typed, facts.asOf()).count());

        Dataset<Row> bad = typed.limit(1).withColumn("supplement_request_count", org.apache.spark.sql.functions.lit(-1L));
        assertEquals(List.of("supplement_request_count: '-1' is not a whole number from 0 to 1,000,000"),
                ReformTargetsSpark.rejectedDossiers(LocalSpark.units(facts), bad, facts.asOf()).collectAsList().stream()
                        .map(r -> r.getString(1) + ": " + r.getString(2)).toList());
    }
}
