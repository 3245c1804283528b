// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.reformtargets.cli.Cli.assertUserError;
import static org.reformtargets.cli.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.RuleSet;

/** {@code evaluate --audit}: what the record holds, written whole or not at all, never over an input. */
class AuditWriteTest {

    private static final String RULE_SET = "hcm-agri/2021";

    @TempDir
    Path dir;
    Path facts;
    byte[] factsBytes;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = AuditWriteTest.class.getResourceAsStream("/spec-example.json")) {
            factsBytes = in.readAllBytes();
        }
        facts = Files.write(dir.resolve("facts.json"), factsBytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void theRecordHoldsTheHashesSha256sumGivesOfTheFactsFileAndOfTheJsonOutput() throws IOException {
        Path audit = dir.resolve("audit.json");

        Cli.Run json = run("evaluate", "--facts", facts.toString(), "--format", "json");
        Cli.Run audited = run("evaluate", "--facts", facts.toString(), "--format", "json", "--audit", audit.toString());

        assertEquals(0, json.status(), json.err());
        assertEquals(0, audited.status(), audited.err());
        assertEquals(json.out(), audited.out(), "--audit changes nothing on stdout");
        JsonNode record = Cli.JSON.readTree(audit.toFile());
        assertEquals(sha256(factsBytes), record.get("factsSha256").asText());
        assertEquals(sha256(json.out().getBytes(StandardCharsets.UTF_8)), record.get("resultSha256").asText());
        assertTrue(record.get("factsCanonicalSha256").asText().matches("[0-9a-f]{64}"));
        assertFalse(record.get("factsCanonicalSha256").asText().equals(record.get("factsSha256").asText()),
                "the spec example is not laid out canonically");
        assertEquals(RuleSet.load(RULE_SET).contentHash(), record.get("rulesSha256").asText());
        assertFalse(record.has("hmac"), "no key, no hmac");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anExistingRecordIsReplacedWhole() throws IOException {
        Path audit = dir.resolve("audit.json");
        Files.writeString(audit, "{\"old\": \"" + "x".repeat(200_000) + "\"}\n");

        Cli.Run run = run("evaluate", "--facts", facts.toString(), "--audit", audit.toString());

        assertEquals(0, run.status(), run.err());
        String record = Files.readString(audit);
        assertFalse(record.contains("old") || record.contains("xxx"), "nothing of the old record is left");
        assertTrue(record.endsWith("}\n"), record);
        assertTrue(Cli.JSON.readTree(record).has("resultSha256"), record);
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aTargetThatIsAFolderFailsAfterTheTemporaryFileAndLeavesNothingBehind() throws IOException {
        Path audit = Files.createDirectory(dir.resolve("audit.json"));
        Files.writeString(audit.resolve("keep.txt"), "kept");

        Cli.Run run = run("evaluate", "--facts", facts.toString(), "--audit", audit.toString());

        assertUserError(run, "Cannot write the audit record to " + audit, "it is a directory");
        assertEquals("kept", Files.readString(audit.resolve("keep.txt")));
        try (Stream<Path> inside = Files.list(audit)) {
            assertEquals(1, inside.count());
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aMissingFolderIsAUserError() {
        Path audit = dir.resolve("no-such-folder").resolve("audit.json");

        Cli.Run run = run("evaluate", "--facts", facts.toString(), "--audit", audit.toString());

        assertUserError(run, "Cannot write the audit record", "no such folder");
        assertFalse(Files.exists(audit.getParent()));
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheOldRecordAsItWas() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path audit = Files.writeString(folder.resolve("audit.json"), "old record\n");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "permissions are not enforced for this user (root)");

            Cli.Run run = run("evaluate", "--facts", facts.toString(), "--audit", audit.toString());

            assertUserError(run, "Cannot write the audit record", "permission denied");
            assertEquals("old record\n", Files.readString(audit));
            try (Stream<Path> inside = Files.list(folder)) {
                assertEquals(1, inside.count());
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void contentThatFailsMidWayLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.json"), "the old record\n");
        Path fresh = dir.resolve("fresh.json");
        AtomicWrite.Content failing = out -> {
            out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        };

        assertThrows(IOException.class, () -> AtomicWrite.write(existing, failing));
        assertThrows(IOException.class, () -> AtomicWrite.write(fresh, failing));

        assertEquals("the old record\n", Files.readString(existing));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void theFactsFileIsRefusedAsTheRecordWhateverItsSpelling() throws IOException {
        Files.createDirectory(dir.resolve("x"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), facts);
        Path hardLink = Files.createLink(dir.resolve("hard.json"), facts);
        List<String> spellings = List.of(facts.toString(), dir + "/./x/../facts.json", link.toString(),
                hardLink.toString());

        for (String spelling : spellings) {
            Cli.Run run = run("evaluate", "--facts", facts.toString(), "--audit", spelling);

            assertUserError(run, "Refusing to write the audit record to " + spelling, "the facts file",
                    "an input of this run");
            assertArrayEquals(factsBytes, Files.readAllBytes(facts), spelling);
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFileOfTheRulesFolderIsRefusedAsTheRecord() throws IOException {
        Path rules = Cli.copyBundled(RULE_SET, dir.resolve("rules"));
        Path manifest = rules.resolve("manifest.json");
        Path drl = rules.resolve(RuleSet.load(RULE_SET).manifest().files().get(0));
        byte[] manifestBytes = Files.readAllBytes(manifest);
        byte[] drlBytes = Files.readAllBytes(drl);

        for (Path input : List.of(manifest, drl, Path.of(rules + "/../" + rules.getFileName() + "/manifest.json"))) {
            Cli.Run run = run("evaluate", "--facts", facts.toString(), "--rules-dir", rules.toString(),
                    "--audit", input.toString());

            assertUserError(run, "Refusing to write the audit record", "of --rules-dir");
        }
        assertArrayEquals(manifestBytes, Files.readAllBytes(manifest));
        assertArrayEquals(drlBytes, Files.readAllBytes(drl));
    }

    @Test
    void aShortKeyIsRefusedBeforeAnythingIsWritten() {
        Path audit = dir.resolve("audit.json");

        Cli.Run run = run(java.util.Map.of(AuditSeal.KEY_VARIABLE, "short"), "evaluate", "--facts",
                facts.toString(), "--audit", audit.toString());

        assertUserError(run, AuditSeal.KEY_VARIABLE, "shorter than 16 bytes");
        assertFalse(Files.exists(audit));
    }

    @Test
    void helpDescribesTheRecordAndTheRefusals() {
        Cli.Run run = run("evaluate", "--help");

        String words = run.out().replaceAll("\\s+", " ");
        assertTrue(words.contains("resultSha256") || words.contains("result document as --format json prints it"),
                run.out());
        assertTrue(words.contains(AuditSeal.KEY_VARIABLE), run.out());
        assertTrue(words.contains("audit verify"), run.out());
        assertTrue(words.contains("--audit naming an input"), run.out());
    }
}
