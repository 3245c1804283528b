// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The upload page in a real, headless Chromium: choose a rule set, upload the example facts through
 * the file input, submit, and see the scorecard. Skipped, saying how to install them, where Chromium
 * or its driver is missing (CI installs them).
 */
class UploadPageBrowserTest extends ServiceTestBase {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no Chromium at " + CHROMIUM + " or ChromeDriver at " + DRIVER
                        + ": apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadingTheExampleShowsItsScorecard() throws InterruptedException {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.cssSelector("#ruleSet option[value='hcm-agri/2021']")).click();
        assertThat(browser.findElement(By.id("ruleSet")).getDomProperty("value")).isEqualTo("hcm-agri/2021");
        browser.findElement(By.id("facts")).sendKeys(FACTS.resolve("hcm-agri-2021.json").toAbsolutePath().normalize().toString());
        browser.findElement(By.id("submit")).click();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!browser.findElements(By.id("facts")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Chi cục Trồng trọt và Bảo vệ thực vật");
        assertThat(text.toLowerCase()).contains("đạt");
        assertThat(browser.getCurrentUrl()).endsWith("/report");
    }
}
