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
