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
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;

/**
 * Reads the dossier CSV of §5 as a stream: UTF-8 (a BOM is skipped), comma or semicolon (whichever
 * the header row is written with), RFC 4180 quoting (Jackson's CSV parser), a header row naming the
 * columns in any order. Every row is checked and every problem recorded with its line and column;
 * rows without problems are handed on one at a time, so memory does not grow with the file but for
 * the dossier ids kept to find duplicates ({@link IdSet}).
 */
final class DossierCsv {

    /** Columns without which no row can be placed. */
    static final Set<DossierColumn> REQUIRED = EnumSet.of(DossierColumn.DOSSIER_ID, DossierColumn.UNIT_CODE, DossierColumn.RECEIVED_AT);

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

        void add(int line, int column, DossierColumn col, String message) {
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
    /** DossierColumn → its index in a row, -1 when the header lacks it. */
    private final int[] index = new int[DossierColumn.values().length];
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
    private static final DossierColumn[] COLUMNS = DossierColumn.values();
    /** The reader of the rows, made when the header is read. */
    private DossierRow.Reader reader;

    /** Whether the header names this column (after {@link #read}). */
    boolean has(DossierColumn c) {
        return index[c.ordinal()] >= 0;
    }

    /** Reads the export, handing each good row to {@code sink}, recording the problems of the others. */
    void read(Reader in, ObjIntConsumer<DossierRow> sink) {
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
            if (DossierColumn.ofHeader(name.replace("\"", "")) != null) {
                k++;
            }
        }
        return k;
    }

    private void header(int n) {
        java.util.Arrays.fill(index, -1);
        width = n;
        for (int i = 0; i < Math.min(n, values.length); i++) {
            DossierColumn c = DossierColumn.ofHeader(values[i]);
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
        for (DossierColumn c : REQUIRED) {
            if (!has(c)) {
                report.add(line, 1, c, "missing column " + c.header()
                        + ": the header row must name dossier_id, unit_code and received_at");
            }
        }
        Set<DossierColumn> present = EnumSet.noneOf(DossierColumn.class);
        for (DossierColumn c : COLUMNS) {
            if (has(c)) {
                present.add(c);
            }
        }
        reader = new DossierRow.Reader(present, units.keySet(), asOf, false);
    }

    private void row(int n, ObjIntConsumer<DossierRow> sink) {
        rowBad = false;
        if (n != width) {
            report.add(lines[0], columns[0], null, "this row has " + n + " value" + (n == 1 ? "" : "s")
                    + " but the header names " + width + " column" + (width == 1 ? "" : "s")
                    + "; the row was not read");
            return;
        }
        String[] row = new String[COLUMNS.length];
        for (DossierColumn c : COLUMNS) {
            int i = index[c.ordinal()];
            if (i >= 0) {
                row[c.ordinal()] = values[i];
            }
        }
        DossierRow d = reader.read(row);
        String id = d.id();
        if (has(DossierColumn.DOSSIER_ID) && !id.isEmpty()) {
            int first = ids.add(id, lines[index[DossierColumn.DOSSIER_ID.ordinal()]]);
            if (first > 0) {
                bad(DossierColumn.DOSSIER_ID, "duplicate dossier id '" + id + "': first on line " + first);
            }
        }
        List<DossierColumn> columns = d.problemColumns();
        List<String> messages = d.problemMessages();
        for (int i = 0; i < messages.size(); i++) {
            bad(columns.get(i), messages.get(i));
        }
        if (!rowBad && d.counted()) {
            sink.accept(d, units.get(d.unit()));
        }
    }

    /** Records a problem of the current row; a row's problems are reported in the order of its columns. */
    private void bad(DossierColumn c, String message) {
        rowProblems.add(new RowProblem(index[c.ordinal()], c, message));
        rowBad = true;
    }

    private record RowProblem(int at, DossierColumn column, String message) {
    }

    private final List<RowProblem> rowProblems = new ArrayList<>();

    private void flushRowProblems() {
        rowProblems.sort(java.util.Comparator.comparingInt(RowProblem::at));
        for (RowProblem p : rowProblems) {
            report.add(lines[p.at()], columns[p.at()], p.column(), p.message());
        }
        rowProblems.clear();
    }
}
