// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.reformtargets.core.Status;

/**
 * The cell styles of one scorecard workbook, each made once and shared by every cell that uses it
 * (a workbook holds at most 64,000 styles): header, bold, a fill per status, whole numbers, and
 * decimals at each number of places, plain or as percentages.
 */
final class XlsxStyles {

    /** Excel's greatest indent level. */
    private static final int MAX_INDENT = 15;

    /** The status fills: pale green, pale red, amber, grey (as Excel's "good", "bad", "neutral" cell styles). */
    private static final Map<Status, String> FILLS = new EnumMap<>(Map.of(
            Status.MET, "C6EFCE",
            Status.NOT_MET, "FFC7CE",
            Status.INSUFFICIENT_DATA, "FFEB9C",
            Status.NOT_APPLICABLE, "E7E6E6"));

    private final Workbook book;
    private final CellStyle header;
    private final CellStyle bold;
    private final CellStyle boldInteger;
    private final CellStyle integer;
    private final CellStyle date;
    private final Map<Status, CellStyle> status = new EnumMap<>(Status.class);
    private final Map<String, CellStyle> decimals = new HashMap<>();
    private final Map<Integer, CellStyle> indents = new HashMap<>();

    XlsxStyles(Workbook book) {
        this.book = book;
        Font boldFont = book.createFont();
        boldFont.setBold(true);
        header = book.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setBorderBottom(BorderStyle.THIN);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        integer = book.createCellStyle();
        integer.setDataFormat(book.createDataFormat().getFormat("0"));
        boldInteger = book.createCellStyle();
        boldInteger.cloneStyleFrom(integer);
        boldInteger.setFont(boldFont);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.LEFT);
        for (Status s : Status.values()) {
            XSSFCellStyle style = (XSSFCellStyle) book.createCellStyle();
            style.setFillForegroundColor(new XSSFColor(rgb(FILLS.get(s)), null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            status.put(s, style);
        }
    }

    private static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
                (byte) Integer.parseInt(hex.substring(2, 4), 16), (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }

    CellStyle header() {
        return header;
    }

    CellStyle bold() {
        return bold;
    }

    /** Whole numbers, without grouping: {@code 0}. */
    CellStyle integer() {
        return integer;
    }

    CellStyle boldInteger() {
        return boldInteger;
    }

    /** An ISO date, {@code yyyy-mm-dd}. */
    CellStyle date() {
        return date;
    }

    /** The fill of {@code s}. */
    CellStyle status(Status s) {
        return status.get(s);
    }

    /** Text indented by {@code depth} levels (at most Excel's 15). */
    CellStyle indent(int depth) {
        int d = Math.min(Math.max(depth, 0), MAX_INDENT);
        return indents.computeIfAbsent(d, k -> {
            CellStyle s = book.createCellStyle();
            s.setIndention(k.shortValue());
            return s;
        });
    }

    /**
     * A decimal shown with exactly {@code places} places and no grouping ({@code 0.00}), or, when
     * {@code percent}, a fraction shown as a percentage with {@code places} places ({@code 0.00%}).
     */
    CellStyle decimal(int places, boolean percent) {
        return decimals.computeIfAbsent(format(places, percent), f -> {
            CellStyle s = book.createCellStyle();
            s.setDataFormat(book.createDataFormat().getFormat(f));
            return s;
        });
    }

    /** The number format of {@link #decimal(int, boolean)}. */
    static String format(int places, boolean percent) {
        StringBuilder b = new StringBuilder("0");
        if (places > 0) {
            b.append('.').append("0".repeat(places));
        }
        if (percent) {
            b.append('%');
        }
        return b.toString();
    }
}
