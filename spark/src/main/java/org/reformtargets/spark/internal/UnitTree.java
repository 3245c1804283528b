// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The unit tree as two small tables: each unit with every unit above it and itself (the ancestor
 * closure), and each unit with the root of its tree. The unit table is a dimension table (thousands
 * of rows, not millions): it is collected to the driver once, its closure computed there and handed
 * back as a Dataset small enough to be broadcast into the joins. The dossiers never come to the driver.
 */
public final class UnitTree {

    /** {@code (unit, ancestor, distance)}: every unit with itself (distance 0) and each unit above it (1 for its parent). */
    public static final StructType CLOSURE = new StructType()
            .add("unit", DataTypes.StringType, false).add("ancestor", DataTypes.StringType, false)
            .add("distance", DataTypes.IntegerType, false);
    /** {@code (unit, root)}. */
    public static final StructType ROOTS = new StructType()
            .add("unit", DataTypes.StringType, false).add("root", DataTypes.StringType, false);

    private final Map<String, String> parents;

    private UnitTree(Map<String, String> parents) {
        this.parents = parents;
    }

    /** Reads {@code id} and {@code parent} of every unit (the first of a repeated id wins, as in the core). */
    public static UnitTree of(Dataset<Row> units) {
        Map<String, String> parents = new HashMap<>();
        for (Row r : units.select(units.col("id").cast("string"), units.col("parent").cast("string")).collectAsList()) {
            parents.putIfAbsent(r.getString(0), r.getString(1));
        }
        return new UnitTree(parents);
    }

    /** The ids of the units. */
    public java.util.Set<String> ids() {
        return parents.keySet();
    }

    /** The units above {@code unit}, nearest first, stopping at an unknown parent or a cycle. */
    private List<String> above(String unit) {
        List<String> out = new ArrayList<>();
        String p = parents.get(unit);
        while (p != null && parents.containsKey(p) && !p.equals(unit) && !out.contains(p)) {
            out.add(p);
            p = parents.get(p);
        }
        return out;
    }

    /** The ancestor closure, {@link #CLOSURE}. */
    public Dataset<Row> closure(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String u : parents.keySet()) {
            rows.add(RowFactory.create(u, u, 0));
            List<String> above = above(u);
            for (int i = 0; i < above.size(); i++) {
                rows.add(RowFactory.create(u, above.get(i), i + 1));
            }
        }
        return spark.createDataFrame(rows, CLOSURE);
    }

    /** The root of each unit's tree, {@link #ROOTS}. */
    public Dataset<Row> roots(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String u : parents.keySet()) {
            List<String> a = above(u);
            rows.add(RowFactory.create(u, a.isEmpty() ? u : a.get(a.size() - 1)));
        }
        return spark.createDataFrame(rows, ROOTS);
    }
}
