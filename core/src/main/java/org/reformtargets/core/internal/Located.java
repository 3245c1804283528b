// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * An element of a facts document with its place: the path ({@code measurements[3]}) and, when it
 * was read from JSON, the line and column where it starts. The path is made only when asked for.
 *
 * @param value  the element, as far as it could be read
 * @param name   the array it is in ({@code measurements}), or the field it is ({@code asOf})
 * @param index  its index in the array, or -1 for a field
 * @param line   1-based line, or 0
 * @param column 1-based column, or 0
 * @param broken the fields whose reading already found a problem, one bit each by their slot in
 *               the order of the contract ({@link FactsReader#slot}); bit 0 for a top-level field
 *               such as {@code asOf}; checks of those fields are then skipped, the others are made
 */
@API(status = INTERNAL, since = "0.1")
public record Located<T>(T value, String name, int index, int line, int column, int broken) {

    /** Whether reading it already found a problem in any field. */
    public boolean isBroken() {
        return broken != 0;
    }

    /** Whether reading it already found a problem in {@code field} (which is then null in the value). */
    public boolean broken(String field) {
        int slot = index < 0 ? 0 : FactsReader.slot(name, field);
        return slot >= 0 && (broken & (1 << slot)) != 0;
    }

    /** Its path in the document, such as {@code measurements[3]} or {@code asOf}. */
    public String path() {
        return path(name, index);
    }

    /** The path of element {@code index} of array {@code name}, or of field {@code name} when index is -1. */
    public static String path(String name, int index) {
        return index < 0 ? name : name + "[" + index + "]";
    }
}
