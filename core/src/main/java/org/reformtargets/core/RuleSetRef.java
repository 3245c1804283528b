// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * Names a rule set and the exact version of it that produced a result.
 *
 * @param id      {@code FAMILY/YEAR}, such as {@code hcm-agri/2021}
 * @param version semantic version from the rule set's manifest
 */
@JsonPropertyOrder({"id", "version"})
@API(status = STABLE, since = "0.1")
public record RuleSetRef(String id, String version) {
}
