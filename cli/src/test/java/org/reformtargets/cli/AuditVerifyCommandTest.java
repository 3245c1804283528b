// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.cli.Cli.assertUserError;
import static org.reformtargets.cli.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.RuleSet;

/** {@code audit verify}: a fresh record matches; every edit, and a wrong key, is reported; bad input is exit 2. */
class AuditVerifyCommandTest {

    private static final String RULE_SET = "hcm-agri/2021";
    private static final String KEY = "correct horse battery staple 2026";
    private static final Map<String, String> WITH_KEY = Map.of(AuditSeal.KEY_VARIABLE, KEY);
    private static final Map<String, String> NO_KEY = Map.of();

    @TempDir
    Path dir;
    Path facts;
    Path audit;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = AuditVerifyCommandTest.class.getResourceAsStream("/spec-example.json")) {
            facts = Files.write(dir.resolve("facts.json"), in.readAllBytes());
        }
        audit = dir.resolve("audit.json");
    }

    private void write(Map<String, String> env, String... extra) {
        String[] all = new String[] {"evaluate", "--facts", facts.toString(), "--audit", audit.toString()};
        String[] full = new String[all.length + extra.length];
        System.arraycopy(all, 0, full, 0, all.length);
        System.arraycopy(extra, 0, full, all.length, extra.length);
        Cli.Run run = run(env, full);
        assertEquals(0, run.status(), run.err());
    }

    private Cli.Run verify(Map<String, String> env, String... extra) {
        String[] all = new String[] {"audit", "verify", audit.toString(), "--facts", facts.toString()};
        String[] full = new String[all.length + extra.length];
        System.arraycopy(all, 0, full, 0, all.length);
        System.arraycopy(extra, 0, full, all.length, extra.length);
        return run(env, full);
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        ObjectNode record = (ObjectNode) Cli.JSON.readTree(audit.toFile());
        change.accept(record);
        Files.writeString(audit, Cli.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record));
    }

    private static void assertMismatch(Cli.Run run, String... fields) {
        assertEquals(AuditVerifyCommand.EXIT_MISMATCH, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("does NOT match"), run.out());
        for (String f : fields) {
            assertTrue(run.out().contains("  " + f + ": "), f + " missing in\n" + run.out());
        }
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private static int summaryOf(ObjectNode record, String status) {
        return record.get("summary").get(status).asInt();
    }

    @Test
    void aFreshUnsignedRecordMatchesByItsHashesAlone() {
        write(NO_KEY);

        Cli.Run run = verify(NO_KEY);

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("Audit record " + audit + " matches " + RULE_SET + " version "), run.out());
        for (String field : new String[] {"rulesSha256", "factsSha256", "factsCanonicalSha256", "resultSha256",
                "asOf", "results", "summary.MET", "evaluatedAt"}) {
            assertTrue(run.out().contains("  " + field + " "), field + " missing in\n" + run.out());
        }
        assertTrue(run.out().contains("none: the record is unsigned and was verified by its hashes alone"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSummaryFigureEditedInAnUnsignedRecordIsDetectedByReEvaluation() throws IOException {
        write(NO_KEY);
        edit(r -> ((ObjectNode) r.get("summary")).put("MET", summaryOf(r, "MET") + 1));

        assertMismatch(verify(NO_KEY), "summary.MET");
    }

    @Test
    void changedFactsAreDetected() throws IOException {
        write(NO_KEY);
        String json = Files.readString(facts);
        Files.writeString(facts, json.replaceFirst("\"asOf\": \"2021-12-31\"", "\"asOf\": \"2021-12-30\""));

        assertMismatch(verify(NO_KEY), "factsSha256", "factsCanonicalSha256", "asOf", "resultSha256");
    }

    @Test
    void reformattedFactsDifferInTheirBytesButNotInTheirCanonicalForm() throws IOException {
        write(NO_KEY);
        Files.writeString(facts, Files.readString(facts) + "\n\n");

        Cli.Run run = verify(NO_KEY);

        assertMismatch(run, "factsSha256");
        assertTrue(run.out().contains("the canonical facts match"), run.out());
        assertFalse(run.out().contains("  factsCanonicalSha256: "), run.out());
    }

    @Test
    void aSignedRecordIsVerifiedWithTheKey() throws IOException {
        write(WITH_KEY);
        JsonNode record = Cli.JSON.readTree(audit.toFile());
        assertTrue(record.get("hmac").asText().matches("[0-9a-f]{64}"), record.toString());

        Cli.Run run = verify(WITH_KEY);

        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("verified with the key in " + AuditSeal.KEY_VARIABLE), run.out());
        assertTrue(run.out().contains("covered by the verified hmac"), run.out());
    }

    @Test
    void anEditedEvaluatedAtIsDetectedByTheHmacOnly() throws IOException {
        write(WITH_KEY);
        edit(r -> r.put("evaluatedAt", "2020-01-01T00:00:00Z"));

        Cli.Run withKey = verify(WITH_KEY);
        Cli.Run withoutKey = verify(NO_KEY);

        assertMismatch(withKey, "hmac");
        assertEquals(0, withoutKey.status(), withoutKey.out() + withoutKey.err());
        assertTrue(withoutKey.out().contains("present but NOT checked: " + AuditSeal.KEY_VARIABLE + " is not set"),
                withoutKey.out());
    }

    @Test
    void anEditedSummaryFigureInASignedRecordIsReportedByTheHmacAndTheReEvaluation() throws IOException {
        write(WITH_KEY);
        edit(r -> ((ObjectNode) r.get("summary")).put("NOT_MET", summaryOf(r, "NOT_MET") + 1));

        assertMismatch(verify(WITH_KEY), "hmac", "summary.NOT_MET");
    }

    @Test
    void aWrongKeyIsDetected() {
        write(WITH_KEY);

        Cli.Run run = verify(Map.of(AuditSeal.KEY_VARIABLE, "another key of enough length"));

        assertMismatch(run, "hmac");
        assertTrue(run.out().contains("or the key is not the writer's"), run.out());
    }

    @Test
    void aRemovedHmacIsDetectedWhenTheKeyIsSet() throws IOException {
        write(WITH_KEY);
        edit(r -> r.remove("hmac"));

        assertMismatch(verify(WITH_KEY), "hmac");
        assertEquals(0, verify(NO_KEY).status());
    }

    @Test
    void theHmacCoversTheRecordAsCompactJsonWithoutItsHmacAsTheReadmeSays() throws IOException {
        write(WITH_KEY);
        ObjectNode tree = (ObjectNode) Cli.JSON.readTree(audit.toFile());
        tree.remove("hmac");
        AuditRecord record = AuditSeal.read(Files.readAllBytes(audit));

        assertEquals(Cli.JSON.writeValueAsString(tree),
                new String(AuditSeal.content(record), StandardCharsets.UTF_8));
        assertEquals(record.hmac(), AuditSeal.hmac(record, KEY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordOfRulesFromAFolderIsVerifiedWithThatFolderAndAnAmendedRuleIsDetected() throws IOException {
        Path rules = Cli.copyBundled(RULE_SET, dir.resolve("rules"));
        write(NO_KEY, "--rules-dir", rules.toString());

        assertEquals(0, verify(NO_KEY, "--rules-dir", rules.toString()).status());

        Path drl = rules.resolve("satisfaction-and-online.drl");
        Files.writeString(drl, Files.readString(drl).replace("atLeast(\"91\")", "atLeast(\"92\")"));
        assertMismatch(verify(NO_KEY, "--rules-dir", rules.toString()), "rulesSha256");
    }

    @Test
    void aRecordNamingAnotherVersionThanTheBundledOneCannotBeVerified() throws IOException {
        write(NO_KEY);
        edit(r -> ((ObjectNode) r.get("ruleSet")).put("version", "9.9.9"));

        assertUserError(verify(NO_KEY), "version 9.9.9");
    }

    @Test
    void aFolderOfAnotherRuleSetIsAUserError() throws IOException {
        Path rules = Cli.copyBundled("hcm-agri/2020", dir.resolve("rules"));
        write(NO_KEY);

        assertUserError(verify(NO_KEY, "--rules-dir", rules.toString()), "holds hcm-agri/2020",
                "the record names " + RULE_SET);
    }

    @Test
    void badRecordsAreUserErrors() throws IOException {
        assertUserError(verify(NO_KEY), "Cannot read the audit record", "no such file");

        Files.writeString(audit, "not json");
        assertUserError(verify(NO_KEY), "is not an audit record", "not valid JSON");

        write(NO_KEY);
        edit(r -> r.put("note", "added by hand"));
        assertUserError(verify(NO_KEY), "is not an audit record", "unknown field \"note\"");

        write(NO_KEY);
        edit(r -> r.remove("resultSha256"));
        assertUserError(verify(NO_KEY), "has no resultSha256");

        write(NO_KEY);
        edit(r -> r.put("results", "many"));
        assertUserError(verify(NO_KEY), "is not an audit record", "results");
    }

    @Test
    void missingOrInvalidFactsAreUserErrors() throws IOException {
        write(NO_KEY);
        Files.writeString(facts, "{\"asOf\": 3}");
        assertUserError(verify(NO_KEY), "asOf");

        Files.delete(facts);
        assertUserError(verify(NO_KEY), "Cannot read the facts", "no such file");
    }

    @Test
    void anEmptyKeyIsAUserError() {
        write(NO_KEY);

        assertUserError(verify(Map.of(AuditSeal.KEY_VARIABLE, "")), AuditSeal.KEY_VARIABLE, "empty");
    }

    @Test
    void helpExplainsTheOptionsAndExitStatuses() {
        Cli.Run run = run("audit", "verify", "--help");

        assertEquals(0, run.status(), run.err());
        String words = run.out().replaceAll("\\s+", " ");
        for (String w : new String[] {"RECORD", "--facts", "--rules-dir", AuditSeal.KEY_VARIABLE, "evaluatedAt",
                "Exit status: 0 the record matches; 1 it does not", "2 usage error"}) {
            assertTrue(words.contains(w), w + " missing in\n" + run.out());
        }
        assertUserError(run("audit"), "Missing subcommand: give verify");
        assertTrue(run("--help").out().contains("  audit "));
    }

    @Test
    void theBundledRuleSetIsTheOneTheRecordNames() {
        write(NO_KEY);

        Cli.Run run = verify(NO_KEY);

        assertTrue(run.out().contains(RuleSet.load(RULE_SET).contentHash()), run.out());
    }
}
