// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.Unit;
import org.reformtargets.core.authoring.Finding;
import org.reformtargets.core.authoring.Finding.Severity;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ScenarioReport;
import org.reformtargets.core.authoring.ScenarioRunner;
import org.reformtargets.core.authoring.ValidationReport;

/**
 * Shipping a new year as docs/authoring.md tells it: copy hcm-agri/2021 to hcm-agri/2022, change
 * the id, period and effective dates, follow what the validator says, move the scenarios to the
 * new year, change one threshold, and see the scenario runner catch it until the scenarios follow.
 */
class ShipANewYearTest {

    @TempDir
    Path root;

    private final RuleSetValidator validator = RuleSetValidator.standard();

    private Path copyOf2021() throws IOException {
        RuleSetManifest manifest = RuleSet.load("hcm-agri/2021").manifest();
        Path dir = Files.createDirectories(root.resolve("hcm-agri/2022"));
        List<String> names = new ArrayList<>(List.of("manifest.json"));
        names.addAll(manifest.files());
        names.addAll(manifest.scenarios());
        for (String name : names) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rulesets/hcm-agri/2021/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return dir;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), () -> file + " holds no " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void editAll(Path dir, String glob, String from, String to) throws IOException {
        try (var files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
            }
        }
    }

    private static Set<String> codes(ValidationReport r, Severity severity) {
        return r.findings(severity).stream().map(Finding::code).collect(Collectors.toSet());
    }

    @Test
    void copyingAYearAndFollowingTheValidatorAndTheScenariosShipsTheNextYear() throws IOException {
        Path dir = copyOf2021();
        Path manifest = dir.resolve("manifest.json");

        // 1. the manifest: id, period, effective dates
        edit(manifest, "\"id\": \"hcm-agri/2021\"", "\"id\": \"hcm-agri/2022\"");
        edit(manifest, "\"period\": \"2021\"", "\"period\": \"2022\"");
        edit(manifest, "{\"from\": \"2021-01-01\", \"to\": \"2021-12-31\"}", "{\"from\": \"2022-01-01\", \"to\": \"2022-12-31\"}");
        ValidationReport first = validator.validate(dir);
        assertEquals(1, first.exitCode());
        assertEquals(Set.of("target-id"), codes(first, Severity.ERROR), first::render);
        assertEquals(34, first.findings(Severity.ERROR).size(), "one per rule");
        assertTrue(first.findings(Severity.ERROR).stream().allMatch(f -> f.file().endsWith(".drl") && f.line() > 0));

        // 2. the target ids: the rule set compiles, and the deadline of last year stands out
        editAll(dir, "*.drl", "hcm-agri/2021/", "hcm-agri/2022/");
        ValidationReport second = validator.validate(dir);
        assertEquals(Set.of(), codes(second, Severity.ERROR), second::render);
        assertEquals(Set.of("deadline"), codes(second, Severity.WARNING), second::render);
        assertTrue(second.findings(Severity.WARNING).stream().allMatch(f -> f.file().endsWith("tasks.drl")));

        // 3. the year in every rule: clean
        editAll(dir, "*.drl", "2021", "2022");
        editAll(dir, "*.drl", "2020", "2021");
        ValidationReport third = validator.validate(dir);
        assertTrue(third.clean(), third::render);
        assertEquals(0, third.exitCode());

        // 4. the scenarios still describe 2021: the runner says so, until they move a year on
        ScenarioReport stale = ScenarioRunner.run(dir);
        assertFalse(stale.passed());
        editAll(dir, "*.scenarios.json", "2021", "2022");
        editAll(dir, "*.scenarios.json", "2020", "2021");
        ScenarioReport moved = ScenarioRunner.run(dir);
        assertTrue(moved.passed(), moved::render);
        assertEquals(0, moved.exitCode(100));

        // 5. one threshold changes: the department's satisfaction rises from 91 % to 92 %
        edit(dir.resolve("satisfaction-and-online.drl"), ".ratio(\"satisfaction\").atLeast(\"91\")",
                ".ratio(\"satisfaction\").atLeast(\"92\")");
        ScenarioReport changed = ScenarioRunner.run(dir);
        assertEquals(2, changed.failures().size(), changed::render);
        ScenarioReport.Failure atOldThreshold = changed.failures().get(0);
        assertEquals("hcm-agri/2022/satisfaction", atOldThreshold.target());
        assertEquals("snn-hcm", atOldThreshold.unit());
        assertEquals(Status.MET, atOldThreshold.expected());
        assertEquals(Status.NOT_MET, atOldThreshold.actual());
        assertTrue(atOldThreshold.message().en().contains("at least 92%"), atOldThreshold::toString);
        assertTrue(atOldThreshold.file().endsWith("satisfaction-and-online.scenarios.json"));
        assertEquals(1, changed.exitCode(100));

        // 6. the boundary scenarios follow the new threshold
        Path scenarios = dir.resolve("satisfaction-and-online.scenarios.json");
        edit(scenarios, "\"numerator\": 910, \"denominator\": 1000", "\"numerator\": 920, \"denominator\": 1000");
        edit(scenarios, "\"actual\": \"91.00\"", "\"actual\": \"92.00\"");
        edit(scenarios, "\"numerator\": 909, \"denominator\": 1000", "\"numerator\": 919, \"denominator\": 1000");
        ScenarioReport shipped = ScenarioRunner.run(dir);
        assertTrue(shipped.passed(), shipped::render);
        assertEquals(List.of(), shipped.coverage().uncovered());
        assertTrue(validator.validate(dir).clean());

        // 7. and the new year evaluates with the new threshold
        RuleSet rules = RuleSet.fromDirectory(dir);
        assertEquals("hcm-agri/2022", rules.id());
        TargetSpec satisfaction = rules.describe().stream()
                .filter(s -> s.target().equals("hcm-agri/2022/satisfaction") && s.level() == Level.DEPARTMENT)
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("92"), satisfaction.requirement().threshold());
        Evaluation e = rules.evaluate(new FactsDocument("hcm-agri/2022", LocalDate.of(2022, 12, 31),
                List.of(Unit.root("snn-hcm", "Sở Nông nghiệp và PTNT TP.HCM", Level.DEPARTMENT)),
                List.of(Measurement.ratio("snn-hcm", "satisfaction", null, Period.year(2022), 915, 1000)),
                List.of(), List.of()));
        TargetResult r = e.resultsOf("hcm-agri/2022/satisfaction").get(0);
        assertEquals(Status.NOT_MET, r.status());
        assertEquals(">= 92", r.threshold());
        assertEquals(5L, r.gap());
        assertEquals("2022", r.period().toString());
    }
}
