package org.reformtargets.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (kỳ báo cáo): a year {@code 2021}, a half {@code 2021-H1}, a quarter
 * {@code 2021-Q3} or a month {@code 2021-05}.
 *
 * @param year  the calendar year
 * @param kind  year, half, quarter or month
 * @param index 1-based position of the half, quarter or month in the year; 1 for a year
 */
public record Period(int year, Kind kind, int index) implements Comparable<Period> {

    /** The length of a period. */
    public enum Kind {
        YEAR(12), HALF(6), QUARTER(3), MONTH(1);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        /** How many months a period of this kind spans. */
        public int months() {
            return months;
        }
    }

    private static final Pattern FORM = Pattern.compile("(?!0000)(\\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?");

    public Period {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (index < 1 || index > 12 / kind.months()) {
            throw new IllegalArgumentException("index " + index + " is out of range for a " + kind);
        }
    }

    /** The whole year. */
    public static Period year(int year) {
        return new Period(year, Kind.YEAR, 1);
    }

    /** Quarter {@code q} (1–4) of {@code year}. */
    public static Period quarter(int year, int q) {
        return new Period(year, Kind.QUARTER, q);
    }

    /** Half {@code h} (1–2) of {@code year}. */
    public static Period half(int year, int h) {
        return new Period(year, Kind.HALF, h);
    }

    /** Month {@code m} (1–12) of {@code year}. */
    public static Period month(int year, int m) {
        return new Period(year, Kind.MONTH, m);
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-H1|H2}, {@code YYYY-Q1…Q4} or {@code YYYY-MM}.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    @JsonCreator
    public static Period parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a period: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4 or YYYY-MM");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return half(year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return quarter(year, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return month(year, Integer.parseInt(m.group(4)));
        }
        return year(year);
    }

    /** The first day of the period. */
    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * kind.months() + 1, 1);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return start().plusMonths(kind.months()).minusDays(1);
    }

    /** Whether {@code date} falls within the period, both ends included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** Whether {@code other} lies wholly within this period. */
    public boolean contains(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** Whether the period has ended on {@code asOf}: its last day is {@code asOf} or earlier. */
    public boolean endedBy(LocalDate asOf) {
        return !end().isAfter(asOf);
    }

    /** The same kind of period one year earlier. */
    public Period previousYear() {
        return new Period(year - 1, kind, index);
    }

    /** The sub-periods of this period of the given kind, in order (the quarters of a year, say). */
    public List<Period> split(Kind into) {
        if (into.months() > kind.months()) {
            throw new IllegalArgumentException("a " + kind + " has no " + into + " parts");
        }
        int n = kind.months() / into.months();
        int first = (index - 1) * n + 1;
        List<Period> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Period(year, into, first + i));
        }
        return List.copyOf(parts);
    }

    /** Orders by end date, then the longer period first. */
    @Override
    public int compareTo(Period o) {
        int c = end().compareTo(o.end());
        return c != 0 ? c : Integer.compare(o.kind.months(), kind.months());
    }

    /** The period in its contract form, such as {@code 2021-Q3}. */
    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
            case MONTH -> String.format("%d-%02d", year, index);
        };
    }
}
