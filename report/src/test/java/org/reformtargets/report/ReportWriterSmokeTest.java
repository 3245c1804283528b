// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;

class ReportWriterSmokeTest {

    @Test
    void theBundledExampleRendersAsHtmlAndXlsx() throws Exception {
        FactsDocument facts = ReformTargetsJson.readFacts(Path.of("../examples/src/main/resources/facts/hcm-agri-2021.json"));
        RuleSet rules = RuleSet.load(facts.ruleSet());
        Evaluation evaluation = rules.evaluate(facts);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        ReportWriter.of(rules, facts, evaluation).writeHtml(html);
        String page = html.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("<!DOCTYPE html>"), page);
        assertTrue(page.contains("Chưa đạt"), page);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ReportWriter.of(rules, facts, evaluation).in(Language.EN).writeXlsx(xlsx);
        assertTrue(xlsx.size() > 1000);
    }
}
