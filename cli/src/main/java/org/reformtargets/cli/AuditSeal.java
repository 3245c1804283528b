// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.reformtargets.core.AuditRecord;

/**
 * The audit record's HMAC: its key, from the environment, and the content it covers.
 *
 * <p>The key is the UTF-8 bytes of {@value #KEY_VARIABLE}'s value, at least {@value #MIN_KEY_BYTES}
 * bytes. The content is the record's JSON without its {@code hmac} field and without whitespace,
 * its fields in the order they are written (what {@code jq -cj 'del(.hmac)'} prints of an
 * untouched record); the HMAC is HMAC-SHA256 of those UTF-8 bytes, in lower-case hex.
 */
final class AuditSeal {

    /** The environment variable holding the key. */
    static final String KEY_VARIABLE = "REFORM_TARGETS_AUDIT_KEY";

    /** The shortest key accepted, in bytes. */
    static final int MIN_KEY_BYTES = 16;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AuditSeal() {
    }

    /** A key that cannot be used: set but empty or too short. */
    static final class BadKeyException extends Exception {
        BadKeyException(String message) {
            super(message);
        }
    }

    /**
     * The key from {@code env}, or {@code null} when the variable is not set.
     *
     * @throws BadKeyException when it is set but empty or shorter than {@value #MIN_KEY_BYTES} bytes
     */
    static byte[] key(Function<String, String> env) throws BadKeyException {
        String value = env.apply(KEY_VARIABLE);
        if (value == null) {
            return null;
        }
        byte[] key = value.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_KEY_BYTES) {
            throw new BadKeyException(KEY_VARIABLE + " is set but " + (key.length == 0 ? "empty" : "shorter than "
                    + MIN_KEY_BYTES + " bytes") + ": give a key of at least " + MIN_KEY_BYTES
                    + " bytes (such as the output of 'openssl rand -hex 32'), or unset it.");
        }
        return key;
    }

    /** The bytes the HMAC covers: the record without its hmac, as compact JSON in UTF-8. */
    static byte[] content(AuditRecord record) {
        try {
            return JSON.writeValueAsBytes(record.withHmac(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit record", e);
        }
    }

    /** The hex HMAC-SHA256 of the record's content with {@code key}. */
    static String hmac(AuditRecord record, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content(record)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** {@code record} carrying its HMAC with {@code key}. */
    static AuditRecord sign(AuditRecord record, byte[] key) {
        return record.withHmac(hmac(record, key));
    }

    /** Whether the record's hmac is the one {@code key} gives, compared in constant time. */
    static boolean verify(AuditRecord record, byte[] key) {
        if (record.hmac() == null) {
            return false;
        }
        byte[] expected = hmac(record, key).getBytes(StandardCharsets.US_ASCII);
        byte[] given = record.hmac().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Reads an audit record; unknown fields are refused. */
    static AuditRecord read(byte[] json) throws JsonProcessingException {
        try {
            return JSON.readValue(json, AuditRecord.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
