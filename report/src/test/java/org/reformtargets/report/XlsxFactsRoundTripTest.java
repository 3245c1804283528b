// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.testkit.ScenarioGen;

/** JSON → template with data → read back gives an equal document. */
class XlsxFactsRoundTripTest {

    static Stream<Path> bundledFacts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples/src/main/resources/facts"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertFalse(json.isEmpty(), "no bundled facts found");
            return json.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundledFacts")
    void everyBundledFactsFileReadsBackAsItself(Path file) {
        FactsDocument facts = ReformTargetsJson.readFacts(file);
        RuleSet ruleSet = RuleSet.load(facts.ruleSet());
        byte[] book = XlsxFactsTestSupport.template(ruleSet, facts);
        assertEquals(facts, XlsxFactsTestSupport.read(book, null));
        assertEquals(facts, XlsxFactsTestSupport.read(book, ruleSet));
    }

    @Test
    void generatedHcmAgriDocumentsReadBackAsThemselves() {
        roundTrips(RuleSet.load("hcm-agri/2021"), 20);
    }

    @Test
    void generatedVn766DocumentsReadBackAsThemselves() {
        roundTrips(RuleSet.load("vn-766/2025"), 10);
    }

    /** Examples are few: each writes and reads a whole workbook (about a second on a shared machine). */
    private static void roundTrips(RuleSet ruleSet, int examples) {
        qt().withExamples(examples).forAll(ScenarioGen.documents(ruleSet).map(f -> yesOrNo(f, ruleSet)))
                .checkAssert(facts -> assertEquals(facts,
                        XlsxFactsTestSupport.read(XlsxFactsTestSupport.template(ruleSet, facts), ruleSet)));
    }

    /**
     * {@code facts} without the attestations of a yes/no key that say a word instead (JSON takes them, and
     * they lack data; the workbook refuses them at their cell, see {@code XlsxFactsReviewTest}).
     */
    private static FactsDocument yesOrNo(FactsDocument facts, RuleSet ruleSet) {
        List<Attestation> kept = facts.attestations().stream().filter(a -> a.value() instanceof Boolean
                || ruleSet.vocabulary().attestation(a.key()).map(t -> t.kind() != Vocabulary.AttestationKind.BOOLEAN)
                .orElse(true)).toList();
        return new FactsDocument(facts.ruleSet(), facts.asOf(), facts.units(), facts.measurements(), facts.events(),
                kept);
    }
}
