package org.reformtargets.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One sentence in Vietnamese and one in English.
 *
 * @param vi the Vietnamese sentence
 * @param en the English sentence
 */
@JsonPropertyOrder({"vi", "en"})
public record Message(String vi, String en) {
}
