// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.dossier.Definitions.EndStatus;

/**
 * Reads the dossier CSV of §5 as a stream: UTF-8 (a BOM is skipped), comma or semicolon (whichever
 * the header row is written with), RFC 4180 quoting (Jackson's CSV parser), a header row naming the
 * columns in any order. Every row is checked and every problem recorded with its line and column;
 * rows without problems are handed on one at a time, so memory does not grow with the file but for
 * the dossier ids kept to find duplicates ({@link IdSet}).
 */
final class DossierCsv {

    /** The columns of §5; others are ignored. */
    enum Column {
        DOSSIER_ID, UNIT_CODE, PROCEDURE_CODE, SERVICE_ID, SUBMITTED_AT, RECEIVED_AT, DUE_AT, PROCESSING_END_AT,
        END_STATUS, SUPPLEMENT_REQUEST_COUNT, SUPPLEMENT_DAYS, PROCESSING_TIME, PROCESSING_TIME_UNIT,
        LEGAL_MAX_TIME, REQUIRES_DOCUMENT_RESULT, FULL_ONLINE_ELIGIBLE, CHANNEL, IS_FULL_ONLINE, SYNCED_TO_DVCQG,
        ONLINE_PAYMENT, FEE_NONZERO, RESULT_CODE, RESULT_FILE_URL, HAS_COMPONENT_FILE, REUSED_DIGITISED,
        FROM_PERSONAL_STORE, VNEID_AUTHENTICATED, POPULATION_DB_CODE, COMPLAINT_OR_DISLIKE;

        private final String header = name().toLowerCase(Locale.ROOT);

        /** The name in the header row, such as {@code received_at}. */
        String header() {
            return header;
        }
    }

    /** Columns without which no row can be placed. */
    static final Set<Column> REQUIRED = EnumSet.of(Column.DOSSIER_ID, Column.UNIT_CODE, Column.RECEIVED_AT);

    private static final long SECONDS_PER_DAY = 86_400L;
    /** The longest supplement time or legal maximum accepted, in days (about 270 years). */
    private static final long MAX_DAYS = 100_000L;
    private static final CsvFactory FACTORY = new CsvFactory();

    /** The problems found: all counted, the first {@link InvalidFactsException#MAX_LISTED} kept. */
    static final class Report {
        private final String source;
        private final int cap;
        private final List<Problem> listed = new ArrayList<>();
        private long total;

        Report(String source, int cap) {
            this.source = source;
            this.cap = cap;
        }

        void add(int line, int column, Column col, String message) {
            total++;
            if (listed.size() < cap) {
                listed.add(new Problem(source, col == null ? null : col.header(), line, column, message));
            }
        }

        long total() {
            return total;
        }

        InvalidDossiersException exception(Throwable cause) {
            return new InvalidDossiersException(listed, total, cause);
        }
    }

    private final Map<String, Integer> units;
    private final Report report;
    private final IdSet ids = new IdSet();
    /** Column → its index in a row, -1 when the header lacks it. */
    private final int[] index = new int[Column.values().length];
    private int width;
    /** The most values of a row that are kept; a longer row is counted and refused. */
    private static final int MAX_WIDTH = 4096;
    private String[] values = new String[64];
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private boolean rowBad;

    DossierCsv(Map<String, Integer> units, Report report) {
        this(units, report, null);
    }

    /** A reader that also refuses a dossier received after {@code asOf} (the facts' date), when given. */
    DossierCsv(Map<String, Integer> units, Report report, java.time.LocalDate asOf) {
        this.units = units;
        this.report = report;
        this.asOf = asOf;
    }

    private final java.time.LocalDate asOf;

    /** Whether the header names this column (after {@link #read}). */
    boolean has(Column c) {
        return index[c.ordinal()] >= 0;
    }

    /** Reads the export, handing each good row to {@code sink}, recording the problems of the others. */
    void read(Reader in, Consumer<Dossier> sink) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        JsonLocation at = null;
        try {
            char separator = skipBomAndDetect(reader);
            try (CsvParser p = FACTORY.createParser(reader)) {
                p.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
                p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
                JsonToken t = p.nextToken();
                boolean header = true;
                while (t != null) {
                    t = p.nextToken();
                    if (t != JsonToken.START_ARRAY) {
                        break;
                    }
                    int n = 0;
                    int extra = 0;
                    while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                        if (n == values.length && n < MAX_WIDTH) {
                            values = java.util.Arrays.copyOf(values, n * 2);
                            lines = java.util.Arrays.copyOf(lines, n * 2);
                            columns = java.util.Arrays.copyOf(columns, n * 2);
                        }
                        if (n < values.length) {
                            at = p.currentTokenLocation();
                            values[n] = p.getText();
                            lines[n] = at.getLineNr();
                            columns[n] = at.getColumnNr();
                            n++;
                        } else {
                            extra++;
                        }
                    }
                    if (n == 1 && values[0].isEmpty()) {
                        continue; // a blank line
                    }
                    if (header) {
                        header(n + extra);
                        header = false;
                    } else {
                        row(n + extra, sink);
                        flushRowProblems();
                    }
                }
                if (header) {
                    report.add(1, 1, null, "the file is empty: the first row must name the columns, such as "
                            + "dossier_id,unit_code,received_at");
                }
            }
        } catch (CharacterCodingException e) {
            report.add(line(at), 0, null, "the file is not UTF-8 text (after this place): save it as UTF-8");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            report.add(l == null ? line(at) : l.getLineNr(), l == null ? 0 : l.getColumnNr(), null,
                    "malformed CSV: " + e.getOriginalMessage() + "; nothing after this place was read");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int line(JsonLocation at) {
        return at == null ? 1 : at.getLineNr();
    }

    /** Skips a BOM and returns the separator of the header row: the one that names more known columns. */
    private static char skipBomAndDetect(BufferedReader reader) throws IOException {
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF') {
            reader.reset();
        }
        reader.mark(1 << 16);
        char[] buf = new char[1 << 16];
        int n = 0;
        int r;
        while (n < buf.length && (r = reader.read(buf, n, buf.length - n)) > 0) {
            n += r;
            if (indexOfLineEnd(buf, n) >= 0) {
                break;
            }
        }
        reader.reset();
        int end = indexOfLineEnd(buf, n);
        String headerLine = new String(buf, 0, end < 0 ? n : end);
        int commas = known(headerLine, ",");
        int semicolons = known(headerLine, ";");
        if (commas != semicolons) {
            return commas > semicolons ? ',' : ';';
        }
        return headerLine.chars().filter(c -> c == ';').count() > headerLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
    }

    private static int indexOfLineEnd(char[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static int known(String headerLine, String separator) {
        int k = 0;
        for (String name : headerLine.split(separator, -1)) {
            if (column(name.replace("\"", "")) != null) {
                k++;
            }
        }
        return k;
    }

    private static Column column(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (Column c : Column.values()) {
            if (c.name().equals(n)) {
                return c;
            }
        }
        return null;
    }

    private void header(int n) {
        java.util.Arrays.fill(index, -1);
        width = n;
        for (int i = 0; i < Math.min(n, values.length); i++) {
            Column c = column(values[i]);
            if (c == null) {
                continue;
            }
            if (index[c.ordinal()] >= 0) {
                report.add(lines[i], columns[i], c, "column " + c.header() + " is named twice (first as column "
                        + (index[c.ordinal()] + 1) + "): keep one");
            } else {
                index[c.ordinal()] = i;
            }
        }
        int line = n == 0 ? 1 : lines[0];
        for (Column c : REQUIRED) {
            if (!has(c)) {
                report.add(line, 1, c, "missing column " + c.header()
                        + ": the header row must name dossier_id, unit_code and received_at");
            }
        }
    }

    private void row(int n, Consumer<Dossier> sink) {
        rowBad = false;
        if (n != width) {
            report.add(lines[0], columns[0], null, "this row has " + n + " value" + (n == 1 ? "" : "s")
                    + " but the header names " + width + " column" + (width == 1 ? "" : "s")
                    + "; the row was not read");
            return;
        }
        String id = text(Column.DOSSIER_ID);
        if (has(Column.DOSSIER_ID)) {
            if (id.isEmpty()) {
                bad(Column.DOSSIER_ID, "the dossier id is empty");
            } else {
                int first = ids.add(id, lines[index[Column.DOSSIER_ID.ordinal()]]);
                if (first > 0) {
                    bad(Column.DOSSIER_ID, "duplicate dossier id '" + id + "': first on line " + first);
                }
            }
        }
        int unit = -1;
        if (has(Column.UNIT_CODE)) {
            String code = text(Column.UNIT_CODE);
            Integer u = units.get(code);
            if (code.isEmpty()) {
                bad(Column.UNIT_CODE, "the unit code is empty");
            } else if (u == null) {
                bad(Column.UNIT_CODE, "unknown unit '" + code + "': not the id of a unit of the facts document");
            } else {
                unit = u;
            }
        }
        LocalDateTime received = time(Column.RECEIVED_AT, false);
        if (received != null && asOf != null && received.toLocalDate().isAfter(asOf)) {
            bad(Column.RECEIVED_AT, "'" + text(Column.RECEIVED_AT) + "' is after the facts' date (asOf " + asOf
                    + "): a dossier received later belongs to a later evaluation");
        }
        time(Column.SUBMITTED_AT, false);
        LocalDateTime due = time(Column.DUE_AT, true);
        LocalDateTime end = time(Column.PROCESSING_END_AT, false);
        EndStatus status = status(end);
        if (end != null && received != null && end.isBefore(received)) {
            bad(Column.PROCESSING_END_AT, "processing ends (" + text(Column.PROCESSING_END_AT)
                    + ") before the dossier was received (" + text(Column.RECEIVED_AT) + ")");
        }
        int requests = (int) whole(Column.SUPPLEMENT_REQUEST_COUNT, 1_000_000);
        long supplement = days(Column.SUPPLEMENT_DAYS);
        long legal = days(Column.LEGAL_MAX_TIME);
        int channel = Definitions.channel(text(Column.CHANNEL));
        if (channel < 0) {
            bad(Column.CHANNEL, "unknown channel code '" + text(Column.CHANNEL)
                    + "': use 1 (in person), 2 (online), 3 (postal) or leave it empty (in person)");
        }
        int payment = (int) whole(Column.ONLINE_PAYMENT, 1_000_000);
        boolean written = flag(Column.REQUIRES_DOCUMENT_RESULT);
        boolean eligible = flag(Column.FULL_ONLINE_ELIGIBLE);
        boolean fullOnline = flag(Column.IS_FULL_ONLINE);
        boolean synced = flag(Column.SYNCED_TO_DVCQG);
        boolean fee = flag(Column.FEE_NONZERO);
        boolean component = flag(Column.HAS_COMPONENT_FILE);
        boolean reused = flag(Column.REUSED_DIGITISED);
        boolean store = flag(Column.FROM_PERSONAL_STORE);
        boolean vneid = flag(Column.VNEID_AUTHENTICATED);
        boolean complaint = flag(Column.COMPLAINT_OR_DISLIKE);
        if (rowBad || received == null || unit < 0) {
            return; // with problems: reported; without a reception date: not received, in no count
        }
        sink.accept(new Dossier(unit, text(Column.PROCEDURE_CODE), received, due, end, status, requests, supplement,
                has(Column.LEGAL_MAX_TIME) && !text(Column.LEGAL_MAX_TIME).isEmpty() ? legal : null,
                written, eligible, fullOnline, synced, channel, payment, fee,
                !text(Column.RESULT_CODE).isEmpty(), !text(Column.RESULT_FILE_URL).isEmpty(), component, reused, store,
                vneid, !text(Column.POPULATION_DB_CODE).isEmpty(), complaint));
    }

    /** Records a problem of the current row; a row's problems are reported in the order of its columns. */
    private void bad(Column c, String message) {
        rowProblems.add(new RowProblem(index[c.ordinal()], c, message));
        rowBad = true;
    }

    private record RowProblem(int at, Column column, String message) {
    }

    private final List<RowProblem> rowProblems = new ArrayList<>();

    private void flushRowProblems() {
        rowProblems.sort(java.util.Comparator.comparingInt(RowProblem::at));
        for (RowProblem p : rowProblems) {
            report.add(lines[p.at()], columns[p.at()], p.column(), p.message());
        }
        rowProblems.clear();
    }

    /** The stripped value of the column, {@code ""} when the header lacks it. */
    private String text(Column c) {
        int i = index[c.ordinal()];
        return i < 0 ? "" : values[i].strip();
    }

    private EndStatus status(LocalDateTime end) {
        String s = text(Column.END_STATUS);
        EndStatus status = null;
        if (!s.isEmpty()) {
            try {
                status = EndStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad(Column.END_STATUS, "unknown end status '" + s + "': use processed, returned, stopped, refused, "
                        + "withdrawn or supplement_requested (an open supplement request), or leave it empty");
                return null;
            }
            if (end == null && has(Column.PROCESSING_END_AT) && text(Column.PROCESSING_END_AT).isEmpty()) {
                bad(Column.END_STATUS, "end status '" + s + "' without a processing_end_at: give the time it ended, "
                        + "or leave both empty for an unfinished dossier");
            }
        } else if (end != null) {
            status = EndStatus.PROCESSED;
        }
        return status;
    }

    private boolean flag(Column c) {
        String s = text(c);
        switch (s) {
            case "", "0":
                return false;
            case "1":
                return true;
            default:
                if (s.equalsIgnoreCase("true")) {
                    return true;
                }
                if (s.equalsIgnoreCase("false")) {
                    return false;
                }
                bad(c, "'" + s + "' is not a flag: use 1 or 0 (or true or false), or leave it empty");
                return false;
        }
    }

    private long whole(Column c, long max) {
        String s = text(c);
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() <= 9 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            long v = Long.parseLong(s);
            if (v <= max) {
                return v;
            }
        }
        bad(c, "'" + s + "' is not a whole number from 0 to " + String.format(Locale.ROOT, "%,d", max));
        return 0;
    }

    /** A number of days, in seconds; 0 when empty. */
    private long days(Column c) {
        String s = text(c);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(MAX_DAYS)) <= 0) {
                return d.multiply(BigDecimal.valueOf(SECONDS_PER_DAY)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        bad(c, "'" + s + "' is not a number of days from 0 to " + String.format(Locale.ROOT, "%,d", MAX_DAYS)
                + " (such as 2 or 1.5)");
        return 0;
    }

    /**
     * A date ({@code 2025-07-03}) or a local date-time ({@code 2025-07-03T14:05}); a date alone is
     * the start of the day, or its end when {@code endOfDay} (a due date). {@code null} when empty.
     */
    private LocalDateTime time(Column c, boolean endOfDay) {
        String s = text(c);
        if (s.isEmpty()) {
            return null;
        }
        LocalDateTime t = parseTime(s, endOfDay);
        if (t == null) {
            bad(c, "'" + s + "' is not a date: use ISO 8601, a date such as 2025-07-03 or a local date-time "
                    + "such as 2025-07-03T14:05");
        } else if (t.getYear() < 1900 || t.getYear() > 2999) {
            // as the facts reader: a period outside these years cannot be evaluated
            bad(c, "'" + s + "' is outside the years 1900 to 2999");
            return null;
        }
        return t;
    }

    /** Parses an ISO date or local date-time; {@code null} when it is neither. */
    static LocalDateTime parseTime(String s, boolean endOfDay) {
        try {
            int n = s.length();
            if (n == 10 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-'
                    && digits(s, 8, 10)) {
                LocalDate d = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
                return endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay();
            }
            if ((n == 16 || n == 19) && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7)
                    && s.charAt(7) == '-' && digits(s, 8, 10) && s.charAt(10) == 'T' && digits(s, 11, 13)
                    && s.charAt(13) == ':' && digits(s, 14, 16)
                    && (n == 16 || s.charAt(16) == ':' && digits(s, 17, 19))) {
                return LocalDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13), num(s, 14, 16),
                        n == 19 ? num(s, 17, 19) : 0);
            }
            if (n > 19 && n <= 29 && s.charAt(10) == 'T') {
                return LocalDateTime.parse(s); // fractions of a second
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
