// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;
import org.reformtargets.core.dossier.Dossiers;

/**
 * The XLSX scorecard of the bundled examples, written to a file under {@code target/} and read back
 * with POI: sheets, headers in both languages, values, cell types, number formats, fills, freeze
 * pane, auto-filter, counts, scores and audit hashes.
 */
class XlsxScorecardTest {

    private static final Path FACTS = Path.of("../examples/src/main/resources/facts");
    private static final Path OUT = Path.of("target/xlsx-scorecard");
    private static final DataFormatter SHOWN = new DataFormatter(java.util.Locale.ROOT);

    private static RuleSet hcm;
    private static FactsDocument hcmFacts;
    private static Evaluation hcmEvaluation;
    private static AuditRecord hcmAudit;
    private static RuleSet vn766;
    private static FactsDocument vn766Facts;
    private static Evaluation vn766Evaluation;

    @BeforeAll
    static void evaluate() throws Exception {
        Files.createDirectories(OUT);
        Path hcmFile = FACTS.resolve("hcm-agri-2021.json");
        byte[] bytes = Files.readAllBytes(hcmFile);
        hcmFacts = ReformTargetsJson.readFacts(hcmFile);
        hcm = RuleSet.load(hcmFacts.ruleSet());
        hcmEvaluation = hcm.evaluate(hcmFacts);
        hcmAudit = AuditRecord.of(hcm, bytes, hcmFacts, hcmEvaluation, Instant.parse("2026-01-02T03:04:05Z"));

        vn766Facts = Dossiers.aggregate(ReformTargetsJson.readFacts(FACTS.resolve("vn-766-units.json")),
                FACTS.resolve("vn-766-dossiers.csv"));
        vn766 = RuleSet.load("vn-766/2025");
        vn766Evaluation = vn766.evaluate(vn766Facts);
    }

    private static XSSFWorkbook write(ReportWriter writer, String name) throws Exception {
        Path file = OUT.resolve(name);
        writer.writeXlsx(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> row(Sheet sheet, int index) {
        List<String> texts = new ArrayList<>();
        for (Cell c : sheet.getRow(index)) {
            texts.add(SHOWN.formatCellValue(c));
        }
        return texts;
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            names.add(book.getSheetName(i));
        }
        return names;
    }

    private static String fill(Cell cell) {
        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? null : style.getFillForegroundXSSFColor().getARGBHex();
    }

    /** The results in the order the sheet lists them: units in tree order, each unit's results in the contract's order. */
    private static List<TargetResult> treeOrder(FactsDocument facts, Evaluation evaluation, List<String> unitIds) {
        Map<String, List<TargetResult>> byUnit = new HashMap<>();
        for (TargetResult r : evaluation.results()) {
            byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
        }
        List<TargetResult> ordered = new ArrayList<>();
        for (String id : unitIds) {
            List<TargetResult> own = byUnit.getOrDefault(id, new ArrayList<>());
            own.sort(TargetResult.ORDER);
            ordered.addAll(own);
        }
        return ordered;
    }

    private static List<String> summaryUnitIds(Sheet summary) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= summary.getLastRowNum(); i++) {
            Cell id = summary.getRow(i).getCell(1);
            if (id != null) {
                ids.add(id.getStringCellValue());
            }
        }
        return ids;
    }

    @Test
    void vietnameseSheetsAndHeaders() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation), "hcm-agri-2021-vi.xlsx")) {
            assertEquals(List.of("Tổng hợp", "Kết quả", "Thông tin"), sheetNames(book));
            assertEquals(List.of("Đơn vị", "Mã đơn vị", "Cấp", "Thứ bậc", "Đạt", "Chưa đạt", "Thiếu dữ liệu",
                    "Không áp dụng", "Tổng số kết quả"), row(book.getSheet("Tổng hợp"), 0));
            assertEquals(List.of("Mã đơn vị", "Tên đơn vị", "Chỉ tiêu", "Kỳ", "Lĩnh vực", "Kết quả đánh giá",
                    "Chính thức", "Số liệu thực tế", "Yêu cầu", "Còn thiếu", "Kỳ đã đo", "Điểm", "Điểm tối đa",
                    "Căn cứ", "Diễn giải"), row(book.getSheet("Kết quả"), 0));
            assertEquals("Bộ chỉ tiêu", book.getSheet("Thông tin").getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void englishSheetsAndHeaders() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation).in(Language.EN),
                "hcm-agri-2021-en.xlsx")) {
            assertEquals(List.of("Summary", "Results", "Information"), sheetNames(book));
            assertEquals(List.of("Unit", "Unit id", "Level", "Depth", "Met", "Not met", "Insufficient data",
                    "Not applicable", "Results"), row(book.getSheet("Summary"), 0));
            assertEquals(List.of("Unit id", "Unit", "Target", "Period", "Field", "Status", "Final", "Actual",
                    "Threshold", "Gap", "Measured period", "Points", "Max points", "Source", "Explanation"),
                    row(book.getSheet("Results"), 0));
            Sheet results = book.getSheet("Results");
            Row first = results.getRow(1);
            assertTrue(Set.of("Yes", "No").contains(first.getCell(6).getStringCellValue()));
            assertTrue(Set.of("Met", "Not met", "Insufficient data", "Not applicable")
                    .contains(first.getCell(5).getStringCellValue()));
        }
    }

    @Test
    void aKnownNotMetRowHasItsValuesTypesFormatsAndFill() throws Exception {
        // the sub-department's satisfaction: 1,706 of 1,800 forms, 94.77% against at least 95%, 4 more needed
        TargetResult satisfaction = hcmEvaluation.results().stream()
                .filter(r -> r.target().equals("hcm-agri/2021/satisfaction") && r.status() == Status.NOT_MET)
                .findFirst().orElseThrow();
        assertEquals("94.77", satisfaction.actual());
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation), "hcm-agri-2021-row.xlsx")) {
            Sheet results = book.getSheet("Kết quả");
            Row row = null;
            for (int i = 1; i <= results.getLastRowNum(); i++) {
                Row r = results.getRow(i);
                if (r.getCell(0).getStringCellValue().equals(satisfaction.unit())
                        && r.getCell(2).getStringCellValue().equals(satisfaction.target())) {
                    row = r;
                }
            }
            assertNotNull(row);
            assertEquals("Chưa đạt", row.getCell(5).getStringCellValue());
            assertEquals("FFFFC7CE", fill(row.getCell(5)));
            Cell actual = row.getCell(7);
            assertEquals(CellType.NUMERIC, actual.getCellType());
            assertEquals(0.9477, actual.getNumericCellValue(), "a share is stored as the fraction it is");
            assertEquals("0.00%", actual.getCellStyle().getDataFormatString());
            assertEquals("94.77%", SHOWN.formatCellValue(actual));
            assertEquals("≥ 95%", row.getCell(8).getStringCellValue());
            Cell gap = row.getCell(9);
            assertEquals(CellType.NUMERIC, gap.getCellType());
            assertEquals(4.0, gap.getNumericCellValue());
            assertEquals("4", SHOWN.formatCellValue(gap));
            assertEquals(CellType.STRING, row.getCell(3).getCellType());
            assertEquals("2021", row.getCell(3).getStringCellValue());
            assertEquals(satisfaction.message().vi(), row.getCell(14).getStringCellValue());
            assertTrue(row.getCell(13).getStringCellValue().endsWith(", " + satisfaction.source().clause()));
        }
    }

    @Test
    void everyResultRowShowsTheDocumentsFiguresAsNumbersWithAFillPerStatus() throws Exception {
        Map<Status, String> fills = Map.of(Status.MET, "FFC6EFCE", Status.NOT_MET, "FFFFC7CE",
                Status.INSUFFICIENT_DATA, "FFFFEB9C", Status.NOT_APPLICABLE, "FFE7E6E6");
        Map<String, Boolean> percentByTarget = new HashMap<>();
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation), "hcm-agri-2021-all.xlsx")) {
            Sheet results = book.getSheet("Kết quả");
            List<TargetResult> expected = treeOrder(hcmFacts, hcmEvaluation, summaryUnitIds(book.getSheet("Tổng hợp")));
            assertEquals(expected.size(), results.getLastRowNum());
            Set<Status> seen = java.util.EnumSet.noneOf(Status.class);
            int attestations = 0;
            for (int i = 0; i < expected.size(); i++) {
                TargetResult r = expected.get(i);
                Row row = results.getRow(i + 1);
                assertEquals(r.unit(), row.getCell(0).getStringCellValue());
                assertEquals(r.target(), row.getCell(2).getStringCellValue());
                Cell status = row.getCell(5);
                String word = status.getStringCellValue();
                assertEquals(Character.toUpperCase(r.status().vi().charAt(0)) + r.status().vi().substring(1), word);
                assertEquals(fills.get(r.status()), fill(status), word);
                seen.add(r.status());
                Cell actual = row.getCell(7);
                if (r.actual() == null) {
                    assertNull(actual);
                    continue;
                }
                if (r.actual().equals("true") || r.actual().equals("false")) {
                    assertEquals(CellType.STRING, actual.getCellType());
                    assertEquals(r.actual().equals("true") ? "Có" : "Không", actual.getStringCellValue());
                    attestations++;
                    continue;
                }
                assertEquals(CellType.NUMERIC, actual.getCellType(), r.toString());
                String shown = SHOWN.formatCellValue(actual);
                boolean percent = shown.endsWith("%");
                BigDecimal stored = new BigDecimal(r.actual());
                assertEquals((percent ? stored.movePointLeft(2) : stored).doubleValue(), actual.getNumericCellValue());
                assertEquals(r.actual(), percent ? shown.substring(0, shown.length() - 1) : shown, r.toString());
                String unitLevel = hcmFacts.units().stream().filter(u -> u.id().equals(r.unit())).findFirst()
                        .map(Unit::level).orElseThrow().code();
                percentByTarget.put(r.target().substring("hcm-agri/2021/".length()) + "@" + unitLevel, percent);
            }
            assertEquals(java.util.EnumSet.allOf(Status.class), seen);
            assertTrue(attestations > 0, "an attestation's answer is a word");
        }
        for (String share : List.of("satisfaction@DEPARTMENT", "satisfaction@SUB_DEPARTMENT",
                "on-time-per-field@DEPARTMENT", "online-rate-growth@DEPARTMENT", "periodic-inspection@SUB_DEPARTMENT",
                "surprise-inspection@SUB_DEPARTMENT", "tasks-by-deadline@SUB_DEPARTMENT",
                "initiative-per-unit@SUB_DEPARTMENT")) {
            assertEquals(Boolean.TRUE, percentByTarget.get(share), share + " in " + percentByTarget);
        }
        for (String count : List.of("propaganda-product@SUB_DEPARTMENT", "quarterly-dialogue@SUB_DEPARTMENT",
                "online-procedures-growth@DEPARTMENT", "surprise-inspection@DEPARTMENT")) {
            assertEquals(Boolean.FALSE, percentByTarget.get(count), count + " in " + percentByTarget);
        }
    }

    @Test
    void resultsAndSummaryHaveAFrozenHeaderAndAnAutoFilter() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation), "hcm-agri-2021-panes.xlsx")) {
            XSSFSheet results = book.getSheet("Kết quả");
            PaneInformation pane = results.getPaneInformation();
            assertNotNull(pane);
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertEquals(0, pane.getVerticalSplitPosition());
            assertTrue(results.getCTWorksheet().isSetAutoFilter());
            assertEquals("A1:O" + (hcmEvaluation.results().size() + 1), results.getCTWorksheet().getAutoFilter().getRef());
            XSSFSheet summary = book.getSheet("Tổng hợp");
            assertTrue(summary.getPaneInformation().isFreezePane());
            // the filter covers the units, not the totals row below them
            assertEquals("A1:I" + (hcmFacts.units().size() + 1), summary.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(results.getColumnWidth(14) > results.getColumnWidth(3), "widths are set per column");
        }
    }

    @Test
    void summaryCountsAreTheEvaluationsSummary() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation), "hcm-agri-2021-summary.xlsx")) {
            Sheet summary = book.getSheet("Tổng hợp");
            assertEquals(hcmFacts.units().size() + 1, summary.getLastRowNum());
            Row totals = summary.getRow(summary.getLastRowNum());
            assertEquals("Tổng cộng", totals.getCell(0).getStringCellValue());
            Status[] statuses = Status.values();
            for (int i = 0; i < statuses.length; i++) {
                assertEquals(CellType.NUMERIC, totals.getCell(4 + i).getCellType());
                assertEquals((double) hcmEvaluation.summary().get(statuses[i]), totals.getCell(4 + i).getNumericCellValue(),
                        statuses[i].name());
            }
            assertEquals((double) hcmEvaluation.results().size(), totals.getCell(8).getNumericCellValue());
            for (int i = 1; i < summary.getLastRowNum(); i++) {
                Row row = summary.getRow(i);
                String id = row.getCell(1).getStringCellValue();
                for (int s = 0; s < statuses.length; s++) {
                    Status status = statuses[s];
                    long n = hcmEvaluation.resultsFor(id).stream().filter(r -> r.status() == status).count();
                    assertEquals((double) n, row.getCell(4 + s).getNumericCellValue(), id + " " + status);
                }
                assertEquals((short) row.getCell(3).getNumericCellValue(), row.getCell(0).getCellStyle().getIndention());
            }
            Row root = summary.getRow(1);
            assertEquals(0.0, root.getCell(3).getNumericCellValue());
            assertEquals(1.0, summary.getRow(2).getCell(3).getNumericCellValue(), "the root's first child follows it");
        }
    }

    @Test
    void scoresOfThe766IndexAreNumbers() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(vn766, vn766Facts, vn766Evaluation), "vn-766-2025-vi.xlsx")) {
            Sheet summary = book.getSheet("Tổng hợp");
            List<String> header = row(summary, 0);
            assertTrue(header.contains("Điểm 2025"), header.toString());
            assertTrue(header.contains("Điểm tối đa 2025-07"), header.toString());
            int checked = 0;
            for (int i = 1; i < summary.getLastRowNum(); i++) {
                Row row = summary.getRow(i);
                String id = row.getCell(1).getStringCellValue();
                for (Score s : vn766Evaluation.scores()) {
                    if (!s.unit().equals(id)) {
                        continue;
                    }
                    int column = header.indexOf("Điểm " + s.period());
                    Cell total = row.getCell(column);
                    Cell max = row.getCell(column + 1);
                    assertEquals(CellType.NUMERIC, total.getCellType());
                    assertEquals(new BigDecimal(s.total()).doubleValue(), total.getNumericCellValue());
                    assertEquals("0.00", total.getCellStyle().getDataFormatString());
                    assertEquals(s.total(), SHOWN.formatCellValue(total));
                    assertEquals(new BigDecimal(s.maxTotal()).doubleValue(), max.getNumericCellValue());
                    checked++;
                }
            }
            assertEquals(vn766Evaluation.scores().size(), checked);
            Row totals = summary.getRow(summary.getLastRowNum());
            for (int i = 0; i < Status.values().length; i++) {
                assertEquals((double) vn766Evaluation.summary().get(Status.values()[i]), totals.getCell(4 + i).getNumericCellValue());
            }

            Sheet results = book.getSheet("Kết quả");
            int scored = 0;
            for (int i = 1; i <= results.getLastRowNum(); i++) {
                Row row = results.getRow(i);
                Cell points = row.getCell(11);
                Cell actual = row.getCell(7);
                if (points != null) {
                    assertEquals(CellType.NUMERIC, points.getCellType());
                    assertEquals(CellType.NUMERIC, row.getCell(12).getCellType());
                    scored++;
                }
                if (actual != null) {
                    // every actual of the 766 index is a share of dossiers or procedures
                    assertTrue(SHOWN.formatCellValue(actual).endsWith("%"), SHOWN.formatCellValue(actual));
                }
            }
            assertTrue(scored > 0);
        }
    }

    @Test
    void informationSheetNamesTheRuleSetAndTheAuditHashes() throws Exception {
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation).withAudit(hcmAudit),
                "hcm-agri-2021-audit.xlsx")) {
            Map<String, Cell> info = new HashMap<>();
            for (Row row : book.getSheet("Thông tin")) {
                if (row.getCell(0) != null) {
                    info.put(row.getCell(0).getStringCellValue(), row.getCell(1));
                }
            }
            assertEquals(hcm.id(), info.get("Bộ chỉ tiêu").getStringCellValue());
            assertEquals(hcm.version(), info.get("Phiên bản").getStringCellValue());
            assertEquals(hcm.contentHash(), info.get("Mã băm nội dung bộ chỉ tiêu (SHA-256)").getStringCellValue());
            assertEquals(hcmAudit.rulesSha256(), info.get("SHA-256 của bộ chỉ tiêu").getStringCellValue());
            assertEquals(hcmAudit.factsSha256(), info.get("SHA-256 của tệp số liệu").getStringCellValue());
            assertEquals(hcmAudit.factsCanonicalSha256(), info.get("SHA-256 của số liệu (dạng chuẩn)").getStringCellValue());
            assertEquals(hcmAudit.resultSha256(), info.get("SHA-256 của kết quả").getStringCellValue());
            assertEquals("2026-01-02T03:04:05Z", info.get("Thời điểm đánh giá (UTC)").getStringCellValue());
            Cell asOf = info.get("Số liệu tính đến ngày");
            assertEquals(CellType.NUMERIC, asOf.getCellType());
            assertEquals(hcmEvaluation.asOf(), asOf.getLocalDateTimeCellValue().toLocalDate());
            assertEquals(hcmEvaluation.asOf().toString(), SHOWN.formatCellValue(asOf));
            assertEquals((double) hcmEvaluation.results().size(), info.get("Số kết quả").getNumericCellValue());
        }
        try (XSSFWorkbook book = write(ReportWriter.of(hcm, hcmFacts, hcmEvaluation).in(Language.EN),
                "hcm-agri-2021-no-file-hash.xlsx")) {
            Map<String, String> info = new HashMap<>();
            for (Row row : book.getSheet("Information")) {
                if (row.getCell(0) != null && row.getCell(1) != null) {
                    info.put(row.getCell(0).getStringCellValue(), SHOWN.formatCellValue(row.getCell(1)));
                }
            }
            assertEquals("none (the facts were not read from a file)", info.get("Facts file SHA-256"));
            assertEquals(hcmAudit.factsCanonicalSha256(), info.get("Facts SHA-256 (canonical form)"));
            assertEquals(hcmAudit.resultSha256(), info.get("Results SHA-256"));
            assertFalse(info.get("Evaluated at (UTC)").isEmpty());
            Instant at = Instant.parse(info.get("Evaluated at (UTC)"));
            assertTrue(at.atOffset(ZoneOffset.UTC).getYear() >= 2024);
        }
    }
}
