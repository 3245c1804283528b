// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.dossier.Dossiers;

/** {@code aggregate}, and {@code evaluate --dossiers}, on real files. */
class AggregateCommandTest {

    static final Path EXAMPLE_UNITS = Path.of("../examples/src/main/resources/facts/vn-766-units.json");
    static final Path EXAMPLE_DOSSIERS = Path.of("../examples/src/main/resources/facts/vn-766-dossiers.csv");

    static final String UNITS = """
            {"asOf": "2025-12-31", "units": [
              {"id": "p", "name": "Tỉnh A", "level": "PROVINCE"},
              {"id": "c1", "name": "Xã Một", "level": "COMMUNE", "parent": "p"}]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void printsTheFactsDocumentWithTheMeasurementsOfEveryUnitAndPeriod() throws IOException {
        Path units = write("units.json", UNITS);
        Path csv = write("dossiers.csv", "\uFEFFdossier_id;unit_code;received_at;due_at;processing_end_at\n"
                + "1;c1;2025-07-01;2025-07-10;2025-07-09\n2;c1;2025-07-02;2025-07-10;2025-07-12\n");
        Cli.Run run = Cli.run("aggregate", "--facts", units.toString(), "--dossiers", csv.toString());
        assertEquals(0, run.status(), run.err());
        FactsDocument printed = ReformTargetsJson.readFacts(run.out());
        List<String> lines = new ArrayList<>();
        printed.measurements().forEach(m -> lines.add(m.unit() + " " + m.indicator() + " " + m.period() + " "
                + m.numerator() + "/" + m.denominator()));
        assertEquals(List.of(
                "p dossiers.on_time_or_within 2025-07 1/2", "p dossiers.on_time_or_within 2025-Q3 1/2",
                "p dossiers.on_time_or_within 2025 1/2",
                "c1 dossiers.on_time_or_within 2025-07 1/2", "c1 dossiers.on_time_or_within 2025-Q3 1/2",
                "c1 dossiers.on_time_or_within 2025 1/2"), lines);
        assertEquals(2, printed.units().size());
    }

    @Test
    void aggregatesTheBundledExample() {
        Cli.Run run = Cli.run("aggregate", "--facts", EXAMPLE_UNITS.toString(), "--dossiers", EXAMPLE_DOSSIERS.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode doc = run.json();
        assertEquals("vn-766/2025", doc.get("ruleSet").asText());
        // 9 units, 3 months + Q3 + 2025, every indicator of §8 the export gives
        assertEquals(9 * 5 * Dossiers.indicators().size(), doc.get("measurements").size());
        JsonNode first = doc.get("measurements").get(0);
        assertEquals("tinh-a", first.get("unit").asText());
        assertEquals("dossiers.synced", first.get("indicator").asText());
    }

    @Test
    void aBadExportIsExit2WithEveryProblemLocated() throws IOException {
        Path units = write("units.json", UNITS);
        Path csv = write("bad.csv", "dossier_id,unit_code,received_at,channel\n"
                + "1,c1,2025-07-01,2\n1,c1,2025-13-01,9\n3,x,2025-07-01,\n");
        for (String command : new String[] {"aggregate", "evaluate"}) {
            Cli.Run run = Cli.run(command, "--facts", units.toString(), "--dossiers", csv.toString(),
                    "--rule-set", "hcm-agri/2021");
            if (command.equals("aggregate")) {
                run = Cli.run(command, "--facts", units.toString(), "--dossiers", csv.toString());
            }
            Cli.assertUserError(run, "The dossier export has 4 problems; nothing was aggregated:",
                    csv + ":3:1: dossier_id: duplicate dossier id '1': first on line 2",
                    csv + ":3:6: received_at: '2025-13-01' is not a date",
                    csv + ":3:17: channel: unknown channel code '9'",
                    csv + ":4:3: unit_code: unknown unit 'x'");
        }
    }

    @Test
    void aMissingColumnAndAMissingFileAreExit2() throws IOException {
        Path units = write("units.json", UNITS);
        Path csv = write("nocols.csv", "id,unit,received\n1,c1,2025-07-01\n");
        Cli.assertUserError(Cli.run("aggregate", "--facts", units.toString(), "--dossiers", csv.toString()),
                csv + ":1:1: dossier_id: missing column dossier_id", csv + ":1:1: unit_code: missing column unit_code");
        Cli.assertUserError(Cli.run("aggregate", "--facts", units.toString(), "--dossiers",
                dir.resolve("none.csv").toString()), "no such file");
        Cli.assertUserError(Cli.run("evaluate", "--facts", units.toString(), "--dossiers", dir.toString()),
                "it is a directory");
    }

    @Test
    void evaluateAddsTheCountsBeforeEvaluating() throws IOException {
        // plumbing only: an export without any indicator's columns adds nothing, so the verdicts are those
        // of the facts alone; the measurements themselves are tested through aggregate
        Path facts = Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json");
        FactsDocument document = ReformTargetsJson.readFacts(facts);
        Path csv = write("ids.csv", "dossier_id,unit_code,received_at\nA," + document.units().get(0).id()
                + ",2021-03-01\n");
        Cli.Run with = Cli.run("evaluate", "--facts", facts.toString(), "--dossiers", csv.toString(), "--format", "json");
        Cli.Run without = Cli.run("evaluate", "--facts", facts.toString(), "--format", "json");
        assertEquals(0, with.status(), with.err());
        assertEquals(without.json().get("results"), with.json().get("results"));
        // with a column, the measurement reaches the evaluation: the rule set's vocabulary does not know it
        Path synced = write("synced.csv", "dossier_id,unit_code,received_at,synced_to_dvcqg\nA,"
                + document.units().get(0).id() + ",2021-03-01,1\n");
        Cli.Run reached = Cli.run("evaluate", "--facts", facts.toString(), "--dossiers", synced.toString(),
                "--rule-set", "hcm-agri/2021");
        assertTrue(reached.status() == 0 || reached.err().contains("dossiers.synced"), reached.err());
    }

    @Test
    void helpExplainsEveryOption() {
        Cli.assertHelpExplainsEveryOption("aggregate");
        Cli.assertHelpExplainsEveryOption("evaluate");
    }
}
