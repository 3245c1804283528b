// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A reporting period (kỳ báo cáo): a year {@code 2021}, a half {@code 2021-H1}, a quarter
 * {@code 2021-Q3}, a month {@code 2021-05}, or a year-to-date span from January
 * {@code 2021-01/2021-08} (lũy kế từ đầu năm). Each period means its own months only: {@code 2021-Q3}
 * is July to September. A span that coincides with a named period is that period
 * ({@code 2021-01/2021-06} is {@code 2021-H1}), so the same months are never two periods.
 *
 * @param year  the calendar year
 * @param kind  year, half, quarter, month or span
 * @param index 1-based position of the half, quarter or month in the year; 1 for a year; for a
 *              span, its last month (2, 4, 5, 7, 8, 9, 10 or 11: the others are named periods)
 */
@API(status = STABLE, since = "0.1")
public record Period(int year, Kind kind, int index) implements Comparable<Period> {

    /** The length of a period. */
    public enum Kind {
        YEAR(12), HALF(6), QUARTER(3), MONTH(1),
        /** From January to the month given by the index: its length is the period's, {@link Period#months()}. */
        SPAN(0);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        /**
         * How many months a period of this kind spans.
         *
         * @throws UnsupportedOperationException for {@link #SPAN}, whose length is its period's {@link Period#months()}
         */
        public int months() {
            if (this == SPAN) {
                throw new UnsupportedOperationException("a span's length depends on its last month: use Period.months()");
            }
            return months;
        }
    }

    private static final String FORMS = "use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4 or YYYY-MM,"
            + " or a year-to-date span from January YYYY-01/YYYY-MM";
    private static final Pattern FORM = Pattern.compile("(?!0000)(\\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?");
    private static final Pattern SPAN_FORM = Pattern.compile("(?!0000)(\\d{4})-(0[1-9]|1[0-2])/(?!0000)(\\d{4})-(0[1-9]|1[0-2])");

    public Period {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind == Kind.SPAN) {
            if (index < 2 || index > 11 || index == 3 || index == 6) {
                throw new IllegalArgumentException("a span from January ends in month 2, 4, 5, 7, 8, 9, 10 or 11, not "
                        + index + ": the others are a month, a quarter, a half or the year (use Period.toMonth)");
            }
        } else if (index < 1 || index > 12 / kind.months()) {
            throw new IllegalArgumentException("index " + index + " is out of range for a " + kind);
        }
    }

    /**
     * January to month {@code m} (1–12) of {@code year}: the month, quarter, half or year when the
     * span is one of them ({@code toMonth(2021, 6)} is {@code 2021-H1}), else a span.
     */
    public static Period toMonth(int year, int m) {
        return switch (m) {
            case 1 -> month(year, 1);
            case 3 -> quarter(year, 1);
            case 6 -> half(year, 1);
            case 12 -> year(year);
            default -> new Period(year, Kind.SPAN, m);
        };
    }

    /** Months {@code from} to {@code to} (1–12, {@code from ≤ to}) of {@code year} as a period, or {@code null} when they are none. */
    public static Period ofMonths(int year, int from, int to) {
        if (from == 1) {
            return toMonth(year, to);
        }
        if (from == to) {
            return month(year, from);
        }
        int length = to - from + 1;
        if ((length == 3 || length == 6) && (from - 1) % length == 0) {
            return length == 3 ? quarter(year, (from - 1) / 3 + 1) : half(year, (from - 1) / 6 + 1);
        }
        return null;
    }

    /** How many months the period spans. */
    public int months() {
        return kind == Kind.SPAN ? index : kind.months();
    }

    /** The number (1–12) of the period's first month. */
    public int firstMonth() {
        return kind == Kind.SPAN ? 1 : (index - 1) * kind.months() + 1;
    }

    /** The number (1–12) of the period's last month. */
    public int lastMonth() {
        return firstMonth() + months() - 1;
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
     * Parses {@code YYYY}, {@code YYYY-H1|H2}, {@code YYYY-Q1…Q4}, {@code YYYY-MM} or a span from
     * January {@code YYYY-01/YYYY-MM} (a span that is a named period gives that period).
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    @JsonCreator
    public static Period parse(String text) {
        if (text != null && text.indexOf('/') >= 0) {
            return parseSpan(text);
        }
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a period: " + FORMS);
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

    private static Period parseSpan(String text) {
        Matcher m = SPAN_FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a period: " + FORMS);
        }
        int fromYear = Integer.parseInt(m.group(1));
        int from = Integer.parseInt(m.group(2));
        int toYear = Integer.parseInt(m.group(3));
        int to = Integer.parseInt(m.group(4));
        if (fromYear != toYear) {
            throw new IllegalArgumentException("'" + text + "' is not a period: a span stays within one year, from"
                    + " January, such as " + toYear + "-01/" + m.group(3) + "-" + m.group(4) + "; " + FORMS);
        }
        if (to < from) {
            throw new IllegalArgumentException("'" + text + "' is not a period: the span ends before it starts; "
                    + FORMS);
        }
        if (from != 1) {
            throw new IllegalArgumentException("'" + text + "' is not a period: a span starts in January, such as "
                    + fromYear + "-01/" + m.group(3) + "-" + m.group(4) + " (report other months as a month, quarter"
                    + " or half); " + FORMS);
        }
        return toMonth(fromYear, to);
    }

    /** The first day of the period. */
    public LocalDate start() {
        return LocalDate.of(year, firstMonth(), 1);
    }

    /** The last day of the period. */
    public LocalDate end() {
        int last = lastMonth();
        return LocalDate.of(year, last, lastDay(last));
    }

    /** The number of days of month {@code month} of the period's year. */
    private int lastDay(int month) {
        return java.time.Month.of(month).length(java.time.Year.isLeap(year));
    }

    /** Whether {@code date} falls within the period, both ends included. */
    public boolean contains(LocalDate date) {
        // periods are whole months: the date's month is one of them (no dates made)
        long month = date.getYear() * 12L + date.getMonthValue(); // long: LocalDate's years reach ±999,999,999
        return month >= year * 12L + firstMonth() && month <= year * 12L + lastMonth();
    }

    /** Whether {@code other} lies wholly within this period. */
    public boolean contains(Period other) {
        // periods are whole months: compared month by month, without making dates
        int from = year * 12 + firstMonth();
        int to = year * 12 + lastMonth();
        return other.year * 12 + other.firstMonth() >= from && other.year * 12 + other.lastMonth() <= to;
    }

    /** Whether the period has ended on {@code asOf}: its last day is {@code asOf} or earlier. */
    public boolean endedBy(LocalDate asOf) {
        // on or after the last day of the last month, compared without making the date
        int last = lastMonth();
        if (asOf.getYear() != year) {
            return asOf.getYear() > year;
        }
        if (asOf.getMonthValue() != last) {
            return asOf.getMonthValue() > last;
        }
        return asOf.getDayOfMonth() >= lastDay(last);
    }

    /** The same kind of period one year earlier. */
    public Period previousYear() {
        return new Period(year - 1, kind, index);
    }

    /** The sub-periods of this period of the given kind, in order (the quarters of a year, say). */
    public List<Period> split(Kind into) {
        if (into == Kind.SPAN || into.months() > months() || months() % into.months() != 0) {
            throw new IllegalArgumentException("a " + kind + " of " + months() + " months has no " + into + " parts");
        }
        int n = months() / into.months();
        int first = (firstMonth() - 1) / into.months() + 1;
        List<Period> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new Period(year, into, first + i));
        }
        return List.copyOf(parts);
    }

    /**
     * The same year, kind and index: a record's equality (its hash code is the record's), written out
     * because the evaluation compares periods often.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Period p && p.year == year && p.index == index && p.kind == kind;
    }

    /** Orders by end date, then the longer period first. */
    @Override
    public int compareTo(Period o) {
        // the same order as by end(): a period ends on the last day of its last month
        int c = year != o.year ? Integer.compare(year, o.year) : Integer.compare(lastMonth(), o.lastMonth());
        return c != 0 ? c : Integer.compare(o.months(), months());
    }

    /** The period in its contract form, such as {@code 2021-Q3} or {@code 2021-01/2021-08}. */
    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
            case SPAN -> year + "-01/" + year + (index < 10 ? "-0" : "-") + index;
        };
    }
}
