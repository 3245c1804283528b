package org.reformtargets.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Number and word formatting for result messages, in Vietnamese and English. */
public final class Texts {

    /** How many texts each cache keeps: rule sets use a handful of thresholds and names. */
    private static final int CACHED = 1024;
    private static final Map<String, String> THRESHOLDS_VI = new ConcurrentHashMap<>();
    private static final Map<String, String> THRESHOLDS_EN = new ConcurrentHashMap<>();
    private static final Map<String, String> CAPITALIZED = new ConcurrentHashMap<>();

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
        int lead = plain.length() % 3 == 0 ? 3 : plain.length() % 3;
        StringBuilder b = new StringBuilder(plain.length() + plain.length() / 3 + 1);
        if (negative) {
            b.append('-');
        }
        b.append(plain, 0, lead);
        for (int i = lead; i < plain.length(); i += 3) {
            b.append(vi ? '.' : ',').append(plain, i, i + 3);
        }
        return b.toString();
    }

    /** A decimal for prose: grouped whole part, decimal comma in Vietnamese, trailing zeros kept. */
    public static String decimal(BigDecimal d, boolean vi) {
        String text = d.abs().toPlainString();
        int dot = text.indexOf('.');
        String whole = grouped(d.signum() < 0, dot < 0 ? text : text.substring(0, dot), vi);
        return dot < 0 ? whole : whole + (vi ? "," : ".") + text.substring(dot + 1);
    }

    /** A percentage for prose: {@code 97,80 %} in Vietnamese, {@code 97.80 %} in English. */
    public static String percent(BigDecimal p, boolean vi) {
        return decimal(p, vi) + " %";
    }

    /** A threshold as written by the rule, for prose: {@code 97,5 %} or {@code 97.5 %}. */
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

    /** A figure for the {@code actual} field: plain, with a point, two decimals for shares. */
    public static String actualPercent(BigDecimal p) {
        return p.setScale(2, RoundingMode.HALF_UP).toPlainString();
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
