// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned plain-text columns, two spaces apart, indented by two; widths count displayed characters
 * ({@link Scorecard#width}), so Vietnamese text lines up. A row may carry lines printed under it.
 */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> below = new ArrayList<>();

    TextTable(String... header) {
        row(header);
    }

    /** Adds a row. */
    TextTable row(String... cells) {
        rows.add(List.of(cells));
        below.add(new ArrayList<>());
        return this;
    }

    /** Adds a line under the last row, indented by four. */
    TextTable under(String line) {
        below.get(below.size() - 1).add(line);
        return this;
    }

    String render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], Scorecard.width(row.get(i)));
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                l.append(row.get(i));
                if (i < row.size() - 1) {
                    l.append(" ".repeat(widths[i] - Scorecard.width(row.get(i)) + 2));
                }
            }
            b.append(l.toString().stripTrailing()).append('\n');
            for (String line : below.get(r)) {
                b.append("      ").append(line).append('\n');
            }
        }
        return b.toString();
    }
}
