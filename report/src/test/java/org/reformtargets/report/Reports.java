// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.dossier.Dossiers;

/** The bundled examples, evaluated and rendered, for the report tests. */
final class Reports {

    static final Path FACTS = Path.of("../examples/src/main/resources/facts");

    private Reports() {
    }

    /** The writer for a bundled facts file, evaluated against its own rule set. */
    static ReportWriter example(String file) {
        FactsDocument facts = ReformTargetsJson.readFacts(FACTS.resolve(file));
        return writer(facts);
    }

    /** The writer for the 766 example: its units with the dossier export aggregated into them. */
    static ReportWriter example766() {
        FactsDocument units = ReformTargetsJson.readFacts(FACTS.resolve("vn-766-units.json"));
        return writer(Dossiers.aggregate(units, FACTS.resolve("vn-766-dossiers.csv")));
    }

    static ReportWriter writer(FactsDocument facts) {
        RuleSet rules = RuleSet.load(facts.ruleSet());
        Evaluation evaluation = rules.evaluate(facts);
        return ReportWriter.of(rules, facts, evaluation);
    }

    /** The page the writer draws, as text. */
    static String html(ReportWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeHtml(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
