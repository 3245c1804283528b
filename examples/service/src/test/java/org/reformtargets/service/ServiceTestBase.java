// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running service (random port) shared by every test class: same annotations, same dynamic
 * properties, so Spring's test context cache starts it once. Its rules-dir is a temporary folder
 * holding a copy of the bundled {@code hcm-agri/2020}, which therefore comes from the folder (with hot
 * reload); the other tests use {@code hcm-agri/2021}, served bundled. Limits are small, to test them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reform-targets.max-json-body=64KB",
        "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=128KB",
        "reform-targets.poll-interval=250ms"})
abstract class ServiceTestBase {

    /** The bundled example facts, from {@code examples/service}. */
    static final Path FACTS = Path.of("../src/main/resources/facts");
    static final Path BUNDLED_RULES = Path.of("../../rules/src/main/resources/rulesets");
    /** The folder rule set's copy, made once per test JVM (the context outlives any one test class). */
    static final Path RULES_DIR = copyRulesDir();

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void rulesDir(DynamicPropertyRegistry registry) {
        registry.add("reform-targets.rules-dir", RULES_DIR::toString);
    }

    private static Path copyRulesDir() {
        try {
            Path root = Files.createTempDirectory("reform-targets-service-rules");
            copy(BUNDLED_RULES.resolve("hcm-agri/2020"), root.resolve("hcm-agri/2020"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
