// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.core.authoring.RuleSetFolder.DEPT_DOC;
import static org.reformtargets.core.authoring.RuleSetFolder.HEADER_LINES;
import static org.reformtargets.core.authoring.RuleSetFolder.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReloadingRuleSet;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;
import org.reformtargets.core.internal.RuleSetCompiler;
import org.reformtargets.core.internal.RuleSetFiles;

/**
 * Hot reload covers every file a rule set reads: the DRL files of the family folder its manifest
 * includes (as Bình Thuận's years include {@code common/yearly.drl}), and files in sub-folders of
 * the rule-set folder, are snapshotted, fingerprinted and watched like the files of the folder.
 */
class ReloadingIncludesTest {

    private static final String ID = "fam/2023";
    private static final String SHARED = "common/yearly.drl";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "SECRET-5c1e-do-not-leak";

    @TempDir
    Path root;

    /** Facts where the department's satisfaction and feedback are both 92 %. */
    private static final FactsDocument FACTS = new FactsDocument(ID, LocalDate.of(2023, 12, 31),
            List.of(Unit.root("so", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("so", "satisfaction", null, Period.year(2023), 92, 100),
                    Measurement.ratio("so", "feedback.handled", null, Period.year(2023), 92, 100)),
            List.of(), List.of());

    private static String own(String threshold) {
        return RuleSetFolder.of(ID).header() + rule("Satisfaction", ID + "/satisfaction", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"" + threshold + "\");");
    }

    /** The family's shared rule, its target written with the placeholder for the including rule set. */
    private static String shared(String threshold) {
        return RuleSetFolder.of(ID).header() + rule("Feedback", "{ruleSet}/feedback", DEPT_DOC, "DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"feedback.handled\").atLeast(\"" + threshold + "\");");
    }

    /** {@code <root>/fam/2023} with rules.drl, including {@code <root>/fam/common/yearly.drl}. */
    private Path family(String ownThreshold, String sharedThreshold) throws IOException {
        Path dir = RuleSetFolder.of(ID).drl("rules.drl", own(ownThreshold).substring(RuleSetFolder.of(ID).header().length()))
                .include(SHARED).writeUnder(root);
        Path common = Files.createDirectories(root.resolve("fam").resolve("common"));
        Files.writeString(common.resolve("yearly.drl"), shared(sharedThreshold), StandardCharsets.UTF_8);
        return dir;
    }

    private Path sharedFile() {
        return root.resolve("fam").resolve(SHARED);
    }

    /** Replaces a file the way a deployment does: written beside, then moved in at once. */
    private void replace(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(root, "edit", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String threshold(Evaluation e, String target) {
        return e.results().stream().filter(r -> r.target().equals(ID + "/" + target)).map(TargetResult::threshold)
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + target + ": " + e));
    }

    /** Lets the watcher's first look after start pass, so that only the watch service can see what follows. */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static final class Recorder implements ReloadingRuleSet.Listener {
        final Queue<RuleSet> reloaded = new ConcurrentLinkedQueue<>();
        final Queue<List<Finding>> rejected = new ConcurrentLinkedQueue<>();

        @Override
        public void reloaded(RuleSet current, RuleSet previous, List<Finding> findings) {
            reloaded.add(current);
        }

        @Override
        public void rejected(RuleSet kept, List<Finding> findings) {
            rejected.add(findings);
        }
    }

    @Test
    void anEditOfAnIncludedFileIsPickedUpByReload() throws Exception {
        Path dir = family("90", "91");
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofHours(1)).start()) {
            assertEquals(">= 91", threshold(rules.evaluate(FACTS), "feedback"));

            replace(sharedFile(), shared("95"));

            assertTrue(rules.reload(), "the edit of the included file is a new version");
            assertEquals(">= 95", threshold(rules.evaluate(FACTS), "feedback"));
            assertEquals(">= 90", threshold(rules.evaluate(FACTS), "satisfaction"));
            assertEquals(RuleSet.fromDirectory(dir).contentHash(), rules.current().contentHash(),
                    "the reloaded version is the one loading the folder gives");
            assertFalse(rules.reload(), "nothing changed since");
        }
    }

    @Test
    void theWatchServiceAloneSeesAnEditOfAnIncludedFile() throws Exception {
        Path dir = family("90", "91");
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).listener(events)
                .pollInterval(Duration.ofHours(1)).quietPeriod(Duration.ofMillis(50)).start()) {
            settle();
            replace(sharedFile(), shared("95"));
            await(() -> ">= 95".equals(threshold(rules.evaluate(FACTS), "feedback")), "the moved-in edit to be served");

            // written in place, not moved in
            Files.writeString(sharedFile(), shared("97"), StandardCharsets.UTF_8);
            await(() -> ">= 97".equals(threshold(rules.evaluate(FACTS), "feedback")), "the in-place edit to be served");
        }
    }

    @Test
    void pollingAloneSeesAnEditOfAnIncludedFile() throws Exception {
        Path dir = family("90", "91");
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false)
                .pollInterval(Duration.ofMillis(100)).start()) {
            replace(sharedFile(), shared("95"));

            await(() -> ">= 95".equals(threshold(rules.evaluate(FACTS), "feedback")), "the polled edit to be served");
        }
    }

    @Test
    void aBrokenEditOfAnIncludedFileIsRejectedWithItsFileAndLineAndTheOldVersionServed() throws Exception {
        Path dir = family("90", "91");
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false).listener(events)
                .pollInterval(Duration.ofHours(1)).start()) {
            RuleSet before = rules.current();

            // a syntax error on the rule's condition line
            replace(sharedFile(), shared("95").replace("level == Level.DEPARTMENT )", "level == Level.DEPARTMENT ) )"));

            assertFalse(rules.reload());
            assertSame(before, rules.current());
            assertEquals(">= 91", threshold(rules.evaluate(FACTS), "feedback"));
            List<Finding> why = events.rejected.element();
            assertTrue(why.stream().anyMatch(f -> f.file().endsWith("fam/common/yearly.drl")
                    && f.line() == HEADER_LINES + 5), why::toString);
            assertFalse(rules.reload(), "the same broken files are not tried again");
            assertEquals(1, events.rejected.size());

            replace(sharedFile(), shared("95"));
            assertTrue(rules.reload(), "the repaired include loads");
            assertEquals(">= 95", threshold(rules.evaluate(FACTS), "feedback"));
        }
    }

    @Test
    void aBrokenEditOfAnIncludedFileSeenByTheWatcherIsRejected() throws Exception {
        Path dir = family("90", "91");
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).listener(events)
                .pollInterval(Duration.ofHours(1)).quietPeriod(Duration.ofMillis(50)).start()) {
            settle();
            replace(sharedFile(), shared("95").replace("\"feedback.handled\"", "\"feedback.ignored\""));

            await(() -> !events.rejected.isEmpty(), "the broken edit to be rejected");
            assertTrue(events.rejected.element().stream().anyMatch(f -> f.code().equals("unknown-code")
                    && f.file().endsWith("fam/common/yearly.drl")), events.rejected::toString);
            assertEquals(">= 91", threshold(rules.evaluate(FACTS), "feedback"), "the last good version stays");
        }
    }

    @Test
    void anUnchangedIncludeDoesNotTriggerAReload() throws Exception {
        Path dir = family("90", "91");
        String fingerprint = RuleSetFiles.Snapshot.of(dir).fingerprint();
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).listener(events)
                .pollInterval(Duration.ofMillis(100)).quietPeriod(Duration.ofMillis(20)).start()) {
            RuleSet before = rules.current();
            // the same bytes moved in again, and the file touched: events, polls, but no new version
            replace(sharedFile(), shared("91"));
            Files.setLastModifiedTime(sharedFile(), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            Thread.sleep(600);

            assertFalse(rules.reload());
            assertSame(before, rules.current());
            assertTrue(events.reloaded.isEmpty() && events.rejected.isEmpty());
            assertEquals(fingerprint, RuleSetFiles.Snapshot.of(dir).fingerprint(), "the fingerprint is stable");
        }
        replace(sharedFile(), shared("92"));
        assertNotEquals(fingerprint, RuleSetFiles.Snapshot.of(dir).fingerprint(), "an edit of the include changes it");
    }

    @Test
    void anIncludeThatBecomesALinkLeadingOutsideIsRefused() throws Exception {
        Path dir = family("90", "91");
        Path secret = Files.createDirectories(root.resolve("outside")).resolve("secret.drl");
        Files.writeString(secret, SECRET + " " + SECRET + "\n", StandardCharsets.UTF_8);
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).watchService(false).listener(events)
                .pollInterval(Duration.ofHours(1)).start()) {
            RuleSet before = rules.current();
            Path link = root.resolve("link.tmp");
            Files.createSymbolicLink(link, secret);
            Files.move(link, sharedFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            assertFalse(rules.reload());
            assertSame(before, rules.current());
            List<Finding> why = events.rejected.element();
            assertTrue(why.stream().anyMatch(f -> f.file().endsWith("fam/common/yearly.drl")
                    && f.message().contains("common/yearly.drl is a link leading outside the family folder: refused")),
                    why::toString);
            assertFalse(why.toString().contains(SECRET), why::toString);
            RuleSetFiles.Snapshot snapshot = RuleSetFiles.Snapshot.of(dir);
            assertFalse(snapshot.filesRead().contains(sharedFile()), "a refused file is not read");
            assertFalse(snapshot.folders().contains(root.resolve("outside")));
        }
    }

    @Test
    void theWatcherFollowsTheManifestWhenItsIncludeListChanges() throws Exception {
        Path dir = family("90", "91");
        Path other = Files.createDirectories(root.resolve("fam").resolve("other"));
        Files.writeString(other.resolve("extra.drl"), shared("93").replace("Feedback", "Extra")
                .replace("{ruleSet}/feedback", "{ruleSet}/extra"), StandardCharsets.UTF_8);
        Recorder events = new Recorder();
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).listener(events)
                .pollInterval(Duration.ofHours(1)).quietPeriod(Duration.ofMillis(50)).start()) {
            settle();
            String manifest = Files.readString(dir.resolve("manifest.json"));
            replace(dir.resolve("manifest.json"), manifest.replace("[\"" + SHARED + "\"]",
                    "[\"" + SHARED + "\", \"other/extra.drl\"]"));
            await(() -> rules.current().targets().contains(ID + "/extra"), "the new include to be loaded");
            assertEquals(">= 93", threshold(rules.evaluate(FACTS), "extra"));

            replace(other.resolve("extra.drl"), shared("96").replace("Feedback", "Extra")
                    .replace("{ruleSet}/feedback", "{ruleSet}/extra"));
            await(() -> ">= 96".equals(threshold(rules.evaluate(FACTS), "extra")),
                    "an edit in the newly included folder to be served");
            assertTrue(events.rejected.isEmpty(), events.rejected::toString);
        }
    }

    @Test
    void theWatcherSeesAnEditInASubFolderOfTheRuleFolder() throws Exception {
        Path dir = RuleSetFolder.of(ID).drl("part/rules.drl", own("90").substring(RuleSetFolder.of(ID).header().length()))
                .writeUnder(root);
        try (ReloadingRuleSet rules = ReloadingRuleSet.watching(dir).pollInterval(Duration.ofHours(1))
                .quietPeriod(Duration.ofMillis(50)).start()) {
            settle();
            replace(dir.resolve("part/rules.drl"), own("94"));

            await(() -> ">= 94".equals(threshold(rules.evaluate(FACTS), "satisfaction")), "the sub-folder edit to be served");
        }
    }

    @Test
    void aSnapshotHoldsTheIncludedFilesAsTheyWereWhenItWasTaken() throws Exception {
        Path dir = family("90", "91");
        RuleSetFiles.Snapshot snapshot = RuleSetFiles.Snapshot.of(dir);

        assertTrue(snapshot.listed().contains(new RuleSetFiles.Listed(RuleSetFiles.Scope.FAMILY, SHARED)),
                snapshot.listed()::toString);
        assertTrue(snapshot.filesRead().contains(sharedFile()), snapshot.filesRead()::toString);
        assertTrue(snapshot.filesRead().contains(dir.resolve("rules.drl")), snapshot.filesRead()::toString);
        assertTrue(snapshot.folders().containsAll(List.of(dir, sharedFile().getParent())), snapshot.folders()::toString);

        // an edit after the snapshot was taken is not seen by compiling it
        Files.writeString(sharedFile(), shared("95").substring(0, 40), StandardCharsets.UTF_8);
        RuleSetCompiler.Compiled compiled = RuleSetCompiler.compile(ID, snapshot);
        assertTrue(compiled.rules().values().stream().anyMatch(r -> r.target().equals(ID + "/feedback")));
        assertEquals(new String(snapshot.readShared(SHARED), StandardCharsets.UTF_8), shared("91"));
    }
}
