// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Every error is an RFC 9457 problem document with located problems, and none shows a stack trace. */
class ErrorsHttpTest extends ServiceTestBase {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    /** Checks the common form of a problem response and gives its body. */
    private static JsonNode problem(ResponseEntity<String> r, HttpStatus status) throws Exception {
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(PROBLEM)).as(r.getBody()).isTrue();
        assertThat(r.getBody()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\\tat ");
        JsonNode body = EvaluationsHttpTest.JSON.readTree(r.getBody());
        assertThat(body.get("status").asInt()).isEqualTo(status.value());
        assertThat(body.get("title").asText()).isNotBlank();
        return body;
    }

    private ResponseEntity<String> postJson(String url, byte[] body) {
        return http.postForEntity(url, EvaluationsHttpTest.json(body), String.class);
    }

    @Test
    void badFactsListEveryProblemWithLineAndColumn() throws Exception {
        String bad = "{\"ruleSet\": \"hcm-agri/2021\",\n \"asOf\": \"nope\",\n \"units\": 3}";
        JsonNode body = problem(postJson("/evaluations", bad.getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST);
        JsonNode problems = body.get("problems");
        assertThat(problems.size()).isEqualTo(2);
        assertThat(problems.get(0).get("path").asText()).isEqualTo("asOf");
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problems.get(0).get("column").asInt()).isPositive();
        assertThat(problems.get(0).get("message").asText()).contains("nope");
        assertThat(problems.get(1).get("path").asText()).isEqualTo("units");
        assertThat(problems.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("source").asText()).isEqualTo("request body");
    }

    @Test
    void anUploadsProblemsNameTheFile() throws Exception {
        byte[] bad = "{\"ruleSet\": \"hcm-agri/2021\", \"asOf\": \"2021-13-01\", \"units\": []}".getBytes(StandardCharsets.UTF_8);
        JsonNode body = problem(http.postForEntity("/evaluations", EvaluationsHttpTest.upload(bad, "mine.json"),
                String.class), HttpStatus.BAD_REQUEST);
        assertThat(body.at("/problems/0/source").asText()).isEqualTo("mine.json");
        assertThat(body.at("/problems/0/line").asInt()).isEqualTo(1);
    }

    @Test
    void notJsonAtAllIsLocated() throws Exception {
        JsonNode body = problem(postJson("/evaluations", "{\n  \"units\": [,]\n}".getBytes(StandardCharsets.UTF_8)),
                HttpStatus.BAD_REQUEST);
        assertThat(body.at("/problems/0/line").asInt()).isEqualTo(2);
        assertThat(body.at("/problems/0/column").asInt()).isPositive();
    }

    @Test
    void anUnknownRuleSetIs404() throws Exception {
        JsonNode body = problem(postJson("/evaluations?ruleSet=nope/2020", EvaluationsHttpTest.example()),
                HttpStatus.NOT_FOUND);
        assertThat(body.get("detail").asText()).contains("nope/2020");
        assertThat(body.get("available").toString()).contains("hcm-agri/2021");
        problem(http.getForEntity("/rule-sets/nope/2020", String.class), HttpStatus.NOT_FOUND);
    }

    @Test
    void aDocumentNamingNoRuleSetIs400() throws Exception {
        JsonNode body = problem(postJson("/evaluations", "{\"asOf\": \"2021-12-31\", \"units\": []}"
                .getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST);
        assertThat(body.get("detail").asText()).contains("ruleSet=");
    }

    @Test
    void anOversizedJsonBodyIs413() throws Exception {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        JsonNode body = problem(postJson("/evaluations", big), HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(body.get("detail").asText()).contains("reform-targets.max-json-body");
    }

    @Test
    void anOversizedUploadIs413() throws Exception {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) ' ');
        problem(http.postForEntity("/evaluations", EvaluationsHttpTest.upload(big, "big.json"), String.class),
                HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aWrongMediaTypeIs415() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.TEXT_PLAIN);
        problem(http.postForEntity("/evaluations", new HttpEntity<>("x", h), String.class),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anUploadWithoutItsFactsPartIs400() throws Exception {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("other", "x");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode body = problem(http.postForEntity("/evaluations", new HttpEntity<>(parts, h), String.class),
                HttpStatus.BAD_REQUEST);
        assertThat(body.get("detail").asText()).contains("facts");
    }

    @Test
    void anUnknownPathIs404WithoutAStackTrace() throws Exception {
        problem(http.getForEntity("/nothing-here", String.class), HttpStatus.NOT_FOUND);
    }
}
