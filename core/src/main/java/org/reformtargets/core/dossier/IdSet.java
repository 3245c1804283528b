// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The dossier ids seen so far, with the line each was first seen on, in about 30 bytes an id: the
 * ids' UTF-8 bytes end to end in one array and an open-addressing table of indexes into it (a
 * {@code HashSet<String>} would take about 100 bytes an id, 100 MB for 1,000,000 dossiers).
 * Exact: ids are compared byte for byte, never by hash alone.
 */
final class IdSet {

    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1 << 10];
    private int[] lines = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int size;
    /** Entry index + 1 per slot, 0 when free; capacity a power of two, at most half full. */
    private int[] table = new int[1 << 11];

    /**
     * Adds {@code id} first seen on {@code line}.
     *
     * @return 0 when it is new, else the line it was first seen on
     */
    int add(String id, int line) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int h = Arrays.hashCode(b);
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (table[slot] != 0) {
            int e = table[slot] - 1;
            if (hashes[e] == h && equal(e, b)) {
                return lines[e];
            }
            slot = (slot + 1) & mask;
        }
        if (size == starts.length - 1) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            lines = Arrays.copyOf(lines, lines.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        while (used + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        starts[size] = used;
        used += b.length;
        starts[size + 1] = used;
        lines[size] = line;
        hashes[size] = h;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            rehash();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private boolean equal(int e, byte[] b) {
        return Arrays.equals(bytes, starts[e], starts[e + 1], b, 0, b.length);
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int e = 0; e < size; e++) {
            int slot = mix(hashes[e]) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = e + 1;
        }
        table = bigger;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
