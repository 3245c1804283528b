// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The HTML scorecard: one self-contained page (inline CSS and SVG, no script, no network fetch)
 * drawn by the {@code scorecard.jte} template from an {@link HtmlPage}; the engine escapes every value.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlScorecard {

    /** Templates compiled at build time into this package (jte-maven-plugin); thread-safe. */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlScorecard.class.getClassLoader(), "org.reformtargets.report.internal.templates");

    private HtmlScorecard() {
    }

    /** Writes the page for {@code data}, UTF-8, to {@code out} (left open). */
    public static void write(ReportData data, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ENGINE.render("scorecard.jte", new HtmlPage(data), new WriterOutput(w));
        w.flush();
    }
}
