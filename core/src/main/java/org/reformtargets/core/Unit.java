// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apiguardian.api.API;

/**
 * A government unit (đơn vị): a department, a sub-department or an office.
 *
 * @param id     unique id within a facts document
 * @param name   display name, usually Vietnamese
 * @param level  its level in the hierarchy
 * @param parent id of the unit it belongs to, or {@code null} at the top
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "level", "parent"})
@API(status = STABLE, since = "0.1")
public record Unit(String id, String name, Level level, String parent) {

    /** A unit at the top of its hierarchy. */
    public static Unit root(String id, String name, Level level) {
        return new Unit(id, name, level, null);
    }
}
