// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.dossier.Dossiers;

/** The example job end to end: what it writes agrees with the plain-Java path, own measurements included. */
class Score766JobTest {

    private static final Path FACTS = Path.of("../examples/src/main/resources/facts");

    /** A department's own on-time figure for its quarter: it stands for its dossiers, and counts upward. */
    private static final String OWN = """
              "measurements": [
                {"unit": "so-tu-phap", "indicator": "dossiers.on_time_or_within", "period": "2025-Q3",
                 "numerator": 1, "denominator": 40}
              ],
            """;

    @Test
    void theJobScoresAsThePlainJavaPathWithTheUnitsOwnMeasurements(@TempDir Path dir) throws IOException {
        String units = Files.readString(FACTS.resolve("vn-766-units.json"), StandardCharsets.UTF_8);
        Path withOwn = dir.resolve("units.json");
        Files.writeString(withOwn, units.replaceFirst("\"units\": \\[", OWN.strip() + "\n  \"units\": ["),
                StandardCharsets.UTF_8);
        Path csv = FACTS.resolve("vn-766-dossiers.csv");

        assertEquals(0, Score766Job.run(LocalSpark.get(), withOwn, csv.toString(), dir.resolve("out").toString()));

        FactsDocument facts = Dossiers.aggregate(ReformTargetsJson.readFacts(withOwn), csv);
        Evaluation expected = RuleSet.load(facts.ruleSet()).evaluate(facts);
        Set<String> want = new HashSet<>();
        for (Score s : expected.scores()) {
            want.add(s.unit() + "|" + s.period() + "|" + s.total());
        }
        Set<String> got = new HashSet<>();
        // written once, one table with a kind column, and read back
        SparkEvaluation written = SparkEvaluation.read(LocalSpark.get(), dir.resolve("out/evaluation").toString());
        assertEquals(expected.results().size() + expected.scores().size(),
                LocalSpark.get().read().parquet(dir.resolve("out/evaluation").toString()).count());
        assertEquals(expected.results().size(), written.results().count());
        assertEquals(0, written.problems().count());
        for (Row r : written.scores().collectAsList()) {
            got.add(r.getAs("unit") + "|" + r.getAs("period") + "|" + r.getAs("total"));
        }
        assertTrue(want.size() > 10, "there are scores to compare");
        assertEquals(want, got);

        // and the own figure made a difference: without it the department's quarter scores otherwise
        FactsDocument plain = Dossiers.aggregate(ReformTargetsJson.readFacts(FACTS.resolve("vn-766-units.json")), csv);
        Set<String> without = new HashSet<>();
        for (Score s : RuleSet.load(plain.ruleSet()).evaluate(plain).scores()) {
            without.add(s.unit() + "|" + s.period() + "|" + s.total());
        }
        assertNotEquals(without, got);
    }
}
