// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.authoring.RuleSetValidator;
import org.reformtargets.core.authoring.ScenarioReport;
import org.reformtargets.core.authoring.ScenarioRunner;
import org.reformtargets.core.authoring.ValidationReport;

/**
 * Every bundled rule set passes its own scenario tests with every target covered, and validates
 * without error or warning: what {@code reform-targets test} and {@code reform-targets validate}
 * check, run by {@code mvn verify}.
 */
class BundledRuleSetsTest {

    /** The bundled rule sets' source folder, relative to this module. */
    private static final Path SOURCES = Path.of("src/main/resources/rulesets");

    private static final ClassLoader LOADER = BundledRuleSetsTest.class.getClassLoader();

    @Test
    void rulesetsAreBundled() {
        assertFalse(RuleSet.available(LOADER).isEmpty());
        assertTrue(RuleSet.available(LOADER).contains("hcm-agri/2021"));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledRuleSetPassesItsScenariosWithEveryTargetCovered() {
        return RuleSet.available(LOADER).stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            ScenarioReport report = ScenarioRunner.run(id, LOADER);

            assertEquals(List.of(), report.problems(), report::render);
            assertEquals(List.of(), report.failures(), report::render);
            assertEquals(List.of(), report.coverage().uncovered(),
                    () -> id + " needs scenarios for these targets (see docs/authoring.md):\n" + report.render());
            assertTrue(report.expectations() > 0);
            assertEquals(0, report.exitCode(100));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBundledRuleSetValidatesWithoutErrorOrWarning() {
        return RuleSet.available(LOADER).stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            ValidationReport report = RuleSetValidator.standard().validate(id, LOADER);

            assertTrue(report.clean(), report::render);
            assertEquals(0, report.exitCode());
        }));
    }

    @Test
    void theSourceFolderOfTheBundledRuleSetsValidatesWithItsIndex() {
        assertTrue(Files.isDirectory(SOURCES), "run from the rules module");

        ValidationReport report = RuleSetValidator.standard().validate(SOURCES);

        assertTrue(report.clean(), report::render);
        assertEquals(RuleSet.available(LOADER), report.ruleSets().stream().sorted().toList());
    }
}
