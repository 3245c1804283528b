// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.report.XlsxFactsTestSupport.cell;
import static org.reformtargets.report.XlsxFactsTestSupport.edit;
import static org.reformtargets.report.XlsxFactsTestSupport.read;
import static org.reformtargets.report.XlsxFactsTestSupport.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSet;

/** What a red-team review of the facts workbook reader found: sheets renamed, formulas, answers, messages. */
class XlsxFactsReviewTest {

    private static final RuleSet RULES = RuleSet.load("hcm-agri/2021");
    private static final FactsDocument SMALL = XlsxFactsTestSupport.SMALL;

    private static byte[] small() {
        return template(RULES, SMALL);
    }

    private static Problem only(byte[] book) {
        List<Problem> found = assertThrows(InvalidFactsException.class, () -> read(book, RULES)).problems();
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    private static byte[] renamed(String from, String to) {
        return edit(small(), b -> b.setSheetName(b.getSheetIndex(from), to));
    }

    // ---- 1. sheet names ----

    @Test
    void aSheetNameWithASpaceAtTheEndOrDecomposedOrInAnotherCaseIsStillFound() {
        assertEquals(SMALL, read(renamed("Số liệu", "Số liệu "), RULES));
        String nfd = Normalizer.normalize("Số liệu", Normalizer.Form.NFD);
        assertTrue(nfd.length() > "Số liệu".length());
        assertEquals(SMALL, read(renamed("Số liệu", nfd), RULES));
        assertEquals(SMALL, read(renamed("Xác nhận", "XÁC NHẬN"), RULES));
        assertEquals(SMALL, read(renamed("Hướng dẫn", " " + Normalizer.normalize("Hướng dẫn", Normalizer.Form.NFD)),
                RULES));
    }

    @Test
    void aSheetThatIsNotTheTemplatesButHoldsRecordsIsALocatedProblem() {
        Problem p = only(renamed("Số liệu", "So lieu"));
        assertEquals("So lieu!A2", p.path());
        assertTrue(p.message().startsWith("Sheet 'So lieu' is not one of the template's sheets (Đơn vị, Số liệu, Sự kiện,"
                + " Xác nhận): rename it Số liệu"), p.message());
        assertTrue(p.message().contains("đổi tên thành Số liệu"), p.message());
    }

    @Test
    void aCopyOfASheetHoldingDataIsALocatedProblemAndTheOriginalIsStillRead() {
        byte[] book = edit(small(), b -> {
            b.cloneSheet(b.getSheetIndex("Số liệu"));
            cell(b.getSheet("Số liệu (2)"), "E3").setCellValue(4900);
        });
        Problem p = only(book);
        assertEquals("Số liệu (2)!A2", p.path());
        assertTrue(p.message().contains("move its rows to Số liệu"), p.message());
    }

    @Test
    void aCopyWithHeadersOnlyOrAnUnrelatedSheetIsNoProblem() {
        byte[] book = edit(small(), b -> {
            int copy = b.getSheetIndex(b.cloneSheet(b.getSheetIndex("Sự kiện")));
            var sheet = b.getSheetAt(copy);
            for (int r = sheet.getLastRowNum(); r >= 2; r--) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
            b.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("Số liệu đã được lãnh đạo duyệt");
        });
        assertEquals(SMALL, read(book, RULES));
    }

    @Test
    void aMissingUnitsSheetIsSaid() {
        byte[] book = edit(small(), b -> b.removeSheetAt(b.getSheetIndex("Đơn vị")));
        List<Problem> found = assertThrows(InvalidFactsException.class, () -> read(book, RULES)).problems();
        assertTrue(found.get(0).message().startsWith("has no sheet Đơn vị (units)"), found::toString);
        assertEquals("Số liệu!A3", found.get(1).path());
    }

    // ---- 2. formulas ----

    /** A formula as a generator that does not calculate writes it: no cached value. */
    private static void uncached(Cell c, String formula) {
        c.setCellFormula(formula);
        XSSFCell x = (XSSFCell) c;
        if (x.getCTCell().isSetV()) {
            x.getCTCell().unsetV();
        }
    }

    @Test
    void aFormulaWithoutAComputedValueIsRefusedAtItsCell() {
        byte[] book = edit(small(), b -> {
            uncached(cell(b.getSheet("Số liệu"), "E3"), "4000+890");
            uncached(cell(b.getSheet("Số liệu"), "G4"), "1+1");
        });
        List<Problem> found = assertThrows(InvalidFactsException.class, () -> read(book, RULES)).problems();
        assertEquals(List.of("Số liệu!E3", "Số liệu!G4"), found.stream().map(Problem::path).toList());
        for (Problem p : found) {
            assertTrue(p.message().startsWith("holds a formula with no computed value: open and save the file in Excel,"
                    + " or type the value"), p.message());
            assertTrue(p.message().contains("công thức chưa được tính"), p.message());
        }
    }

    @Test
    void aTextFormulaWithoutAValueIsNotTakenForABlankCell() {
        byte[] book = edit(small(), b -> {
            Cell c = cell(b.getSheet("Sự kiện"), "A3");
            uncached(c, "\"snn\"");
            ((XSSFCell) c).getCTCell().setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.STR);
        });
        assertEquals("Sự kiện!A3", only(book).path());
    }

    @Test
    void aFormulaWithAComputedValueIsReadAsThatValue() {
        byte[] book = edit(small(), b -> {
            Cell c = cell(b.getSheet("Số liệu"), "E3");
            c.setCellFormula("4000+890");
            c.setCellValue(4890);
        });
        assertTrue(((XSSFCell) XlsxFactsTestSupport.open(book).getSheet("Số liệu").getRow(2).getCell(4))
                .getCTCell().isSetV());
        assertEquals(SMALL, read(book, RULES));
    }

    // ---- 3. attestations ----

    @Test
    void aNumberOrAnUnknownWordForAYesNoAttestationIsRefusedAtItsCell() {
        for (Object value : List.of(7, 1, "x", "có lẽ", "yes")) {
            byte[] book = edit(small(), b -> {
                Cell c = cell(b.getSheet("Xác nhận"), "D3");
                if (value instanceof Integer i) {
                    c.setCellValue(i);
                } else {
                    c.setCellValue((String) value);
                }
            });
            Problem p = only(book);
            assertEquals("Xác nhận!D3", p.path(), value::toString);
            assertTrue(p.message().contains("iso9001.converted is answered yes or no: choose TRUE or FALSE, or type có"
                    + " or không"), p.message());
            assertTrue(p.message().contains("có/không (TRUE/FALSE)"), p.message());
        }
    }

    @Test
    void yesAndNoTypedAsTextOrDecomposedAreRead() {
        for (String yes : List.of("có", Normalizer.normalize("Có", Normalizer.Form.NFD), "TRUE", "true", " đúng ")) {
            byte[] book = edit(small(), b -> cell(b.getSheet("Xác nhận"), "D3").setCellValue(yes));
            assertEquals(SMALL, read(book, RULES), yes);
        }
        byte[] no = edit(small(), b -> cell(b.getSheet("Xác nhận"), "D3").setCellValue("Không"));
        assertEquals(Boolean.FALSE, read(no, RULES).attestations().get(0).value());
    }

    // ---- 5. messages ----

    @Test
    void anExcelSerialDateInAPeriodCellIsSaidToBeADateWithItsMonthAndQuarter() {
        byte[] serial = edit(small(), b -> cell(b.getSheet("Số liệu"), "D3").setCellValue(44377));
        Problem p = only(serial);
        assertEquals("Số liệu!D3", p.path());
        assertTrue(p.message().startsWith("is a date (30/06/2021, 44377 as Excel counts days), not a period"), p.message());
        assertTrue(p.message().contains("a quarter 2021-Q3, a month 2021-05"), p.message());
        assertTrue(p.message().contains("the month 2021-06 and the quarter 2021-Q2"), p.message());

        byte[] dated = edit(small(), b -> {
            CellStyle date = b.createCellStyle();
            date.setDataFormat(b.createDataFormat().getFormat("dd/mm/yyyy"));
            Cell c = cell(b.getSheet("Số liệu"), "D3");
            c.setCellValue(LocalDate.of(2021, 8, 15));
            c.setCellStyle(date);
        });
        assertTrue(only(dated).message().contains("the month 2021-08 and the quarter 2021-Q3"), only(dated).message());

        byte[] typed = edit(small(), b -> cell(b.getSheet("Số liệu"), "D3").setCellValue("30/06/2021"));
        assertTrue(only(typed).message().startsWith("'30/06/2021' is a date, not a period"), only(typed).message());

        byte[] year = edit(small(), b -> cell(b.getSheet("Số liệu"), "D3").setCellValue(2021));
        assertEquals(SMALL, read(year, RULES));
    }

    @Test
    void aZipBombIsSaidToUnpackToMoreThanTheLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(edit(small(), b -> { })));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
        }
        Problem p = only(out.toByteArray());
        assertTrue(p.message().startsWith("unpacks to more than a facts workbook may: its part xl/media/image1.png"
                + " grows"), p.message());
        assertTrue(p.message().contains("zip bomb"), p.message());
    }
}
