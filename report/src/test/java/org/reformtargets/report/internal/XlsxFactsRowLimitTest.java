// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;

/** The row limit is checked by streaming the sheets' XML, before POI builds the workbook in memory. */
class XlsxFactsRowLimitTest {

    /** A workbook with a units header and {@code rows} rows of one unit each under it, written by streaming. */
    private static byte[] workbook(int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook b = new SXSSFWorkbook(100)) {
            b.setCompressTempFiles(true);
            b.createSheet("Hướng dẫn");
            Sheet units = b.createSheet("Đơn vị");
            Row header = units.createRow(0);
            header.createCell(0).setCellValue("id");
            header.createCell(1).setCellValue("level");
            for (int r = 1; r <= rows; r++) {
                units.createRow(r).createCell(0).setCellValue(r);
            }
            b.write(out);
            b.dispose();
        }
        return out.toByteArray();
    }

    private static Problem refused(byte[] book, int maxRows) {
        List<Problem> found = assertThrows(InvalidFactsException.class,
                () -> FactsWorkbookReader.read(new ByteArrayInputStream(book), "facts.xlsx", null, maxRows)).problems();
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    @Test
    void aWorkbookOverTheLimitIsRefusedAtItsSheetWithoutBeingLoaded() throws IOException {
        byte[] book = workbook(1000);
        Problem p = refused(book, 1000);
        assertEquals("Đơn vị!A1001", p.path());
        assertEquals("facts.xlsx", p.source());
        assertTrue(p.message().startsWith("has 1,001 rows in all (1,001 on this sheet), more than the 1,000 a facts"
                + " workbook may have: split it by unit"), p.message());
        // At the limit it is read, and the rows' own problems are said (units without a level).
        List<Problem> atLimit = assertThrows(InvalidFactsException.class,
                () -> FactsWorkbookReader.read(new ByteArrayInputStream(book), "facts.xlsx", null, 1001)).problems();
        assertTrue(atLimit.stream().anyMatch(q -> q.path() != null && q.path().startsWith("Đơn vị!B")), atLimit::toString);
        assertTrue(atLimit.stream().noneMatch(q -> q.message().startsWith("has ")), atLimit::toString);
    }

    @Test
    void aMillionAndOneRowsAreRefusedQuicklyAtTheRealLimit() throws IOException {
        byte[] book = workbook(FactsWorkbookReader.MAX_ROWS + 1);
        // Loading these rows into an XSSFWorkbook takes gigabytes and minutes; counting them, a second or two.
        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(book, FactsWorkbookReader.MAX_ROWS));
        assertEquals("Đơn vị!A1000002", p.path());
        assertTrue(p.message().contains("more than the 1,000,000 a facts workbook may have"), p.message());
    }
}
