// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apiguardian.api.API;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Period;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * The XLSX scorecard, streamed with POI's {@link SXSSFWorkbook} (a window of {@value #WINDOW} rows in
 * memory, the rest in compressed temporary files removed when the workbook is written), so that
 * memory stays bounded whatever the number of units. Three sheets:
 * <ul>
 *   <li><b>Tổng hợp / Summary</b>: one row per unit in tree order, the name indented by its depth,
 *       its id, level and depth, its counts by status and, for a scoring rule set, its total and
 *       maximum for each scored period; a totals row;</li>
 *   <li><b>Kết quả / Results</b>: one row per result, with the status as a word on a fill of its own
 *       colour (readable without colour), the header row frozen and an auto-filter over the table;</li>
 *   <li><b>Thông tin / Information</b>: the rule set, its version and content hash, the facts' date,
 *       when the evaluation ran, the number of results, and the audit record's hashes.</li>
 * </ul>
 *
 * <p>Numbers are stored as numbers. A decimal figure is shown with exactly the places of its text in
 * the result document, without grouping, so that the figure shown is the document's text and never
 * one rounded to contradict its status. A percentage is stored as the fraction it is, in the
 * spreadsheet's own way, and formatted as a percentage with the text's places: the {@code actual}
 * share {@code 94.77} is the number 0.9477 shown {@code 94.77%} (format {@code 0.00%}), so that
 * formulas and filters read it as a share ({@code >= 95%}). The fraction is the text's digits with
 * the point moved, so it shows the same digits; a figure of more than 15 significant digits, which
 * a spreadsheet number cannot hold exactly, stays text. Which figures are percentages comes from the rule
 * set ({@link Percentages}). An attestation's answer is a word: yes or no ({@code true}, {@code false}),
 * or the label of its class. Gaps are whole numbers; points and scores are decimals ({@code 0.00}).
 * A sheet that would pass Excel's 1,048,576 rows continues on a sheet named with its part,
 * {@code Kết quả (2)}.
 */
@API(status = INTERNAL, since = "0.1")
public final class XlsxScorecard {

    /** Rows kept in memory per sheet while writing. */
    static final int WINDOW = 64;

    /** Data rows per sheet, below the header: Excel's limit. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /** A plain decimal, as the result document writes figures. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Significant digits a spreadsheet number shows faithfully. */
    private static final int MAX_DIGITS = 15;

    private final ReportData data;
    private final SXSSFWorkbook book;
    private final XlsxStyles styles;
    private final int maxDataRows;

    private XlsxScorecard(ReportData data, SXSSFWorkbook book, int maxDataRows) {
        this.data = data;
        this.book = book;
        this.styles = new XlsxStyles(book);
        this.maxDataRows = maxDataRows;
    }

    /** Writes the workbook for {@code data} to {@code out} (left open). */
    public static void write(ReportData data, OutputStream out) throws IOException {
        write(data, out, MAX_DATA_ROWS);
    }

    /** Writes the workbook, continuing a table on a new sheet after {@code maxDataRows} rows. */
    static void write(ReportData data, OutputStream out, int maxDataRows) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        book.setCompressTempFiles(true);
        try {
            XlsxScorecard card = new XlsxScorecard(data, book, maxDataRows);
            card.summary();
            card.results();
            card.information();
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }

    private String w(String vi, String en) {
        return data.vietnamese() ? vi : en;
    }

    private void summary() {
        List<Period> periods = new ArrayList<>(new TreeSet<>(data.evaluation().scores().stream().map(Score::period).toList()));
        List<String> headers = new ArrayList<>(List.of(w("Đơn vị", "Unit"), w("Mã đơn vị", "Unit id"),
                w("Cấp", "Level"), w("Thứ bậc", "Depth")));
        List<Integer> widths = new ArrayList<>(List.of(44, 26, 18, 8));
        for (Status s : Status.values()) {
            headers.add(data.statusWord(s));
            widths.add(14);
        }
        headers.add(w("Tổng số kết quả", "Results"));
        widths.add(12);
        for (Period p : periods) {
            headers.add(w("Điểm ", "Score ") + p);
            headers.add(w("Điểm tối đa ", "Maximum ") + p);
            widths.add(12);
            widths.add(12);
        }
        Table table = new Table(w("Tổng hợp", "Summary"), headers, widths);
        for (ReportData.UnitRow u : data.units()) {
            Row row = table.next();
            text(row, 0, u.unit().name(), styles.indent(u.depth()));
            text(row, 1, u.unit().id(), null);
            text(row, 2, data.levelLabel(u.unit().level()), null);
            whole(row, 3, u.depth(), styles.integer());
            counts(row, 4, u.counts(), styles.integer());
            for (Score s : u.scores()) {
                int column = 4 + Status.values().length + 1 + 2 * periods.indexOf(s.period());
                decimal(row.createCell(column), s.total(), false, 2);
                decimal(row.createCell(column + 1), s.maxTotal(), false, 2);
            }
        }
        table.finish(); // the filter leaves the totals row out, so that sorting keeps it last
        Row total = table.next();
        text(total, 0, w("Tổng cộng", "Total"), styles.bold());
        counts(total, 4, data.totals(), styles.boldInteger());
    }

    private void counts(Row row, int first, Map<Status, Integer> counts, CellStyle style) {
        int column = first;
        int sum = 0;
        for (Status s : Status.values()) {
            int n = counts.getOrDefault(s, 0);
            whole(row, column++, n, style);
            sum += n;
        }
        whole(row, column, sum, style);
    }

    private void results() {
        Table table = new Table(w("Kết quả", "Results"),
                List.of(w("Mã đơn vị", "Unit id"), w("Tên đơn vị", "Unit"), w("Chỉ tiêu", "Target"),
                        w("Kỳ", "Period"), w("Lĩnh vực", "Field"), w("Kết quả đánh giá", "Status"),
                        w("Chính thức", "Final"), w("Số liệu thực tế", "Actual"), w("Yêu cầu", "Threshold"),
                        w("Còn thiếu", "Gap"), w("Kỳ đã đo", "Measured period"), w("Điểm", "Points"),
                        w("Điểm tối đa", "Max points"), w("Căn cứ", "Source"), w("Diễn giải", "Explanation")),
                List.of(26, 36, 42, 12, 22, 18, 11, 14, 28, 10, 18, 10, 12, 40, 110));
        for (ReportData.UnitRow u : data.units()) {
            for (TargetResult r : u.results()) {
                Row row = table.next();
                text(row, 0, r.unit(), null);
                text(row, 1, u.unit().name(), null);
                text(row, 2, r.target(), null);
                text(row, 3, r.period().toString(), null);
                text(row, 4, data.fieldLabel(r.field()), null);
                text(row, 5, data.statusWord(r.status()), styles.status(r.status()));
                text(row, 6, r.isFinal() ? w("Có", "Yes") : w("Không", "No"), null);
                if (number(r.actual()) != null) {
                    decimal(row.createCell(7), r.actual(), data.isPercent(r), -1);
                } else {
                    text(row, 7, word(r.actual()), null);
                }
                text(row, 8, data.thresholdWords(r, d -> data.vietnamese() ? d.replace('.', ',') : d), null);
                if (r.gap() != null) {
                    whole(row, 9, r.gap(), styles.integer());
                }
                text(row, 10, r.measuredPeriod() == null ? null : r.measuredPeriod().toString(), null);
                if (r.points() != null) {
                    decimal(row.createCell(11), r.points(), false, -1);
                }
                if (r.maxPoints() != null) {
                    decimal(row.createCell(12), r.maxPoints(), false, -1);
                }
                text(row, 13, source(r), null);
                text(row, 14, data.sentence(r), null);
            }
        }
        table.finish();
    }

    /** An attestation's answer in words: yes or no, or the label of a class on its scale; other text as it is. */
    private String word(String actual) {
        if (actual == null) {
            return null;
        }
        if (actual.equals("true") || actual.equals("false")) {
            return actual.equals("true") ? w("Có", "Yes") : w("Không", "No");
        }
        String rank = ReportData.rankLabel(data.ruleSet().vocabulary(), actual, data.vietnamese());
        return rank != null ? rank : actual;
    }

    private static String source(TargetResult r) {
        if (r.source() == null) {
            return null;
        }
        String document = r.source().document();
        String clause = r.source().clause();
        if (document == null) {
            return clause;
        }
        return clause == null ? document : document + ", " + clause;
    }

    private void information() {
        Sheet sheet = book.createSheet(w("Thông tin", "Information"));
        sheet.setColumnWidth(0, 46 * 256);
        sheet.setColumnWidth(1, 72 * 256);
        AuditRecord audit = data.audit();
        Info info = new Info(sheet);
        info.line(w("Bộ chỉ tiêu", "Rule set"), data.ruleSet().id());
        info.line(w("Tên", "Title"), data.title());
        info.line(w("Phiên bản", "Version"), data.ruleSet().version());
        info.line(w("Mã băm nội dung bộ chỉ tiêu (SHA-256)", "Rule set content hash (SHA-256)"),
                data.ruleSet().contentHash());
        Cell asOf = info.line(w("Số liệu tính đến ngày", "Facts as of"), null).createCell(1);
        asOf.setCellValue(data.evaluation().asOf());
        asOf.setCellStyle(styles.date());
        info.line(w("Thời điểm đánh giá (UTC)", "Evaluated at (UTC)"),
                audit == null || audit.evaluatedAt() == null ? null : audit.evaluatedAt().toString());
        whole(info.line(w("Số kết quả", "Results"), null), 1, data.evaluation().results().size(), styles.integer());
        if (audit == null) {
            return;
        }
        info.skip();
        info.line(w("Hồ sơ kiểm tra", "Audit record"), null);
        info.line(w("SHA-256 của bộ chỉ tiêu", "Rules SHA-256"), audit.rulesSha256());
        info.line(w("SHA-256 của tệp số liệu", "Facts file SHA-256"), audit.factsSha256() != null
                ? audit.factsSha256() : w("không có (số liệu không đọc từ tệp)", "none (the facts were not read from a file)"));
        info.line(w("SHA-256 của số liệu (dạng chuẩn)", "Facts SHA-256 (canonical form)"), audit.factsCanonicalSha256());
        info.line(w("SHA-256 của kết quả", "Results SHA-256"), audit.resultSha256());
        if (audit.hmac() != null) {
            info.line("HMAC-SHA256", audit.hmac());
        }
    }

    /** The information sheet's lines: a bold label and its value. */
    private final class Info {
        private final Sheet sheet;
        private int next;

        Info(Sheet sheet) {
            this.sheet = sheet;
        }

        Row line(String label, String value) {
            Row row = sheet.createRow(next++);
            text(row, 0, label, styles.bold());
            text(row, 1, value, null);
            return row;
        }

        void skip() {
            next++;
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null && style == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void whole(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /**
     * Stores the decimal {@code text} as a number shown with {@code places} places, or with its own
     * places for -1; when {@code percent}, as the fraction {@code text/100} formatted as a percentage.
     * Text that is not a plain decimal a spreadsheet number holds exactly is stored as text.
     */
    private void decimal(Cell cell, String text, boolean percent, int places) {
        BigDecimal value = number(text);
        if (value == null) {
            cell.setCellValue(text);
            return;
        }
        cell.setCellValue(percent ? value.movePointLeft(2).doubleValue() : value.doubleValue());
        cell.setCellStyle(styles.decimal(places < 0 ? value.scale() : places, percent));
    }

    /** {@code text} as a number when it is a plain decimal of at most 15 significant digits, else {@code null}. */
    static BigDecimal number(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return value.precision() > MAX_DIGITS ? null : value;
    }

    /** A table on one or more sheets: a bold, frozen header row, fixed column widths and an auto-filter. */
    private final class Table {
        private final String name;
        private final List<String> headers;
        private final List<Integer> widths;
        private Sheet sheet;
        private int part;
        private int next;

        Table(String name, List<String> headers, List<Integer> widths) {
            this.name = name;
            this.headers = headers;
            this.widths = widths;
            open();
        }

        /** A new data row, on a new sheet when this one is full. */
        Row next() {
            if (next > maxDataRows) {
                finish();
                open();
            }
            return sheet.createRow(next++);
        }

        private void open() {
            part++;
            sheet = book.createSheet(part == 1 ? name : name + " (" + part + ")");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                text(header, i, headers.get(i), styles.header());
                sheet.setColumnWidth(i, widths.get(i) * 256);
            }
            sheet.createFreezePane(0, 1);
            next = 1;
        }

        /** Puts the auto-filter over the current sheet's table. */
        void finish() {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 1), 0, headers.size() - 1));
        }
    }
}
