// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * One streaming pass over an .xlsx file's parts before POI builds the workbook: how much it unpacks to
 * (in all, and part by part against POI's own ratio of a zip bomb), and how many rows each worksheet
 * holds (counting its {@code <row>} elements with StAX), so that a workbook too large is refused
 * without being loaded.
 */
final class FactsZipScan {

    /** POI refuses a part larger than this that unpacks more than {@link ZipSecureFile#getMinInflateRatio()} allows. */
    private static final long GRACE_ENTRY_SIZE = 100 * 1024;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private FactsZipScan() {
    }

    /** A worksheet's rows: its name (the part's name when the workbook does not say), how many, the last one's number (1-based). */
    record SheetRows(String sheet, long rows, long lastRow) {
    }

    /** What the pass found: how many parts, and the rows of each worksheet in the workbook's order. */
    record Scan(int entries, List<SheetRows> sheets) {

        long rows() {
            return sheets.stream().mapToLong(SheetRows::rows).sum();
        }
    }

    /** The workbook is refused before it is opened; the message says why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown from inside a read when the parts have unpacked to more than the limit. */
    private static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBig() {
            super(null, null, false, false);
        }
    }

    /**
     * Scans {@code bytes}.
     *
     * @throws Refused when the parts unpack to more than {@code maxUnpacked} bytes or a part unpacks as a zip bomb
     * @throws IOException when it is not a zip
     */
    static Scan scan(byte[] bytes, long maxUnpacked) throws IOException, Refused {
        long[] unpacked = {0};
        int entries = 0;
        Map<String, SheetRows> parts = new LinkedHashMap<>();
        byte[] workbook = null;
        byte[] rels = null;
        // POI's own commons-compress reads the central directory, as POI will; java.util.zip's stream is stricter.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                entries++;
                String name = e.getName();
                long before = unpacked[0];
                try (InputStream in = new Counting(zip.getInputStream(e), unpacked, maxUnpacked)) {
                    if (name.startsWith("xl/worksheets/") && name.endsWith(".xml") && name.indexOf('/', 14) < 0) {
                        parts.put(name, rows(name, in));
                    } else if (name.equals("xl/workbook.xml")) {
                        workbook = in.readAllBytes();
                    } else if (name.equals("xl/_rels/workbook.xml.rels")) {
                        rels = in.readAllBytes();
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (TooBig t) {
                    throw new Refused(String.format(Locale.ROOT, "unpacks to more than the %,d MB a facts workbook"
                            + " may hold: split it by unit — tệp giải nén ra hơn %,d MB: hãy tách theo đơn vị",
                            maxUnpacked / 1024 / 1024, maxUnpacked / 1024 / 1024));
                }
                long size = unpacked[0] - before;
                long packed = e.getCompressedSize();
                double ratio = ZipSecureFile.getMinInflateRatio();
                if (size > GRACE_ENTRY_SIZE && packed >= 0 && (double) packed / size < ratio) {
                    throw new Refused(String.format(Locale.ROOT, "unpacks to more than a facts workbook may: its part"
                            + " %s grows %,d times when unpacked, more than the %,d times allowed (as a zip bomb"
                            + " does); save it again from Excel — tệp giải nén ra quá lớn (dấu hiệu tệp độc hại):"
                            + " hãy lưu lại bằng Excel", name, size / Math.max(packed, 1), Math.round(1 / ratio)));
                }
            }
        }
        return new Scan(entries, inOrder(parts, workbook, rels));
    }

    /** The rows of a worksheet part; a part StAX cannot read keeps the rows counted so far (POI will say what is wrong). */
    private static SheetRows rows(String part, InputStream in) {
        long rows = 0;
        long last = 0;
        try {
            XMLStreamReader x = XML.createXMLStreamReader(new FilterInputStream(in) {
                @Override
                public void close() {
                    // the parser closes its input at the end; the part is closed by the caller
                }
            });
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("row")) {
                    rows++;
                    String r = x.getAttributeValue(null, "r");
                    last = r != null && r.matches("\\d{1,12}") ? Long.parseLong(r) : last + 1;
                }
            }
            x.close();
        } catch (XMLStreamException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooBig b) {
                    throw b;
                }
            }
        }
        return new SheetRows(part, rows, last);
    }

    /** The worksheets named as the workbook names them and in its order, when its parts say; else as found. */
    private static List<SheetRows> inOrder(Map<String, SheetRows> parts, byte[] workbook, byte[] rels) {
        List<SheetRows> sheets = new ArrayList<>();
        if (workbook != null && rels != null) {
            try {
                Map<String, String> targets = new HashMap<>();
                for (Map<String, String> a : elements(rels, "Relationship")) {
                    String t = a.getOrDefault("Target", "");
                    targets.put(a.get("Id"), t.startsWith("/") ? t.substring(1) : "xl/" + t);
                }
                for (Map<String, String> a : elements(workbook, "sheet")) {
                    SheetRows p = parts.remove(targets.get(a.get("id")));
                    if (p != null) {
                        sheets.add(new SheetRows(a.getOrDefault("name", p.sheet()), p.rows(), p.lastRow()));
                    }
                }
            } catch (XMLStreamException e) {
                // the names stay the parts' names
            }
        }
        sheets.addAll(parts.values());
        return sheets;
    }

    /** The attributes (by local name) of each element called {@code local} in {@code xml}. */
    private static List<Map<String, String>> elements(byte[] xml, String local) throws XMLStreamException {
        List<Map<String, String>> found = new ArrayList<>();
        XMLStreamReader x = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals(local)) {
                Map<String, String> a = new HashMap<>();
                for (int i = 0; i < x.getAttributeCount(); i++) {
                    a.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
                }
                found.add(a);
            }
        }
        return found;
    }

    /** Counts the bytes read into a total shared by all parts, and stops past the limit. */
    private static final class Counting extends FilterInputStream {
        private final long[] total;
        private final long limit;

        Counting(InputStream in, long[] total, long limit) {
            super(in);
            this.total = total;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            total[0] += n;
            if (total[0] > limit) {
                throw new TooBig();
            }
        }
    }
}
