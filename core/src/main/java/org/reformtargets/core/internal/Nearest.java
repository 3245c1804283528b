// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The declared codes nearest to one that is not declared, by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours, ignoring case), for "did you mean …?" in messages.
 */
@API(status = INTERNAL, since = "0.1")
public final class Nearest {

    /** How many codes a hint names at most. */
    static final int MAX_NAMED = 3;
    /** Codes longer than this are not compared (the distance is quadratic in the length). */
    static final int MAX_LENGTH = 200;
    /**
     * How many cells of the distance table one search may fill: a vocabulary of 50,000 long codes
     * cannot make one "did you mean" cost more than about a millisecond; the search then names what
     * it found so far.
     */
    static final int MAX_CELLS = 500_000;

    private Nearest() {
    }

    /**
     * The edit distance between {@code a} and {@code b}, ignoring case: the fewest insertions,
     * deletions, substitutions and swaps of two neighbouring characters that make one the other.
     */
    public static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int n = s.length();
        int m = t.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /**
     * The codes of {@code known} nearest to {@code given}, at most {@value #MAX_NAMED}, in the order
     * of {@code known}: those at the smallest distance, if it is at most a third of the longer
     * code's length (and at least 2 edits are always allowed); empty when none is that near.
     */
    public static List<String> to(String given, Collection<String> known) {
        List<String> best = new ArrayList<>();
        if (given == null || given.length() > MAX_LENGTH) {
            return best;
        }
        int bestDistance = Integer.MAX_VALUE;
        long cells = 0;
        for (String k : known) {
            if (k.length() > MAX_LENGTH) {
                continue;
            }
            // the distance is at least the difference in length: such a code cannot be near enough
            int allowed = Math.max(2, Math.max(given.length(), k.length()) / 3);
            if (Math.abs(given.length() - k.length()) > Math.min(allowed, bestDistance)) {
                continue;
            }
            cells += (long) (given.length() + 1) * (k.length() + 1);
            if (cells > MAX_CELLS) {
                break;
            }
            int d = distance(given, k);
            if (d > Math.max(2, Math.max(given.length(), k.length()) / 3)) {
                continue;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best.clear();
            }
            if (d == bestDistance && best.size() < MAX_NAMED) {
                best.add(k);
            }
        }
        return best;
    }

    /**
     * {@code ": did you mean land?"} (or {@code "land or health"}) when codes of {@code known} are
     * near {@code given}; otherwise {@code otherwise} (such as {@code ": use DEPARTMENT, OFFICE"}).
     */
    public static String hint(String given, Collection<String> known, String otherwise) {
        List<String> near = to(given, known);
        if (near.isEmpty()) {
            return otherwise;
        }
        return ": did you mean " + or(near) + "?";
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    static String or(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
