// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.report.XlsxFactsTestSupport.cell;
import static org.reformtargets.report.XlsxFactsTestSupport.edit;
import static org.reformtargets.report.XlsxFactsTestSupport.read;
import static org.reformtargets.report.XlsxFactsTestSupport.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Unit;

/** Reading a filled template: what is accepted, and every problem at its cell. */
class XlsxFactsReaderTest {

    private static final RuleSet RULES = RuleSet.load("hcm-agri/2021");
    private static final FactsDocument SMALL = XlsxFactsTestSupport.SMALL;

    private static byte[] small() {
        return template(RULES, SMALL);
    }

    private static List<Problem> problems(byte[] book, RuleSet ruleSet) {
        return assertThrows(InvalidFactsException.class, () -> read(book, ruleSet)).problems();
    }

    private static Problem only(byte[] book, RuleSet ruleSet) {
        List<Problem> found = problems(book, ruleSet);
        assertEquals(1, found.size(), found::toString);
        assertEquals("facts.xlsx", found.get(0).source());
        assertEquals(0, found.get(0).line());
        return found.get(0);
    }

    @Test
    void aBadDateIsRefusedAtItsCell() {
        byte[] book = edit(small(), b -> cell(b.getSheet("Sự kiện"), "C3").setCellValue("31/02/2021"));
        Problem p = only(book, null);
        assertEquals("Sự kiện!C3", p.path());
        assertTrue(p.message().contains("'31/02/2021' is not a date"), p.message());
    }

    @Test
    void anUnknownIndicatorIsRefusedWithTheRuleSetOnly() {
        byte[] book = edit(small(), b -> cell(b.getSheet("Số liệu"), "B3").setCellValue("dossiers.ontime"));
        Problem p = only(book, RULES);
        assertEquals("Số liệu!B3", p.path());
        assertTrue(p.message().contains("'dossiers.ontime' is not an indicator of hcm-agri/2021"), p.message());
        assertTrue(p.message().contains("dossiers.on_time"), "names the nearest code: " + p.message());
        assertEquals("dossiers.ontime", read(book, null).measurements().get(0).indicator());
    }

    @Test
    void aPercentageFormattedCellIsRefusedWithAHint() {
        byte[] book = edit(small(), b -> {
            CellStyle percent = b.createCellStyle();
            percent.setDataFormat(b.createDataFormat().getFormat("0%"));
            var c = cell(b.getSheet("Số liệu"), "E3");
            c.setCellValue(0.978);
            c.setCellStyle(percent);
        });
        Problem p = only(book, RULES);
        assertEquals("Số liệu!E3", p.path());
        assertTrue(p.message().contains("is a percentage (97.8%)"), p.message());
        assertTrue(p.message().contains("nhập số hồ sơ (tử số), không nhập tỷ lệ %"), p.message());
        assertTrue(p.message().contains("type the number of dossiers (the numerator), not a rate"), p.message());
    }

    @Test
    void aPercentageTypedAsTextOrAsAFractionIsRefused() {
        byte[] book = edit(small(), b -> {
            cell(b.getSheet("Số liệu"), "E3").setCellValue("95%");
            cell(b.getSheet("Số liệu"), "F3").setCellValue(0.95);
        });
        List<Problem> found = problems(book, RULES);
        assertEquals(List.of("Số liệu!E3", "Số liệu!F3"), found.stream().map(Problem::path).toList());
        assertTrue(found.get(0).message().startsWith("'95%' is a percentage"), found.get(0).message());
        assertTrue(found.get(1).message().contains("0.95 is not a whole number"), found.get(1).message());
        assertTrue(found.get(1).message().contains("nhập tổng số hồ sơ (mẫu số)"), found.get(1).message());
    }

    @Test
    void aMissingRequiredCellIsReportedWhereItShouldBe() {
        byte[] book = edit(small(), b -> {
            Row row = b.getSheet("Đơn vị").getRow(3);
            row.removeCell(row.getCell(2));
        });
        Problem p = only(book, null);
        assertEquals("Đơn vị!C4", p.path());
        assertTrue(p.message().startsWith("is required"), p.message());
    }

    @Test
    void aUnitWhoseParentIsMissingIsRefusedAtTheParentCell() {
        byte[] book = edit(small(), b -> cell(b.getSheet("Đơn vị"), "D4").setCellValue("khong-co"));
        Problem p = only(book, null);
        assertEquals("Đơn vị!D4", p.path());
        assertTrue(p.message().contains("khong-co"), p.message());
    }

    @Test
    void everyProblemIsListedAtOnceInSheetOrderAndNothingIsReturned() {
        byte[] book = edit(small(), b -> {
            cell(b.getSheet("Xác nhận"), "B3").setCellValue("iso.unknown");
            cell(b.getSheet("Sự kiện"), "C3").setCellValue("hôm qua");
            cell(b.getSheet("Số liệu"), "E3").setCellValue("12%");
            cell(b.getSheet("Số liệu"), "A3").setCellValue("khong-co");
            cell(b.getSheet("Đơn vị"), "C3").setCellValue("SỞ");
            cell(b.getSheet("Hướng dẫn"), "B4").setCellValue("cuối năm");
        });
        List<String> paths = problems(book, RULES).stream().map(Problem::path).toList();
        assertEquals(List.of("Hướng dẫn!B4", "Đơn vị!C3", "Số liệu!A3", "Số liệu!E3", "Sự kiện!C3", "Xác nhận!B3"),
                paths);
    }

    @Test
    void datesTypedAsExcelDatesOrAsTextBothRead() {
        byte[] book = edit(small(), b -> {
            Sheet events = b.getSheet("Sự kiện");
            cell(events, "A4").setCellValue("snn");
            cell(events, "B4").setCellValue("dialogue");
            cell(events, "C4").setCellValue("20/03/2021");
            cell(events, "A5").setCellValue("cc");
            cell(events, "B5").setCellValue("initiative — sáng kiến");
            cell(events, "C5").setCellValue("2021-06-01");
            cell(events, "I5").setCellValue("Tra cứu bằng mã QR");
            cell(b.getSheet("Hướng dẫn"), "B4").setCellValue("31/12/2021");
        });
        FactsDocument facts = read(book, RULES);
        assertEquals(LocalDate.of(2021, 12, 31), facts.asOf());
        assertEquals(List.of(LocalDate.of(2021, 2, 3), LocalDate.of(2021, 3, 20), LocalDate.of(2021, 6, 1)),
                facts.events().stream().map(Event::date).toList());
        assertEquals("initiative", facts.events().get(2).type());
        assertEquals("Tra cứu bằng mã QR", facts.events().get(2).title());
    }

    @Test
    void numbersTypedAsTextAndAnswersTypedInVietnameseRead() {
        byte[] book = edit(small(), b -> {
            cell(b.getSheet("Số liệu"), "E3").setCellValue("4.890");
            cell(b.getSheet("Số liệu"), "F3").setCellValue("5000");
            cell(b.getSheet("Xác nhận"), "D3").setCellValue("có");
        });
        assertEquals(SMALL, read(book, RULES));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndEmptyRowsAreSkipped() throws IOException {
        // A workbook made by hand: measurements with the columns reordered, labels only, a blank row between.
        XSSFWorkbook b = new XSSFWorkbook();
        Sheet guide = b.createSheet("Hướng dẫn");
        Row asOf = guide.createRow(3);
        asOf.createCell(1).setCellValue("2021-12-31");
        asOf.createCell(2).setCellValue("asOf");
        Sheet units = b.createSheet("Đơn vị");
        String[][] unitRows = {{"level", "id", "name"}, {"DEPARTMENT", "snn", "Sở"}};
        fill(units, unitRows);
        Sheet m = b.createSheet("Số liệu");
        Object[][] rows = {{"Mẫu số *", "Tử số", "Kỳ", "Chỉ số", "Mã đơn vị"}, {5000, 4890, "2021", "dossiers.on_time", "snn"},
                {}, {100, 99, "2021-Q1", "satisfaction", "snn"}};
        for (int r = 0; r < rows.length; r++) {
            Row row = m.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Integer i) {
                    row.createCell(c).setCellValue(i);
                } else {
                    row.createCell(c).setCellValue((String) rows[r][c]);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.write(out);
        b.close();
        FactsDocument facts = read(out.toByteArray(), RULES);
        assertNull(facts.ruleSet());
        assertEquals(List.of(Unit.root("snn", "Sở", Level.DEPARTMENT)), facts.units());
        assertEquals(List.of(Measurement.ratio("snn", "dossiers.on_time", null, Period.parse("2021"), 4890, 5000),
                Measurement.ratio("snn", "satisfaction", null, Period.parse("2021-Q1"), 99, 100)), facts.measurements());
    }

    private static void fill(Sheet sheet, String[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

    @Test
    void aFileThatIsNotAWorkbookIsOneCleanProblem(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("facts.xlsx");
        Files.writeString(text, "{\"units\": []}");
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> ReformTargetsXlsx.readFacts(text));
        assertEquals(1, e.problems().size());
        assertEquals(text.toString(), e.problems().get(0).source());
        assertTrue(e.problems().get(0).message().startsWith("is not an .xlsx workbook"), e.getMessage());
    }

    @Test
    void aTruncatedWorkbookIsOneCleanProblem() {
        byte[] whole = small();
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> read(half, null));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertTrue(e.problems().get(0).message().startsWith("is not an .xlsx workbook"), e.getMessage());
    }

    @Test
    void aZipThatIsNoWorkbookIsOneCleanProblem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> read(out.toByteArray(), null));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertTrue(e.problems().get(0).message().startsWith("is not an .xlsx workbook"), e.getMessage());
    }

    @Test
    void anEncryptedOrOldExcelFileIsOneCleanProblem() {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        InvalidFactsException e = assertThrows(InvalidFactsException.class,
                () -> ReformTargetsXlsx.readFacts(new ByteArrayInputStream(ole2), "facts.xlsx"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().contains("password-protected"), e.getMessage());
    }

    @Test
    void aWorkbookWithoutTheTemplatesSheetsIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook b = new XSSFWorkbook()) {
            b.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
            b.write(out);
        }
        Problem p = only(out.toByteArray(), null);
        assertTrue(p.message().startsWith("is not a facts template"), p.message());
    }
}
