package org.reformtargets.core.internal;

/**
 * An element of a facts document with its place: the path ({@code measurements[3]}) and, when it
 * was read from JSON, the line and column where it starts.
 *
 * @param value  the element, as far as it could be read
 * @param path   its path in the document
 * @param line   1-based line, or 0
 * @param column 1-based column, or 0
 * @param broken whether reading it already found a problem (its other checks are then skipped)
 */
public record Located<T>(T value, String path, int line, int column, boolean broken) {
}
