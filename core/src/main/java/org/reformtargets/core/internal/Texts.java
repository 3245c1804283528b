package org.reformtargets.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** Number and word formatting for result messages, in Vietnamese and English. */
public final class Texts {

    private static final Map<String, String[]> FIELDS = Map.of(
            "land", new String[] {"đất đai", "land"},
            "investment", new String[] {"đầu tư", "investment"},
            "education", new String[] {"giáo dục", "education"},
            "health", new String[] {"y tế", "health"});

    private Texts() {
    }

    /** A whole number with thousands grouped: {@code 4.890} in Vietnamese, {@code 4,890} in English. */
    public static String count(BigInteger n, boolean vi) {
        String plain = n.abs().toString();
        StringBuilder b = new StringBuilder();
        int lead = plain.length() % 3 == 0 ? 3 : plain.length() % 3;
        b.append(plain, 0, lead);
        for (int i = lead; i < plain.length(); i += 3) {
            b.append(vi ? '.' : ',').append(plain, i, i + 3);
        }
        return (n.signum() < 0 ? "-" : "") + b;
    }

    /** {@link #count(BigInteger, boolean)} for a long. */
    public static String count(long n, boolean vi) {
        return count(BigInteger.valueOf(n), vi);
    }

    /** A decimal for prose: grouped whole part, decimal comma in Vietnamese, trailing zeros kept. */
    public static String decimal(BigDecimal d, boolean vi) {
        BigDecimal abs = d.abs();
        String whole = count(abs.toBigInteger(), vi);
        String text = abs.toPlainString();
        int dot = text.indexOf('.');
        String frac = dot < 0 ? "" : (vi ? "," : ".") + text.substring(dot + 1);
        return (d.signum() < 0 ? "-" : "") + whole + frac;
    }

    /** A percentage for prose: {@code 97,80 %} in Vietnamese, {@code 97.80 %} in English. */
    public static String percent(BigDecimal p, boolean vi) {
        return decimal(p, vi) + " %";
    }

    /** A threshold as written by the rule, for prose: {@code 97,5 %} or {@code 97.5 %}. */
    public static String threshold(String percent, boolean vi) {
        return percent(new BigDecimal(percent), vi);
    }

    /** A figure for the {@code actual} field: plain, with a point, two decimals for shares. */
    public static String actualPercent(BigDecimal p) {
        return p.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The field's name in the given language; unknown fields are shown as given. */
    public static String field(String field, boolean vi) {
        String[] names = FIELDS.get(field);
        return names == null ? field : names[vi ? 0 : 1];
    }

    /** Upper-cases the first letter. */
    public static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
