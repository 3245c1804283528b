// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reformtargets.core.Problem;

/**
 * Each entry of {@link RuleGrammar}'s allow-list, accepted as written and refused one step past it,
 * at {@code file:line:column}. The escape corpus ({@code security/escape-corpus}) holds the attacks.
 */
class RuleGrammarTest {

    private static final String HEADER = """
            package org.example.rules;

            import org.reformtargets.core.Level;
            import org.reformtargets.core.rule.UnitFacts;
            import org.reformtargets.core.rule.Check;
            """;

    /** A file whose one rule has {@code meta} on line 8, {@code condition} on line 10 (column 24) and {@code consequence} on line 12 (column 5). */
    private static String file(String meta, String condition, String consequence) {
        return HEADER + """

                rule "A rule"
                    %s
                when
                    $unit : UnitFacts( %s )
                then
                    %s
                end
                """.formatted(meta, condition, consequence);
    }

    private static final String META = "@target(\"t/2021/x\") @document(\"d.txt\") @clause(\"1\")";
    private static final String VERDICT = "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");";

    private static List<Problem> check(String drl) {
        return RuleGrammar.check("r.drl", drl);
    }

    private static List<Problem> consequence(String text) {
        return check(file(META, "level == Level.DEPARTMENT", text));
    }

    private static List<Problem> condition(String text) {
        return check(file(META, text, VERDICT));
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> render(problems));
        return problems.get(0);
    }

    // ---- imports

    @Test
    void theThreeImportsOfTheRuleApiAreAccepted() {
        assertEquals(List.of(), check(file(META, "level == Level.DEPARTMENT", VERDICT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.util.List", "org.reformtargets.core.Status", "org.reformtargets.core.rule.*",
            "org.reformtargets.core.internal.UnitView", "java.lang.ProcessBuilder"})
    void anyOtherImportIsRefusedAtItsLine(String other) {
        Problem p = only(check(file(META, "level == Level.DEPARTMENT", VERDICT)
                .replace("import org.reformtargets.core.Level;", "import org.reformtargets.core.Level;\nimport " + other + ";")));

        assertEquals(4, p.line(), p::toString);
        assertTrue(p.message().startsWith("import " + other + " is not allowed"), p::toString);
    }

    // ---- package

    @ParameterizedTest
    @ValueSource(strings = {"java.lang", "org.reformtargets.core.rule", "org.drools.custom", "org.kie.x"})
    void aReservedPackageIsRefused(String pkg) {
        Problem p = only(check(file(META, "level == Level.DEPARTMENT", VERDICT)
                .replace("package org.example.rules;", "package " + pkg + ";")));

        assertEquals(1, p.line(), p::toString);
        assertTrue(p.message().contains("is reserved"), p::toString);
    }

    // ---- metadata

    @Test
    void theFourMetadataAreAcceptedAsStrings() {
        assertEquals(List.of(), check(file(META + " @reading(\"how the clause is read\")", "level == Level.DEPARTMENT",
                VERDICT)));
    }

    @Test
    void otherMetadataAndNonStringValuesAreRefused() {
        Problem other = only(check(file(META + " @salience(\"10\")", "level == Level.DEPARTMENT", VERDICT)));
        Problem number = only(check(file("@target(\"t/2021/x\") @document(\"d.txt\") @clause(1)",
                "level == Level.DEPARTMENT", VERDICT)));

        assertTrue(other.message().contains("@salience is not rule metadata"), other::toString);
        assertEquals("rule \"A rule\"", other.path());
        assertTrue(number.message().contains("@clause takes one string"), number::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@clause(\"1\" + \"2\")", "@clause(\"a\" + Level.DEPARTMENT.name() + \"b\")",
            "@clause(\"\"\"\n    x\"\"\")", "@clause(Level.DEPARTMENT)"})
    void metadataThatIsAnExpressionRatherThanOneStringIsRefused(String clause) {
        List<Problem> problems = check(file("@target(\"t/2021/x\") @document(\"d.txt\") " + clause,
                "level == Level.DEPARTMENT", VERDICT));

        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.line() == 8 && p.message().contains("takes one string")),
                render(problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"salience 10", "no-loop true", "dialect \"mvel\"", "agenda-group \"g\"", "enabled false"})
    void everyRuleAttributeIsRefused(String attribute) {
        Problem p = only(check(file(META + "\n    " + attribute, "level == Level.DEPARTMENT", VERDICT)));

        assertTrue(p.message().contains("the attribute '" + attribute.split(" ")[0] + "' is not allowed"), p::toString);
    }

    // ---- the pattern and its constraints

    @ParameterizedTest
    @ValueSource(strings = {"", "level == Level.DEPARTMENT", "level != Level.OFFICE", "id == \"snn\"",
            "parent == null", "parent != \"snn\"", "subUnitCount > 0", "subUnitCount <= 10",
            "level == Level.SUB_DEPARTMENT, subUnitCount >= 2", "(level == Level.DEPARTMENT || id == \"x\") && subUnitCount < 3",
            "level == Level.OFFICE, parentLevel == Level.DEPARTMENT", "parentLevel != Level.SUB_DEPARTMENT"})
    void comparisonsOfTheListedPropertiesWithLiteralsAreAccepted(String constraint) {
        assertEquals(List.of(), condition(constraint), constraint);
    }

    @Test
    void aPropertyOutsideTheListIsRefusedAtItsColumn() {
        Problem p = only(condition("period == null"));

        assertEquals(10, p.line(), p::toString);
        assertEquals(24, p.column(), p::toString);
        assertTrue(p.message().contains("'period' is not a property a rule may compare"), p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"level == \"DEPARTMENT\"", "level == Level.HAMLET", "id == 5", "subUnitCount == \"2\"",
            "id == parent", "level < Level.OFFICE", "parentLevel == \"DEPARTMENT\"", "parentLevel > Level.OFFICE", "subUnitCount > 1 + 1", "id == null"})
    void aComparisonWithTheWrongKindOfValueIsRefused(String constraint) {
        Problem p = only(condition(constraint));

        assertEquals(10, p.line(), p::toString);
        assertTrue(p.message().contains("may be compared with") || p.message().contains("can be compared with == and !="),
                p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parent.length() > 0", "eval(true)", "id matches \".*\"", "id in (\"a\", \"b\")",
            "$l : level", "!(subUnitCount > 0)", "subUnitCount / 0 == 1", "id.equals(\"x\")"})
    void anythingButAComparisonIsRefusedInACondition(String constraint) {
        List<Problem> problems = condition(constraint);

        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.line() == 10), render(problems));
    }

    @Test
    void aPatternOnAnotherTypeOrASecondPatternIsRefused() {
        Problem other = only(check(file(META, "", VERDICT).replace("UnitFacts(  )", "Object( )")));
        List<Problem> two = check(file(META, "", VERDICT).replace("$unit : UnitFacts(  )",
                "$unit : UnitFacts(  )\n    UnitFacts( level == Level.OFFICE )"));
        List<Problem> not = check(file(META, "", VERDICT).replace("$unit : UnitFacts(  )",
                "$unit : UnitFacts(  )\n    not UnitFacts( level == Level.OFFICE )"));

        assertTrue(other.message().contains("pattern on Object is not allowed"), other::toString);
        assertTrue(render(two).contains("has 2 patterns"), render(two));
        assertTrue(render(not).contains("'not' is not allowed"), render(not));
    }

    @Test
    void anUnboundPatternIsRefused() {
        List<Problem> problems = check(file(META, "", VERDICT).replace("$unit : UnitFacts(  )", "UnitFacts( )"));

        assertTrue(render(problems).contains("bind the pattern to a name that starts with $"), render(problems));
    }

    // ---- the consequence: Check.of, then the check API, literal arguments, a verdict

    @ParameterizedTest
    @ValueSource(strings = {
            "Check.of(kcontext, $unit).ratio(\"dossiers.on_time\").perField().fieldAtLeast(\"land\", \"96\").atLeast(\"98\");",
            "Check.of(kcontext, $unit).ratio(\"x\").onlyFields(\"education\", \"health\").above(\"95\");",
            "Check.of(kcontext, $unit).ratio(\"x\").alsoAbovePreviousYear().risesByPoints(\"3\");",
            "Check.of(kcontext, $unit).value(\"staff.headcount\").atMostPercentOfYear(2015, \"97.5\");",
            "Check.of(kcontext, $unit).value(\"x\").atLeast(\"1\");",
            "Check.of(kcontext, $unit).value(\"x\").atMost(\"0\");",
            "Check.of(kcontext, $unit).value(\"x\").risesByPercent(\"5\");",
            "Check.of(kcontext, $unit).subUnits().inspected(\"a\", \"b\").atLeastPercent(\"50\");",
            "Check.of(kcontext, $unit).subUnits().inspected(\"a\").everyQuarter().atLeast(5);",
            "Check.of(kcontext, $unit).subUnits().inspected(\"a\").everyQuarter().atLeastPercent(\"50\");",
            "Check.of(kcontext, $unit).subUnits().eachWith(\"initiative\");",
            "Check.of(kcontext, $unit).events(\"dialogue\").everyQuarter();",
            "Check.of(kcontext, $unit).events(\"x\").everyMonth();",
            "Check.of(kcontext, $unit).events(\"x\").atLeast(1);",
            "Check.of(kcontext, $unit).tasks().allCompletedBefore(\"2021-11-01\");",
            "Check.of(kcontext, $unit).tasks().allCompletedBy(\"2021-10-31\");",
            "Check.of(kcontext, $unit).tasks().dueBy(\"plan\", \"2021-09-10\").dueBy(\"b\", \"2021-09-30\").allOnTime();",
            "Check.of(kcontext, $unit).reports().dueBy(\"Q1\", \"2020-02-25\").allOnTime();",
            "Check.of(kcontext, $unit).attestation(\"iso9001.converted\").isTrue();",
            "Check.of(kcontext, $unit).attestation(\"par_index.class\").rankedAtLeast(\"GOOD\", \"EXCELLENT\", \"GOOD\", \"FAIR\", \"AVERAGE\", \"POOR\");",
            "Check.of(kcontext, $unit).notApplicable(\"Không áp dụng.\", \"Not applicable.\");",
            "Check.of(kcontext, $unit)\n        .ratio(\"x\") // a comment\n        .atLeast(\"9\");"})
    void everyCallOfTheCheckApiIsAcceptedWithLiterals(String consequence) {
        assertEquals(List.of(), consequence(consequence), consequence);
    }

    @Test
    void aMethodOutsideTheCheckApiIsRefusedAtItsName() {
        Problem p = only(consequence("Check.of(kcontext, $unit).ratio(\"x\").getClass();"));

        assertEquals(12, p.line(), p::toString);
        assertEquals(42, p.column(), p::toString);
        assertTrue(p.message().contains(".getClass(…) is not a method of RatioCheck"), p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Check.of(kcontext, $unit).ratio(\"x\").atLeast(98);",
            "Check.of(kcontext, $unit).ratio(\"x\" + \"y\").atLeast(\"9\");",
            "Check.of(kcontext, $unit).ratio($unit.getId()).atLeast(\"9\");",
            "Check.of(kcontext, $unit).events(\"x\").atLeast(\"1\");",
            "Check.of(kcontext, $unit).notApplicable(\"only one\");",
            "Check.of(kcontext, $unit).ratio(\"\"\"\n    x\"\"\").atLeast(\"9\");"})
    void argumentsThatAreNotTheListedLiteralsAreRefused(String consequence) {
        Problem p = only(consequence(consequence));

        assertTrue(p.message().contains("(literals only)"), p::toString);
    }

    @Test
    void aCheckWithoutAVerdictOrACallAfterItIsRefused() {
        Problem open = only(consequence("Check.of(kcontext, $unit).ratio(\"x\");"));
        Problem after = only(consequence("Check.of(kcontext, $unit).ratio(\"x\").atLeast(\"9\").atLeast(\"9\");"));

        assertTrue(open.message().contains("stops at RatioCheck without a verdict"), open::toString);
        assertTrue(after.message().contains("follows the verdict"), after::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Check.of(drools, $unit).ratio(\"x\").atLeast(\"9\");",
            "Check.of(kcontext, null).ratio(\"x\").atLeast(\"9\");",
            "Check.of(kcontext, $other).ratio(\"x\").atLeast(\"9\");",
            "Check.<String>of(kcontext, $unit).ratio(\"x\").atLeast(\"9\");",
            "org.reformtargets.core.rule.Check.of(kcontext, $unit).ratio(\"x\").atLeast(\"9\");"})
    void theChainStartsWithCheckOfKcontextAndTheBoundUnit(String consequence) {
        Problem p = only(consequence(consequence));

        assertTrue(p.message().contains("starts with Check.of(kcontext, $unit)"), p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "// nothing", "int x = 1;", "new Object();", "return;", "{ }", "while (true) { }",
            "(Object) null;", "Runnable r = () -> { };"})
    void aConsequenceThatIsNotOneCheckChainIsRefused(String consequence) {
        List<Problem> problems = consequence(consequence);

        assertTrue(!problems.isEmpty(), consequence);
    }

    @Test
    void aSecondStatementIsRefusedAtItsPlace() {
        Problem p = only(consequence(VERDICT + " System.exit(1);"));

        assertEquals(12, p.line(), p::toString);
        assertEquals(5 + VERDICT.length() + 1, p.column(), p::toString);
        assertTrue(p.message().contains("2 statements"), p::toString);
    }

    @Test
    void textThatClosesTheMethodItBecomesIsRefused() {
        List<Problem> problems = consequence(VERDICT + " } static { System.exit(1); } {");

        assertTrue(!problems.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "attestation(\"par_index.class\").rankedAtLeast(\"GOOD\", \"POOR\", \"AVERAGE\", \"FAIR\", \"GOOD\", \"EXCELLENT\")",
            "attestation(\"par_index.class\").rankedAtLeast(\"GOOD\", \"EXCELLENT\", \"GOOD\")",
            "attestation(\"par_index.class\").rankedAtLeast(\"GOOD\")"})
    void aRankedScaleOtherThanTheDeclaredOneIsRefused(String call) {
        Problem p = only(consequence("Check.of(kcontext, $unit)." + call + ";"));

        assertTrue(p.message().contains("the scale of par_index.class is EXCELLENT > GOOD > FAIR > AVERAGE > POOR"
                + " (best first) in the rule set's vocabulary"), p::toString);
    }

    @Test
    void anAttestationsVerdictFitsItsKind() {
        Problem ranked = only(consequence("Check.of(kcontext, $unit).attestation(\"par_index.class\").isTrue();"));
        Problem bool = only(consequence("Check.of(kcontext, $unit).attestation(\"iso9001.converted\")"
                + ".rankedAtLeast(\"A\", \"A\");"));
        Problem least = only(consequence("Check.of(kcontext, $unit).attestation(\"par_index.class\")"
                + ".rankedAtLeast(\"BEST\", \"EXCELLENT\", \"GOOD\", \"FAIR\", \"AVERAGE\", \"POOR\");"));

        assertTrue(ranked.message().contains("is ranked, not true or false"), ranked::toString);
        assertTrue(bool.message().contains("is true or false, not ranked"), bool::toString);
        assertTrue(least.message().contains("'BEST' is not on the scale of par_index.class"), least::toString);
    }

    // ---- the file as a whole

    @Test
    void unicodeEscapesAreRefusedAnywhereEvenInComments() {
        Problem p = only(check(file(META, "level == Level.DEPARTMENT", VERDICT + " // \\u000a System.exit(1);")));

        assertEquals(12, p.line(), p::toString);
        assertTrue(p.message().contains("Unicode escapes"), p::toString);
    }

    @Test
    void declarationsFunctionsGlobalsQueriesAreRefusedAtTheirLines() {
        String drl = HEADER + """
                global java.util.List out;
                declare Thing end
                function int f() { return 1; }
                query "q" end
                """;

        List<Problem> problems = check(drl);

        assertEquals(List.of(6, 7, 8, 9), problems.stream().map(Problem::line).sorted().toList(), render(problems));
    }

    @Test
    void aFileThatDoesNotParseIsRefusedWithTheParsersPlace() {
        Problem p = only(check(file(META, "level == Level.DEPARTMENT", VERDICT).replace("then", "thn")));

        assertEquals(12, p.line(), p::toString);
        assertEquals(5, p.column(), p::toString);
    }

    // ---- size: the parsers recurse, the compiler grows with the rules

    @Test
    void bracketsNestingAtTheLimitAreReadAndOneDeeperIsRefusedBeforeParsing() {
        // the file's own deepest bracket is 2 (Check.of(…) inside nothing else): 30 more stay within 32
        String ok = "(".repeat(RuleGrammar.MAX_NESTING - 2) + "level == Level.DEPARTMENT" + ")".repeat(RuleGrammar.MAX_NESTING - 2);
        String deep = "(".repeat(300) + "level == Level.DEPARTMENT" + ")".repeat(300);

        assertEquals(List.of(), condition(ok));
        Problem p = only(condition(deep));
        assertEquals(10, p.line(), p::toString);
        assertTrue(p.message().contains("nest deeper than the 32 levels"), p::toString);
    }

    @Test
    void aChainOfMoreCallsThanTheLimitIsRefused() {
        String within = "Check.of(kcontext, $unit).ratio(\"x\")" + ".perField()".repeat(RuleGrammar.MAX_CHAIN - 3)
                + ".atLeast(\"9\");";
        String over = "Check.of(kcontext, $unit).ratio(\"x\")" + ".perField()".repeat(RuleGrammar.MAX_CHAIN - 2)
                + ".atLeast(\"9\");";
        String huge = "Check.of(kcontext, $unit).ratio(\"x\")" + ".perField()".repeat(2_000) + ".atLeast(\"9\");";

        assertEquals(List.of(), consequence(within));
        assertTrue(only(consequence(over)).message().contains("makes 33 calls, more than the 32 allowed"));
        assertTrue(only(consequence(huge)).message().contains("longer than the 4000 allowed"));
    }

    @Test
    void aFileWithMoreRulesThanTheLimitIsRefused() {
        String rule = """

                rule "R%d"
                    @target("t/2021/x%d") @document("d.txt") @clause("1")
                when
                    $unit : UnitFacts( )
                then
                    Check.of(kcontext, $unit).events("dialogue").everyQuarter();
                end
                """;
        StringBuilder within = new StringBuilder(HEADER);
        for (int i = 0; i < RuleGrammar.MAX_RULES_PER_FILE; i++) {
            within.append(rule.formatted(i, i));
        }
        String over = within + rule.formatted(-1, -1);

        RuleGrammar.Inspection ok = RuleGrammar.inspect("r.drl", within.toString());
        assertEquals(List.of(), ok.problems());
        assertEquals(RuleGrammar.MAX_RULES_PER_FILE, ok.rules());
        assertTrue(only(check(over)).message().contains("declares 201 rules, more than a rule file may hold (200)"));
    }

    @Test
    void aBackslashInMetadataIsRefused() {
        Problem p = only(check(file("@target(\"t/2021/x\") @document(\"d.txt\") @clause(\"1\\\\2\")",
                "level == Level.DEPARTMENT", VERDICT)));

        assertTrue(p.message().contains("@clause takes one string"), p::toString);
    }

    // ---- what the engine compiles: the file printed back from its checked parts

    @Test
    void theEngineCompilesTheCheckedPartsOnTheirLinesWithoutTheAuthorsCommentsOrSpacing() {
        String drl = HEADER + """

                rule "A rule"   // the name
                    @target("t/2021/x")
                    @document("d.txt") @clause("1")
                when
                    $unit : UnitFacts( (level == Level.DEPARTMENT)   /* a comment */ , subUnitCount>0 )
                then
                    /* then a comment */ Check.of(kcontext,$unit)
                        .ratio( "satisfaction" )   // and another
                        .atLeast("95") ;
                end
                """;

        RuleGrammar.Inspection inspection = RuleGrammar.inspect("r.drl", drl);

        assertEquals(List.of(), inspection.problems());
        assertEquals(1, inspection.rules());
        List<String> lines = inspection.canonical().lines().toList();
        assertEquals(drl.lines().count(), lines.size(), inspection.canonical());
        assertEquals("package org.example.rules;", lines.get(0));
        assertEquals("import org.reformtargets.core.Level;", lines.get(2));
        assertEquals("rule \"A rule\"", lines.get(6));
        assertEquals("@target(\"t/2021/x\")", lines.get(7));
        assertEquals("@document(\"d.txt\") @clause(\"1\") when", lines.get(8));
        assertEquals("$unit : UnitFacts( (level == Level.DEPARTMENT), subUnitCount > 0 )", lines.get(10));
        assertEquals("then", lines.get(11));
        assertEquals("Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\"); end", lines.get(12));
        assertEquals(List.of(), RuleGrammar.check("printed.drl", inspection.canonical()),
                "what is printed keeps to the grammar too");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ratio(\"a\\\\sb\")", "ratio(\"a\\\\tb\")", "ratio(\"a\\\\0\")"})
    void aBackslashInAnyStringIsRefused(String call) {
        Problem p = only(consequence("Check.of(kcontext, $unit)." + call + ".atLeast(\"9\");"));

        assertTrue(p.message().contains("(literals only)"), p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subUnitCount > 0x10", "subUnitCount > 07", "subUnitCount > 1_000", "subUnitCount > 9999999999"})
    void wholeNumbersAreDecimalWithoutPrefixOrSeparator(String constraint) {
        assertTrue(!condition(constraint).isEmpty(), constraint);
    }

    @Test
    void evaluatorMessagesNameAStackOverflowInsteadOfATrace() {
        assertEquals("the rules recursed too deeply (StackOverflowError)", Evaluator.message(new StackOverflowError()));
        assertEquals("boom", Evaluator.message(new RuntimeException("wrapped", new IllegalStateException("boom"))));
    }
}
