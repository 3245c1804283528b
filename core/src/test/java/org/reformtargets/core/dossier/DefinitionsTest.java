// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Period;
import org.reformtargets.core.dossier.Definitions.EndStatus;

class DefinitionsTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 7, 1, 9, 0);
    private static final LocalDateTime DUE = LocalDateTime.of(2025, 7, 10, 17, 0);

    @Test
    void theReceptionDateDecidesMonthQuarterAndYear() {
        assertArrayEquals(new Period[] {Period.parse("2025-09"), Period.parse("2025-Q3"), Period.parse("2025")},
                Definitions.periods(LocalDate.of(2025, 9, 30)));
        assertArrayEquals(new Period[] {Period.parse("2025-10"), Period.parse("2025-Q4"), Period.parse("2025")},
                Definitions.periods(LocalDate.of(2025, 10, 1)));
    }

    @Test
    void anUnfinishedDossierIsJudgedAtTheEndOfThePeriodOrOfAsOfWhenEarlier() {
        Period july = Period.parse("2025-07");
        assertEquals(LocalDate.of(2025, 7, 31).atTime(LocalTime.MAX), Definitions.judgedAt(july, null));
        assertEquals(LocalDate.of(2025, 7, 31).atTime(LocalTime.MAX), Definitions.judgedAt(july, LocalDate.of(2025, 12, 31)));
        assertEquals(LocalDate.of(2025, 7, 15).atTime(LocalTime.MAX), Definitions.judgedAt(july, LocalDate.of(2025, 7, 15)));
        LocalDateTime judged = Definitions.judgedAt(july, null);
        assertEquals(judged, Definitions.endOfProcessing(null, judged));
        assertEquals(DUE, Definitions.endOfProcessing(DUE, judged));
    }

    @Test
    void supplementTimeIsSubtractedFromTheEnd() {
        LocalDateTime end = LocalDateTime.of(2025, 7, 12, 17, 0);
        assertEquals(LocalDateTime.of(2025, 7, 10, 17, 0), Definitions.adjustedEnd(end, 2 * 86_400L));
        // two days over, two days of supplement: on time exactly at the due time
        assertTrue(Definitions.onTime(RECEIVED, DUE, null, Definitions.adjustedEnd(end, 2 * 86_400L),
                EndStatus.PROCESSED, 1));
        assertFalse(Definitions.onTime(RECEIVED, DUE, null, Definitions.adjustedEnd(end, 2 * 86_400L - 1),
                EndStatus.PROCESSED, 1));
    }

    @Test
    void onTimeAtBelowAndAboveTheDueDate() {
        assertTrue(Definitions.onTime(RECEIVED, DUE, null, DUE, EndStatus.PROCESSED, 0));
        assertTrue(Definitions.onTime(RECEIVED, DUE, null, DUE.minusSeconds(1), EndStatus.PROCESSED, 0));
        assertFalse(Definitions.onTime(RECEIVED, DUE, null, DUE.plusSeconds(1), EndStatus.PROCESSED, 0));
        // a date-only due date is the end of its day
        LocalDateTime dueDay = LocalDate.of(2025, 7, 10).atTime(LocalTime.MAX);
        assertTrue(Definitions.onTime(RECEIVED, dueDay, null, LocalDateTime.of(2025, 7, 10, 23, 59, 59), null, 0));
        assertFalse(Definitions.onTime(RECEIVED, dueDay, null, LocalDateTime.of(2025, 7, 11, 0, 0), null, 0));
    }

    @Test
    void withoutADueDateTheLegalMaximumCountsAndWithoutEitherNothingIsLate() {
        long tenDays = 10 * 86_400L;
        assertTrue(Definitions.onTime(RECEIVED, null, tenDays, RECEIVED.plusDays(10), EndStatus.RETURNED, 0));
        assertFalse(Definitions.onTime(RECEIVED, null, tenDays, RECEIVED.plusDays(10).plusSeconds(1),
                EndStatus.RETURNED, 0));
        assertTrue(Definitions.onTime(RECEIVED, null, null, RECEIVED.plusYears(1), EndStatus.RETURNED, 0));
    }

    @Test
    void moreThanOneSupplementRequestInAnOpenRequestIsLate() {
        LocalDateTime early = RECEIVED.plusDays(1);
        assertTrue(Definitions.onTime(RECEIVED, DUE, null, early, EndStatus.SUPPLEMENT_REQUESTED, 1));
        assertFalse(Definitions.onTime(RECEIVED, DUE, null, early, EndStatus.SUPPLEMENT_REQUESTED, 2));
        // only in an open request (§7 item 7): a processed dossier after two requests is judged by its end
        assertTrue(Definitions.onTime(RECEIVED, DUE, null, early, EndStatus.PROCESSED, 2));
        assertTrue(Definitions.overdue(false));
        assertFalse(Definitions.overdue(true));
    }

    @Test
    void channelCodes() {
        assertEquals(1, Definitions.channel(""));
        assertEquals(1, Definitions.channel("1"));
        assertEquals(2, Definitions.channel("2"));
        assertEquals(3, Definitions.channel("3"));
        assertEquals(-1, Definitions.channel("4"));
        assertEquals(-1, Definitions.channel("online"));
    }

    @Test
    void paymentFlags() {
        assertTrue(Definitions.paidOnline(1));
        assertTrue(Definitions.paidOnline(2));
        assertFalse(Definitions.paidOnline(0));
        assertFalse(Definitions.paidOnline(3));
        assertTrue(Definitions.feeBearing(true));
        assertFalse(Definitions.feeBearing(false));
    }

    @Test
    void anElectronicResultCountsOnlyWhereAWrittenResultIsRequired() {
        assertTrue(Definitions.electronicResult(true, true, true));
        assertFalse(Definitions.electronicResult(false, true, true));
        assertFalse(Definitions.electronicResult(true, false, true));
        assertFalse(Definitions.electronicResult(true, true, false));
    }

    @Test
    void digitisedNeedsAComponentFileAndTheElectronicResultWhereRequired() {
        assertTrue(Definitions.digitised(true, false, false));
        assertTrue(Definitions.digitised(true, true, true));
        assertFalse(Definitions.digitised(true, true, false));
        assertFalse(Definitions.digitised(false, false, false));
    }

    @Test
    void theRemainingFlags() {
        assertTrue(Definitions.reusedData(true));
        assertFalse(Definitions.reusedData(false));
        assertTrue(Definitions.sharedForReuse(true));
        assertFalse(Definitions.sharedForReuse(false));
        assertTrue(Definitions.populationData(true, false));
        assertTrue(Definitions.populationData(false, true));
        assertFalse(Definitions.populationData(false, false));
        assertTrue(Definitions.fullOnline(true, true));
        assertFalse(Definitions.fullOnline(false, true));
        assertFalse(Definitions.fullOnline(true, false));
        assertTrue(Definitions.noOverdueOrComplaint(true, false));
        assertFalse(Definitions.noOverdueOrComplaint(false, false));
        assertFalse(Definitions.noOverdueOrComplaint(true, true));
    }
}
