// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import java.util.List;
import java.util.Optional;

/**
 * The layout of the XLSX facts template, shared by its writer ({@link FactsTemplate}) and its reader
 * ({@link FactsWorkbookReader}): the sheets, their columns (a Vietnamese label over the JSON field
 * name of the facts contract), what each column holds, and the lists its drop-downs draw on.
 */
final class FactsLayout {

    private FactsLayout() {
    }

    /** The guide sheet, first; it also holds the document's {@code ruleSet} and {@code asOf}. */
    static final String GUIDE = "Hướng dẫn";
    /** The hidden sheet that feeds the drop-down lists. */
    static final String LISTS = "Danh mục";
    /** Row (0-based) of the Vietnamese labels, and of the JSON field names under them. */
    static final int LABEL_ROW = 0;
    static final int NAME_ROW = 1;
    /** First data row (0-based). */
    static final int FIRST_DATA_ROW = 2;
    /** Rows of the guide sheet (0-based) holding the document's rule set and date: label, value, JSON name. */
    static final int RULE_SET_ROW = 2;
    static final int AS_OF_ROW = 3;
    /** Separates a code from its label in a cell ({@code dossiers.on_time — hồ sơ giải quyết đúng hạn}). */
    static final String CODE_LABEL = " — ";

    /** What a column holds, which decides how a cell is written and read. */
    enum Kind {
        /** An id, a name, a title: text as typed. */
        TEXT,
        /** A word of the vocabulary: the code, optionally followed by {@link #CODE_LABEL} and its label. */
        CODE,
        /** A date: an Excel date, or text {@code 2021-06-30} or {@code 30/06/2021}. */
        DATE,
        /** A period as text ({@code 2021-Q3}); a whole number is a year. */
        PERIOD,
        /** A whole count, never a percentage. */
        COUNT,
        /** A number, never a percentage. */
        NUMBER,
        /** An attestation's value: TRUE/FALSE or a word. */
        ANSWER
    }

    /** The named ranges of the lists sheet (and of the units' ids) that drop-downs refer to. */
    enum ListName {
        LEVELS("DM_CAP", "Cấp đơn vị"),
        INDICATORS("DM_CHI_SO", "Chỉ số"),
        FIELDS("DM_LINH_VUC", "Lĩnh vực"),
        EVENT_TYPES("DM_SU_KIEN", "Loại sự kiện"),
        ATTESTATIONS("DM_XAC_NHAN", "Nội dung xác nhận"),
        PERIODS("DM_KY", "Kỳ"),
        REPORTS("DM_BAO_CAO", "Báo cáo"),
        /** Not on the lists sheet: the id column of the units sheet, so units added there are offered too. */
        UNITS("DS_DON_VI", "Đơn vị");

        final String range;
        final String title;

        ListName(String range, String title) {
            this.range = range;
            this.title = title;
        }
    }

    /**
     * A column: the JSON field, its Vietnamese label, what it holds, its drop-down (or {@code null}),
     * whether a sheet with data must have it, and how to fill it (for the guide).
     */
    record Column(String field, String label, Kind kind, ListName list, boolean required, String help) {
    }

    /** A sheet of records: the contract's array, the sheet's name, an English name also accepted, its columns. */
    record SheetSpec(String array, String name, String english, String purpose, List<Column> columns) {

        Optional<Column> column(String field) {
            return columns.stream().filter(c -> c.field().equals(field)).findFirst();
        }

        /** The column whose JSON name or Vietnamese label is {@code header}, ignoring case and spaces at the ends. */
        Optional<Column> byHeader(String header) {
            String h = header.strip();
            return columns.stream().filter(c -> c.field().equalsIgnoreCase(h) || c.label().equalsIgnoreCase(h))
                    .findFirst();
        }
    }

    private static final Column UNIT = new Column("unit", "Mã đơn vị", Kind.TEXT, ListName.UNITS, true,
            "mã của một đơn vị ở trang Đơn vị");

    static final SheetSpec UNITS = new SheetSpec("units", "Đơn vị", "Units",
            "Các đơn vị: mỗi dòng một đơn vị, với cấp và đơn vị cấp trên.", List.of(
            new Column("id", "Mã đơn vị", Kind.TEXT, null, true, "mã ngắn, không trùng, ví dụ snn-hcm"),
            new Column("name", "Tên đơn vị", Kind.TEXT, null, false, "tên đầy đủ"),
            new Column("level", "Cấp", Kind.CODE, ListName.LEVELS, true, "chọn trong danh sách"),
            new Column("parent", "Mã đơn vị cấp trên", Kind.TEXT, ListName.UNITS, false,
                    "để trống với đơn vị cao nhất")));

    static final SheetSpec MEASUREMENTS = new SheetSpec("measurements", "Số liệu", "Measurements",
            "Số liệu theo kỳ: tỷ lệ nhập bằng tử số và mẫu số (số hồ sơ), chỉ số đếm nhập ở cột Giá trị.",
            List.of(UNIT,
                    new Column("indicator", "Chỉ số", Kind.CODE, ListName.INDICATORS, true, "chọn trong danh sách"),
                    new Column("field", "Lĩnh vực", Kind.CODE, ListName.FIELDS, false,
                            "để trống với số liệu chung của đơn vị"),
                    new Column("period", "Kỳ", Kind.PERIOD, ListName.PERIODS, true, "chọn hoặc gõ, ví dụ 2021-Q1"),
                    new Column("numerator", "Tử số", Kind.COUNT, null, false,
                            "số hồ sơ (trường hợp) đạt, số nguyên; không nhập tỷ lệ %"),
                    new Column("denominator", "Mẫu số", Kind.COUNT, null, false, "tổng số hồ sơ (trường hợp), số nguyên"),
                    new Column("value", "Giá trị", Kind.NUMBER, null, false,
                            "với chỉ số đếm (không phải tỷ lệ): số lượng")));

    static final SheetSpec EVENTS = new SheetSpec("events", "Sự kiện", "Events",
            "Sự kiện có ngày: kiểm tra, đối thoại, sáng kiến, nhiệm vụ hoàn thành, báo cáo đã gửi…", List.of(UNIT,
            new Column("type", "Loại sự kiện", Kind.CODE, ListName.EVENT_TYPES, true, "chọn trong danh sách"),
            new Column("date", "Ngày", Kind.DATE, null, false, "ngày diễn ra; bắt buộc trừ nhiệm vụ được giao"),
            new Column("subject", "Đơn vị được kiểm tra", Kind.TEXT, ListName.UNITS, false, "với kiểm tra"),
            new Column("task", "Nhiệm vụ", Kind.TEXT, null, false, "mã nhiệm vụ, với nhiệm vụ được giao/hoàn thành"),
            new Column("deadline", "Hạn", Kind.DATE, null, false, "hạn của nhiệm vụ, nếu có"),
            new Column("report", "Báo cáo", Kind.TEXT, ListName.REPORTS, false,
                    "với báo cáo đã gửi: Q1, H1, 9M hoặc Y"),
            new Column("period", "Kỳ báo cáo", Kind.PERIOD, ListName.PERIODS, false,
                    "kỳ mà báo cáo nói đến, ví dụ 2021-H1"),
            new Column("title", "Tên", Kind.TEXT, null, false, "tên sáng kiến, sản phẩm")));

    static final SheetSpec ATTESTATIONS = new SheetSpec("attestations", "Xác nhận", "Attestations",
            "Nội dung xác nhận (không đếm): TRUE/FALSE hoặc một xếp loại.", List.of(UNIT,
            new Column("key", "Nội dung xác nhận", Kind.CODE, ListName.ATTESTATIONS, true, "chọn trong danh sách"),
            new Column("period", "Kỳ", Kind.PERIOD, ListName.PERIODS, false, "để trống nếu không gắn với kỳ nào"),
            new Column("value", "Giá trị", Kind.ANSWER, null, true,
                    "TRUE hoặc FALSE; với xếp loại, một từ như GOOD")));

    /** The record sheets, in the order of the contract. */
    static final List<SheetSpec> SHEETS = List.of(UNITS, MEASUREMENTS, EVENTS, ATTESTATIONS);

    /** The code of a cell of a {@link Kind#CODE} column: the text before {@link #CODE_LABEL}, stripped. */
    static String code(String cell) {
        int at = cell.indexOf(CODE_LABEL);
        return (at < 0 ? cell : cell.substring(0, at)).strip();
    }
}
