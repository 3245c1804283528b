// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * A fact stated rather than counted (xác nhận), such as "the quality system was converted
 * to TCVN ISO 9001:2015" or "the PAR Index class was GOOD".
 *
 * @param unit   id of the unit it is about
 * @param key    what is attested, such as {@code iso9001.converted}
 * @param period the period it holds for, or {@code null} when it is not tied to one
 * @param value  a {@link Boolean} or a {@link String}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"unit", "key", "period", "value"})
@API(status = STABLE, since = "0.1")
public record Attestation(String unit, String key, Period period, Object value) {

    /** A yes/no attestation. */
    public static Attestation of(String unit, String key, Period period, boolean value) {
        return new Attestation(unit, key, period, value);
    }

    /** An attestation of a word, such as a class {@code GOOD}. */
    public static Attestation of(String unit, String key, Period period, String value) {
        return new Attestation(unit, key, period, value);
    }
}
