// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.report.internal.FactsLayout.Column;
import org.reformtargets.report.internal.FactsLayout.Kind;
import org.reformtargets.report.internal.FactsLayout.ListName;
import org.reformtargets.report.internal.FactsLayout.SheetSpec;

/**
 * Writes the XLSX facts template of a rule set: the guide sheet (Vietnamese), one sheet per kind of
 * record with a frozen two-row header (label, JSON name), drop-down lists from the rule set's
 * vocabulary, and the records of a seed document, if any, as rows.
 *
 * <p>Figures are written so that reading them back gives the same numbers, scale included: a count
 * or value that a spreadsheet number holds exactly (at most 15 significant digits, no trailing zeros
 * beyond them) is a number cell; any other (a count beyond 2^53, {@code 23.50}) is a text cell with
 * its exact digits.
 */
@API(status = INTERNAL, since = "0.1")
public final class FactsTemplate {

    /** Data validations cover at least this many rows below the header. */
    static final int ROWS_OFFERED = 2_000;
    /** The largest count a spreadsheet number holds exactly. */
    private static final long EXACT = 1L << 53;

    private final RuleSet ruleSet;
    private final Vocabulary words;
    /** Streamed, strings inline: a whole document of thousands of rows is written in bounded memory and time. */
    private final SXSSFWorkbook book = new SXSSFWorkbook(null, 200, false, false);
    private final CellStyle header;
    private final CellStyle names;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle count;
    private final CellStyle title;
    private final CellStyle input;
    private final CellStyle bold;
    private final CellStyle wrap;

    private FactsTemplate(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.words = ruleSet.vocabulary();
        short textFormat = book.createDataFormat().getFormat("@");
        Font boldFont = book.createFont();
        boldFont.setBold(true);
        header = book.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        Font small = book.createFont();
        small.setFontHeightInPoints((short) 8);
        small.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        names = book.createCellStyle();
        names.setFont(small);
        names.setDataFormat(textFormat);
        text = book.createCellStyle();
        text.setDataFormat(textFormat);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
        count = book.createCellStyle();
        count.setDataFormat(book.createDataFormat().getFormat("#,##0.############"));
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = book.createCellStyle();
        title.setFont(big);
        input = book.createCellStyle();
        input.cloneStyleFrom(text);
        input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        input.setBorderBottom(BorderStyle.THIN);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
    }

    /** Writes the template of {@code ruleSet}, with {@code seed}'s records as rows (null: none), to {@code out} (left open). */
    public static void write(RuleSet ruleSet, FactsDocument seed, OutputStream out) throws IOException {
        FactsTemplate t = new FactsTemplate(ruleSet);
        try {
            t.fill(seed == null ? new FactsDocument(null, null, null, null, null, null) : seed);
            t.book.write(out);
        } finally {
            t.book.close();
        }
    }

    private void fill(FactsDocument seed) {
        Sheet guide = book.createSheet(FactsLayout.GUIDE);
        Map<SheetSpec, Sheet> sheets = new java.util.LinkedHashMap<>();
        for (SheetSpec spec : FactsLayout.SHEETS) {
            sheets.put(spec, book.createSheet(spec.name()));
        }
        Sheet lists = book.createSheet(FactsLayout.LISTS);
        int lastRow = FactsLayout.FIRST_DATA_ROW + Math.max(Math.max(seed.units().size(), seed.measurements().size()),
                Math.max(seed.events().size(), seed.attestations().size())) + ROWS_OFFERED;
        lastRow = Math.min(lastRow, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
        for (Map.Entry<SheetSpec, Sheet> e : sheets.entrySet()) {
            layOut(e.getValue(), e.getKey(), lastRow);
        }
        writeRows(sheets.get(FactsLayout.UNITS), seed.units(), this::unit);
        writeRows(sheets.get(FactsLayout.MEASUREMENTS), seed.measurements(), this::measurement);
        writeRows(sheets.get(FactsLayout.EVENTS), seed.events(), this::event);
        writeRows(sheets.get(FactsLayout.ATTESTATIONS), seed.attestations(), this::attestation);
        writeLists(lists, lastRow);
        book.setSheetVisibility(book.getSheetIndex(lists), SheetVisibility.HIDDEN);
        writeGuide(guide, seed);
        book.setActiveSheet(0);
    }

    // ---- records as rows ----

    private interface Cells<T> {
        void write(T record, Row row);
    }

    private <T> void writeRows(Sheet sheet, List<T> records, Cells<T> cells) {
        int r = FactsLayout.FIRST_DATA_ROW;
        for (T record : records) {
            cells.write(record, sheet.createRow(r++));
        }
    }

    private void unit(Unit u, Row row) {
        text(row, 0, u.id());
        text(row, 1, u.name());
        text(row, 2, u.level() == null ? null
                : labelled(u.level().code(), words.level(u.level().code()).map(l -> l.label().vi()).orElse(null)));
        text(row, 3, u.parent());
    }

    private void measurement(Measurement m, Row row) {
        text(row, 0, m.unit());
        text(row, 1, indicator(m.indicator()));
        text(row, 2, field(m.field()));
        period(row, 3, m.period());
        count(row, 4, m.numerator());
        count(row, 5, m.denominator());
        number(row, 6, m.value());
    }

    private void event(Event e, Row row) {
        text(row, 0, e.unit());
        text(row, 1, e.type() == null ? null
                : labelled(e.type(), words.eventType(e.type()).map(t -> t.label().vi()).orElse(null)));
        date(row, 2, e.date());
        text(row, 3, e.subject());
        text(row, 4, e.task());
        date(row, 5, e.deadline());
        text(row, 6, e.report());
        period(row, 7, e.period());
        text(row, 8, e.title());
    }

    private void attestation(Attestation a, Row row) {
        text(row, 0, a.unit());
        text(row, 1, attestationKey(a.key()));
        period(row, 2, a.period());
        if (a.value() instanceof Boolean b) {
            row.createCell(3).setCellValue(b);
        } else if (a.value() != null) {
            text(row, 3, a.value().toString());
        }
    }

    private String indicator(String code) {
        return code == null ? null : labelled(code, words.indicator(code).map(i -> i.counted().vi()).orElse(null));
    }

    private String field(String code) {
        return code == null ? null : labelled(code, words.field(code).map(f -> f.label().vi()).orElse(null));
    }

    private String attestationKey(String code) {
        return code == null ? null : labelled(code, words.attestation(code).map(a -> a.label().vi()).orElse(null));
    }

    private static String labelled(String code, String label) {
        return label == null || code.isBlank() ? code : code + FactsLayout.CODE_LABEL + label;
    }

    private static Cell styled(Row row, int col, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellStyle(style);
        return c;
    }

    private void text(Row row, int col, String value) {
        if (value != null) {
            styled(row, col, text).setCellValue(value);
        }
    }

    private void period(Row row, int col, Period p) {
        text(row, col, p == null ? null : p.toString());
    }

    private void date(Row row, int col, LocalDate d) {
        if (d != null) {
            styled(row, col, date).setCellValue(d);
        }
    }

    private void count(Row row, int col, Long n) {
        if (n == null) {
            return;
        }
        if (Math.abs((double) n) <= EXACT && n != Long.MIN_VALUE) {
            styled(row, col, count).setCellValue((double) n);
        } else {
            text(row, col, Long.toString(n));
        }
    }

    private void number(Row row, int col, BigDecimal v) {
        if (v == null) {
            return;
        }
        if (exactAsNumber(v)) {
            styled(row, col, count).setCellValue(v.doubleValue());
        } else {
            text(row, col, v.toString());
        }
    }

    /** Whether a number cell holding {@code v} reads back as {@code v} itself, scale included. */
    static boolean exactAsNumber(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return false;
        }
        return FactsWorkbookReader.decimal(NumberToTextConverter.toText(d)).equals(v);
    }

    // ---- layout, lists and drop-downs ----

    private void layOut(Sheet sheet, SheetSpec spec, int lastRow) {
        Row labels = sheet.createRow(FactsLayout.LABEL_ROW);
        Row fieldNames = sheet.createRow(FactsLayout.NAME_ROW);
        labels.setHeightInPoints(30);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int col = 0; col < spec.columns().size(); col++) {
            Column c = spec.columns().get(col);
            Cell label = labels.createCell(col);
            label.setCellStyle(header);
            label.setCellValue(c.required() ? c.label() + " *" : c.label());
            Cell name = fieldNames.createCell(col);
            name.setCellStyle(names);
            name.setCellValue(c.field());
            sheet.setColumnWidth(col, 256 * switch (c.kind()) {
                case CODE -> 40;
                case TEXT -> c.field().equals("name") || c.field().equals("title") ? 40 : 18;
                default -> 14;
            });
            sheet.setDefaultColumnStyle(col, switch (c.kind()) {
                case DATE -> date;
                case COUNT, NUMBER -> count;
                case ANSWER -> book.createCellStyle();
                default -> text;
            });
            if (c.list() != null) {
                DataValidationConstraint constraint = helper.createFormulaListConstraint(c.list().range);
                DataValidation v = helper.createValidation(constraint,
                        new CellRangeAddressList(FactsLayout.FIRST_DATA_ROW, lastRow, col, col));
                boolean strict = c.kind() == Kind.CODE;
                v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
                v.setShowErrorBox(true);
                v.createErrorBox(c.label(), strict ? "Chọn một mục trong danh sách " + c.list().title + "."
                        : "Giá trị không có trong danh sách " + c.list().title + "; kiểm tra lại trước khi tiếp tục.");
                v.setShowPromptBox(true);
                v.createPromptBox(c.label(), c.help());
                v.setSuppressDropDownArrow(true);
                sheet.addValidationData(v);
            }
        }
        sheet.createFreezePane(0, FactsLayout.FIRST_DATA_ROW);
    }

    private void writeLists(Sheet lists, int lastRow) {
        Map<ListName, List<String>> items = new EnumMap<>(ListName.class);
        items.put(ListName.LEVELS, words.levels().stream().map(l -> labelled(l.code(), l.label().vi())).toList());
        items.put(ListName.INDICATORS, words.indicators().stream()
                .map(i -> labelled(i.code(), i.counted().vi())).toList());
        items.put(ListName.FIELDS, words.fields().stream().map(f -> labelled(f.code(), f.label().vi())).toList());
        items.put(ListName.EVENT_TYPES, words.eventTypes().stream()
                .map(t -> labelled(t.code(), t.label().vi())).toList());
        items.put(ListName.ATTESTATIONS, words.attestations().stream()
                .map(a -> labelled(a.key(), a.label().vi())).toList());
        items.put(ListName.PERIODS, periods(ruleSet.manifest().period()));
        items.put(ListName.REPORTS, List.of("Q1", "H1", "9M", "Y"));
        List<List<String>> columns = new ArrayList<>();
        int longest = 0;
        Row head = lists.createRow(0);
        for (Map.Entry<ListName, List<String>> e : items.entrySet()) {
            List<String> values = e.getValue().isEmpty() ? List.of("") : e.getValue();
            int col = columns.size();
            columns.add(values);
            longest = Math.max(longest, values.size());
            head.createCell(col).setCellValue(e.getKey().title);
            lists.setColumnWidth(col, 256 * 50);
            name(e.getKey().range, "'" + FactsLayout.LISTS + "'!" + range(col, 1, values.size()));
        }
        for (int i = 0; i < longest; i++) {
            Row row = lists.createRow(i + 1);
            for (int col = 0; col < columns.size(); col++) {
                if (i < columns.get(col).size()) {
                    Cell c = row.createCell(col);
                    c.setCellStyle(text);
                    c.setCellValue(columns.get(col).get(i));
                }
            }
        }
        name(ListName.UNITS.range, "'" + FactsLayout.UNITS.name() + "'!"
                + range(0, FactsLayout.FIRST_DATA_ROW, lastRow - FactsLayout.FIRST_DATA_ROW + 1));
    }

    private static String range(int col, int firstRow, int rows) {
        return new CellReference(firstRow, col, true, true).formatAsString() + ":"
                + new CellReference(firstRow + rows - 1, col, true, true).formatAsString();
    }

    private void name(String name, String formula) {
        Name n = book.createName();
        n.setNameName(name);
        n.setRefersToFormula(formula);
    }

    /**
     * The periods offered for the rule set's {@code period}: its year, halves, quarters, months and
     * year-to-date spans, then the previous year's year, halves and quarters (for comparisons).
     */
    static List<String> periods(Period period) {
        int y = period.year();
        List<String> out = new ArrayList<>();
        Period year = Period.year(y);
        out.add(year.toString());
        year.split(Period.Kind.HALF).forEach(p -> out.add(p.toString()));
        year.split(Period.Kind.QUARTER).forEach(p -> out.add(p.toString()));
        year.split(Period.Kind.MONTH).forEach(p -> out.add(p.toString()));
        for (int m = 2; m <= 11; m++) {
            Period span = Period.toMonth(y, m);
            if (span.kind() == Period.Kind.SPAN) {
                out.add(span.toString());
            }
        }
        Period previous = Period.year(y - 1);
        out.add(previous.toString());
        previous.split(Period.Kind.HALF).forEach(p -> out.add(p.toString()));
        previous.split(Period.Kind.QUARTER).forEach(p -> out.add(p.toString()));
        return List.copyOf(out);
    }

    // ---- the guide ----

    private void writeGuide(Sheet guide, FactsDocument seed) {
        guide.setColumnWidth(0, 256 * 34);
        guide.setColumnWidth(1, 256 * 30);
        guide.setColumnWidth(2, 256 * 14);
        guide.setColumnWidth(3, 256 * 70);
        Row head = guide.createRow(0);
        Cell t = head.createCell(0);
        t.setCellStyle(title);
        t.setCellValue("Mẫu nhập số liệu cải cách hành chính: " + ruleSet.manifest().title().vi());
        String ruleSetId = seed.ruleSet() != null ? seed.ruleSet() : ruleSet.id();
        documentCell(guide, FactsLayout.RULE_SET_ROW, "Bộ chỉ tiêu", "ruleSet").setCellValue(ruleSetId);
        Cell asOf = documentCell(guide, FactsLayout.AS_OF_ROW, "Số liệu tính đến ngày *", "asOf");
        if (seed.asOf() != null) {
            asOf.setCellValue(seed.asOf());
        }
        CellStyle asOfStyle = book.createCellStyle();
        asOfStyle.cloneStyleFrom(input);
        asOfStyle.setDataFormat(date.getDataFormat());
        asOf.setCellStyle(asOfStyle);
        int r = FactsLayout.AS_OF_ROW + 2;
        r = paragraph(guide, r, bold, "Cách điền");
        r = paragraph(guide, r, wrap, "Điền ngày số liệu ở ô B" + (FactsLayout.AS_OF_ROW + 1)
                + " (ô màu vàng), rồi điền từng trang: mỗi dòng một bản ghi. Cột có dấu * là bắt buộc."
                + " Dòng trống được bỏ qua.");
        r = paragraph(guide, r, wrap, "Không đổi tên các trang và không xóa hai dòng tiêu đề (dòng 2 ghi tên trường"
                + " mà phần mềm đọc); có thể đổi thứ tự cột.");
        r = paragraph(guide, r, wrap, "Chỉ số, lĩnh vực, cấp, loại sự kiện và nội dung xác nhận: chọn trong danh"
                + " sách thả xuống (mã — tên); có thể chỉ gõ mã.");
        r = paragraph(guide, r, wrap, "Ngày: gõ 30/06/2021 hoặc 2021-06-30.");
        r = paragraph(guide, r, wrap, "Kỳ: 2021 (cả năm), 2021-H1 (6 tháng đầu năm), 2021-Q3 (quý III),"
                + " 2021-07 (tháng 7), 2021-01/2021-09 (lũy kế 9 tháng, luôn từ tháng 1).");
        r = paragraph(guide, r, wrap, "Tỷ lệ: nhập số hồ sơ đạt (tử số) và tổng số hồ sơ (mẫu số), không nhập tỷ lệ %;"
                + " phần mềm tự tính tỷ lệ.");
        r++;
        Row cols = guide.createRow(r++);
        String[] heads = {"Trang / cột", "Tên trường", "Bắt buộc", "Cách nhập"};
        for (int i = 0; i < heads.length; i++) {
            Cell c = cols.createCell(i);
            c.setCellStyle(header);
            c.setCellValue(heads[i]);
        }
        for (SheetSpec spec : FactsLayout.SHEETS) {
            Row s = guide.createRow(r++);
            Cell name = s.createCell(0);
            name.setCellStyle(bold);
            name.setCellValue("Trang " + spec.name());
            s.createCell(3).setCellValue(spec.purpose());
            for (Column c : spec.columns()) {
                Row row = guide.createRow(r++);
                row.createCell(0).setCellValue("   " + c.label());
                row.createCell(1).setCellValue(c.field());
                row.createCell(2).setCellValue(c.required() ? "có" : "");
                row.createCell(3).setCellValue(c.help());
            }
        }
    }

    private Cell documentCell(Sheet guide, int r, String label, String field) {
        Row row = guide.createRow(r);
        Cell l = row.createCell(0);
        l.setCellStyle(bold);
        l.setCellValue(label);
        Cell value = row.createCell(1);
        value.setCellStyle(input);
        Cell name = row.createCell(2);
        name.setCellStyle(names);
        name.setCellValue(field);
        return value;
    }

    private static int paragraph(Sheet sheet, int r, CellStyle style, String text) {
        Cell c = sheet.createRow(r).createCell(0);
        c.setCellStyle(style);
        c.setCellValue(text);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, 3));
        if (style.getWrapText()) {
            sheet.getRow(r).setHeightInPoints(30);
        }
        return r + 1;
    }
}
