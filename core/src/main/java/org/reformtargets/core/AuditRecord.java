// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What traces a published scorecard to exactly the rules and facts that produced it (hồ sơ kiểm
 * tra): the rule set's id, version and content hash, the facts' hashes, the result document's
 * hash, the facts' date, when the evaluation ran, its summary and, when the writer held a key, an
 * HMAC over all of that. Every hash is lower-case hex SHA-256.
 *
 * <p>Immutable: the summary is an unmodifiable copy in {@link Status} order.
 *
 * @param ruleSet              the rule set and version
 * @param rulesSha256          SHA-256 of the rule set's manifest and DRL files as loaded
 *                             (see {@link RuleSet#contentHash()})
 * @param factsSha256          SHA-256 of the facts file's bytes as read, as {@code sha256sum} gives it;
 *                             {@code null} when the record was made from a {@link FactsDocument} without
 *                             its bytes ({@link #of(RuleSet, FactsDocument, Evaluation, Instant)})
 * @param factsCanonicalSha256 SHA-256 of the facts in their canonical JSON form
 *                             ({@link ReformTargetsJson#writeFacts}, UTF-8): the same for the same facts
 *                             however the file is laid out
 * @param resultSha256         SHA-256 of the result document exactly as {@code evaluate --format json}
 *                             prints it: {@link ReformTargetsJson#writeEvaluation(Evaluation)} in UTF-8,
 *                             ending in one line feed
 * @param asOf                 the date the facts describe
 * @param evaluatedAt          when the evaluation ran (not re-derivable from the inputs)
 * @param results              how many results it gave
 * @param summary              how many results have each status
 * @param hmac                 hex HMAC-SHA256 of the record's other fields, or {@code null} for an
 *                             unsigned record; the command line computes it (see the README's audit
 *                             section for the exact content and key)
 */
@JsonPropertyOrder({"ruleSet", "rulesSha256", "factsSha256", "factsCanonicalSha256", "resultSha256", "asOf",
        "evaluatedAt", "results", "summary", "hmac"})
@API(status = STABLE, since = "0.1")
public record AuditRecord(RuleSetRef ruleSet, String rulesSha256, String factsSha256, String factsCanonicalSha256,
                          String resultSha256, LocalDate asOf, Instant evaluatedAt, int results,
                          Map<Status, Integer> summary,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String hmac) {

    /** Copies the summary into an unmodifiable map in {@link Status} order. */
    public AuditRecord {
        if (summary != null) {
            EnumMap<Status, Integer> ordered = new EnumMap<>(Status.class);
            ordered.putAll(summary);
            summary = Collections.unmodifiableMap(ordered);
        }
    }

    /**
     * The unsigned record of {@code evaluation}, which {@code ruleSet} produced at {@code at} from
     * {@code facts}, read from {@code factsBytes}.
     *
     * @param factsBytes the facts file's bytes, exactly as read, which {@code facts} was parsed from
     * @throws IllegalArgumentException when {@code evaluation} was produced by another rule set
     */
    public static AuditRecord of(RuleSet ruleSet, byte[] factsBytes, FactsDocument facts, Evaluation evaluation,
                                 Instant at) {
        Objects.requireNonNull(factsBytes, "factsBytes");
        return of(ruleSet, sha256(factsBytes), facts, evaluation, at);
    }

    /**
     * The unsigned record of {@code evaluation}, which {@code ruleSet} produced from {@code facts} at
     * {@code at}, for facts that were not read from a file: {@link #factsSha256()} is {@code null},
     * {@link #factsCanonicalSha256()} identifies the facts.
     *
     * @throws IllegalArgumentException when {@code evaluation} was produced by another rule set
     */
    public static AuditRecord of(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation, Instant at) {
        return of(ruleSet, (String) null, facts, evaluation, at);
    }

    private static AuditRecord of(RuleSet ruleSet, String factsSha256, FactsDocument facts, Evaluation evaluation,
                                  Instant at) {
        Objects.requireNonNull(at, "at");
        if (!ruleSet.ref().equals(evaluation.ruleSet())) {
            throw new IllegalArgumentException("the evaluation was produced by " + evaluation.ruleSet()
                    + ", not by " + ruleSet.ref());
        }
        return new AuditRecord(ruleSet.ref(), ruleSet.contentHash(), factsSha256,
                canonicalSha256(facts),
                resultSha256(evaluation), evaluation.asOf(), at, evaluation.results().size(), evaluation.summary(),
                null);
    }

    /** This record carrying {@code hmac} (or none, for {@code null}) instead of its own. */
    public AuditRecord withHmac(String hmac) {
        return new AuditRecord(ruleSet, rulesSha256, factsSha256, factsCanonicalSha256, resultSha256, asOf,
                evaluatedAt, results, summary, hmac);
    }

    /**
     * SHA-256 of the result document of {@code evaluation} exactly as {@code evaluate --format json}
     * prints it, computed as it is written, without holding the document.
     */
    static String resultSha256(Evaluation evaluation) {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            ReformTargetsJson.writeEvaluation(evaluation, out);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * SHA-256 of {@code facts} written as {@link ReformTargetsJson#writeFacts(FactsDocument)} writes it,
     * computed as it is written, without holding the document as one string.
     */
    static String canonicalSha256(FactsDocument facts) {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            ReformTargetsJson.writeFacts(facts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
