// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The bundled example's report as a person sees it, in headless Chromium: the known unmet target
 * and its gap are visible, the console stays clean, nothing overflows sideways at 1280 and 390 px,
 * and screenshots are saved under {@code target/}. Chromium and ChromeDriver are found at
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or at the paths of the system
 * properties {@code chromium.binary} and {@code chromedriver.binary}; without them the test is skipped,
 * saying how to install them.
 */
class HtmlReportBrowserTest {

    private static final Path REPORT = Path.of("target/report.html");
    /** The mid-year report of 2020, whose long thresholds once pushed a table out of its box. */
    private static final Path REPORT_2020 = Path.of("target/report-2020-h1.html");
    /** The scored 766 example: a points column more, and 1,170 results. */
    private static final Path REPORT_766 = Path.of("target/report-766-browser.html");
    private static ChromeDriver driver;
    /** Why the browser cannot run here, or {@code null}; each test is skipped with it (a class-level skip shows as no test at all). */
    private static String missing;

    @BeforeAll
    static void start() throws Exception {
        File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            missing = "Chromium or ChromeDriver is missing (" + chromium + ", " + chromedriver + "): install them with"
                    + " `apt-get install -y chromium chromium-driver`, or name them with -Dchromium.binary=…"
                    + " -Dchromedriver.binary=…";
            return;
        }
        Files.createDirectories(REPORT.getParent());
        Reports.example("hcm-agri-2021.json").writeHtml(REPORT);
        Reports.example("hcm-agri-2020-h1-report.json").writeHtml(REPORT_2020);
        Reports.example766().writeHtml(REPORT_766);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                        "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
        driver = new ChromeDriver(service, options);
        driver.get(REPORT.toAbsolutePath().toUri().toString());
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theKnownUnmetTargetAndItsGapAreVisible() {
        WebElement row = driver.findElement(By.xpath("//table[contains(@class,'not-met')]//tr[td[contains(.,"
                + "'Hồ sơ được giải quyết đúng hạn lĩnh vực đất đai')]]"));
        assertTrue(row.isDisplayed());
        WebElement gap = row.findElement(By.xpath("./td[last()]"));
        assertTrue(gap.isDisplayed());
        assertEquals("2", gap.getText().trim());
        WebElement sentence = driver.findElement(By.xpath("//tr[contains(@class,'sentence')]/td[contains(.,"
                + "'cần thêm 2 hồ sơ được giải quyết đúng hạn')]"));
        driver.executeScript("arguments[0].scrollIntoView()", sentence);
        assertTrue(sentence.isDisplayed());
        assertTrue(sentence.getText().contains("1.400/1.460 hồ sơ"), sentence.getText());
    }

    @Test
    void nothingOverflowsSidewaysAndTheConsoleStaysClean() throws Exception {
        for (int width : new int[] {1280, 390}) {
            resizeViewport(width, width == 1280 ? 1500 : 900);
            driver.navigate().refresh();
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            long innerWidth = ((Number) js("return window.innerWidth")).longValue();
            assertEquals(width, innerWidth, "the viewport is " + width + " px wide");
            assertTrue(scrollWidth <= innerWidth, "at " + width + " px the page is " + scrollWidth + " px wide");
            js("window.scrollTo(0, 0)");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target/report-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
    }

    /**
     * At a phone's width, at A4's (794 px at 96 dpi), at a desktop's, and as printed on A4 (703 px between
     * the margins, print styles), for the bundled example, the 2020 mid-year report and the scored 766
     * example: no cell is narrower than its longest word (nothing spills out of a cell), no table is wider
     * than its box, and the page does not scroll sideways.
     */
    @Test
    void everyCellHoldsItsLongestWordAtEveryWidth() {
        for (Path report : List.of(REPORT, REPORT_2020, REPORT_766)) {
            driver.get(report.toAbsolutePath().toUri().toString());
            for (int width : new int[] {390, 794, 1280, -703}) {
                boolean print = width < 0;
                width = Math.abs(width);
                driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", print ? "print" : ""));
                resizeViewport(width, 900);
                driver.navigate().refresh();
                String where = report.getFileName() + " at " + width + " px" + (print ? ", printed" : "");
                assertEquals(print, js("return matchMedia('print').matches"), where + ": the print styles apply");
                long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
                assertTrue(scrollWidth <= width, where + ": the page is " + scrollWidth + " px wide");
                Object cells = js(NARROW_CELLS);
                assertEquals(List.of(), cells, where + ": cells narrower than a word");
                Object boxes = js("return [...document.querySelectorAll('.scroll')]"
                        + ".filter(b => b.scrollWidth > b.clientWidth + 1)"
                        + ".map(b => b.firstElementChild.className + ' ' + b.scrollWidth + '>' + b.clientWidth)");
                assertEquals(List.of(), boxes, where + ": tables wider than their box");
            }
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        driver.get(REPORT.toAbsolutePath().toUri().toString());
    }

    /**
     * The visible cells that spill over (scrollWidth beyond clientWidth) or whose longest word, measured
     * in the cell's own font, is wider than the cell's content box (a word that had to be cut in two);
     * words end at spaces, and after a hyphen or a slash, where a line may break.
     */
    private static final String NARROW_CELLS = """
            const ctx = document.createElement('canvas').getContext('2d');
            const widest = el => {
              let w = 0;
              const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                const s = getComputedStyle(n.parentElement);
                ctx.font = s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
                const nowrap = s.whiteSpace === 'nowrap';
                for (const word of nowrap ? [n.data.trim()] : n.data.split(/\\s+|(?<=[-\\/])/)) {
                  w = Math.max(w, ctx.measureText(word).width);
                }
              }
              return w;
            };
            return [...document.querySelectorAll('td, th')].filter(c => c.getClientRects().length).map(c => {
              const s = getComputedStyle(c);
              const inner = c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
              const w = widest(c);
              return c.scrollWidth > c.clientWidth + 1 || w > inner + 1
                  ? Math.round(w) + '>' + Math.round(inner) + ': ' + c.textContent.trim().slice(0, 60) : null;
            }).filter(x => x).slice(0, 5);
            """;

    /** Printed on A4 portrait, the bundled example takes well under 30 pages (67 when its columns collapsed). */
    @Test
    void theBundledExamplePrintsOnFewA4Pages() {
        driver.get(REPORT.toAbsolutePath().toUri().toString());
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        a4.setOrientation(org.openqa.selenium.print.PrintOptions.Orientation.PORTRAIT);
        byte[] pdf = java.util.Base64.getDecoder().decode(driver.print(a4).getContent());
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int pages = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
        while (m.find()) {
            pages++;
        }
        assertTrue(pages > 1 && pages < 20, pages + " A4 pages");
    }

    /** Sets the inner width exactly (the window's frame differs between platforms). */
    private static void resizeViewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long inner = ((Number) js("return window.innerWidth")).longValue();
        if (inner != width) {
            driver.manage().window().setSize(new Dimension((int) (2L * width - inner), height));
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
