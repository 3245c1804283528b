// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Level;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Vocabulary;

/** The rule grammar speaks the rule set's vocabulary: its levels, fields and attestation keys. */
class VocabularyInRulesTest {

    private static String file(String condition, String consequence) {
        return """
                package org.example.rules;

                import org.reformtargets.core.Level;
                import org.reformtargets.core.rule.UnitFacts;
                import org.reformtargets.core.rule.Check;

                rule "A rule"
                    @target("x/2025/t") @document("d.txt") @clause("1")
                when
                    $unit : UnitFacts( %s )
                then
                    %s
                end
                """.formatted(condition, consequence);
    }

    private static Vocabulary withVillage() {
        Vocabulary s = Vocabulary.standard();
        List<Vocabulary.LevelTerm> levels = new ArrayList<>(s.levels());
        levels.add(new Vocabulary.LevelTerm("VILLAGE", new Vocabulary.Label("Thôn, ấp", "Village"), List.of("COMMUNE")));
        return Vocabulary.of(s.indicators(), s.eventTypes(), s.attestations(), s.fields(), levels);
    }

    private static final String VERDICT = "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"91\");";

    @Test
    void aLevelOfTheRuleSetsOwnIsAllowedAndPrintedAsItsCode() {
        RuleGrammar.Inspection standard = RuleGrammar.inspect("r.drl", file("level == Level.VILLAGE", VERDICT));
        RuleGrammar.Inspection own = RuleGrammar.inspect("r.drl", file("level == Level.VILLAGE", VERDICT), withVillage());
        RuleGrammar.Inspection commune = RuleGrammar.inspect("r.drl", file("level == Level.COMMUNE", VERDICT));

        assertEquals(1, standard.problems().size(), standard.problems()::toString);
        assertTrue(standard.problems().get(0).message().contains("a level of the rule set's vocabulary (Level.MINISTRY"),
                standard.problems()::toString);
        assertNull(standard.canonical());
        assertEquals(List.of(), own.problems());
        assertTrue(own.canonical().contains("$unit : UnitFacts( levelCode == \"VILLAGE\" )"), own.canonical());
        assertEquals(List.of(), commune.problems());
        assertTrue(commune.canonical().contains("$unit : UnitFacts( level == Level.COMMUNE )"), commune.canonical());
    }

    @Test
    void aFieldOrAttestationKeyTheVocabularyDoesNotDeclareIsRefusedAtItsPlace() {
        List<Problem> field = RuleGrammar.check("r.drl", file("level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).ratio(\"dossiers.on_time\").onlyFields(\"land\", \"Helth\").atLeast(\"95\");"));
        List<Problem> key = RuleGrammar.check("r.drl", file("level == Level.DEPARTMENT",
                "Check.of(kcontext, $unit).attestation(\"iso9001.convertd\").isTrue();"));

        assertEquals(1, field.size(), field::toString);
        assertEquals(12, field.get(0).line(), field::toString);
        assertTrue(field.get(0).message().contains("'Helth' is not a field of the rule set's vocabulary: did you mean health?"),
                field::toString);
        assertEquals(1, key.size(), key::toString);
        assertTrue(key.get(0).message().contains("'iso9001.convertd' is not an attestation key of the rule set's"
                + " vocabulary: did you mean iso9001.converted?"), key::toString);
    }

    @Test
    void levelsAreValuesByCodeInTheStandardOrder() {
        assertEquals(Level.COMMUNE, Level.of("COMMUNE"));
        assertTrue(Level.of("COMMUNE") == Level.COMMUNE);
        assertEquals(Level.of("VILLAGE"), Level.of("VILLAGE"));
        assertEquals("VILLAGE", Level.of("VILLAGE").name());
        assertEquals(List.of(Level.DEPARTMENT, Level.SUB_DEPARTMENT, Level.OFFICE, Level.of("HAMLET"), Level.of("VILLAGE")),
                new java.util.TreeSet<>(List.of(Level.of("VILLAGE"), Level.OFFICE, Level.of("HAMLET"), Level.DEPARTMENT,
                        Level.SUB_DEPARTMENT)).stream().toList());
        assertTrue(!Level.isCode("commune") && !Level.isCode("1A") && Level.isCode("A1_B"));
    }
}
