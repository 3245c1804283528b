// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --format html|xlsx --output FILE}, and {@code --output} for the other formats. */
class ReportOutputTest {

    static final Path EXAMPLE = Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json");

    @TempDir
    Path dir;

    @Test
    void anHtmlOrXlsxReportIsNeverWrittenToStandardOutput() {
        for (String format : new String[] {"html", "xlsx"}) {
            Cli.Run run = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", format);
            Cli.assertUserError(run, "Refusing to write the " + format.toUpperCase() + " report to standard output",
                    "--output report." + format);
        }
    }

    @Test
    void theBundledExampleWritesAVietnameseHtmlReportByDefaultAndAnEnglishOneOnRequest() throws IOException {
        Path vi = dir.resolve("report.html");
        Cli.Run run = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", "html", "--output", vi.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        String page = Files.readString(vi, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, Math.min(200, page.length())));
        assertTrue(page.contains("lang=\"vi\""));
        assertTrue(page.contains("Chưa đạt"));

        Path en = dir.resolve("report-en.html");
        run = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", "html", "--lang", "en",
                "--output", en.toString());
        assertEquals(0, run.status(), run.err());
        String english = Files.readString(en, StandardCharsets.UTF_8);
        assertTrue(english.contains("lang=\"en\""));
        assertTrue(english.contains("Not met"));
    }

    @Test
    void theBundledExampleWritesAnXlsxWorkbookNamingEveryTarget() throws IOException {
        Path xlsx = dir.resolve("report.xlsx");
        Cli.Run run = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", "xlsx", "--output", xlsx.toString());
        assertEquals(0, run.status(), run.err());
        Cli.Run json = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", "json");
        int results = json.json().get("results").size();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            long targetCells = 0;
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().startsWith("hcm-agri/2021/")) {
                            targetCells++;
                        }
                    }
                }
            }
            assertTrue(targetCells >= results, targetCells + " cells name a target; " + results + " results");
        }
    }

    @Test
    void jsonAndTableGoToOutputExactlyAsTheyWouldBePrinted() throws IOException {
        for (String format : new String[] {"json", "table"}) {
            Path file = dir.resolve("out." + format);
            Cli.Run printed = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", format);
            Cli.Run written = Cli.run("evaluate", "--facts", EXAMPLE.toString(), "--format", format,
                    "--output", file.toString());
            assertEquals(0, written.status(), written.err());
            assertEquals("", written.out());
            assertArrayEquals(printed.out().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file), format);
        }
    }

    @Test
    void theOutputNeverOverwritesAnInputAndAMissingFolderWritesNothing() throws IOException {
        Path facts = Files.copy(EXAMPLE, dir.resolve("facts.json"));
        byte[] before = Files.readAllBytes(facts);
        Cli.Run run = Cli.run("evaluate", "--facts", facts.toString(), "--format", "html", "--output", facts.toString());
        Cli.assertUserError(run, "Refusing to write the output to", "the facts file");
        assertArrayEquals(before, Files.readAllBytes(facts));

        Path nowhere = dir.resolve("no/such/folder/report.xlsx");
        run = Cli.run("evaluate", "--facts", facts.toString(), "--format", "xlsx", "--output", nowhere.toString());
        Cli.assertUserError(run, "Cannot write " + nowhere, "nothing was written");
        assertFalse(Files.exists(nowhere));

        run = Cli.run("evaluate", "--facts", facts.toString(), "--format", "html", "--output", dir.toString());
        Cli.assertUserError(run, "it is a directory");
    }

    @Test
    void aDeviceOrALinkToOneIsNeverReplacedByTheOutputOrTheAuditRecord() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("stdout-link"), Path.of("/dev/null"));
        for (String[] args : new String[][] {
                {"--format", "html", "--output", "/dev/null"},
                {"--format", "xlsx", "--output", link.toString()},
                {"--format", "json", "--audit", "/dev/null"}}) {
            String[] all = new String[args.length + 3];
            all[0] = "evaluate";
            all[1] = "--facts";
            all[2] = EXAMPLE.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            Cli.assertUserError(Cli.run(all), "it is not a regular file");
        }
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null was replaced by a file");
        assertTrue(Files.isSymbolicLink(link), "the link was replaced");
        Cli.assertUserError(Cli.run("template", "--rule-set", "hcm-agri/2021", "--output", "/dev/null"),
                "it is not a regular file");
    }
}
