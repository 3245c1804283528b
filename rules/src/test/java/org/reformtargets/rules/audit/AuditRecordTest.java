// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.Unit;

/** An audit record ties a scorecard to the exact rules and facts behind it. */
class AuditRecordTest {

    private static final String ID = "hcm-agri/2021";
    private static final Instant AT = Instant.parse("2022-01-05T08:00:00Z");
    private static RuleSet bundled;

    private final FactsDocument facts = new FactsDocument(ID, LocalDate.of(2021, 12, 31),
            List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)),
            List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 91, 100)), List.of(), List.of());

    @BeforeAll
    static void load() {
        bundled = RuleSet.load(ID);
    }

    @Test
    void theRecordNamesRuleSetVersionHashesDateAndSummary() {
        Evaluation evaluation = bundled.evaluate(facts);

        AuditRecord audit = AuditRecord.of(bundled, facts, evaluation, AT);

        assertEquals(bundled.ref(), audit.ruleSet());
        assertTrue(audit.rulesSha256().matches("[0-9a-f]{64}"), audit.rulesSha256());
        assertNull(audit.factsSha256(), "made without the facts' bytes");
        assertTrue(audit.factsCanonicalSha256().matches("[0-9a-f]{64}"), audit.factsCanonicalSha256());
        assertTrue(audit.resultSha256().matches("[0-9a-f]{64}"), audit.resultSha256());
        assertNull(audit.hmac());
        assertEquals(LocalDate.of(2021, 12, 31), audit.asOf());
        assertEquals(AT, audit.evaluatedAt());
        assertEquals(evaluation.results().size(), audit.results());
        assertEquals(evaluation.summary(), audit.summary());
        assertTrue(ReformTargetsJson.writeAudit(audit).contains("\"rulesSha256\": \"" + audit.rulesSha256() + "\""));
        assertFalse(ReformTargetsJson.writeAudit(audit).contains("hmac"), "an unsigned record has no hmac field");
    }

    @Test
    void fromTheFactsBytesTheRecordHoldsTheirHashAndTheResultDocumentsHash() throws Exception {
        byte[] bytes = ("  " + ReformTargetsJson.writeFacts(facts) + "\n").getBytes(StandardCharsets.UTF_8);
        FactsDocument read = ReformTargetsJson.readFacts(new java.io.ByteArrayInputStream(bytes), "facts.json");
        Evaluation evaluation = bundled.evaluate(read);

        AuditRecord audit = AuditRecord.of(bundled, bytes, read, evaluation, AT);

        assertEquals(hex(bytes), audit.factsSha256());
        assertEquals(hex(ReformTargetsJson.writeFacts(read).getBytes(StandardCharsets.UTF_8)),
                audit.factsCanonicalSha256());
        assertEquals(hex(ReformTargetsJson.writeEvaluation(evaluation).getBytes(StandardCharsets.UTF_8)),
                audit.resultSha256());
        assertEquals(AuditRecord.of(bundled, facts, evaluation, AT).factsCanonicalSha256(),
                audit.factsCanonicalSha256());
    }

    @Test
    void theRecordIsImmutableAndItsSummaryInStatusOrder() {
        java.util.Map<Status, Integer> summary = new java.util.LinkedHashMap<>();
        summary.put(Status.NOT_APPLICABLE, 1);
        summary.put(Status.MET, 2);
        AuditRecord audit = new AuditRecord(bundled.ref(), "r", "f", "c", "x", facts.asOf(), AT, 3, summary, null);
        summary.put(Status.NOT_MET, 5);

        assertEquals(List.of(Status.MET, Status.NOT_APPLICABLE), List.copyOf(audit.summary().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> audit.summary().put(Status.MET, 9));
        assertEquals("h", audit.withHmac("h").hmac());
        assertNull(audit.hmac());
    }

    private static String hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theSameRulesFromTheClassPathOrACopyOnDiskHaveTheSameHash(@TempDir Path dir) throws IOException {
        Path copy = copyBundled(dir);

        assertEquals(bundled.contentHash(), RuleSet.fromDirectory(copy).contentHash());
        assertEquals(bundled.contentHash(), RuleSet.load(ID).contentHash());
    }

    @Test
    void changingOneThresholdChangesTheHashButNotTheVersion(@TempDir Path dir) throws IOException {
        Path copy = copyBundled(dir);
        Path drl = copy.resolve("satisfaction-and-online.drl");
        Files.writeString(drl, Files.readString(drl).replace("atLeast(\"91\")", "atLeast(\"92\")"));

        RuleSet amended = RuleSet.fromDirectory(copy);

        assertEquals(bundled.version(), amended.version());
        assertNotEquals(bundled.contentHash(), amended.contentHash());
        assertEquals(Status.NOT_MET, amended.evaluate(facts).resultsOf(ID + "/satisfaction").get(0).status());
    }

    @Test
    void theFactsHashIsStableAndTellsDifferentFactsApart() {
        Evaluation evaluation = bundled.evaluate(facts);
        FactsDocument other = new FactsDocument(ID, facts.asOf(), facts.units(),
                List.of(Measurement.ratio("snn", "satisfaction", null, Period.year(2021), 90, 100)), List.of(), List.of());

        AuditRecord first = AuditRecord.of(bundled, facts, evaluation, AT);
        AuditRecord again = AuditRecord.of(bundled, facts, bundled.evaluate(facts), AT);
        AuditRecord changed = AuditRecord.of(bundled, other, bundled.evaluate(other), AT);

        assertEquals(first, again);
        assertNotEquals(first.factsCanonicalSha256(), changed.factsCanonicalSha256());
        assertNotEquals(first.resultSha256(), changed.resultSha256());
    }

    @Test
    void anEvaluationOfAnotherRuleSetIsRefused() {
        RuleSet y2020 = RuleSet.load("hcm-agri/2020");
        Evaluation evaluation = y2020.evaluate(facts);

        assertThrows(IllegalArgumentException.class, () -> AuditRecord.of(bundled, facts, evaluation, AT));
    }

    private static Path copyBundled(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("hcm-agri").resolve("2021"));
        for (String file : bundled.manifest().files()) {
            copyResource("rulesets/" + ID + "/" + file, copy.resolve(file));
        }
        copyResource("rulesets/" + ID + "/manifest.json", copy.resolve("manifest.json"));
        return copy;
    }

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = AuditRecordTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
    }
}
