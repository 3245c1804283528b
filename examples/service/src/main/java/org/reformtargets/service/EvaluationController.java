// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.reformtargets.core.ReformTargetsJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /evaluations}: a facts document (a JSON body, a filled XLSX facts template as the body, or
 * a {@code multipart/form-data} upload of either with a {@code facts} file part) gives the result document, exactly as
 * {@link ReformTargetsJson#writeEvaluation(org.reformtargets.core.Evaluation)} writes it. The
 * optional {@code ruleSet} parameter chooses the rule set; by default the document's own.
 */
@RestController
public class EvaluationController {

    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(path = "/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> evaluateJson(HttpServletRequest request,
                                        @RequestParam(name = "ruleSet", required = false) String ruleSet)
            throws IOException {
        return result(evaluations.evaluate(request.getInputStream(), request.getContentLengthLong(), ruleSet));
    }

    /** The media type of an XLSX workbook, such as the facts template the CLI's {@code template} writes. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @PostMapping(path = "/evaluations", consumes = XLSX)
    ResponseEntity<byte[]> evaluateWorkbook(HttpServletRequest request,
                                            @RequestParam(name = "ruleSet", required = false) String ruleSet)
            throws IOException {
        return result(evaluations.evaluate(request.getInputStream(), request.getContentLengthLong(), ruleSet));
    }

    @PostMapping(path = "/evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> evaluateUpload(@RequestPart("facts") MultipartFile facts,
                                          @RequestParam(name = "ruleSet", required = false) String ruleSet)
            throws IOException {
        return result(evaluations.evaluate(facts, ruleSet));
    }

    private static ResponseEntity<byte[]> result(Evaluations.Evaluated e) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ReformTargetsJson.writeEvaluation(e.evaluation()).getBytes(StandardCharsets.UTF_8));
    }
}
