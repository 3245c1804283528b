// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apiguardian.api.API;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.report.internal.FactsLayout.Column;
import org.reformtargets.report.internal.FactsLayout.Kind;
import org.reformtargets.report.internal.FactsLayout.SheetSpec;

/**
 * Reads a filled XLSX facts template back into a {@link FactsDocument}.
 *
 * <p>Each cell is read by what its column holds (dates as Excel dates or text, counts as numbers or
 * text, never a percentage); what a cell cannot give is a problem at that cell. The records are then
 * passed, as a JSON document in memory, through the core's own JSON reader
 * ({@link ReformTargetsJson#readFacts(InputStream, String, RuleSet)}), so that the workbook is
 * validated exactly as JSON is; each problem it finds at {@code measurements[3].numerator} is moved to
 * its cell ({@code Số liệu!E6}). Nothing is returned when any problem is found.
 */
@API(status = INTERNAL, since = "0.1")
public final class FactsWorkbookReader {

    /** The largest workbook read, in bytes. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** The most bytes the workbook's parts may hold once unpacked. */
    static final long MAX_UNPACKED = 512L * 1024 * 1024;
    /** The most rows read, over all sheets. */
    public static final int MAX_ROWS = 1_000_000;

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern VN_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:([.,  ])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern ELEMENT = Pattern.compile("(units|measurements|events|attestations)\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern MENTION = Pattern.compile(
            "(units|measurements|events|attestations)\\[(\\d+)](?: \\(line \\d+\\))?");
    /**
     * Yes and no as typed in Vietnamese, for a yes/no attestation (TRUE and FALSE are boolean cells).
     * English words stay text: a JSON document may give them, and they must read back as given.
     */
    private static final Set<String> YES = Set.of("có", "đúng");
    private static final Set<String> NO = Set.of("không", "sai");

    private static final String UNCACHED = "holds a formula with no computed value: open and save the file in Excel,"
            + " or type the value — ô có công thức chưa được tính: mở và lưu lại tệp bằng Excel, hoặc gõ giá trị";

    private final int maxRows;
    private final String source;
    private final RuleSet ruleSet;
    private final Vocabulary words;
    /** Problems found at cells, with their sheet order, row and column for sorting. */
    private final List<Placed> problems = new ArrayList<>();
    /** The JSON paths whose cells are already reported; the JSON reader's problems there are dropped. */
    private final Set<String> reported = new HashSet<>();
    /** Where each record came from: its sheet, header and rows. */
    private final Map<String, Read> reads = new HashMap<>();
    private int guideRuleSetRow = FactsLayout.RULE_SET_ROW;
    private int guideAsOfRow = FactsLayout.AS_OF_ROW;
    private String guideName = FactsLayout.GUIDE;

    private record Placed(int sheet, int row, int col, Problem problem) {
    }

    /** A record sheet as read: its name, its order in the workbook's layout, the column of each field, the row of each record. */
    private record Read(SheetSpec spec, String sheetName, int order, Map<String, Integer> columns, int headerRow,
                        List<Integer> rows) {
    }

    private FactsWorkbookReader(String source, RuleSet ruleSet, int maxRows) {
        this.maxRows = maxRows;
        this.source = source;
        this.ruleSet = ruleSet;
        this.words = ruleSet == null ? Vocabulary.standard() : ruleSet.vocabulary();
    }

    /**
     * Reads a workbook.
     *
     * @param ruleSet checks the words against its vocabulary too; {@code null} checks the structure only
     * @throws InvalidFactsException listing every problem, each at its cell
     */
    public static FactsDocument read(InputStream in, String source, RuleSet ruleSet) {
        return read(in, source, ruleSet, MAX_ROWS);
    }

    /** Reads a workbook of at most {@code maxRows} rows (lower than {@link #MAX_ROWS} in tests). */
    static FactsDocument read(InputStream in, String source, RuleSet ruleSet, int maxRows) {
        return new FactsWorkbookReader(source, ruleSet, maxRows).read(in);
    }

    private FactsDocument read(InputStream in) {
        byte[] bytes = bytes(in);
        checkZip(bytes);
        byte[] json;
        try (XSSFWorkbook book = open(bytes)) {
            json = toJson(book);
        } catch (IOException e) {
            throw whole("cannot be read: " + e.getMessage(), e);
        }
        FactsDocument facts = null;
        List<Problem> found = new ArrayList<>();
        long omitted = 0;
        try {
            facts = ruleSet == null ? ReformTargetsJson.readFacts(new ByteArrayInputStream(json), source)
                    : ReformTargetsJson.readFacts(new ByteArrayInputStream(json), source, ruleSet);
        } catch (InvalidFactsException e) {
            for (Problem p : e.problems()) {
                if (p.path() == null || !reported.contains(p.path())) {
                    problems.add(toCell(p));
                }
            }
            omitted = e.omitted();
        }
        if (problems.isEmpty() && omitted == 0) {
            return facts;
        }
        problems.sort(Comparator.comparingInt(Placed::sheet).thenComparingInt(Placed::row)
                .thenComparingInt(Placed::col));
        for (Placed p : problems) {
            found.add(p.problem());
        }
        long total = found.size() + omitted;
        List<Problem> listed = found.size() > InvalidFactsException.MAX_LISTED
                ? List.copyOf(found.subList(0, InvalidFactsException.MAX_LISTED)) : found;
        throw new InvalidFactsException(listed, total, null);
    }

    // ---- the file ----

    private byte[] bytes(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw whole(String.format(Locale.ROOT, "is larger than the %,d MB a facts workbook may be: split it"
                        + " by unit", MAX_BYTES / 1024 / 1024), null);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Refuses what is not a zip, and a zip that unpacks to more than {@link #MAX_UNPACKED}, before POI opens it. */
    private void checkZip(byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            throw whole("is a password-protected workbook or an old .xls file, not an .xlsx workbook: remove the"
                    + " password and save it as Excel Workbook (.xlsx) — bỏ mật khẩu và lưu lại dạng .xlsx", null);
        }
        FactsZipScan.Scan scan;
        try {
            scan = FactsZipScan.scan(bytes, MAX_UNPACKED);
        } catch (FactsZipScan.Refused e) {
            throw whole(e.getMessage(), null);
        } catch (IOException | RuntimeException e) {
            throw whole(notAWorkbook(), e);
        }
        if (scan.entries() == 0) {
            throw whole(notAWorkbook(), null);
        }
        long rows = scan.rows();
        if (rows > maxRows) {
            FactsZipScan.SheetRows most = scan.sheets().stream()
                    .max(Comparator.comparingLong(FactsZipScan.SheetRows::rows)).orElseThrow();
            throw new InvalidFactsException(List.of(new Problem(source, most.sheet() + "!A" + most.lastRow(), 0, 0,
                    String.format(Locale.ROOT, "has %,d rows in all (%,d on this sheet), more than the %,d a facts"
                            + " workbook may have: split it by unit — tệp có %,d dòng, quá %,d dòng cho phép: hãy tách"
                            + " theo đơn vị", rows, most.rows(), maxRows, rows, maxRows))), null);
        }
    }

    private static String notAWorkbook() {
        return "is not an .xlsx workbook (it is damaged, or another kind of file): open it in a spreadsheet and"
                + " save it as Excel Workbook (.xlsx) — tệp không phải bảng tính .xlsx";
    }

    private XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                    throw whole("unpacks to more than a facts workbook may (a part grows more than "
                            + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times when unpacked, as a zip"
                            + " bomb does): save it again from Excel — tệp giải nén ra quá lớn (dấu hiệu tệp độc hại):"
                            + " hãy lưu lại bằng Excel", e);
                }
            }
            throw whole(notAWorkbook(), e);
        }
    }

    private InvalidFactsException whole(String message, Throwable cause) {
        return new InvalidFactsException(List.of(new Problem(source, null, 0, 0, message)), cause);
    }

    // ---- the workbook, as JSON ----

    private byte[] toJson(XSSFWorkbook book) throws IOException {
        long rows = 0;
        for (Sheet s : book) {
            rows += s.getPhysicalNumberOfRows();
        }
        if (rows > maxRows) {
            throw whole(String.format(Locale.ROOT, "has %,d rows, more than the %,d a facts workbook may have:"
                    + " split it by unit", rows, maxRows), null);
        }
        boolean any = false;
        for (SheetSpec spec : FactsLayout.SHEETS) {
            any |= sheet(book, spec) != null;
        }
        int before = problems.size();
        strangers(book);
        if (any && sheet(book, FactsLayout.UNITS) == null) {
            problems.add(new Placed(-1, 0, 0, new Problem(source, null, 0, 0, "has no sheet " + FactsLayout.UNITS.name()
                    + " (units), which the units named on the other sheets need: copy it from a template — thiếu trang "
                    + FactsLayout.UNITS.name())));
        }
        if (!any && problems.size() == before) {
            throw whole("is not a facts template: it has no sheet named " + String.join(", ",
                    FactsLayout.SHEETS.stream().map(SheetSpec::name).toList())
                    + " (write one with the template command)", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            document(book, g);
            for (SheetSpec spec : FactsLayout.SHEETS) {
                g.writeFieldName(spec.array());
                g.writeStartArray();
                Sheet sheet = sheet(book, spec);
                if (sheet != null) {
                    records(sheet, spec, book.getSheetIndex(sheet), g);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (RuntimeException e) {
            if (e instanceof InvalidFactsException) {
                throw e;
            }
            throw whole("cannot be read: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Sheet sheet(XSSFWorkbook book, SheetSpec spec) {
        return find(book, spec.name(), spec.english());
    }

    /**
     * The sheet named one of {@code names}, as a person may have typed it: spaces at the ends, another
     * case, Unicode decomposed (NFD, as a Mac types {@code Số liệu}); an exact name first.
     */
    private static Sheet find(XSSFWorkbook book, String... names) {
        for (String name : names) {
            Sheet s = book.getSheet(name);
            if (s != null) {
                return s;
            }
        }
        for (Sheet s : book) {
            for (String name : names) {
                if (sheetKey(s.getSheetName()).equals(sheetKey(name))) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A sheet name as compared: stripped, composed (NFC), lower case. */
    static String sheetKey(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** A sheet name without accents, spaces or case ({@code So lieu} for {@code Số liệu}), to guess what a stray sheet was meant to be. */
    private static String folded(String name) {
        return Normalizer.normalize(sheetKey(name), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replaceAll("[^a-z0-9]", "");
    }

    /**
     * Reports each sheet that is none of the template's but holds records (a header naming two columns of
     * a record sheet, or a name like one of them, and data): its rows would otherwise be lost unseen.
     */
    private void strangers(XSSFWorkbook book) {
        Set<Sheet> known = new HashSet<>();
        for (String[] names : new String[][] {{FactsLayout.GUIDE}, {FactsLayout.LISTS}}) {
            Sheet s = find(book, names);
            if (s != null) {
                known.add(s);
            }
        }
        for (SheetSpec spec : FactsLayout.SHEETS) {
            Sheet s = sheet(book, spec);
            if (s != null) {
                known.add(s);
            }
        }
        for (Sheet s : book) {
            if (known.contains(s)) {
                continue;
            }
            SheetSpec meant = null;
            int best = 1;
            int header = -1;
            for (int r = 0; r <= Math.min(4, s.getLastRowNum()); r++) {
                for (SheetSpec spec : FactsLayout.SHEETS) {
                    int n = columnsNamed(s.getRow(r), spec);
                    if (n > best) {
                        best = n;
                        meant = spec;
                        header = r;
                    }
                }
            }
            if (meant != null && names(s.getRow(header + 1), meant, true)) {
                header++; // the row of JSON names under the labels
            }
            if (meant == null) {
                for (SheetSpec spec : FactsLayout.SHEETS) {
                    if (folded(s.getSheetName()).equals(folded(spec.name()))
                            || folded(s.getSheetName()).equals(folded(spec.english()))) {
                        meant = spec;
                    }
                }
            }
            if (meant == null || !hasData(s, header + 1)) {
                continue;
            }
            String name = s.getSheetName();
            String to = meant.name();
            boolean exists = sheet(book, meant) != null;
            add(s, Math.max(header, 0), 0, "Sheet '" + name + "' is not one of the template's sheets (" + String.join(", ",
                    FactsLayout.SHEETS.stream().map(SheetSpec::name).toList()) + "): " + (exists
                    ? "move its rows to " + to + " — trang '" + name + "' không phải trang của mẫu: chuyển các dòng"
                    + " sang trang " + to
                    : "rename it " + to + " — trang '" + name + "' không phải trang của mẫu: đổi tên thành " + to));
        }
    }

    /** How many cells of {@code row} name a column of {@code spec}, by JSON name or label. */
    private static int columnsNamed(Row row, SheetSpec spec) {
        int n = 0;
        if (row != null) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && spec.byHeader(cell.getStringCellValue().replace("*", "")).isPresent()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether a row from {@code first} on holds a cell that is not blank. */
    private static boolean hasData(Sheet sheet, int first) {
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                for (Cell c : row) {
                    if (!blank(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The document's rule set and date, from the guide sheet (found by their JSON names in its column C or labels). */
    private void document(XSSFWorkbook book, JsonGenerator g) throws IOException {
        Sheet guide = find(book, FactsLayout.GUIDE);
        if (guide == null) {
            return;
        }
        guideName = guide.getSheetName();
        for (Row row : guide) {
            Cell name = row.getCell(2);
            if (name == null || name.getCellType() != CellType.STRING) {
                continue;
            }
            Cell value = row.getCell(1);
            switch (name.getStringCellValue().strip()) {
                case "ruleSet" -> {
                    guideRuleSetRow = row.getRowNum();
                    String text = value == null || blank(value) ? null : text(value);
                    if (text != null && uncached(value)) {
                        add(guide, value.getRowIndex(), value.getColumnIndex(), UNCACHED);
                        reported.add("ruleSet");
                    } else if (text != null) {
                        g.writeStringField("ruleSet", text);
                    }
                }
                case "asOf" -> {
                    guideAsOfRow = row.getRowNum();
                    if (value != null && !blank(value)) {
                        g.writeFieldName("asOf");
                        cell(value, Kind.DATE, "asOf", null, g);
                    }
                }
                default -> {
                }
            }
        }
    }

    private void records(Sheet sheet, SheetSpec spec, int order, JsonGenerator g) throws IOException {
        int headerRow = -1;
        for (int r = 0; r <= Math.min(4, sheet.getLastRowNum()) && headerRow < 0; r++) {
            if (names(sheet.getRow(r), spec, false)) {
                headerRow = r;
            }
        }
        if (headerRow >= 0 && names(sheet.getRow(headerRow + 1), spec, true)) {
            headerRow++; // the row of JSON names under the labels
        }
        Map<String, Integer> columns = new HashMap<>();
        if (headerRow >= 0) {
            header(sheet, spec, sheet.getRow(headerRow), columns);
        }
        List<Integer> rows = new ArrayList<>();
        Read read = new Read(spec, sheet.getSheetName(), order, columns, Math.max(headerRow, 0), rows);
        reads.put(spec.array(), read);
        if (columns.isEmpty()) {
            if (sheet.getLastRowNum() > 0) {
                add(sheet, 0, 0, "has no header row naming its columns (" + String.join(", ",
                        spec.columns().stream().map(Column::field).toList()) + "): copy it from a template");
            }
            return;
        }
        int first = headerRow + 1;
        boolean missingReported = false;
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || empty(row, columns)) {
                continue;
            }
            if (!missingReported) {
                missingReported = true;
                for (Column c : spec.columns()) {
                    if (c.required() && !columns.containsKey(c.field())) {
                        add(sheet, headerRow, 0, "has no column " + c.field() + " (" + c.label() + "), which every"
                                + " row needs: add it to the header");
                    }
                }
            }
            String path = spec.array() + "[" + rows.size() + "]";
            rows.add(r);
            g.writeStartObject();
            for (Column c : spec.columns()) {
                Integer col = columns.get(c.field());
                if (col == null) {
                    reported.add(path + "." + c.field());
                    continue;
                }
                Cell cell = row.getCell(col);
                if (cell == null || blank(cell)) {
                    continue;
                }
                g.writeFieldName(c.field());
                String key = spec.array().equals("attestations") && c.kind() == Kind.ANSWER
                        ? code(row, columns.get("key")) : null;
                cell(cell, c.kind(), path + "." + c.field(), key, g);
            }
            g.writeEndObject();
        }
    }

    /** Fills {@code columns} from a header row (JSON names or Vietnamese labels); a column named twice is reported. */
    private void header(Sheet sheet, SheetSpec spec, Row names, Map<String, Integer> columns) {
        for (Cell cell : names) {
            if (cell.getCellType() != CellType.STRING) {
                continue;
            }
            spec.byHeader(cell.getStringCellValue().replace("*", "")).ifPresent(c -> {
                Integer before = columns.putIfAbsent(c.field(), cell.getColumnIndex());
                if (before != null) {
                    add(sheet, cell.getRowIndex(), cell.getColumnIndex(), "names column " + c.field() + " again (first"
                            + " in column " + CellReference.convertNumToColString(before) + "): remove one");
                }
            });
        }
    }

    /** Whether {@code row} names a column of {@code spec}: by its JSON name only, or also by its label. */
    private static boolean names(Row row, SheetSpec spec, boolean jsonOnly) {
        if (row == null) {
            return false;
        }
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                String h = cell.getStringCellValue().replace("*", "").strip();
                if (jsonOnly ? spec.column(h).isPresent() : spec.byHeader(h).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean empty(Row row, Map<String, Integer> columns) {
        for (int col : columns.values()) {
            Cell c = row.getCell(col);
            if (c != null && !blank(c)) {
                return false;
            }
        }
        return true;
    }

    private static CellType type(Cell c) {
        return c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    }

    /** Whether {@code c} is a formula saved without its value (by a program that does not calculate): it reads as 0 or "". */
    private static boolean uncached(Cell c) {
        return c.getCellType() == CellType.FORMULA && c instanceof XSSFCell x && !x.getCTCell().isSetV();
    }

    private static boolean blank(Cell c) {
        if (uncached(c)) {
            return false;
        }
        CellType t = type(c);
        return t == CellType.BLANK || t == CellType.STRING && c.getStringCellValue().isBlank();
    }

    private String code(Row row, Integer col) {
        Cell c = col == null ? null : row.getCell(col);
        String t = c == null || blank(c) ? null : text(c);
        return t == null ? null : FactsLayout.code(t);
    }

    // ---- one cell ----

    /** Writes {@code cell}'s value as the JSON of its field, or notes the problem at the cell and writes a value the JSON reader refuses quietly. */
    private void cell(Cell cell, Kind kind, String path, String attestationKey, JsonGenerator g)
            throws IOException {
        CellType t = type(cell);
        if (uncached(cell)) {
            fail(cell, path, UNCACHED, kind, g);
            return;
        }
        if (t == CellType.ERROR) {
            fail(cell, path, "holds the error " + FormulaError.forInt(cell.getErrorCellValue()).getString()
                    + ": fix the formula or type the value", kind, g);
            return;
        }
        switch (kind) {
            case TEXT -> g.writeString(text(cell));
            case CODE -> g.writeString(FactsLayout.code(text(cell)));
            case PERIOD -> period(cell, t, path, g);
            case DATE -> date(cell, t, path, g);
            case COUNT -> count(cell, t, path, g);
            case NUMBER -> number(cell, t, path, g);
            case ANSWER -> answer(cell, t, path, attestationKey, g);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void fail(Cell cell, String path, String message, Kind kind, JsonGenerator g)
            throws IOException {
        add(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex(), message);
        if (path != null) {
            reported.add(path);
        }
        if (kind == Kind.COUNT || kind == Kind.NUMBER) {
            g.writeString("?");
        } else {
            g.writeNumber(0);
        }
    }

    private static String text(Cell cell) {
        return switch (type(cell)) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    private void period(Cell cell, CellType t, String path, JsonGenerator g) throws IOException {
        if (t == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
            if (d.getDayOfMonth() == 1) {
                g.writeString(String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue()));
            } else {
                fail(cell, path, "is a date (" + vn(d) + "), not a period: " + periodHint(d), Kind.PERIOD, g);
            }
            return;
        }
        String s = text(cell);
        if (t == CellType.NUMERIC && !s.matches("\\d{4}")) {
            double n = cell.getNumericCellValue();
            String what = "is a number (" + s + "), not a period: ";
            if (n == Math.rint(n) && DateUtil.isValidExcelDate(n) && n >= 367) {
                LocalDate d = DateUtil.getLocalDateTime(n).toLocalDate();
                what = "is a date (" + vn(d) + ", " + s + " as Excel counts days), not a period: ";
                fail(cell, path, what + periodHint(d), Kind.PERIOD, g);
            } else {
                fail(cell, path, what + periodHint(null), Kind.PERIOD, g);
            }
            return;
        }
        LocalDate typed = parseDate(s);
        if (typed != null) {
            fail(cell, path, "'" + s + "' is a date, not a period: " + periodHint(typed), Kind.PERIOD, g);
            return;
        }
        g.writeString(s);
    }

    /** The forms a period is typed in, with the month and quarter {@code d} falls in when there is a date. */
    private static String periodHint(LocalDate d) {
        String forms = "type a period as text: a year 2021, a half 2021-H1, a quarter 2021-Q3, a month 2021-05 or a"
                + " year-to-date span 2021-01/2021-08";
        String vi = " — nhập kỳ dạng chữ: năm 2021, 6 tháng 2021-H1, quý 2021-Q3, tháng 2021-05 hoặc lũy kế"
                + " 2021-01/2021-08";
        if (d == null) {
            return forms + vi;
        }
        String month = String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
        String quarter = d.getYear() + "-Q" + ((d.getMonthValue() + 2) / 3);
        return forms + "; that date falls in the month " + month + " and the quarter " + quarter + vi
                + "; ngày này thuộc tháng " + month + ", quý " + quarter;
    }

    private void date(Cell cell, CellType t, String path, JsonGenerator g) throws IOException {
        if (t == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell) || DateUtil.isValidExcelDate(cell.getNumericCellValue())
                    && cell.getCellStyle().getDataFormatString().matches("(?i).*[dy].*")) {
                g.writeString(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            } else {
                fail(cell, path, "is a number (" + NumberToTextConverter.toText(cell.getNumericCellValue())
                        + "), not a date: type a date such as 30/06/2021 or 2021-06-30", Kind.DATE, g);
            }
            return;
        }
        String s = text(cell);
        LocalDate d = parseDate(s);
        if (d == null) {
            fail(cell, path, "'" + s + "' is not a date: type a date such as 30/06/2021 or 2021-06-30"
                    + " — nhập ngày dạng 30/06/2021", Kind.DATE, g);
        } else {
            g.writeString(d.toString());
        }
    }

    /** {@code 2021-06-30} or the Vietnamese {@code 30/06/2021} ({@code 30.06.2021}, {@code 30-06-2021}); {@code null} when neither. */
    static LocalDate parseDate(String s) {
        try {
            Matcher iso = ISO_DATE.matcher(s);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher vn = VN_DATE.matcher(s);
            if (vn.matches()) {
                return LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)),
                        Integer.parseInt(vn.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static String vn(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private void count(Cell cell, CellType t, String path, JsonGenerator g) throws IOException {
        String field = path.substring(path.lastIndexOf('.') + 1);
        BigDecimal n = figure(cell, t, path, Kind.COUNT, g, field);
        if (n == null) {
            return;
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            String hint = n.abs().compareTo(BigDecimal.ONE) <= 0 ? ": " + percentHint(field) : "";
            fail(cell, path, n.toPlainString() + " is not a whole number" + (hint.isEmpty()
                    ? ": a count of dossiers (cases) is whole" : hint), Kind.COUNT, g);
            return;
        }
        try {
            g.writeNumber(n.toBigIntegerExact().longValueExact());
        } catch (ArithmeticException e) {
            fail(cell, path, n.toPlainString() + " is beyond the largest count supported (" + Long.MAX_VALUE
                    + ")", Kind.COUNT, g);
        }
    }

    private void number(Cell cell, CellType t, String path, JsonGenerator g) throws IOException {
        BigDecimal n = figure(cell, t, path, Kind.NUMBER, g, "value");
        if (n != null) {
            g.writeNumber(n);
        }
    }

    /** The number in {@code cell}, or {@code null} after noting why there is none (text, a percentage). */
    private BigDecimal figure(Cell cell, CellType t, String path, Kind kind, JsonGenerator g, String field)
            throws IOException {
        if (t == CellType.NUMERIC) {
            String format = cell.getCellStyle().getDataFormatString();
            String shown = NumberToTextConverter.toText(cell.getNumericCellValue());
            if (format != null && format.contains("%")) {
                fail(cell, path, "is a percentage (" + NumberToTextConverter.toText(
                        cell.getNumericCellValue() * 100) + "%): " + percentHint(field), kind, g);
                return null;
            }
            return decimal(shown);
        }
        String s = t == CellType.STRING ? cell.getStringCellValue().strip() : text(cell);
        if (s.endsWith("%")) {
            fail(cell, path, "'" + s + "' is a percentage: " + percentHint(field), kind, g);
            return null;
        }
        if (GROUPED.matcher(s).matches()) {
            return new BigDecimal(s.replaceAll("[.,  ]", ""));
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            fail(cell, path, "'" + s + "' is not a number" + (kind == Kind.COUNT
                    ? ": type a whole number of dossiers (cases), such as 4890" : ": type a number, such as 23"), kind, g);
            return null;
        }
    }

    private static String percentHint(String field) {
        return switch (field) {
            case "numerator" -> "type the number of dossiers (the numerator), not a rate — nhập số hồ sơ (tử số),"
                    + " không nhập tỷ lệ %";
            case "denominator" -> "type the total number of dossiers (the denominator), not a rate — nhập tổng số"
                    + " hồ sơ (mẫu số), không nhập tỷ lệ %";
            default -> "type the count itself, not a rate; a rate is given as numerator and denominator — nhập số"
                    + " lượng, không nhập tỷ lệ %; tỷ lệ nhập bằng tử số và mẫu số";
        };
    }

    /** A decimal as written, with a plain whole number for {@code 23}: the number a JSON document with that text gives. */
    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    /**
     * An attestation's value: a boolean cell, or text. For a yes/no key only yes or no is taken (TRUE/FALSE,
     * có/không, đúng/sai); a number is never a value (JSON refuses one too).
     */
    private void answer(Cell cell, CellType t, String path, String key, JsonGenerator g) throws IOException {
        if (t == CellType.BOOLEAN) {
            g.writeBoolean(cell.getBooleanCellValue());
            return;
        }
        Vocabulary.AttestationTerm term = key == null ? null : words.attestation(key).orElse(null);
        boolean yesNo = term != null && term.kind() == Vocabulary.AttestationKind.BOOLEAN;
        if (t == CellType.NUMERIC) {
            fail(cell, path, "is a number (" + NumberToTextConverter.toText(cell.getNumericCellValue()) + "), not an"
                    + " answer: " + allowed(term), Kind.ANSWER, g);
            return;
        }
        String s = text(cell);
        String lower = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (yesNo && (YES.contains(lower) || lower.equals("true"))) {
            g.writeBoolean(true);
        } else if (yesNo && (NO.contains(lower) || lower.equals("false"))) {
            g.writeBoolean(false);
        } else if (yesNo) {
            fail(cell, path, "'" + s + "' is not yes or no: " + allowed(term), Kind.ANSWER, g);
        } else {
            g.writeString(s);
        }
    }

    /** What an attestation of {@code term} may say, in English and Vietnamese. */
    private static String allowed(Vocabulary.AttestationTerm term) {
        if (term != null && term.kind() == Vocabulary.AttestationKind.BOOLEAN) {
            return term.key() + " is answered yes or no: choose TRUE or FALSE, or type có or không — nội dung này"
                    + " chỉ nhận có/không (TRUE/FALSE)";
        }
        if (term != null) {
            return term.key() + " is answered with one of " + String.join(", ", term.words())
                    + " — nhập một trong các xếp loại " + String.join(", ", term.words());
        }
        return "choose TRUE or FALSE, or type a word such as GOOD — chọn TRUE/FALSE hoặc nhập một xếp loại";
    }

    private void add(Sheet sheet, int row, int col, String message) {
        int order = sheet.getWorkbook().getSheetIndex(sheet);
        problems.add(new Placed(order, row, col, new Problem(source,
                sheet.getSheetName() + "!" + new CellReference(row, col).formatAsString(), 0, 0, message)));
    }

    // ---- places ----

    /** A problem of the JSON reader, at the cell its path names. */
    private Placed toCell(Problem p) {
        String path = p.path();
        String message = mentions(p.message());
        if (path == null) {
            return new Placed(-1, 0, 0, new Problem(source, null, 0, 0, message));
        }
        if (path.equals("asOf") || path.equals("ruleSet")) {
            int row = path.equals("asOf") ? guideAsOfRow : guideRuleSetRow;
            return new Placed(0, row, 1, new Problem(source, guideName + "!"
                    + new CellReference(row, 1).formatAsString(), 0, 0, message));
        }
        Matcher m = ELEMENT.matcher(path);
        Read read = m.matches() ? reads.get(m.group(1)) : null;
        if (read == null) {
            return new Placed(-1, 0, 0, new Problem(source, path, 0, 0, message));
        }
        int index = Integer.parseInt(m.group(2));
        int row = index < read.rows().size() ? read.rows().get(index) : read.headerRow();
        Integer col = m.group(3) == null ? null : read.columns().get(m.group(3));
        if (col == null) {
            col = read.columns().values().stream().min(Integer::compare).orElse(0);
        }
        return new Placed(read.order(), row, col, new Problem(source, read.sheetName() + "!"
                + new CellReference(row, col).formatAsString(), 0, 0, message));
    }

    /** A message with its mentions of other records ({@code measurements[0] (line 1)}) turned into their rows. */
    private String mentions(String message) {
        Matcher m = MENTION.matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Read read = reads.get(m.group(1));
            int index = Integer.parseInt(m.group(2));
            String to = read == null || index >= read.rows().size() ? m.group()
                    : read.sheetName() + "!" + "row " + (read.rows().get(index) + 1);
            m.appendReplacement(b, Matcher.quoteReplacement(to));
        }
        m.appendTail(b);
        return b.toString();
    }
}
