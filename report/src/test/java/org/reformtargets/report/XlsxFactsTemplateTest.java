// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

/** The template as a filler sees it: sheets, headers, guide and drop-down lists, read back with POI. */
class XlsxFactsTemplateTest {

    private static final RuleSet RULES = RuleSet.load("hcm-agri/2021");

    private static XSSFWorkbook emptyTemplate() {
        return XlsxFactsTestSupport.open(XlsxFactsTestSupport.template(RULES, null));
    }

    @Test
    void theSheetsComeInOrderWithTheListsHidden() throws Exception {
        try (XSSFWorkbook book = emptyTemplate()) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Hướng dẫn", "Đơn vị", "Số liệu", "Sự kiện", "Xác nhận", "Danh mục"), names);
            assertEquals(SheetVisibility.HIDDEN, book.getSheetVisibility(5));
            assertEquals(SheetVisibility.VISIBLE, book.getSheetVisibility(2));
            assertEquals(0, book.getActiveSheetIndex());
        }
    }

    @Test
    void eachRecordSheetHasAFrozenHeaderOfLabelsOverJsonNames() throws Exception {
        try (XSSFWorkbook book = emptyTemplate()) {
            Sheet m = book.getSheet("Số liệu");
            assertEquals(List.of("Mã đơn vị *", "Chỉ số *", "Lĩnh vực", "Kỳ *", "Tử số", "Mẫu số", "Giá trị"), texts(m.getRow(0)));
            assertEquals(List.of("unit", "indicator", "field", "period", "numerator", "denominator", "value"),
                    texts(m.getRow(1)));
            assertEquals(2, m.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(List.of("id", "name", "level", "parent"), texts(book.getSheet("Đơn vị").getRow(1)));
            assertEquals(List.of("unit", "type", "date", "subject", "task", "deadline", "report", "period", "title"),
                    texts(book.getSheet("Sự kiện").getRow(1)));
            assertEquals(List.of("unit", "key", "period", "value"), texts(book.getSheet("Xác nhận").getRow(1)));
        }
    }

    @Test
    void theGuideIsInVietnameseAndHoldsTheDocumentsRuleSetAndDate() throws Exception {
        try (XSSFWorkbook book = emptyTemplate()) {
            Sheet guide = book.getSheet("Hướng dẫn");
            String all = allText(guide);
            assertTrue(all.contains("Mẫu nhập số liệu cải cách hành chính"), all);
            assertTrue(all.contains("Ngày: gõ 30/06/2021 hoặc 2021-06-30."), all);
            assertTrue(all.contains("2021-01/2021-09 (lũy kế 9 tháng"), all);
            assertTrue(all.contains("không nhập tỷ lệ %"), all);
            assertTrue(all.contains("Trang Số liệu") && all.contains("Trang Xác nhận"), all);
            assertEquals("Bộ chỉ tiêu", guide.getRow(2).getCell(0).getStringCellValue());
            assertEquals("hcm-agri/2021", guide.getRow(2).getCell(1).getStringCellValue());
            assertEquals("ruleSet", guide.getRow(2).getCell(2).getStringCellValue());
            assertEquals("asOf", guide.getRow(3).getCell(2).getStringCellValue());
        }
    }

    @Test
    void dropDownsOfferTheRuleSetsVocabulary() throws Exception {
        try (XSSFWorkbook book = emptyTemplate()) {
            Map<String, String> lists = validations((XSSFSheet) book.getSheet("Số liệu"));
            assertEquals(Map.of("A", "DS_DON_VI", "B", "DM_CHI_SO", "C", "DM_LINH_VUC", "D", "DM_KY"), lists);
            assertEquals(Map.of("C", "DM_CAP", "D", "DS_DON_VI"), validations((XSSFSheet) book.getSheet("Đơn vị")));
            assertEquals("DM_SU_KIEN", validations((XSSFSheet) book.getSheet("Sự kiện")).get("B"));
            assertEquals("DM_XAC_NHAN", validations((XSSFSheet) book.getSheet("Xác nhận")).get("B"));

            List<String> indicators = listItems(book, "DM_CHI_SO");
            assertEquals(RULES.vocabulary().indicators().size(), indicators.size());
            assertTrue(indicators.stream().anyMatch(i -> i.startsWith("dossiers.on_time — ")), indicators::toString);
            List<String> levels = listItems(book, "DM_CAP");
            assertTrue(levels.stream().anyMatch(l -> l.startsWith("DEPARTMENT — ")), levels::toString);
            List<String> periods = listItems(book, "DM_KY");
            assertTrue(periods.containsAll(List.of("2021", "2021-H1", "2021-Q4", "2021-07", "2021-01/2021-09", "2020")),
                    periods::toString);
            assertTrue(listItems(book, "DM_SU_KIEN").stream().anyMatch(t -> t.startsWith("inspection.surprise — ")));
            assertTrue(listItems(book, "DM_XAC_NHAN").stream().anyMatch(t -> t.startsWith("iso9001.converted — ")));
            assertEquals("'Đơn vị'!$A$3:$A$2003", book.getName("DS_DON_VI").getRefersToFormula());
            XSSFSheet m = (XSSFSheet) book.getSheet("Số liệu");
            for (var v : m.getCTWorksheet().getDataValidations().getDataValidationArray()) {
                // OOXML's showDropDown="1" hides the arrow
                assertFalse(v.isSetShowDropDown() && v.getShowDropDown(), "the drop-down arrow is shown");
                assertTrue(v.getShowErrorMessage());
            }
        }
    }

    /** A template with units only offers them and leaves the other sheets empty. */
    @Test
    void aTemplateForGivenUnitsListsThem(@TempDir Path dir) throws Exception {
        FactsDocument units = ReformTargetsJson.readFacts(Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json"));
        FactsDocument seed = new FactsDocument(null, null, units.units(), null, null, null);
        Path file = dir.resolve("mau.xlsx");
        ReformTargetsXlsx.template(RULES, seed, file);
        assertTrue(Files.size(file) > 0);
        try (XSSFWorkbook book = XlsxFactsTestSupport.open(Files.readAllBytes(file))) {
            Sheet u = book.getSheet("Đơn vị");
            assertEquals(units.units().get(0).id(), u.getRow(2).getCell(0).getStringCellValue());
            assertTrue(u.getRow(2).getCell(2).getStringCellValue().startsWith("DEPARTMENT — "));
            assertEquals(1, book.getSheet("Số liệu").getLastRowNum(), "only the header");
        }
        // Not filled in yet: the date is missing, and said at its cell.
        InvalidFactsException e = assertThrows(InvalidFactsException.class, () -> ReformTargetsXlsx.readFacts(file));
        assertEquals(List.of("Hướng dẫn!B4"), e.problems().stream().map(Problem::path).toList());
    }

    private static Map<String, String> validations(XSSFSheet sheet) {
        Map<String, String> out = new TreeMap<>();
        for (XSSFDataValidation v : sheet.getDataValidations()) {
            for (var region : v.getRegions().getCellRangeAddresses()) {
                assertEquals(2, region.getFirstRow(), "from the first data row");
                assertTrue(region.getLastRow() >= 2000);
                out.put(CellReference.convertNumToColString(region.getFirstColumn()),
                        v.getValidationConstraint().getFormula1());
            }
        }
        return out;
    }

    private static List<String> listItems(XSSFWorkbook book, String name) {
        AreaReference area = new AreaReference(book.getName(name).getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        Sheet sheet = book.getSheet(area.getFirstCell().getSheetName());
        assertNotNull(sheet);
        List<String> out = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            out.add(sheet.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue());
        }
        return out;
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static String allText(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return out.stream().collect(Collectors.joining("\n"));
    }
}
