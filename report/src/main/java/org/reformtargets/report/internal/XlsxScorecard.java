package org.reformtargets.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.reformtargets.core.TargetResult;

/** The XLSX scorecard, streamed with POI's {@link SXSSFWorkbook} so that memory stays bounded. */
public final class XlsxScorecard {

    private XlsxScorecard() {
    }

    /** Writes the workbook for {@code data} to {@code out} (left open). */
    public static void write(ReportData data, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        try {
            Sheet sheet = book.createSheet(data.vietnamese() ? "Kết quả" : "Results");
            int n = 0;
            for (TargetResult r : data.evaluation().results()) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.unit());
                row.createCell(1).setCellValue(r.target());
                row.createCell(2).setCellValue(data.statusWord(r.status()));
            }
            book.write(out);
        } finally {
            book.close();
        }
    }
}
