// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** {@code POST /evaluations} over real HTTP: good documents, concurrent requests. */
class EvaluationsHttpTest extends ServiceTestBase {

    static final ObjectMapper JSON = new ObjectMapper();

    static byte[] example() throws IOException {
        return Files.readAllBytes(FACTS.resolve("hcm-agri-2021.json"));
    }

    /** The result document the library itself writes for the example. */
    static String expected() throws IOException {
        return ReformTargetsJson.writeEvaluation(RuleSet.load("hcm-agri/2021")
                .evaluate(ReformTargetsJson.readFacts(FACTS.resolve("hcm-agri-2021.json"))));
    }

    static HttpEntity<byte[]> json(byte[] body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }

    static HttpEntity<MultiValueMap<String, Object>> upload(byte[] file, String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("facts", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, h);
    }

    @Test
    void aJsonBodyGivesTheLibrarysResultDocument() throws IOException {
        ResponseEntity<String> r = http.postForEntity("/evaluations", json(example()), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(r.getBody()).isEqualTo(expected());
    }

    @Test
    void anUploadGivesTheSameDocument() throws IOException {
        ResponseEntity<String> r = http.postForEntity("/evaluations", upload(example(), "hcm-agri-2021.json"),
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).isEqualTo(expected());
    }

    @Test
    void aFilledXlsxTemplateAsBodyOrUploadGivesTheSameDocument() throws IOException {
        java.io.ByteArrayOutputStream workbook = new java.io.ByteArrayOutputStream();
        org.reformtargets.report.ReformTargetsXlsx.template(RuleSet.load("hcm-agri/2021"),
                ReformTargetsJson.readFacts(FACTS.resolve("hcm-agri-2021.json")), workbook);
        ResponseEntity<String> uploaded = http.postForEntity("/evaluations", upload(workbook.toByteArray(), "facts.xlsx"),
                String.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(uploaded.getBody()).isEqualTo(expected());
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(EvaluationController.XLSX));
        ResponseEntity<String> body = http.postForEntity("/evaluations", new HttpEntity<>(workbook.toByteArray(), h),
                String.class);
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body.getBody()).isEqualTo(expected());
    }

    @Test
    void theRuleSetParameterOverridesTheDocumentsOwn() throws IOException {
        String facts = new String(example(), StandardCharsets.UTF_8).replace("\"ruleSet\": \"hcm-agri/2021\",", "");
        assertThat(facts).doesNotContain("\"ruleSet\"");
        ResponseEntity<String> r = http.postForEntity("/evaluations?ruleSet=hcm-agri/2021",
                json(facts.getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(r.getBody()).at("/ruleSet/id").asText()).isEqualTo("hcm-agri/2021");
    }

    @Test
    void sixteenConcurrentRequestsGiveIdenticalBodies() throws Exception {
        byte[] body = example();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> http.postForEntity("/evaluations", json(body), String.class));
            }
            String expected = expected();
            for (Future<ResponseEntity<String>> f : pool.invokeAll(calls)) {
                assertThat(f.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(f.get().getBody()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ruleSetsListsIdsVersionsAndHashesAndDescribesOne() throws IOException {
        JsonNode list = JSON.readTree(http.getForObject("/rule-sets", String.class));
        RuleSet bundled = RuleSet.load("hcm-agri/2021");
        JsonNode hcm = null;
        JsonNode folder = null;
        for (JsonNode n : list) {
            if (n.get("id").asText().equals("hcm-agri/2021")) {
                hcm = n;
            } else if (n.get("id").asText().equals("hcm-agri/2020")) {
                folder = n;
            }
        }
        assertThat(hcm).isNotNull();
        assertThat(hcm.get("version").asText()).isEqualTo(bundled.version());
        assertThat(hcm.get("contentHash").asText()).isEqualTo(bundled.contentHash());
        assertThat(hcm.get("source").asText()).isEqualTo("bundled");
        assertThat(folder.get("source").asText()).isEqualTo("folder");

        JsonNode described = JSON.readTree(http.getForObject("/rule-sets/hcm-agri/2021", String.class));
        assertThat(described.get("id").asText()).isEqualTo("hcm-agri/2021");
        assertThat(described.get("targets").size()).isEqualTo(bundled.describe().size());
        assertThat(described.at("/targets/0/target").asText()).isEqualTo(bundled.describe().get(0).target());
    }

    @Test
    void theUploadPageOffersEveryRuleSet() {
        String page = http.getForObject("/", String.class);
        for (String id : RuleSet.available()) {
            assertThat(page).contains("<option value=\"" + id + "\">");
        }
        assertThat(page).contains("type=\"file\" name=\"facts\"");
    }
}
