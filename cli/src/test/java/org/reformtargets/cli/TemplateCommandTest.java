// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template}, and {@code evaluate}/{@code audit verify} reading the filled workbook back. */
class TemplateCommandTest {

    static final Path EXAMPLE = Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json");

    @TempDir
    Path dir;

    @Test
    void helpExplainsEveryOption() {
        Cli.assertHelpExplainsEveryOption("template");
    }

    @Test
    void aTemplateFilledWithTheExampleEvaluatesExactlyAsTheJson() {
        Path workbook = dir.resolve("facts.xlsx");
        Cli.Run written = Cli.run("template", "--rule-set", "hcm-agri/2021", "--units", EXAMPLE.toString(),
                "--output", workbook.toString());
        assertEquals(0, written.status(), written.err());
        assertEquals("", written.out());
        Cli.Run fromJson = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", "json");
        Cli.Run fromXlsx = Cli.run("evaluate", "--facts", workbook.toString(), "--format", "json");
        assertEquals(0, fromXlsx.status(), fromXlsx.err());
        assertEquals(fromJson.out(), fromXlsx.out());
    }

    @Test
    void anEmptyTemplateIsAWorkbookWithTheGuideFirst() throws IOException {
        Path workbook = dir.resolve("empty.xlsx");
        Cli.Run run = Cli.run("template", "--rule-set", "vn-766/2025", "--output", workbook.toString());
        assertEquals(0, run.status(), run.err());
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertEquals("Hướng dẫn", book.getSheetName(0));
            assertTrue(book.getNumberOfSheets() >= 5);
        }
    }

    @Test
    void anAuditedWorkbookIsVerifiedAgainstTheSameWorkbook() {
        Path workbook = dir.resolve("facts.xlsx");
        assertEquals(0, Cli.run("template", "--rule-set", "hcm-agri/2021", "--units", EXAMPLE.toString(),
                "--output", workbook.toString()).status());
        Path record = dir.resolve("audit.json");
        Cli.Run evaluated = Cli.run("evaluate", "--facts", workbook.toString(), "--audit", record.toString());
        assertEquals(0, evaluated.status(), evaluated.err());
        Cli.Run verified = Cli.run("audit", "verify", record.toString(), "--facts", workbook.toString());
        assertEquals(0, verified.status(), verified.out() + verified.err());
    }

    @Test
    void aBadCellIsNamedBySheetAndCellAndNothingIsEvaluated() throws IOException {
        Path workbook = dir.resolve("facts.xlsx");
        assertEquals(0, Cli.run("template", "--rule-set", "hcm-agri/2021", "--units", EXAMPLE.toString(),
                "--output", workbook.toString()).status());
        String address = breakFirstNumerator(workbook);
        Cli.Run run = Cli.run("evaluate", "--facts", workbook.toString());
        Cli.assertUserError(run, address);
    }

    @Test
    void aZipThatIsNoWorkbookIsAUserErrorWithoutAStackTrace() throws IOException {
        Path fake = Files.write(dir.resolve("fake.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Cli.Run run = Cli.run("evaluate", "--facts", fake.toString());
        Cli.assertUserError(run, fake.toString());
    }

    @Test
    void theTemplateIsNeverWrittenOverItsUnitsAndAnUnknownRuleSetIsAUserError() throws IOException {
        Path units = Files.copy(EXAMPLE, dir.resolve("units.json"));
        byte[] before = Files.readAllBytes(units);
        Cli.assertUserError(Cli.run("template", "--rule-set", "hcm-agri/2021", "--units", units.toString(),
                "--output", units.toString()), "Refusing to write the template to");
        assertEquals(new String(before), Files.readString(units));
        Cli.Run unknown = Cli.run("template", "--rule-set", "no-such/2021", "--output", dir.resolve("t.xlsx").toString());
        assertEquals(2, unknown.status());
        assertFalse(Files.exists(dir.resolve("t.xlsx")));
    }

    @Test
    void anUnknownCodeIsNamedAtItsCellWithTheNearestCode() throws IOException {
        Path workbook = dir.resolve("facts.xlsx");
        assertEquals(0, Cli.run("template", "--rule-set", "hcm-agri/2021", "--units", EXAMPLE.toString(),
                "--output", workbook.toString()).status());
        String address;
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("Số liệu");
            int column = -1;
            for (Cell c : sheet.getRow(1)) {
                if (c.getStringCellValue().equals("indicator")) {
                    column = c.getColumnIndex();
                }
            }
            Row row = sheet.getRow(2);
            row.removeCell(row.getCell(column)); // the template writes inline strings, which setCellValue leaves in place
            row.createCell(column).setCellValue("dossiers.ontime");
            address = "Số liệu!" + new org.apache.poi.ss.util.CellReference(2, column).formatAsString();
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
        Cli.Run run = Cli.run("evaluate", "--facts", workbook.toString());
        Cli.assertUserError(run, address, "dossiers.on_time");
        assertFalse(run.err().contains(":1:"), "located in the JSON made of the workbook, not at the cell:\n" + run.err());
    }

    @Test
    void anOldExcelFileIsRefusedSayingToSaveItAsXlsx() throws IOException {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Path xls = Files.write(dir.resolve("old.xls"), ole2);
        Cli.Run run = Cli.run("evaluate", "--facts", xls.toString());
        Cli.assertUserError(run, xls.toString(), ".xlsx");
        assertFalse(run.err().contains("JSON"), run.err());
    }

    /** Types a word into the first numerator cell of the measurements sheet; returns its address as "Sheet!A1". */
    private static String breakFirstNumerator(Path workbook) throws IOException {
        String address;
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("Số liệu");
            int column = -1;
            for (Cell c : sheet.getRow(1)) {
                if (c.getStringCellValue().equals("numerator")) {
                    column = c.getColumnIndex();
                }
            }
            assertTrue(column >= 0, "no numerator column");
            Row row = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row candidate = sheet.getRow(r);
                if (candidate != null && candidate.getCell(column) != null
                        && candidate.getCell(column).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    row = candidate;
                    break;
                }
            }
            assertTrue(row != null, "no numerator filled in");
            row.getCell(column).setCellValue("nhiều");
            address = "Số liệu!" + new org.apache.poi.ss.util.CellReference(row.getRowNum(), column).formatAsString();
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
        return address;
    }
}
