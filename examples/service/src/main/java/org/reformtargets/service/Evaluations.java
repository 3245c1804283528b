// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.ReformTargetsXlsx;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Reads a facts document from a request, picks its rule set and evaluates it: shared by the API and the page. */
@Component
public class Evaluations {

    /** A facts document, the rule set chosen for it and what it gave. */
    public record Evaluated(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation) {
    }

    private final RuleSets ruleSets;
    private final long maxJsonBody;

    Evaluations(RuleSets ruleSets, ServiceProperties properties) {
        this.ruleSets = ruleSets;
        this.maxJsonBody = properties.maxJsonBody().toBytes();
    }

    /**
     * Reads a body (JSON, or an XLSX facts workbook) of at most {@code reform-targets.max-json-body} bytes (checked against its
     * declared length first, then while reading) and evaluates it.
     */
    public Evaluated evaluate(InputStream body, long declaredLength, String ruleSetId) throws IOException {
        if (declaredLength > maxJsonBody) {
            throw tooLarge(declaredLength);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            if (bytes.size() + n > maxJsonBody) {
                throw tooLarge(-1);
            }
            bytes.write(buffer, 0, n);
        }
        return evaluate(new ByteArrayInputStream(bytes.toByteArray()), "request body", ruleSetId);
    }

    /** Evaluates an uploaded facts file (its size limited by {@code spring.servlet.multipart.max-file-size}). */
    public Evaluated evaluate(MultipartFile facts, String ruleSetId) throws IOException {
        String name = facts.getOriginalFilename() == null || facts.getOriginalFilename().isBlank()
                ? "facts" : facts.getOriginalFilename();
        try (InputStream in = facts.getInputStream()) {
            return evaluate(in, name, ruleSetId);
        }
    }

    /** Reads a facts document, JSON or a filled XLSX template (a zip: its first bytes are {@code PK}), and evaluates it. */
    private Evaluated evaluate(InputStream raw, String source, String ruleSetId) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        byte[] head = in.readNBytes(2);
        in.reset();
        boolean workbook = head.length == 2 && head[0] == 'P' && head[1] == 'K';
        FactsDocument facts = workbook ? ReformTargetsXlsx.readFacts(in, source) : ReformTargetsJson.readFacts(in, source);
        String id = ruleSetId != null && !ruleSetId.isBlank() ? ruleSetId.strip() : facts.ruleSet();
        if (id == null) {
            throw new ProblemHandler.BadRequest("The facts document names no rule set (its field ruleSet) and the"
                    + " request names none: add ruleSet=FAMILY/YEAR, such as ruleSet=hcm-agri/2021.");
        }
        RuleSet ruleSet = ruleSets.get(id);
        return new Evaluated(ruleSet, facts, ruleSet.evaluate(facts));
    }

    private ProblemHandler.TooLarge tooLarge(long length) {
        return new ProblemHandler.TooLarge("The facts document is larger than the " + maxJsonBody
                + " bytes this service reads" + (length > 0 ? " (" + length + " bytes)" : "")
                + "; the limit is reform-targets.max-json-body.");
    }
}
