// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The folder rule set {@code hcm-agri/2020} (see {@link ServiceTestBase}) reloads while requests run:
 * a new manifest version shows in the actuator info and in results; a broken edit keeps the last good
 * version, and the info endpoint shows the error with its file and line.
 */
class HotReloadHttpTest extends ServiceTestBase {

    private static final Path FOLDER = RULES_DIR.resolve("hcm-agri/2020");

    private JsonNode info() throws Exception {
        return EvaluationsHttpTest.JSON.readTree(http.getForObject("/actuator/info", String.class))
                .at("/ruleSets/hcm-agri~12020");
    }

    private JsonNode await(Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = info();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting until " + what + "; info shows " + last);
    }

    @Test
    void aNewVersionIsServedAndABrokenEditKeepsIt() throws Exception {
        JsonNode before = info();
        assertThat(before.get("source").asText()).isEqualTo("folder");
        assertThat(before.get("folder").asText()).isEqualTo(FOLDER.toString());
        String oldVersion = before.get("version").asText();
        String newVersion = oldVersion + "-edited";

        byte[] facts = Files.readAllBytes(FACTS.resolve("hcm-agri-2020-h1-report.json"));
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread requests = new Thread(() -> {
            while (running.get()) {
                ResponseEntity<String> r = http.postForEntity("/evaluations", EvaluationsHttpTest.json(facts), String.class);
                if (r.getStatusCode() != HttpStatus.OK) {
                    failures.add(r.getStatusCode() + " " + r.getBody());
                    continue;
                }
                try {
                    seen.add(EvaluationsHttpTest.JSON.readTree(r.getBody()).at("/ruleSet/version").asText());
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        requests.start();
        try {
            Path manifest = FOLDER.resolve("manifest.json");
            String original = Files.readString(manifest);
            assertThat(original).contains("\"version\": \"" + oldVersion + "\"");
            Files.writeString(manifest, original.replace("\"version\": \"" + oldVersion + "\"",
                    "\"version\": \"" + newVersion + "\""));
            JsonNode reloaded = await(n -> n.get("version").asText().equals(newVersion), "version " + newVersion);
            assertThat(reloaded.get("contentHash").asText()).isNotEqualTo(before.get("contentHash").asText());
            assertThat(reloaded.has("lastRejectedEdit")).isFalse();

            Path drl = FOLDER.resolve("feedback.drl");
            String good = Files.readString(drl);
            Files.writeString(drl, good + "\nrule \"broken\"\nwhen\n  this is not a condition\nthen\nend\n");
            JsonNode rejected = await(n -> n.has("lastRejectedEdit"), "the broken edit is rejected");
            assertThat(rejected.get("version").asText()).isEqualTo(newVersion);
            assertThat(rejected.get("contentHash").asText()).isEqualTo(reloaded.get("contentHash").asText());
            JsonNode problems = rejected.at("/lastRejectedEdit/problems");
            assertThat(problems.size()).isPositive();
            assertThat(problems.toString()).contains("feedback.drl");
            assertThat(problems.get(0).get("line").asInt()).isPositive();

            // still served, at the last good version
            ResponseEntity<String> r = http.postForEntity("/evaluations", EvaluationsHttpTest.json(facts), String.class);
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(EvaluationsHttpTest.JSON.readTree(r.getBody()).at("/ruleSet/version").asText()).isEqualTo(newVersion);

            // repaired: loads again and the rejection is cleared
            Files.writeString(drl, good);
            await(n -> !n.has("lastRejectedEdit"), "the repaired rule set loads");
        } finally {
            running.set(false);
            requests.join();
        }
        assertThat(failures).isEmpty();
        assertThat(seen).isNotEmpty().allMatch(v -> v.equals(oldVersion) || v.equals(newVersion));
        assertThat(seen).contains(newVersion);
    }
}
