// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/vocabulary.md} is generated from the standard vocabulary ({@value Vocabulary#STANDARD_RESOURCE}),
 * never written by hand: this test fails when the committed file differs from what the JSON gives.
 * Regenerate it with
 * {@code mvn -o -pl core test -Dtest=VocabularyDocTest -Dvocabulary.regenerate=true}.
 */
class VocabularyDocTest {

    static final Path DOC = Path.of("..", "docs", "vocabulary.md");

    static String render(Vocabulary v) {
        StringBuilder b = new StringBuilder();
        b.append("# The standard vocabulary\n\n")
                .append("<!-- Generated from core/src/main/resources/").append(Vocabulary.STANDARD_RESOURCE)
                .append(" by VocabularyDocTest; do not edit by hand. Regenerate with\n")
                .append("     mvn -o -pl core test -Dtest=VocabularyDocTest -Dvocabulary.regenerate=true -->\n\n")
                .append("The words every rule set speaks unless it extends them with its own vocabulary files\n")
                .append("(see `authoring.md`, \"Your own words: vocabulary files\"). Where an English label is a plural,\n")
                .append("\"one:\" gives its singular (`enOne`, for \"1 more dossier resolved on time\"); where it is a singular,\n")
                .append("\"many:\" gives its plural (`enMany`, for \"2 initiatives\").\n\n");
        b.append("| kind | code | Vietnamese | English | details |\n|---|---|---|---|---|\n");
        for (Vocabulary.IndicatorTerm i : v.indicators()) {
            row(b, "indicator (" + i.kind().word() + ")", i.code(),
                    i.counted().vi() + (i.outOf() == null ? "" : " / " + i.outOf().vi()),
                    en(i.counted()) + (i.outOf() == null ? "" : " / " + en(i.outOf())),
                    i.isRatio() ? "numerator / denominator" : "value");
        }
        for (Vocabulary.EventTypeTerm e : v.eventTypes()) {
            row(b, "event type", e.code(), e.label().vi(), en(e.label()),
                    "requires " + (e.requires().isEmpty() ? "nothing" : String.join(", ", e.requires()))
                            + (e.allows().isEmpty() ? "" : "; allows " + String.join(", ", e.allows())));
        }
        for (Vocabulary.AttestationTerm a : v.attestations()) {
            row(b, "attestation (" + a.kind().word() + ")", a.key(), a.label().vi(), a.label().en(),
                    a.scale().isEmpty() ? "true or false" : "best first: " + a.scale().stream()
                            .map(w -> w.word() + " (" + w.label().vi() + ", " + w.label().en() + ")")
                            .collect(Collectors.joining(" > ")));
        }
        for (Vocabulary.FieldTerm f : v.fields()) {
            row(b, "field", f.code(), f.label().vi(), f.label().en(), "");
        }
        for (Vocabulary.LevelTerm l : v.levels()) {
            row(b, "level", l.code(), l.label().vi(), l.label().en(),
                    l.under().isEmpty() ? "top level" : "under " + String.join(", ", l.under()));
        }
        return b.toString();
    }

    /** The English label with its singular or plural where the vocabulary gives them. */
    private static String en(Vocabulary.Label l) {
        return l.en() + (l.enOne() == null ? "" : " (one: " + l.enOne() + ")")
                + (l.enMany() == null ? "" : " (many: " + l.enMany() + ")");
    }

    private static void row(StringBuilder b, String kind, String code, String vi, String en, String details) {
        b.append("| ").append(kind).append(" | `").append(code).append("` | ").append(cell(vi)).append(" | ")
                .append(cell(en)).append(" | ").append(cell(details)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    @Test
    void theCommittedTableIsTheOneTheStandardFileGives() throws IOException {
        String expected = render(Vocabulary.standard());
        if (Boolean.getBoolean("vocabulary.regenerate")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, "docs/vocabulary.md differs from the standard vocabulary: regenerate it with"
                + " mvn -o -pl core test -Dtest=VocabularyDocTest -Dvocabulary.regenerate=true and commit it");
    }
}
