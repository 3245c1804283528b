// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.report.ReformTargetsXlsx;

/** Reading a facts file the user gives: JSON, or a filled XLSX facts template. */
final class FactsFiles {

    private FactsFiles() {
    }

    /**
     * The facts document in {@code file}: a workbook ({@link #isWorkbook}) or JSON; read from
     * {@code bytes} when given (the file's content, already read, as an audit record hashes it), else
     * from the file.
     *
     * @param ruleSet for a workbook, the rule set whose vocabulary its codes are checked against at
     *                their cells (a JSON document is checked at evaluation, at its line:column); or
     *                {@code null}
     */
    static FactsDocument read(Path file, byte[] bytes, RuleSet ruleSet) {
        String source = file.toString();
        boolean workbook = isWorkbook(file, bytes);
        if (bytes != null) {
            InputStream in = new ByteArrayInputStream(bytes);
            if (!workbook) {
                return ReformTargetsJson.readFacts(in, source);
            }
            return ruleSet == null ? ReformTargetsXlsx.readFacts(in, source) : ReformTargetsXlsx.readFacts(in, source, ruleSet);
        }
        if (!workbook) {
            return ReformTargetsJson.readFacts(file);
        }
        return ruleSet == null ? ReformTargetsXlsx.readFacts(file) : ReformTargetsXlsx.readFacts(file, ruleSet);
    }

    /**
     * Whether the facts are a workbook: a zip (an XLSX file; its first bytes are {@code PK}) or an old
     * Excel file (OLE2), which the workbook reader refuses with what to do.
     */
    static boolean isWorkbook(Path file, byte[] bytes) {
        byte[] head = bytes != null ? bytes : head(file);
        return head.length >= 2 && head[0] == 'P' && head[1] == 'K'
                || head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF
                && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        } catch (IOException e) {
            return new byte[0]; // the JSON reader reports the unreadable file as it always has
        }
    }
}
