// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.reformtargets.report.Language;
import org.reformtargets.report.ReportWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * The upload page at {@code /}, drawn on the server without a front-end build: choose a rule set,
 * upload a facts file, and {@code POST /report} answers with the HTML scorecard.
 */
@RestController
public class PageController {

    private final RuleSets ruleSets;
    private final Evaluations evaluations;

    PageController(RuleSets ruleSets, Evaluations evaluations) {
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        StringBuilder options = new StringBuilder("      <option value=\"\">Theo tài liệu (the document's own)</option>\n");
        for (String id : ruleSets.ids()) {
            String v = HtmlUtils.htmlEscape(id);
            options.append("      <option value=\"").append(v).append("\">").append(v).append("</option>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <title>Đánh giá chỉ tiêu cải cách hành chính</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}label{display:block;margin:1rem 0}</style>
                </head>
                <body>
                <h1>Đánh giá chỉ tiêu cải cách hành chính</h1>
                <form method="post" action="/report" enctype="multipart/form-data">
                  <label>Bộ chỉ tiêu (rule set)
                    <select name="ruleSet" id="ruleSet">
                %s    </select>
                  </label>
                  <label>Tệp số liệu (facts, JSON)
                    <input type="file" name="facts" id="facts" accept=".json,application/json" required>
                  </label>
                  <label>Ngôn ngữ (language)
                    <select name="lang" id="lang"><option value="vi">Tiếng Việt</option><option value="en">English</option></select>
                  </label>
                  <button type="submit" id="submit">Đánh giá (evaluate)</button>
                </form>
                <p>API: <code>POST /evaluations</code>, <code>GET /rule-sets</code>, <code>GET /actuator/info</code>.</p>
                </body>
                </html>
                """.formatted(options);
    }

    @PostMapping(path = "/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> report(@RequestPart("facts") MultipartFile facts,
                                  @RequestParam(name = "ruleSet", required = false) String ruleSet,
                                  @RequestParam(name = "lang", defaultValue = "vi") String lang) throws IOException {
        Language language = "en".equalsIgnoreCase(lang) ? Language.EN : Language.VI;
        Evaluations.Evaluated e = evaluations.evaluate(facts, ruleSet);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        ReportWriter.of(e.ruleSet(), e.facts(), e.evaluation()).in(language).writeHtml(html);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html.toByteArray());
    }
}
