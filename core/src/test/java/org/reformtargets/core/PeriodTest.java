// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2021,    YEAR,    1, 2021-01-01, 2021-12-31",
            "2021-H1, HALF,    1, 2021-01-01, 2021-06-30",
            "2021-H2, HALF,    2, 2021-07-01, 2021-12-31",
            "2021-Q1, QUARTER, 1, 2021-01-01, 2021-03-31",
            "2021-Q2, QUARTER, 2, 2021-04-01, 2021-06-30",
            "2021-Q3, QUARTER, 3, 2021-07-01, 2021-09-30",
            "2021-Q4, QUARTER, 4, 2021-10-01, 2021-12-31",
            "2021-01, MONTH,   1, 2021-01-01, 2021-01-31",
            "2020-02, MONTH,   2, 2020-02-01, 2020-02-29",
            "2021-02, MONTH,   2, 2021-02-01, 2021-02-28",
            "2021-09, MONTH,   9, 2021-09-01, 2021-09-30",
            "2021-12, MONTH,  12, 2021-12-01, 2021-12-31",
    })
    void parsesEveryFormWithItsFirstAndLastDay(String text, Period.Kind kind, int index, LocalDate start,
                                               LocalDate end) {
        Period p = Period.parse(text);

        assertEquals(new Period(Integer.parseInt(text.substring(0, 4)), kind, index), p);
        assertEquals(start, p.start());
        assertEquals(end, p.end());
        assertEquals(text, p.toString(), "toString gives back the contract form");
        assertEquals(p, Period.parse(p.toString()));
    }

    @ParameterizedTest
    @CsvSource({
            "2021-01/2021-08, 2021-01/2021-08, 8, 2021-01-01, 2021-08-31",
            "2020-01/2020-02, 2020-01/2020-02, 2, 2020-01-01, 2020-02-29",
            "2021-01/2021-11, 2021-01/2021-11, 11, 2021-01-01, 2021-11-30",
            "2021-01/2021-01, 2021-01, 1, 2021-01-01, 2021-01-31",
            "2021-01/2021-03, 2021-Q1, 3, 2021-01-01, 2021-03-31",
            "2021-01/2021-06, 2021-H1, 6, 2021-01-01, 2021-06-30",
            "2021-01/2021-12, 2021, 12, 2021-01-01, 2021-12-31",
    })
    void aSpanFromJanuaryIsItsMonthsAndANamedPeriodWhenItIsOne(String text, String named, int months, LocalDate start,
                                                                LocalDate end) {
        Period p = Period.parse(text);

        assertEquals(Period.parse(named), p, "the same months are one period");
        assertEquals(named, p.toString());
        assertEquals(months, p.months());
        assertEquals(1, p.firstMonth());
        assertEquals(months, p.lastMonth());
        assertEquals(start, p.start());
        assertEquals(end, p.end());
        assertEquals(p, Period.parse(p.toString()));
    }

    @Test
    void aSpanIsNeverBuiltForTheMonthsOfANamedPeriod() {
        for (int m : new int[] {1, 3, 6, 12, 0, 13}) {
            assertThrows(IllegalArgumentException.class, () -> new Period(2021, Period.Kind.SPAN, m), "month " + m);
        }
        assertEquals(Period.Kind.SPAN, Period.toMonth(2021, 9).kind());
        assertEquals(Period.quarter(2021, 3), Period.ofMonths(2021, 7, 9));
        assertEquals(Period.half(2021, 2), Period.ofMonths(2021, 7, 12));
        assertEquals(null, Period.ofMonths(2021, 2, 4));
        assertThrows(UnsupportedOperationException.class, () -> Period.Kind.SPAN.months());
    }

    @Test
    void aSpanSplitsIntoItsQuartersAndMonthsAndOrdersByItsEnd() {
        Period span = Period.toMonth(2021, 9);

        assertEquals(List.of(Period.quarter(2021, 1), Period.quarter(2021, 2), Period.quarter(2021, 3)),
                span.split(Period.Kind.QUARTER));
        assertEquals(9, span.split(Period.Kind.MONTH).size());
        assertThrows(IllegalArgumentException.class, () -> span.split(Period.Kind.HALF));
        assertTrue(span.compareTo(Period.quarter(2021, 3)) < 0, "the longer first on the same end");
        assertTrue(span.compareTo(Period.month(2021, 8)) > 0);
        assertTrue(span.contains(Period.month(2021, 9)));
        assertFalse(span.contains(Period.quarter(2021, 4)));
        assertEquals(Period.toMonth(2020, 9), span.previousYear());
    }

    @Test
    void everyPeriodOfAYearRoundTripsThroughItsText() {
        List<Period> all = new ArrayList<>(Period.year(2021).split(Period.Kind.MONTH));
        all.addAll(Period.year(2021).split(Period.Kind.QUARTER));
        all.addAll(Period.year(2021).split(Period.Kind.HALF));
        all.add(Period.year(2021));
        for (Period p : all) {
            assertEquals(p, Period.parse(p.toString()), p::toString);
        }
        assertEquals(12 + 4 + 2 + 1, all.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"21", "2021-", "2021-H3", "2021-H0", "2021-Q0", "2021-Q5", "2021-13", "2021-00", "2021-1",
            "2021-q1", "2021-h1", " 2021", "2021 ", "2021-Q1-01", "2021/Q1", "2021-05-01", "twenty", "２０２１"})
    void refusesAnythingElseNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 … YYYY-Q4 or YYYY-MM"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNullAndEmptyNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));

        assertTrue(e.getMessage().contains("YYYY-MM"), e.getMessage());
    }

    @Test
    void refusesYearZeroNamingTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("0000"));

        assertTrue(e.getMessage().contains("YYYY-MM"), e.getMessage());
    }

    @Test
    void constructorRefusesAnIndexOutsideTheYear() {
        assertThrows(IllegalArgumentException.class, () -> Period.quarter(2021, 5));
        assertThrows(IllegalArgumentException.class, () -> Period.half(2021, 0));
        assertThrows(IllegalArgumentException.class, () -> Period.month(2021, 13));
        assertThrows(IllegalArgumentException.class, () -> new Period(2021, Period.Kind.YEAR, 2));
        assertThrows(IllegalArgumentException.class, () -> new Period(2021, null, 1));
    }

    @Test
    void containsADateWithBothEndsIncluded() {
        Period q3 = Period.quarter(2021, 3);

        assertTrue(q3.contains(LocalDate.of(2021, 7, 1)));
        assertTrue(q3.contains(LocalDate.of(2021, 9, 30)));
        assertFalse(q3.contains(LocalDate.of(2021, 6, 30)));
        assertFalse(q3.contains(LocalDate.of(2021, 10, 1)));
        assertFalse(q3.contains(LocalDate.of(2020, 8, 1)));
        // a year whose month count passes int's range must not wrap round into the period
        assertFalse(Period.year(2021).contains(LocalDate.of(357_915_962, 5, 1)));
        assertFalse(Period.year(2021).contains(LocalDate.MAX));
        assertFalse(Period.year(2021).contains(LocalDate.MIN));
    }

    @Test
    void containsThePeriodsWithinIt() {
        Period y = Period.year(2021);

        assertTrue(y.contains(y));
        assertTrue(y.contains(Period.half(2021, 2)));
        assertTrue(y.contains(Period.month(2021, 12)));
        assertTrue(Period.half(2021, 1).contains(Period.quarter(2021, 2)));
        assertFalse(Period.half(2021, 1).contains(Period.quarter(2021, 3)));
        assertFalse(Period.quarter(2021, 1).contains(y));
        assertFalse(y.contains(Period.month(2020, 12)));
    }

    @Test
    void endedByIsTrueFromItsLastDayOn() {
        Period y = Period.year(2021);

        assertFalse(y.endedBy(LocalDate.of(2021, 12, 30)));
        assertTrue(y.endedBy(LocalDate.of(2021, 12, 31)));
        assertTrue(y.endedBy(LocalDate.of(2022, 1, 1)));
    }

    @Test
    void splitsIntoItsPartsInOrder() {
        assertEquals(List.of(Period.quarter(2021, 1), Period.quarter(2021, 2), Period.quarter(2021, 3),
                Period.quarter(2021, 4)), Period.year(2021).split(Period.Kind.QUARTER));
        assertEquals(List.of(Period.month(2021, 7), Period.month(2021, 8), Period.month(2021, 9)),
                Period.quarter(2021, 3).split(Period.Kind.MONTH));
        assertEquals(List.of(Period.quarter(2021, 3), Period.quarter(2021, 4)),
                Period.half(2021, 2).split(Period.Kind.QUARTER));
        assertEquals(12, Period.year(2021).split(Period.Kind.MONTH).size());
        assertEquals(List.of(Period.month(2021, 5)), Period.month(2021, 5).split(Period.Kind.MONTH));
    }

    @Test
    void refusesToSplitIntoLongerParts() {
        assertThrows(IllegalArgumentException.class, () -> Period.quarter(2021, 1).split(Period.Kind.HALF));
        assertThrows(IllegalArgumentException.class, () -> Period.month(2021, 1).split(Period.Kind.YEAR));
    }

    @Test
    void previousYearKeepsKindAndIndex() {
        assertEquals(Period.year(2020), Period.year(2021).previousYear());
        assertEquals(Period.quarter(2020, 3), Period.quarter(2021, 3).previousYear());
        assertEquals(Period.parse("2020-05"), Period.parse("2021-05").previousYear());
        assertEquals(Period.half(2020, 2), Period.half(2021, 2).previousYear());
    }

    @Test
    void ordersByEndThenLongerFirst() {
        List<Period> periods = new ArrayList<>(List.of(Period.parse("2021-12"), Period.parse("2021"),
                Period.parse("2021-Q4"), Period.parse("2021-H2"), Period.parse("2021-Q1"), Period.parse("2021-01"),
                Period.parse("2020"), Period.parse("2021-H1")));
        Collections.shuffle(periods, new java.util.Random(7));
        Collections.sort(periods);

        assertEquals(List.of("2020", "2021-01", "2021-Q1", "2021-H1", "2021", "2021-H2", "2021-Q4", "2021-12"),
                periods.stream().map(Period::toString).toList());
    }

    @Test
    void compareToIsZeroOnlyForEqualPeriods() {
        assertEquals(0, Period.parse("2021-Q2").compareTo(Period.quarter(2021, 2)));
        assertTrue(Period.parse("2021-Q2").compareTo(Period.parse("2021-H1")) > 0);
        assertTrue(Period.parse("2021-H1").compareTo(Period.parse("2021-Q2")) < 0);
        assertTrue(Period.parse("2021-06").compareTo(Period.parse("2021-Q2")) > 0);
    }

    @Test
    void monthsAreWrittenWithTwoDigits() {
        assertEquals("2021-05", Period.month(2021, 5).toString());
        assertEquals("2021-11", Period.month(2021, 11).toString());
    }

    /** {@code end}, {@code contains(LocalDate)} and {@code endedBy} work on months; they agree with the dates' arithmetic. */
    @Test
    void daysAgreeWithTheDatesOfThePeriod() {
        qt().forAll(integers().between(1, 9998), integers().between(0, 22), integers().between(-800, 800))
                .checkAssert((year, form, offset) -> {
                    Period p = form == 0 ? Period.year(year) : form <= 2 ? Period.half(year, form)
                            : form <= 6 ? Period.quarter(year, form - 2) : form <= 18 ? Period.month(year, form - 6)
                            : Period.toMonth(year, new int[] {2, 4, 5, 7}[form - 19]);
                    LocalDate start = p.start();
                    LocalDate end = start.plusMonths(p.months()).minusDays(1);
                    LocalDate date = start.plusDays(offset);
                    assertEquals(end, p.end(), p::toString);
                    assertEquals(!date.isBefore(start) && !date.isAfter(end), p.contains(date), () -> p + " " + date);
                    assertEquals(!end.isAfter(date), p.endedBy(date), () -> p + " " + date);
                    assertTrue(p.contains(end) && p.endedBy(end) && !p.endedBy(end.minusDays(1)), p::toString);
                });
    }
}
