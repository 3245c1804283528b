// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Unit;

class DossiersTest {

    static final FactsDocument UNITS = new FactsDocument(null, LocalDate.of(2026, 1, 15), List.of(
            Unit.root("p", "Tỉnh A", Level.PROVINCE),
            new Unit("d1", "Sở Tư pháp", Level.DEPARTMENT, "p"),
            new Unit("c1", "Xã Một", Level.COMMUNE, "p"),
            new Unit("c2", "Xã Hai", Level.COMMUNE, "p"),
            Unit.root("m", "Bộ khác", Level.MINISTRY)), null, null, null);

    static final String HEADER = "dossier_id,unit_code,procedure_code,received_at,due_at,processing_end_at,end_status,"
            + "supplement_request_count,supplement_days,channel,synced_to_dvcqg,full_online_eligible,is_full_online,"
            + "online_payment,fee_nonzero,requires_document_result,result_code,result_file_url,has_component_file,"
            + "reused_digitised,from_personal_store,vneid_authenticated,population_db_code,complaint_or_dislike\n";

    static Measurement find(FactsDocument facts, String unit, String code, String period) {
        List<Measurement> found = facts.measurements().stream()
                .filter(m -> m.unit().equals(unit) && m.indicator().equals(code) && m.period().toString().equals(period))
                .toList();
        assertTrue(found.size() <= 1, () -> "more than one " + code + " of " + unit + " in " + period);
        return found.isEmpty() ? null : found.get(0);
    }

    static void assertRatio(FactsDocument facts, String unit, String code, String period, long num, long den) {
        Measurement m = find(facts, unit, code, period);
        assertTrue(m != null, () -> "no " + code + " of " + unit + " in " + period);
        assertEquals(List.of(num, den), List.of(m.numerator(), m.denominator()), unit + " " + code + " " + period);
    }

    static FactsDocument aggregate(FactsDocument facts, String csv) {
        return Dossiers.aggregate(facts, new StringReader(csv), "dossiers.csv");
    }

    @Test
    void countsEachDefinitionPerUnitAndRollsUpToTheProvince() {
        String csv = HEADER
                // on time, online, synced, fee paid online, e-result, digitised, reused, store, VNeID
                + "1,c1,P1,2025-07-01T08:00,2025-07-05,2025-07-04T10:00,processed,0,,2,1,1,1,1,1,1,KQ1,http://x,1,1,1,1,,0\n"
                // late (no supplement), in person, fee not paid, written result without e-result, complaint
                + "2,c1,P1,2025-07-02,2025-07-05,2025-07-08,returned,1,,,0,1,0,0,1,1,KQ2,,1,0,0,0,DC01,1\n"
                // late by 2 days but 2 days of supplement: on time; procedure P2 paid through the gateway
                + "3,c2,P2,2025-08-03,2025-08-10,2025-08-12,processed,1,2,3,1,0,0,2,1,0,,,0,0,0,0,,0\n"
                // the department's own, fee-free, in October
                + "4,d1,P3,2025-10-01,2025-10-20,2025-10-02,processed,0,0,1,1,0,0,,0,0,,,1,0,0,0,,0\n";
        FactsDocument out = aggregate(UNITS, csv);
        assertRatio(out, "c1", Dossiers.ON_TIME, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.SYNCED, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.FULL_ONLINE, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.PAID_ONLINE, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.PROCEDURES_PAID_ONLINE, "2025-07", 1, 1);
        assertRatio(out, "c1", Dossiers.E_RESULT, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.DIGITISED, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.REUSED_DATA, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.SHARED_FOR_REUSE, "2025-07", 1, 2);
        assertRatio(out, "c1", Dossiers.POPULATION_DATA, "2025-07", 2, 2);
        assertRatio(out, "c1", Dossiers.NO_OVERDUE_OR_COMPLAINT, "2025-07", 1, 2);
        assertRatio(out, "c2", Dossiers.ON_TIME, "2025-08", 1, 1);
        assertRatio(out, "c2", Dossiers.PAID_ONLINE, "2025-08", 1, 1);
        assertRatio(out, "c2", Dossiers.E_RESULT, "2025-08", 0, 0);
        assertRatio(out, "c2", Dossiers.DIGITISED, "2025-08", 0, 1);
        // a commune with no dossier in a month: 0 of 0
        assertRatio(out, "c2", Dossiers.ON_TIME, "2025-07", 0, 0);
        // the province: the sum of its units' counts, per month, quarter and year
        assertRatio(out, "p", Dossiers.ON_TIME, "2025-Q3", 2, 3);
        assertRatio(out, "p", Dossiers.ON_TIME, "2025", 3, 4);
        assertRatio(out, "p", Dossiers.PROCEDURES_PAID_ONLINE, "2025-Q3", 2, 2);
        assertRatio(out, "p", Dossiers.PROCEDURES_PAID_ONLINE, "2025", 2, 2);
        assertRatio(out, "p", Dossiers.PAID_ONLINE, "2025", 2, 3);
        assertRatio(out, "d1", Dossiers.SYNCED, "2025-Q4", 1, 1);
        assertRatio(out, "d1", Dossiers.SYNCED, "2025-07", 0, 0);
        // a unit without dossiers, above or below it, is not measured
        assertNull(find(out, "m", Dossiers.ON_TIME, "2025"));
        // periods: the months with dossiers, their quarters, the year; 11 indicators each
        assertEquals(4 * 6 * 11, out.measurements().size()); // 07, 08, 10, Q3, Q4, 2025
        assertEquals(UNITS.units(), out.units());
        assertEquals(UNITS.asOf(), out.asOf());
    }

    @Test
    void anUnfinishedDossierIsJudgedAtTheEndOfEachPeriod() {
        String csv = "dossier_id,unit_code,received_at,due_at,processing_end_at\n"
                + "1,c1,2025-07-25,2025-08-10,\n";
        FactsDocument out = aggregate(UNITS, csv);
        assertRatio(out, "c1", Dossiers.ON_TIME, "2025-07", 1, 1); // within time on 31 July
        assertRatio(out, "c1", Dossiers.ON_TIME, "2025-Q3", 0, 1); // overdue on 30 September
        assertRatio(out, "c1", Dossiers.ON_TIME, "2025", 0, 1);
        // with asOf before the due date the year is judged on asOf: still within time
        FactsDocument early = new FactsDocument(null, LocalDate.of(2025, 8, 5), UNITS.units(), null, null, null);
        FactsDocument out2 = aggregate(early, csv);
        assertRatio(out2, "c1", Dossiers.ON_TIME, "2025-Q3", 1, 1);
        assertRatio(out2, "c1", Dossiers.ON_TIME, "2025", 1, 1);
        // only the columns given: the other indicators are absent, not 0
        assertEquals(2 * 3, out.measurements().size()); // c1 and p, three periods, the on-time indicator only
    }

    @Test
    void anOpenRequestAfterMoreThanOneRequestIsLate() {
        String csv = "dossier_id;unit_code;received_at;due_at;processing_end_at;end_status;supplement_request_count\n"
                + "1;c1;2025-07-01;2025-07-20;2025-07-03;supplement_requested;2\n"
                + "2;c1;2025-07-01;2025-07-20;2025-07-03;supplement_requested;1\n";
        assertRatio(aggregate(UNITS, csv), "c1", Dossiers.ON_TIME, "2025-07", 1, 2);
    }

    @Test
    void aUnitsOwnMeasurementWinsAndIsWhatItsParentAdds() {
        FactsDocument facts = new FactsDocument(null, null, UNITS.units(), List.of(
                Measurement.ratio("c1", Dossiers.ON_TIME, null, Period.parse("2025-07"), 90, 100)), null, null);
        String csv = "dossier_id,unit_code,received_at,due_at,processing_end_at\n"
                + "1,c1,2025-07-01,2025-07-02,2025-07-01\n"
                + "2,c2,2025-07-01,2025-07-02,2025-07-05\n";
        FactsDocument out = aggregate(facts, csv);
        assertEquals(1, out.measurements().stream().filter(m -> m.unit().equals("c1")
                && m.period().toString().equals("2025-07")).count());
        assertEquals(facts.measurements().get(0), out.measurements().get(0));
        assertRatio(out, "c1", Dossiers.ON_TIME, "2025-Q3", 1, 1); // not given: from the dossiers
        assertRatio(out, "p", Dossiers.ON_TIME, "2025-07", 90, 101);
        assertRatio(out, "p", Dossiers.ON_TIME, "2025-Q3", 1, 2);
    }

    @Test
    void readsBomSemicolonsQuotesAndColumnsInAnyOrder(@TempDir Path dir) throws IOException {
        String csv = "\uFEFFnote;received_at;unit_code;dossier_id;synced_to_dvcqg\r\n"
                + "\"a; b\";2025-07-01T08:00;c1;\"HS;1\";1\r\n"
                + "\"two\nlines, \"\"quoted\"\"\";2025-07-02T08:00:30;c1;HS2;true\r\n"
                + "\r\n"
                + "x;2025-07-03T08:00:30.5;c1;HS3;\r\n";
        Path file = dir.resolve("d.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        FactsDocument out = Dossiers.aggregate(UNITS, file);
        assertRatio(out, "c1", Dossiers.SYNCED, "2025-07", 2, 3);
    }

    @Test
    void aRowWithoutAReceptionDateIsInNoCount() {
        String csv = "dossier_id,unit_code,received_at,synced_to_dvcqg\n1,c1,2025-07-01,1\n2,c1,,1\n";
        assertRatio(aggregate(UNITS, csv), "c1", Dossiers.SYNCED, "2025-07", 1, 1);
    }

    @Test
    void aDossierReceivedAfterTheFactsDateOrOutsideTheYears1900To2999IsRefusedAtItsCell() {
        // asOf is 2026-01-15: the 15th is the last day a dossier can have been received
        String csv = "dossier_id,unit_code,received_at,synced_to_dvcqg\n"
                + "1,c1,2026-01-15,1\n"
                + "2,c1,2026-01-16,1\n"
                + "3,c1,1800-11-01,1\n"
                + "4,c1,2025-07-01,1\n";
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, csv));
        assertEquals(List.of(
                "dossiers.csv:3:6: received_at: '2026-01-16' is after the facts' date (asOf 2026-01-15): a dossier"
                        + " received later belongs to a later evaluation",
                "dossiers.csv:4:6: received_at: '1800-11-01' is outside the years 1900 to 2999"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void reportsEveryProblemWithItsLineAndColumn() {
        String csv = "dossier_id,unit_code,received_at,channel,due_at,synced_to_dvcqg,supplement_days\n"
                + "1,c1,2025-07-01,1,2025-07-05,1,\n"
                + "2,c9,2025-07-32,4,,yes,-1\n"
                + "1,c1,2025-07-01,2,,0,\n"
                + "3,c1\n"
                + "4,c1,2025-07-01T25:00,,2025-7-5,,1.5\n";
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, csv));
        List<String> shown = e.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "dossiers.csv:3:3: unit_code: unknown unit 'c9': not the id of a unit of the facts document",
                "dossiers.csv:3:6: received_at: '2025-07-32' is not a date: use ISO 8601, a date such as 2025-07-03"
                        + " or a local date-time such as 2025-07-03T14:05",
                "dossiers.csv:3:17: channel: unknown channel code '4': use 1 (in person), 2 (online), 3 (postal)"
                        + " or leave it empty (in person)",
                "dossiers.csv:3:20: synced_to_dvcqg: 'yes' is not a flag: use 1 or 0 (or true or false), or leave it empty",
                "dossiers.csv:3:24: supplement_days: '-1' is not a number of days from 0 to 100,000 (such as 2 or 1.5)",
                "dossiers.csv:4:1: dossier_id: duplicate dossier id '1': first on line 2",
                "dossiers.csv:5:1: this row has 2 values but the header names 7 columns; the row was not read",
                "dossiers.csv:6:6: received_at: '2025-07-01T25:00' is not a date: use ISO 8601, a date such as"
                        + " 2025-07-03 or a local date-time such as 2025-07-03T14:05",
                "dossiers.csv:6:24: due_at: '2025-7-5' is not a date: use ISO 8601, a date such as 2025-07-03"
                        + " or a local date-time such as 2025-07-03T14:05"), shown);
        assertEquals(9, e.totalProblems());
        assertTrue(e.getMessage().startsWith("The dossier export has 9 problems; nothing was aggregated:"));
    }

    @Test
    void reportsMissingColumnsAndStillChecksTheRows() {
        String csv = "id,unit_code,received_at\nA,c1,2025-07-01\nB,c1,1 July\n";
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, csv));
        assertEquals(List.of("dossiers.csv:1:1: dossier_id: missing column dossier_id: the header row must name "
                        + "dossier_id, unit_code and received_at",
                "dossiers.csv:3:6: received_at: '1 July' is not a date: use ISO 8601, a date such as 2025-07-03"
                        + " or a local date-time such as 2025-07-03T14:05"),
                e.problems().stream().map(Problem::toString).toList());
        InvalidDossiersException empty = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, ""));
        assertEquals(1, empty.totalProblems());
    }

    @Test
    void aMalformedQuoteIsReportedWhereItIs() {
        String csv = "dossier_id,unit_code,received_at\n1,c1,2025-07-01\n2,\"c1\"x,2025-07-01\n";
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, csv));
        assertEquals(3, e.problems().get(0).line());
    }

    @Test
    void listsTheFirst200ProblemsAndCountsTheRest() {
        StringBuilder csv = new StringBuilder("dossier_id,unit_code,received_at\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append(",nowhere,2025-07-01\n");
        }
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> aggregate(UNITS, csv.toString()));
        assertEquals(200, e.problems().size());
        assertEquals(1000, e.totalProblems());
        assertEquals(201, e.problems().get(199).line());
        assertEquals("… and 800 more problems", e.omittedLine());
    }

    @Test
    void refusesBytesThatAreNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "dossier_id,unit_code,received_at\n1,c1,2025-07-01\n2,X\u00e3,2025-07-01\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InvalidDossiersException e = assertThrows(InvalidDossiersException.class, () -> Dossiers.aggregate(UNITS, file));
        assertTrue(e.problems().get(0).message().contains("not UTF-8"), e::getMessage);
    }

    @Test
    void namesTheIndicatorsOfSection8() {
        assertEquals(List.of("dossiers.synced", "dossiers.on_time_or_within", "dossiers.full_online",
                "procedures.paid_online", "dossiers.paid_online", "dossiers.e_result", "dossiers.digitised_with_result",
                "dossiers.reused_data", "dossiers.shared_for_reuse", "dossiers.population_data",
                "dossiers.no_overdue_or_complaint"), Dossiers.indicators());
    }

    /** The indicator table with its counters by name, and an indicator left out without a column it needs. */
    @Test
    void theIndicatorsAnExportGivesNameTheirCounters() {
        List<Dossiers.Indicator> all = Dossiers.indicators(java.util.EnumSet.allOf(DossierColumn.class));
        assertEquals(Dossiers.indicators(), all.stream().map(Dossiers.Indicator::code).toList());
        assertTrue(all.contains(new Dossiers.Indicator(Dossiers.ON_TIME, "on_time", "received")), all.toString());
        assertTrue(all.contains(new Dossiers.Indicator(Dossiers.PROCEDURES_PAID_ONLINE, "procedures_paid", "procedures_fee")));
        assertTrue(all.contains(new Dossiers.Indicator(Dossiers.FULL_ONLINE, "full_online", "full_online_eligible")));
        java.util.Set<DossierColumn> without = java.util.EnumSet.allOf(DossierColumn.class);
        without.remove(DossierColumn.PROCESSING_END_AT);
        List<String> codes = Dossiers.indicators(without).stream().map(Dossiers.Indicator::code).toList();
        assertEquals(all.size() - 2, codes.size());
        assertFalse(codes.contains(Dossiers.ON_TIME) || codes.contains(Dossiers.NO_OVERDUE_OR_COMPLAINT), codes.toString());
    }
}
