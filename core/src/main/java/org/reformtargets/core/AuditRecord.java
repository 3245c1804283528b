package org.reformtargets.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * What traces a published scorecard to exactly the rules and facts that produced it (hồ sơ kiểm
 * tra): the rule set's id, version and content hash, the facts' hash, the facts' date, when the
 * evaluation ran, and its summary.
 *
 * @param ruleSet     the rule set and version
 * @param rulesSha256 SHA-256 of the rule set's manifest and DRL files as loaded (see {@link RuleSet#contentHash()})
 * @param factsSha256 SHA-256 of the facts document in its canonical JSON form ({@link ReformTargetsJson#writeFacts})
 * @param asOf        the date the facts describe
 * @param evaluatedAt when the evaluation ran
 * @param results     how many results it gave
 * @param summary     how many results have each status
 */
@JsonPropertyOrder({"ruleSet", "rulesSha256", "factsSha256", "asOf", "evaluatedAt", "results", "summary"})
public record AuditRecord(RuleSetRef ruleSet, String rulesSha256, String factsSha256, LocalDate asOf,
                          Instant evaluatedAt, int results, Map<Status, Integer> summary) {

    /** The record of {@code evaluation}, which {@code ruleSet} produced from {@code facts} at {@code at}. */
    public static AuditRecord of(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation, Instant at) {
        Objects.requireNonNull(at, "at");
        if (!ruleSet.ref().equals(evaluation.ruleSet())) {
            throw new IllegalArgumentException("the evaluation was produced by " + evaluation.ruleSet()
                    + ", not by " + ruleSet.ref());
        }
        return new AuditRecord(ruleSet.ref(), ruleSet.contentHash(),
                sha256(ReformTargetsJson.writeFacts(facts).getBytes(StandardCharsets.UTF_8)),
                evaluation.asOf(), at, evaluation.results().size(), evaluation.summary());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
