// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/** Edge cases of the XLSX scorecard: sheets continued past the row limit, figures a number cannot hold, temporary files. */
class XlsxScorecardLimitsTest {

    private static ReportData example() {
        FactsDocument facts = ReformTargetsJson.readFacts(Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json"));
        RuleSet rules = RuleSet.load(facts.ruleSet());
        Evaluation evaluation = rules.evaluate(facts);
        return new ReportData(rules, facts, evaluation, true, AuditRecord.of(rules, facts, evaluation, Instant.EPOCH));
    }

    @Test
    void aTablePastTheRowLimitContinuesOnNumberedSheetsEachWithHeaderFreezeAndFilter() throws Exception {
        ReportData data = example();
        int results = data.evaluation().results().size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxScorecard.write(data, out, 10);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            int parts = (results + 9) / 10;
            int rows = 0;
            for (int p = 1; p <= parts; p++) {
                XSSFSheet sheet = book.getSheet(p == 1 ? "Kết quả" : "Kết quả (" + p + ")");
                assertEquals("Mã đơn vị", sheet.getRow(0).getCell(0).getStringCellValue());
                assertTrue(sheet.getPaneInformation().isFreezePane());
                assertEquals("A1:O" + (sheet.getLastRowNum() + 1), sheet.getCTWorksheet().getAutoFilter().getRef());
                assertTrue(sheet.getLastRowNum() <= 10);
                rows += sheet.getLastRowNum();
            }
            assertEquals(results, rows);
            assertNull(book.getSheet("Kết quả (" + (parts + 1) + ")"));
        }
    }

    @Test
    void onlyPlainDecimalsThatANumberHoldsBecomeNumbers() {
        assertEquals(new BigDecimal("94.77"), XlsxScorecard.number("94.77"));
        assertEquals(2, XlsxScorecard.number("100.00").scale());
        assertEquals(new BigDecimal("-3"), XlsxScorecard.number("-3"));
        assertEquals(new BigDecimal("99.9999999999999"), XlsxScorecard.number("99.9999999999999"));
        assertNull(XlsxScorecard.number("99.99999999999999"), "16 significant digits would be shown rounded");
        assertNull(XlsxScorecard.number("true"));
        assertNull(XlsxScorecard.number("1E+3"));
        assertNull(XlsxScorecard.number(""));
        assertNull(XlsxScorecard.number(null));
    }

    @Test
    void formatsShowExactlyTheGivenPlaces() {
        assertEquals("0", XlsxStyles.format(0, false));
        assertEquals("0.00", XlsxStyles.format(2, false));
        assertEquals("0.000%", XlsxStyles.format(3, true));
    }

    @Test
    void noTemporaryFileIsLeftBehind(@TempDir Path dir) throws Exception {
        ReportData data = example();
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
        try {
            XlsxScorecard.write(data, new ByteArrayOutputStream());
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "temporary files of the streamed sheets remain");
        }
        assertTrue(new File(dir.toFile(), ".").exists());
    }
}
