// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;

/** The one local Spark session of the module's tests (started once per test JVM, about 4 s), and conversions. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("reform-targets-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }

    static final StructType UNITS = new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType)
            .add("level", DataTypes.StringType).add("parent", DataTypes.StringType);

    static Dataset<Row> units(FactsDocument facts) {
        List<Row> rows = new ArrayList<>();
        for (Unit u : facts.units()) {
            rows.add(RowFactory.create(u.id(), u.name(), u.level() == null ? null : u.level().toString(), u.parent()));
        }
        return get().createDataFrame(rows, UNITS);
    }

    static Dataset<Row> measurements(List<Measurement> ms) {
        return ReformTargetsSpark.measurements(get(), ms);
    }

    /** Measurement rows back as core measurements. */
    static List<Measurement> measurements(Dataset<Row> rows) {
        List<Measurement> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            out.add(new Measurement(r.getAs("unit"), r.getAs("indicator"), r.getAs("field"),
                    Period.parse(r.getAs("period")), r.getAs("numerator"), r.getAs("denominator"),
                    r.getAs("value") == null ? null : new java.math.BigDecimal((String) r.getAs("value"))));
        }
        return out;
    }

    static Dataset<Row> csv(java.nio.file.Path file) {
        return get().read().option("header", "true").option("escape", "\"").csv(file.toString());
    }
}
