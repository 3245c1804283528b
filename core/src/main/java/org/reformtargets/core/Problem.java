// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * One thing wrong with an input, and where: a facts document or a rule file.
 *
 * @param source  the file or resource, such as {@code facts.json} or {@code hcm-agri/2021/satisfaction.drl};
 *                {@code null} when the input had no name
 * @param path    the place inside it, such as {@code measurements[3].numerator} or a rule name;
 *                {@code null} when only a line is known
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and, where it helps, what to do
 */
@API(status = STABLE, since = "0.1")
public record Problem(String source, String path, int line, int column, String message) {

    /** Renders as {@code source:line:column: path: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (source != null) {
            b.append(source);
        }
        if (line > 0) {
            b.append(b.length() > 0 ? ":" : "line ").append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        if (path != null) {
            b.append(b.length() > 0 ? ": " : "").append(path);
        }
        return b.append(b.length() > 0 ? ": " : "").append(message).toString();
    }
}
