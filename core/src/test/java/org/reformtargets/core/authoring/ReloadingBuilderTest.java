// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.Unit;
import org.reformtargets.core.authoring.ReloadingRuleSetTest.Recorder;

/** A started {@link ReloadingRuleSet} keeps the settings it started with; each start() is its own watcher. */
class ReloadingBuilderTest {

    private static final String ID = "builder/2021";

    @TempDir
    Path root;

    private static final FactsDocument FACTS = new FactsDocument(ID, LocalDate.of(2021, 12, 31),
            List.of(Unit.root("so", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("so", "satisfaction", null, Period.year(2021), 92, 100)), List.of(), List.of());

    private static String rules(String threshold) {
        return rule("Satisfaction", ID + "/satisfaction", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"" + threshold + "\");");
    }

    private Path folder() {
        return RuleSetFolder.of(ID).drl("rules.drl", rules("91")).writeUnder(root.resolve("rulesets"));
    }

    private static void edit(Path dir, String threshold) throws IOException {
        Files.writeString(dir.resolve("rules.drl"), RuleSetFolder.of(ID).header() + rules(threshold),
                StandardCharsets.UTF_8);
    }

    private static String threshold(ReloadingRuleSet rules) {
        return rules.evaluate(FACTS).results().get(0).threshold();
    }

    @Test
    void changingTheBuilderAfterStartDoesNotChangeTheStartedWatcher() throws Exception {
        Path dir = folder();
        Recorder first = new Recorder();
        Recorder later = new Recorder();
        ReloadingRuleSet.Builder builder = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofHours(1)).listener(first);
        try (ReloadingRuleSet rules = builder.start()) {
            builder.listener(later).rejectWarnings(true);

            edit(dir, "93");
            assertTrue(rules.reload());

            assertEquals(List.of(rules.current()), List.copyOf(first.reloaded), "the listener it started with is told");
            assertTrue(later.reloaded.isEmpty(), "a listener set on the builder afterwards is not");
            assertEquals(">= 93", threshold(rules));

            edit(dir, "above all");
            assertFalse(rules.reload());
            assertEquals(1, first.rejected.size(), "a broken edit is told to the listener it started with");
            assertTrue(later.rejected.isEmpty());
        }
    }

    @Test
    void eachStartIsAnIndependentWatcherWithTheBuildersSettingsAtThatMoment() throws Exception {
        Path dir = folder();
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        ReloadingRuleSet.Builder builder = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofHours(1)).listener(one);
        try (ReloadingRuleSet a = builder.start()) {
            ReloadingRuleSet b = builder.listener(two).start();
            try {
                assertNotSame(a, b);
                assertNotSame(a.current(), b.current(), "each watcher loads its own version");

                edit(dir, "93");
                assertTrue(b.reload());

                assertEquals(">= 93", threshold(b));
                assertEquals(">= 91", threshold(a), "the other watcher has not reloaded yet");
                assertEquals(List.of(b.current()), List.copyOf(two.reloaded));
                assertTrue(one.reloaded.isEmpty(), "the first watcher's listener heard nothing of the second's reload");

                b.close();
                assertTrue(a.reload(), "closing one watcher leaves the other working");
                assertEquals(">= 93", threshold(a));
                assertEquals(1, one.reloaded.size());
                assertSame(one.reloaded.element(), a.current());
            } finally {
                b.close();
            }
        }
    }
}
