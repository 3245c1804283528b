// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.report.ReformTargetsXlsx;

/** Reading a facts file the user gives: JSON, or a filled XLSX facts template. */
final class FactsFiles {

    private FactsFiles() {
    }

    /**
     * The facts document in {@code file}: a filled XLSX template (a zip file, whose first bytes are
     * {@code PK}) or JSON; read from {@code bytes} when given (the file's content, already read, as
     * an audit record hashes it), else from the file.
     */
    static FactsDocument read(Path file, byte[] bytes) {
        String source = file.toString();
        if (bytes != null) {
            InputStream in = new ByteArrayInputStream(bytes);
            return isZip(bytes) ? ReformTargetsXlsx.readFacts(in, source) : ReformTargetsJson.readFacts(in, source);
        }
        return isZip(file) ? ReformTargetsXlsx.readFacts(file) : ReformTargetsJson.readFacts(file);
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return isZip(in.readNBytes(2));
        } catch (IOException e) {
            return false; // the JSON reader reports the unreadable file as it always has
        }
    }
}
