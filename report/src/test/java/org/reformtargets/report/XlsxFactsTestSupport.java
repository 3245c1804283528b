// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Unit;

/** Writing templates and editing workbooks in memory, for the facts workbook tests. */
final class XlsxFactsTestSupport {

    private XlsxFactsTestSupport() {
    }

    /** A small document of hcm-agri/2021 with a record of each kind. */
    static final FactsDocument SMALL = new FactsDocument("hcm-agri/2021", LocalDate.of(2021, 12, 31),
            List.of(Unit.root("snn", "Sở Nông nghiệp", Level.DEPARTMENT),
                    new Unit("cc", "Chi cục", Level.SUB_DEPARTMENT, "snn")),
            List.of(Measurement.ratio("snn", "dossiers.on_time", null, Period.parse("2021"), 4890, 5000),
                    Measurement.value("snn", "procedures.online", null, Period.parse("2020"), new BigDecimal("23"))),
            List.of(Event.upon("snn", "inspection.surprise", LocalDate.of(2021, 2, 3), "cc")),
            List.of(Attestation.of("snn", "iso9001.converted", Period.parse("2021"), true)));

    static byte[] template(RuleSet ruleSet, FactsDocument seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReformTargetsXlsx.template(ruleSet, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} with {@code change} made to the workbook. */
    static byte[] edit(byte[] bytes, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = open(bytes)) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new cell at {@code ref} (such as {@code C7}) of {@code sheet}, with the style of the one it
     * replaces: POI's {@code setCellValue} on a cell of an inline string (as the streamed template writes
     * them) would keep the old string.
     */
    static Cell cell(Sheet sheet, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Row row = sheet.getRow(r.getRow());
        if (row == null) {
            row = sheet.createRow(r.getRow());
        }
        Cell old = row.getCell(r.getCol());
        if (old == null) {
            return row.createCell(r.getCol());
        }
        org.apache.poi.ss.usermodel.CellStyle style = old.getCellStyle();
        row.removeCell(old);
        Cell c = row.createCell(r.getCol());
        c.setCellStyle(style);
        return c;
    }

    static FactsDocument read(byte[] bytes, RuleSet ruleSet) {
        return ruleSet == null ? ReformTargetsXlsx.readFacts(new ByteArrayInputStream(bytes), "facts.xlsx")
                : ReformTargetsXlsx.readFacts(new ByteArrayInputStream(bytes), "facts.xlsx", ruleSet);
    }
}
