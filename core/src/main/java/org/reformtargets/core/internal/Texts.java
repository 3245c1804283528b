// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** Number and word formatting for result messages, in Vietnamese and English. */
@API(status = INTERNAL, since = "0.1")
public final class Texts {

    /** How many texts each cache keeps: rule sets use a handful of thresholds and names. */
    private static final int CACHED = 1024;
    private static final Map<String, String> THRESHOLDS_VI = new ConcurrentHashMap<>();
    private static final Map<String, String> THRESHOLDS_EN = new ConcurrentHashMap<>();
    private static final Map<String, String> CAPITALIZED = new ConcurrentHashMap<>();
    /** A bound on decimals: shares of long counts and thresholds of rules differ long before (by at least 1/d²). */
    private static final int MAX_SCALE = 80;

    private Texts() {
    }

    /** A whole number with thousands grouped: {@code 4.890} in Vietnamese, {@code 4,890} in English. */
    public static String count(BigInteger n, boolean vi) {
        return grouped(n.signum() < 0, n.abs().toString(), vi);
    }

    /** {@link #count(BigInteger, boolean)} for a long. */
    public static String count(long n, boolean vi) {
        if (n == Long.MIN_VALUE) {
            return count(BigInteger.valueOf(n), vi);
        }
        if (n >= 0 && n < 1000) {
            return Long.toString(n);
        }
        return grouped(n < 0, Long.toString(Math.abs(n)), vi);
    }

    private static String grouped(boolean negative, String plain, boolean vi) {
        return grouped(negative, plain, plain.length(), vi);
    }

    /**
     * The first {@code whole} digits of {@code text} grouped by thousands, then what follows the decimal
     * point at {@code whole}, if any, after the language's decimal mark.
     */
    private static String grouped(boolean negative, String text, int whole, boolean vi) {
        int lead = whole % 3 == 0 ? 3 : whole % 3;
        StringBuilder b = new StringBuilder(text.length() + whole / 3 + 1);
        if (negative) {
            b.append('-');
        }
        b.append(text, 0, lead);
        for (int i = lead; i < whole; i += 3) {
            b.append(vi ? '.' : ',').append(text, i, i + 3);
        }
        if (whole < text.length()) {
            b.append(vi ? ',' : '.').append(text, whole + 1, text.length());
        }
        return b.toString();
    }

    /** A decimal for prose: grouped whole part, decimal comma in Vietnamese, trailing zeros kept. */
    public static String decimal(BigDecimal d, boolean vi) {
        String text = d.abs().toPlainString();
        int dot = text.indexOf('.');
        int whole = dot < 0 ? text.length() : dot;
        if (d.signum() >= 0 && whole <= 3) {
            // nothing to group: the plain text, with a decimal comma in Vietnamese
            return dot < 0 || !vi ? text : text.replace('.', ',');
        }
        return grouped(d.signum() < 0, text, whole, vi);
    }

    /** A percentage for prose, the sign set close as administrative texts write it: {@code 97,80%} in Vietnamese, {@code 97.80%} in English. */
    public static String percent(BigDecimal p, boolean vi) {
        return decimal(p, vi) + "%";
    }

    /** A threshold as written by the rule, for prose: {@code 97,5%} or {@code 97.5%}. */
    public static String threshold(String percent, boolean vi) {
        Map<String, String> cache = vi ? THRESHOLDS_VI : THRESHOLDS_EN;
        String known = cache.get(percent);
        if (known == null) {
            known = percent(new BigDecimal(percent), vi);
            if (cache.size() < CACHED) {
                cache.put(percent, known);
            }
        }
        return known;
    }

    /** A figure for the {@code actual} field: plain, with a point, two decimals, truncated (never rounded up). */
    public static String actualPercent(BigDecimal p) {
        return p.setScale(2, RoundingMode.DOWN).toPlainString();
    }

    /**
     * The {@code actual} figure of a share judged against {@code threshold} (percent), at least
     * ({@code strict} false) or more than it ({@code strict} true): the share as
     * {@link #share(long, long, BigDecimal, boolean)} shows it, plain with a point.
     */
    public static String actualPercent(long n, long d, BigDecimal threshold, boolean strict) {
        return share(n, d, threshold, strict).toPlainString();
    }

    /**
     * The share {@code 100·n/d} as shown to people beside {@code threshold}: truncated, never
     * rounded up (so 99,999 of 100,000 is {@code 99.99}, not {@code 100.00}), to two decimals, or to
     * as many more as it takes for the shown figure, compared with the threshold as the target
     * compares ({@code ≥}, or {@code >} when {@code strict}), to give the verdict the exact share
     * gives: 95,001 of 100,000 against "more than 95" shows {@code 95.001}; 97,525 of 100,000
     * against "at least 97.525" shows {@code 97.525}. A share below its threshold shows below it
     * at two decimals. {@code threshold} may be {@code null} (two decimals); {@code d} must be
     * positive.
     */
    public static BigDecimal share(long n, long d, BigDecimal threshold, boolean strict) {
        BigDecimal num = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100));
        BigDecimal den = BigDecimal.valueOf(d);
        if (threshold == null) {
            return truncated(num, den, 2);
        }
        // the threshold is shown as the rule writes it, never truncated
        boolean met = passes(num.compareTo(threshold.multiply(den)), strict);
        int scale = 2;
        while (scale < MAX_SCALE && passes(truncated(num, den, scale).compareTo(threshold), strict) != met) {
            scale++;
        }
        return truncated(num, den, scale);
    }

    /** The share {@code 100·n/d} truncated to {@code scale} decimals; {@code d} must be positive. */
    public static BigDecimal share(long n, long d, int scale) {
        return truncated(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(d), scale);
    }

    /**
     * The fewest decimals, at least two, at which {@code a = aNum/aDen} and {@code b = bNum/bDen},
     * each shown truncated, give the verdict of "{@code a ≥ b}" (or "{@code a > b}" when
     * {@code strict}) that the exact values give: a share higher than last year's never reads
     * equal, one short of a required share never reads as reaching it. More decimals keep the
     * verdict, so a figure shown beside two others takes the larger count. For two figures both
     * shown truncated; a threshold shown as written is {@link #share(long, long, BigDecimal, boolean)}'s.
     * Denominators must be positive.
     */
    public static int decimalsToCompare(BigDecimal aNum, BigDecimal aDen, BigDecimal bNum, BigDecimal bDen,
                                        boolean strict) {
        boolean exact = passes(aNum.multiply(bDen).compareTo(bNum.multiply(aDen)), strict);
        int scale = 2;
        while (scale < MAX_SCALE
                && passes(truncated(aNum, aDen, scale).compareTo(truncated(bNum, bDen, scale)), strict) != exact) {
            scale++;
        }
        return scale;
    }

    private static boolean passes(int comparison, boolean strict) {
        return strict ? comparison > 0 : comparison >= 0;
    }

    /** {@code num/den} truncated toward zero to {@code scale} decimals. */
    public static BigDecimal truncated(BigDecimal num, BigDecimal den, int scale) {
        return num.divide(den, scale, RoundingMode.DOWN);
    }

    /**
     * An English noun phrase with its indefinite article: "an initiative", "a dialogue with …",
     * "a review conference". The rule goes by the first letter as written: "an" before a, e, i, o,
     * u, except where it sounds "you" or "w" (uni-, use-, usu-, uti-, eu-, one-); "a" before
     * anything else. Words the rule misreads ("hour") are not in the vocabulary's labels.
     */
    public static String article(String phrase) {
        String p = phrase.toLowerCase(java.util.Locale.ROOT);
        boolean vowel = !p.isEmpty() && "aeiou".indexOf(p.charAt(0)) >= 0;
        for (String you : YOU_SOUNDS) {
            if (p.startsWith(you)) {
                vowel = false;
                break;
            }
        }
        return (vowel ? "an " : "a ") + phrase;
    }

    private static final String[] YOU_SOUNDS = {"uni", "use", "usu", "uti", "eu", "one"};

    /**
     * A count with its noun in the form that count takes: "1 dossier", "2 dossiers",
     * "1,204 dossiers" (grouped as {@link #count(long, boolean)}); Vietnamese nouns do not inflect,
     * so {@code vi} only groups the count.
     */
    public static String counted(long n, String one, String many, boolean vi) {
        return count(n, vi) + " " + (n == 1 ? one : many);
    }

    /** Upper-cases the first letter. */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String known = CAPITALIZED.get(s);
        if (known == null) {
            known = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            if (CAPITALIZED.size() < CACHED) {
                CAPITALIZED.put(s, known);
            }
        }
        return known;
    }
}
