// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;

class HtmlScorecardTest {

    /** snn-hcm, land field: 1,400 of 1,460 on time against 96%, 2 more needed. */
    private static final String LAND_VI = "Hồ sơ được giải quyết đúng hạn lĩnh vực đất đai: 1.400/1.460 hồ sơ đã giải quyết"
            + " năm 2021, tỷ lệ 95,89%, chỉ tiêu từ 96% trở lên: chưa đạt, cần thêm 2 hồ sơ được giải quyết đúng hạn.";

    @Test
    void theBundledExampleShowsAKnownUnmetTargetWithItsGapInVietnamese() {
        String page = Reports.html(Reports.example("hcm-agri-2021.json"));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
        assertTrue(page.contains("<html lang=\"vi\">"));
        assertTrue(page.contains("<meta charset=\"utf-8\">"));
        assertTrue(page.contains(LAND_VI), "the land sentence");
        assertTrue(page.contains("Tổng quan") && page.contains("Chỉ tiêu chưa đạt") && page.contains("Mục lục"));
        // header: id, version, asOf
        assertTrue(page.contains("hcm-agri/2021") && page.contains("1.0.0") && page.contains("31/12/2021"));
        // the not-met list on the first page has the land row with its gap 2
        String notMet = between(page, "class=\"cards not-met\"", "</table>");
        assertTrue(notMet.contains("Hồ sơ được giải quyết đúng hạn lĩnh vực đất đai"), notMet);
        assertTrue(notMet.contains("95,89%") && notMet.contains("≥ 96%"), notMet);
        assertTrue(notMet.contains("<strong>2</strong>"), notMet);
        assertEquals(16, count(notMet, "<tr>\n<td"), "16 results not met in the example");
        // status as symbol and word, and the source clause
        assertTrue(page.contains("✗ Chưa đạt") && page.contains("✓ Đạt") && page.contains("? Thiếu dữ liệu"));
        assertTrue(page.contains(">9 chỉ tiêu công tác cải cách hành chính năm 2021, mục 5<"), "the source by its title");
        assertFalse(page.contains("Not met"));
    }

    @Test
    void inEnglishEveryFixedWordAndSentenceIsEnglish() {
        String page = Reports.html(Reports.example("hcm-agri-2021.json").in(Language.EN));
        assertTrue(page.contains("<html lang=\"en\">"));
        assertTrue(page.contains("Overview") && page.contains("Targets not met") && page.contains("Contents"));
        assertTrue(page.contains("✗ Not met") && page.contains("2021-12-31"));
        assertTrue(page.contains("Dossiers resolved on time in the land field: 1,400 of 1,460 dossiers resolved in 2021"),
                "the land sentence in English");
        assertTrue(page.contains(">9 chỉ tiêu công tác cải cách hành chính năm 2021, clause 5<"));
        assertFalse(page.contains("Tổng quan") || page.contains("Chưa đạt") || page.contains("Mục lục"));
    }

    @Test
    void aHalfYearShowsTheOutlook() {
        String page = Reports.html(Reports.example("hcm-agri-2021-h1.json"));
        String outlook = between(page, "class=\"cards outlook\"", "</table>");
        assertTrue(outlook.contains("Có nguy cơ không đạt") && outlook.contains("Không thể đạt")
                && outlook.contains("Đúng hướng"), outlook);
        // cc-cnty's on-time share: 1,573 of the 1,568 still expected would be needed (100.32%)
        assertTrue(outlook.contains("1.573") && outlook.contains("1.568") && outlook.contains("100,32%"), outlook);
        assertTrue(page.contains("(chưa chốt)"));
    }

    @Test
    void theScored766ExampleShowsTotalsAndABarPerGroup() throws Exception {
        String page = Reports.html(Reports.example766());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/report-766.html"), page); // to look at
        assertTrue(page.contains("<h2>Điểm</h2>"), "the score heading");
        // the province's 2025 total out of 100, and a commune's out of 72
        assertTrue(page.contains("46,70/100"), "tinh-a's total");
        assertTrue(page.contains("42,01/72"), "xa-an-binh's total");
        String cards = between(page, "class=\"cards-grid\"", "<h2>");
        assertEquals(9, count(cards, "class=\"scorecard\""), "a card per unit");
        assertEquals(9 * 6, count(cards, "class=\"meter group\""), "six group bars per unit");
        assertTrue(cards.contains("Số hóa hồ sơ") && cards.contains("10,31/22"), "digitisation of the province");
        assertTrue(cards.contains("9,27/18"), "a commune's digitisation is out of 18: two indicators do not apply to it");
        // a group bar's width is points/max of 300: 10.31/22 → 141
        assertTrue(cards.contains("<rect width=\"141\" height=\"14\" class=\"f-score\"/>"), cards);
        assertTrue(page.contains("2,92/4"), "points of a scored result");
    }

    @Test
    void namesAreEscapedByTheEngine() {
        FactsDocument facts = new FactsDocument("hcm-agri/2021", java.time.LocalDate.of(2021, 12, 31), List.of(
                Unit.root("snn", "<script>alert(1)</script>", Level.DEPARTMENT),
                new Unit("cc", "Chi cục \"A\" & B", Level.SUB_DEPARTMENT, "snn")),
                List.of(new Measurement("snn", "satisfaction", null, Period.parse("2021"), 90L, 100L, null)),
                List.of(), List.of());
        String page = Reports.html(Reports.writer(facts));
        assertFalse(page.contains("<script>alert(1)"), "the raw script tag");
        assertFalse(page.contains("<script"), "no script at all");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the escaped name");
        assertTrue(page.contains(">Chi cục \"A\" &amp; B<"), "the ampersand escaped (a quote is plain text outside attributes)");
        assertFalse(page.contains("\" & B"), "no raw ampersand");
    }

    @Test
    void nothingIsFetchedFromTheNetwork() {
        for (String page : List.of(Reports.html(Reports.example("hcm-agri-2021.json")), Reports.html(Reports.example766()))) {
            assertFalse(page.contains("http://") || page.contains("https://"), "no network address");
            assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(?!#)").matcher(page).find(), "only in-page links");
            assertFalse(page.contains("@import") || page.contains("url(http") || page.contains("@font-face"));
            assertFalse(page.contains("<script") || page.contains("<link") || page.contains("<img"));
        }
    }

    @Test
    void everyUnitHasAnAnchorInTheContentsAndASection() {
        String page = Reports.html(Reports.example("hcm-agri-2021.json"));
        String toc = between(page, "<nav class=\"toc\"", "</nav>");
        List<String> links = all(toc, "href=\"#([^\"]+)\"");
        FactsDocument facts = org.reformtargets.core.ReformTargetsJson.readFacts(Reports.FACTS.resolve("hcm-agri-2021.json"));
        assertEquals(facts.units().size(), links.size(), toc);
        for (Unit u : facts.units()) {
            assertTrue(links.stream().anyMatch(a -> a.endsWith("-" + u.id())), "an anchor for " + u.id());
            assertTrue(toc.contains(">" + u.name() + "</a>"), u.name());
        }
        for (String anchor : links) {
            assertTrue(page.contains("<section class=\"unit") && page.contains("id=\"" + anchor + "\""), anchor);
        }
        // nested by depth: the department's list holds its sub-departments
        assertTrue(count(toc, "<ul>") >= 2, toc);
        assertEquals(count(toc, "<ul>"), count(toc, "</ul>"), "balanced lists");
        assertEquals(count(toc, "<li>"), count(toc, "</li>"), "balanced items");
        // the department's section breaks the page when printed
        assertTrue(page.contains("<section class=\"unit dept\""));
        assertTrue(page.contains("@page { size: A4;") && page.contains("section.unit.dept { break-before: page; }"));
    }

    @Test
    void theFirstPageMarksResultsThatAreNotFinal() {
        String page = Reports.html(Reports.example("hcm-agri-2021-h1.json"));
        String notMet = between(page, "class=\"cards not-met\"", "</table>");
        int rows = count(notMet, "<tr>\n<td");
        int provisional = count(notMet, "<span class=\"provisional\">chưa chốt</span>");
        assertEquals(20, rows, "20 targets not met at mid-year");
        assertEquals(19, provisional, "19 of them are not final");
        String outlook = between(page, "class=\"cards outlook\"", "</table>");
        assertEquals(17, count(outlook, "<tr>\n<td"));
        assertEquals(16, count(outlook, "class=\"provisional\""), "16 of the 17 outlooks are of results not final");
        String en = Reports.html(Reports.example("hcm-agri-2021-h1.json").in(Language.EN));
        assertEquals(19, count(between(en, "class=\"cards not-met\"", "</table>"),
                "<span class=\"provisional\">not final</span>"));
    }

    @Test
    void longThresholdsWrapAndOnlyShortFiguresDoNot() {
        String page = Reports.html(Reports.example("hcm-agri-2020-h1-report.json"));
        assertFalse(page.contains("td, th, dd, dt { overflow-wrap: anywhere"), "a word in a table is never cut in two");
        assertTrue(page.contains("td, th, dd, dt { overflow-wrap: break-word; }"));
        // the threshold cell is not a nowrap number cell: its long words wrap
        assertFalse(page.contains("<td class=\"num\" data-label=\"Yêu cầu\">"));
        assertTrue(page.contains("<td class=\"thr\" data-label=\"Yêu cầu\">báo cáo quý I trước ngày 25/02/2020"), "the long threshold");
        assertTrue(page.contains("td.thr, th.thr { text-align: left;") && page.contains("@media print")
                && page.contains("table.results, table.not-met, table.outlook { font-size: 9pt; }"), "print fits A4");
        // a yes-or-no figure reads as a word, not as a grouped number ("t.rue")
        String y2021 = Reports.html(Reports.example("hcm-agri-2021.json"));
        assertFalse(y2021.contains("t.rue"));
        assertTrue(y2021.contains("<td class=\"num\" data-label=\"Thực hiện\">có</td>"));
    }

    @Test
    void theSourceIsTheDocumentsTitleWithItsClause() {
        String page = Reports.html(Reports.example("hcm-agri-2021.json"));
        assertFalse(page.contains(">001_71801934a71350b6.txt"), "no file name as the visible source");
        assertTrue(page.contains("title=\"9 chỉ tiêu công tác cải cách hành chính năm 2021 (Giám đốc Sở ký cam kết với Thành phố)"
                + " (001_71801934a71350b6.txt)\""), "the full title and the file on hover");
        assertTrue(page.contains(">Cam kết thực hiện thắng lợi các nhiệm vụ cải cách hành chính năm 2021, mục"),
                "the sub-department's commitment, its parenthesis dropped to fit");
        String p766 = Reports.html(Reports.example766());
        assertTrue(p766.contains(", Nhóm 5, chỉ số 2<"), "a clause naming itself");
        assertFalse(p766.contains("mục Nhóm"), "no 'mục' before a clause that starts with a word");
        assertTrue(p766.contains(">Quyết định 766/QĐ-TTg ngày 23/6/2022, Nhóm 1, chỉ số 1<"),
                "a long title that opens with its number is named by it");
    }

    @Test
    void the766TargetsLoseTheirFamilyAndPeriodsReadInOrder() {
        String page = Reports.html(Reports.example766());
        assertFalse(page.contains("<code>vn-766/<wbr>"), "the family prefix is stripped");
        assertTrue(page.contains("<code>digitization/<wbr>"), page.substring(page.indexOf("<code>", page.indexOf("class=\"cards results\""))));
        String scores = between(page, "class=\"cards scores\"", "</table>");
        List<String> periods = all(scores, "<tr>\n<td>([^<(]+)");
        assertEquals(List.of("Tháng 7/2025", "Tháng 8/2025", "Tháng 9/2025", "Quý 3/2025", "Năm 2025"),
                periods.stream().map(String::strip).toList(), scores);
    }

    @Test
    void aGroupThatDoesNotApplyToAUnitSaysSo() {
        String page = Reports.html(Reports.example766());
        String cards = between(page, "class=\"cards-grid\"", "<h2>");
        assertTrue(cards.contains("<span class=\"num\">không áp dụng</span>"), cards);
        assertFalse(cards.contains("<span class=\"num\">0,00</span>"), "no bare 0 for a group without a maximum");
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        assertTrue(a >= 0, "missing " + from);
        int b = text.indexOf(to, a + from.length());
        return text.substring(a, b < 0 ? text.length() : b);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
