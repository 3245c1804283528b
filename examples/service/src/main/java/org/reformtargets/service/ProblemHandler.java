// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsException;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem document ({@code application/problem+json}) that lists every
 * located problem as {@code problems: [{source, path, line, column, message}]}: 400 for bad facts,
 * 404 for an unknown rule set, 413 for a request over the limits, 415 for a wrong media type (the
 * last two, and Spring MVC's other errors, by {@link ResponseEntityExceptionHandler}). Nothing
 * unexpected reaches a response but a short sentence: its detail goes to the log.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    /** A request body over {@code reform-targets.max-json-body}. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** A request that is wrong in a way the library does not check, such as naming no rule set. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(InvalidFactsException.class)
    ResponseEntity<ProblemDetail> invalidFacts(InvalidFactsException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid facts document", count(e) + " in the facts document", e);
    }

    @ExceptionHandler(RuleSetNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RuleSetNotFoundException e) {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.NOT_FOUND, "Unknown rule set",
                "There is no rule set " + e.requested() + "; GET /rule-sets lists those served.", e);
        r.getBody().setProperty("available", e.available());
        return r;
    }

    @ExceptionHandler(RuleSetException.class)
    ResponseEntity<ProblemDetail> ruleSetFailed(RuleSetException e) {
        LOG.error("A rule set failed:\n{}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Rule set failed",
                "The rule set failed on these facts: " + count(e) + "; the service's operators have the log.", e);
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage(), null);
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // Spring MVC's own errors: handled by the superclass
        }
        LOG.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed unexpectedly; the service's operators have the log.", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         ReformTargetsException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperty("problems", e == null ? List.of() : located(e.problems()));
        if (e != null && e.omitted() > 0) {
            p.setProperty("omitted", e.omitted());
        }
        return ResponseEntity.status(status).body(p);
    }

    private static String count(ReformTargetsException e) {
        long n = e.totalProblems();
        return n == 1 ? "1 problem" : n + " problems";
    }

    /** Problems as the problem document lists them: {@code {source, path, line, column, message}}. */
    static List<Map<String, Object>> located(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", p.source());
            m.put("path", p.path());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("message", p.message());
            return m;
        }).toList();
    }
}
