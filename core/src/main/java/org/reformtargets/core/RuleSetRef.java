package org.reformtargets.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Names a rule set and the exact version of it that produced a result.
 *
 * @param id      {@code FAMILY/YEAR}, such as {@code hcm-agri/2021}
 * @param version semantic version from the rule set's manifest
 */
@JsonPropertyOrder({"id", "version"})
public record RuleSetRef(String id, String version) {
}
