// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.reformtargets.core.Level;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Vocabulary;

/**
 * The grammar a rule file may use, checked on the parsed file before anything of it is compiled
 * or run. A rule file is data: Drools' own DRL parser splits it into package, imports and rules
 * (metadata, patterns, constraints, consequence), and JavaParser parses each constraint and
 * consequence; every node must be one the tables below allow, or the file is refused at
 * {@code file:line:column} with the construct named. There is no deny-list: what is not listed
 * here (declarations, functions, globals, queries, attributes, {@code eval}, {@code from},
 * {@code accumulate}, casts, lambdas, {@code new}, text blocks, any other name or method) is refused.
 *
 * <p>A rule is: metadata ({@link #METADATA}), one pattern on {@link #FACT_TYPE} bound to a
 * {@code $name}, whose constraints compare a {@link #PROPERTIES property} to a literal or a
 * {@link Level} constant, and one consequence statement: {@code Check.of(kcontext, $name)}
 * followed by calls of the {@link #CHECK_API check API} with literal arguments, ending in a
 * verdict. The tables are the whole allow-list; a rule set that needs more grows them by a reviewed
 * entry with its own test.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleGrammar {

    // ------------------------------------------------------------------ the allow-list

    /** The imports a rule file may (and needs to) make: the rule API. */
    static final Set<String> IMPORTS = Set.of(
            "org.reformtargets.core.Level",
            "org.reformtargets.core.rule.UnitFacts",
            "org.reformtargets.core.rule.Check");

    /**
     * A rule's metadata, each a single string literal: {@code @target("…") @document("…") @clause("…") @reading("…")}
     * and {@code @evidence("verified" | "document" | "provisional")}.
     */
    static final Set<String> METADATA = Set.of("target", "document", "clause", "reading", "evidence");

    /** The one fact type a rule's one pattern may match. */
    static final String FACT_TYPE = "UnitFacts";

    /** What a constraint may compare a property with. */
    enum Operand { LEVEL, STRING, STRING_OR_NULL, INT }

    /** The properties of {@link #FACT_TYPE} a constraint may compare, and with what. */
    static final Map<String, Operand> PROPERTIES = Map.of(
            "level", Operand.LEVEL,
            "id", Operand.STRING,
            "parent", Operand.STRING_OR_NULL,
            "parentLevel", Operand.LEVEL,
            "subUnitCount", Operand.INT);

    /** Comparison operators: equality for every operand, order for whole numbers only. */
    static final Set<BinaryExpr.Operator> EQUALITY = Set.of(BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS);
    static final Set<BinaryExpr.Operator> ORDER = Set.of(BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS);

    /** A literal argument: a string ({@code "98"}), a whole number ({@code 5}), or any number of strings. */
    enum Arg { STRING, INT, STRINGS }

    /**
     * One call of the check API: its literal arguments and the step it leads to, or {@code null}
     * for a verdict, which ends the consequence.
     */
    record Call(List<Arg> args, String next) {
        static Call of(String next, Arg... args) {
            return new Call(List.of(args), next);
        }
    }

    private static final Arg S = Arg.STRING;
    private static final Arg I = Arg.INT;
    private static final Arg SS = Arg.STRINGS;
    private static final String VERDICT = null;

    /**
     * The check API a consequence may call after {@code Check.of(kcontext, $unit)}: per step (the
     * class the previous call returned), its methods. {@code CheckApiTableTest} keeps this table and
     * the public methods of {@code org.reformtargets.core.rule} equal.
     */
    static final Map<String, Map<String, Call>> CHECK_API = withScoring(Map.of(
            "Check", Map.of(
                    "ratio", Call.of("RatioCheck", S), "value", Call.of("ValueCheck", S),
                    "subUnits", Call.of("SubUnitsCheck"), "events", Call.of("EventsCheck", S),
                    "tasks", Call.of("TasksCheck"), "reports", Call.of("DeadlinesCheck"),
                    "attestation", Call.of("AttestationCheck", S), "notApplicable", Call.of(VERDICT, S, S)),
            "RatioCheck", Map.of(
                    "perField", Call.of("RatioCheck"), "onlyFields", Call.of("RatioCheck", SS),
                    "fieldAtLeast", Call.of("RatioCheck", S, S), "alsoAbovePreviousYear", Call.of("RatioCheck"),
                    "atLeast", Call.of(VERDICT, S), "above", Call.of(VERDICT, S), "risesByPoints", Call.of(VERDICT, S),
                    "score", Call.of("ScoreCheck", S, S), "informational", Call.of(VERDICT),
                    "unknownMaximum", Call.of(VERDICT)),
            "ValueCheck", Map.of(
                    "atLeast", Call.of(VERDICT, S), "atMost", Call.of(VERDICT, S),
                    "risesByPercent", Call.of(VERDICT, S), "atMostPercentOfYear", Call.of(VERDICT, I, S),
                    "atMostInLatestPeriod", Call.of(VERDICT, S), "atMostInEveryPeriod", Call.of(VERDICT, S)),
            "SubUnitsCheck", Map.of(
                    "inspected", Call.of("CoverageCheck", SS), "eachWith", Call.of(VERDICT, S)),
            "CoverageCheck", Map.of(
                    "atLeastPercent", Call.of(VERDICT, S), "everyQuarter", Call.of("QuarterlyCoverage")),
            "QuarterlyCoverage", Map.of(
                    "atLeast", Call.of(VERDICT, I), "atLeastPercent", Call.of(VERDICT, S),
                    "atLeastUnitsUnder", Call.of(VERDICT, I)),
            "EventsCheck", Map.of(
                    "atLeast", Call.of(VERDICT, I), "everyQuarter", Call.of(VERDICT), "everyMonth", Call.of(VERDICT)),
            "TasksCheck", Map.of(
                    "allCompletedBefore", Call.of(VERDICT, S), "allCompletedBy", Call.of(VERDICT, S),
                    "dueBy", Call.of("DeadlinesCheck", S, S), "dueBefore", Call.of("DeadlinesCheck", S, S)),
            "DeadlinesCheck", Map.of(
                    "dueBy", Call.of("DeadlinesCheck", S, S), "dueBefore", Call.of("DeadlinesCheck", S, S),
                    "allOnTime", Call.of(VERDICT)),
            "AttestationCheck", Map.of(
                    "isTrue", Call.of(VERDICT), "rankedAtLeast", Call.of(VERDICT, S, SS))));

    /** Adds the scored targets' step ({@code RatioCheck.score(…)}) to the table. */
    private static Map<String, Map<String, Call>> withScoring(Map<String, Map<String, Call>> table) {
        Map<String, Map<String, Call>> all = new java.util.HashMap<>(table);
        all.put("ScoreCheck", Map.of(
                "ifNoCases", Call.of("ScoreCheck", S), "linear", Call.of(VERDICT), "fullAt", Call.of(VERDICT, S),
                "ruleFrom", Call.of(VERDICT, S), "notAtThisLevel", Call.of(VERDICT, S)));
        return Map.copyOf(all);
    }

    // ------------------------------------------------------------------ the check

    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    /** Package roots a rule file may not place its rules in: the JDK's, the engine's and the library's own. */
    private static final List<String> RESERVED_PACKAGES = List.of(
            "java", "javax", "jdk", "sun", "com.sun", "org.drools", "org.kie", "org.mvel2", "org.reformtargets.core");
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]*");
    /** Strings longer than this in a rule file are not a threshold, a name or a sentence. */
    static final int MAX_LITERAL = 2_000;
    /** How deeply parentheses and braces may nest anywhere in a rule file (the parsers recurse on them). */
    static final int MAX_NESTING = 32;
    /** How many calls a consequence's chain may make, and how long its text and a constraint's may be. */
    static final int MAX_CHAIN = 32;
    static final int MAX_CONSEQUENCE = 4_000;
    static final int MAX_CONSTRAINT = 1_000;
    /** How many rules one file may declare (the bundled files hold at most 13). */
    public static final int MAX_RULES_PER_FILE = 200;

    private final String file;
    private final String drl;
    private final List<Problem> problems = new ArrayList<>();
    private final JavaParser javaParser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setPreprocessUnicodeEscapes(true)
            .setAttributeComments(false));
    private int[] lineStarts;
    private int rules;
    private String canonical;
    /** What the check parsed, kept for the printer: each constraint's expression, each consequence's chain and place. */
    private final Map<ExprConstraintDescr, Expression> parsedConstraints = new java.util.IdentityHashMap<>();
    private final Map<RuleDescr, Chain> parsedChains = new java.util.IdentityHashMap<>();

    /** A consequence's calls, from {@code Check.of} to the verdict, and where its text starts in the file (or -1). */
    private record Chain(List<MethodCallExpr> calls, int start) {
    }
    /** The rule being checked, as a problem's path; {@code null} outside rules. */
    private String path;

    /** The words the rule set speaks: its levels, indicators, event types, attestations and fields. */
    private final Vocabulary vocabulary;
    /** The codes of its levels, in order of declaration. */
    private final List<String> levels;

    private RuleGrammar(String file, String drl, Vocabulary vocabulary) {
        this.file = file;
        this.drl = drl;
        this.vocabulary = vocabulary;
        this.levels = vocabulary.levels().stream().map(Vocabulary.LevelTerm::code).toList();
    }

    /**
     * What the rule file {@code drl} (shown as {@code file}) does outside the grammar, each problem
     * located at {@code file:line:column}; empty when the whole file keeps to it.
     */
    public static List<Problem> check(String file, String drl) {
        return inspect(file, drl).problems();
    }

    /**
     * What {@link #check} finds, and how many rules the file declares.
     *
     * @param problems what the file does outside the grammar
     * @param rules    how many rules it declares (0 when it cannot be read)
     */
    public record Inspection(List<Problem> problems, int rules, String canonical) {
    }

    /** Checks {@code drl} as {@link #check} does and counts its rules, so that a rule set can cap them. */
    public static Inspection inspect(String file, String drl) {
        return inspect(file, drl, Vocabulary.standard());
    }

    /**
     * Checks {@code drl} as {@link #check} does, for a rule set speaking {@code vocabulary}: a
     * condition may name its levels ({@code level == Level.COMMUNE}), a check its indicators, event
     * types, attestation keys and fields.
     */
    public static Inspection inspect(String file, String drl, Vocabulary vocabulary) {
        RuleGrammar g = new RuleGrammar(file, drl, java.util.Objects.requireNonNull(vocabulary, "vocabulary"));
        try {
            g.checkFile();
        } catch (StackOverflowError e) {
            // the parsers recurse on nesting; the depth limit below keeps this out of reach, this is the net
            g.problems.add(new Problem(file, null, 0, 0, "nests too deeply to be read: refused"));
        }
        return new Inspection(List.copyOf(g.problems), g.rules, g.problems.isEmpty() ? g.canonical : null);
    }

    private void checkFile() {
        if (!shallow()) {
            return;
        }
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            // Java decodes Unicode escapes (backslash u) before it reads anything else, even in comments and strings
            refuse(escape, "Unicode escapes (\\u…) are not allowed in rule files: write the character itself");
            return;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, new StringReader(drl));
        } catch (DroolsParserException | RuntimeException e) {
            refuse(0, 0, "cannot be read as DRL: " + oneLine(e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                if (e instanceof ParserError pe) {
                    refuse(pe.getRow(), pe.getCol() + 1, oneLine(pe.getMessage()).replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", ""));
                } else {
                    refuse(0, 0, oneLine(e.getMessage()));
                }
            }
            if (problems.isEmpty()) {
                refuse(0, 0, "cannot be read as DRL");
            }
            return;
        }
        checkPackage(pkg);
        rules = pkg.getRules().size();
        if (rules > MAX_RULES_PER_FILE) {
            refuse(1, 1, "declares " + rules + " rules, more than a rule file may hold (" + MAX_RULES_PER_FILE
                    + "): split it");
            return;
        }
        for (RuleDescr rule : pkg.getRules()) {
            path = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
            checkRule(rule);
            path = null;
        }
        if (problems.isEmpty()) {
            canonical = new Printer().print(pkg);
        }
    }

    /**
     * Prints a file that kept to the grammar back from its checked parts, each on the line it stood
     * on: what the engine compiles is exactly what was checked (no comment, whitespace or escape of
     * the author's reaches it), and its messages keep their lines.
     */
    private final class Printer {
        private final StringBuilder out = new StringBuilder();
        private int line = 1;

        String print(PackageDescr pkg) {
            emit(pkg.getLine(), "package " + pkg.getName() + ";");
            for (ImportDescr i : pkg.getImports()) {
                emit(i.getLine(), "import " + i.getTarget() + ";");
            }
            for (RuleDescr rule : pkg.getRules()) {
                emit(rule.getLine(), "rule \"" + rule.getName() + "\"");
                java.util.TreeMap<Integer, String> metadata = new java.util.TreeMap<>();
                for (AnnotationDescr a : rule.getAnnotations()) {
                    int found = annotationAt(rule, a);
                    metadata.put(found < 0 ? Integer.MAX_VALUE - metadata.size() : found,
                            "@" + a.getName() + "(" + a.getSingleValueAsString() + ")");
                }
                metadata.forEach((at, text) -> emit(at >= drl.length() ? line : lineAt(at), text));
                emit(line, "when");
                PatternDescr pattern = (PatternDescr) rule.getLhs().getDescrs().get(0);
                List<String> constraints = new ArrayList<>();
                for (BaseDescr c : pattern.getDescrs()) {
                    constraints.add(expression(parsedConstraints.get((ExprConstraintDescr) c)));
                }
                emit(pattern.getLine() > 0 ? pattern.getLine() : line, pattern.getIdentifier() + " : " + FACT_TYPE + "( "
                        + String.join(", ", constraints) + " )");
                emit(rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : line, "then");
                Chain checked = parsedChains.get(rule);
                emit(checked.start() < 0 ? line : lineAt(checked.start()),
                        chain(checked.calls(), pattern.getIdentifier()) + ";");
                emit(line, "end");
            }
            emit(lineStarts().length, "");
            return out.toString();
        }

        private void emit(int at, String text) {
            while (line < at) {
                out.append('\n');
                line++;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            out.append(text);
        }

        private String expression(Expression e) {
            if (e instanceof EnclosedExpr enclosed) {
                return "(" + expression(enclosed.getInner()) + ")";
            }
            if (e instanceof BinaryExpr b && b.getRight() instanceof FieldAccessExpr f
                    && !Level.of(f.getNameAsString()).isStandard()) {
                // a level of the rule set's own vocabulary has no constant: compare its code
                String code = b.getLeft() instanceof NameExpr n && n.getNameAsString().equals("parentLevel")
                        ? "parentLevelCode" : "levelCode";
                return code + " " + b.getOperator().asString() + " \"" + f.getNameAsString() + "\"";
            }
            if (e instanceof BinaryExpr b) {
                return expression(b.getLeft()) + " " + b.getOperator().asString() + " " + expression(b.getRight());
            }
            if (e instanceof NameExpr n) {
                return n.getNameAsString();
            }
            if (e instanceof FieldAccessExpr f) {
                return "Level." + f.getNameAsString();
            }
            return literal(e);
        }

        private String chain(List<MethodCallExpr> calls, String binding) {
            StringBuilder b = new StringBuilder("Check.of(kcontext, ").append(binding).append(')');
            for (MethodCallExpr call : calls.subList(1, calls.size())) {
                b.append('.').append(call.getNameAsString()).append('(')
                        .append(String.join(", ", call.getArguments().stream().map(this::literal).toList())).append(')');
            }
            return b.toString();
        }

        private String literal(Expression e) {
            if (e instanceof StringLiteralExpr s) {
                return "\"" + s.getValue() + "\"";
            }
            if (e instanceof IntegerLiteralExpr i) {
                return i.getValue();
            }
            if (e instanceof NullLiteralExpr) {
                return "null";
            }
            throw new IllegalStateException("not a literal of the grammar: " + e);
        }
    }

    /** The calls of a chain ending in {@code last}, first to last: {@code Check.of(…)}, then each step. */
    private static List<MethodCallExpr> calls(MethodCallExpr last) {
        List<MethodCallExpr> calls = new ArrayList<>();
        for (Expression e = last; e instanceof MethodCallExpr call; e = call.getScope().orElse(null)) {
            calls.add(call);
        }
        Collections.reverse(calls);
        return calls;
    }

    /** Where annotation {@code a} of {@code rule} stands; the parser keeps no place for most: "@name" after the rule's line. */
    private int annotationAt(RuleDescr rule, AnnotationDescr a) {
        if (a.getLine() > 0) {
            return offsetOf(a.getLine(), a.getColumn() + 1);
        }
        int from = offsetOf(rule.getLine(), 1);
        return from < 0 ? -1 : drl.indexOf("@" + a.getName(), from);
    }

    /** The 1-based line of {@code offset}. */
    private int lineAt(int offset) {
        int[] starts = lineStarts();
        int l = 0;
        while (l + 1 < starts.length && starts[l + 1] <= offset) {
            l++;
        }
        return l + 1;
    }

    /** Whether brackets nest at most {@link #MAX_NESTING} deep; refuses the file at the first that goes deeper. */
    private boolean shallow() {
        int depth = 0;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                if (++depth > MAX_NESTING) {
                    refuse(i, "brackets nest deeper than the " + MAX_NESTING + " levels a rule file may use: refused");
                    return false;
                }
            } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return true;
    }

    private void checkPackage(PackageDescr pkg) {
        String name = pkg.getName();
        if (name == null || name.isEmpty()) {
            refuse(1, 1, "a rule file starts with 'package', such as package org.example.rules.y2021;");
        } else if (!PACKAGE.matcher(name).matches()) {
            refuse(pkg, "package " + name + " is not a package name of lower-case words and underscores");
        } else {
            for (String root : RESERVED_PACKAGES) {
                if (name.equals(root) || name.startsWith(root + ".")) {
                    refuse(pkg, "package " + name + " is reserved (" + root + "): choose a package of your own");
                }
            }
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!IMPORTS.contains(i.getTarget())) {
                refuse(i, "import " + i.getTarget() + " is not allowed: rule files import only "
                        + String.join(", ", sorted(IMPORTS)));
            }
        }
        for (ImportDescr i : pkg.getFunctionImports()) {
            refuse(i, "'import function' and 'import static' (" + i.getTarget() + ") are not allowed in rule files");
        }
        pkg.getAccumulateImports().forEach(d -> refuse(d, "'import accumulate' is not allowed in rule files"));
        pkg.getGlobals().forEach(d -> refuse(d, "'global " + d.getIdentifier() + "' is not allowed in rule files"));
        pkg.getFunctions().forEach(d -> refuse(d, "'function " + d.getName() + "' is not allowed in rule files"));
        pkg.getTypeDeclarations().forEach(d -> refuse(d, "'declare " + d.getTypeName()
                + "' is not allowed in rule files: rules match the library's " + FACT_TYPE + " only"));
        pkg.getEnumDeclarations().forEach(d -> refuse(d, "'declare enum " + d.getTypeName()
                + "' is not allowed in rule files"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "'declare entry-point' is not allowed in rule files"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d, "'declare window' is not allowed in rule files"));
        pkg.getAttributes().forEach(d -> refuse(d, "the package attribute '" + d.getName()
                + "' is not allowed in rule files"));
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule, "'query' is not allowed in rule files");
            return;
        }
        if (rule.getName() == null || rule.getName().isBlank() || !plain(rule.getName())) {
            refuse(rule, "a rule's name is one plain sentence: no backslash, quote or control character");
        }
        if (rule.getParentName() != null) {
            refuse(rule, "extends another rule: 'extends' is not allowed in rule files");
        }
        if (rule.getUnit() != null) {
            refuse(rule, "names a rule unit: units are not allowed in rule files");
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            refuse(a.getLine() > 0 ? a : rule, "the attribute '" + a.getName()
                    + "' is not allowed in rule files");
        }
        for (AnnotationDescr a : rule.getAnnotations()) {
            int found = annotationAt(rule, a);
            if (!METADATA.contains(a.getName())) {
                refuse(rule, found, "@" + a.getName() + " is not rule metadata: use "
                        + String.join(", ", sorted(METADATA).stream().map(m -> "@" + m).toList()));
            } else if (a.getValueMap().size() != 1 || !a.getValueMap().containsKey("value")
                    || !stringLiteral(a.getSingleValueAsString())) {
                refuse(rule, found, "@" + a.getName() + " takes one string, such as @" + a.getName() + "(\"…\")");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule, "named consequences (then[…]) are not allowed in rule files");
        }
        String binding = checkConditions(rule);
        checkConsequence(rule, binding);
    }

    /** Checks the rule's one pattern; returns its binding, or {@code null} when it has none that can be used. */
    private String checkConditions(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        List<BaseDescr> parts = lhs == null ? List.of() : lhs.getDescrs();
        if (parts.size() != 1 || !(parts.get(0) instanceof PatternDescr pattern)) {
            for (BaseDescr d : parts) {
                if (d instanceof PatternDescr p && p.getSource() != null) {
                    refuse(p.getLine() > 0 ? p : rule, "'from', 'collect' and 'accumulate' are not allowed in rule files");
                } else if (!(d instanceof PatternDescr)) {
                    refuse(d.getLine() > 0 ? d : rule, conditionName(d)
                            + " is not allowed in rule files: a rule matches one " + FACT_TYPE);
                }
            }
            if (parts.stream().allMatch(d -> d instanceof PatternDescr)) {
                refuse(rule, "has " + parts.size() + " patterns: a rule matches exactly one, such as "
                        + "$unit : " + FACT_TYPE + "( level == Level.DEPARTMENT )");
            }
            return null;
        }
        BaseDescr at = pattern.getLine() > 0 ? pattern : rule;
        boolean ok = true;
        if (!FACT_TYPE.equals(pattern.getObjectType())) {
            refuse(at, "pattern on " + pattern.getObjectType() + " is not allowed: rules match " + FACT_TYPE);
            ok = false;
        }
        if (pattern.getSource() != null) {
            refuse(at, "'from', 'collect' and 'accumulate' are not allowed in rule files");
            ok = false;
        }
        if (!pattern.getAnnotations().isEmpty()) {
            refuse(at, "annotations on a pattern (@" + pattern.getAnnotationNames().iterator().next()
                    + ") are not allowed in rule files");
            ok = false;
        }
        if (pattern.isQuery() || pattern.isUnification() || !pattern.getBehaviors().isEmpty()) {
            refuse(at, "the pattern may not call a query, unify or use a window");
            ok = false;
        }
        String id = pattern.getIdentifier();
        if (id == null || !BINDING.matcher(id).matches()) {
            refuse(at, "bind the pattern to a name that starts with $, such as $unit : " + FACT_TYPE + "( … )");
            ok = false;
        }
        for (BaseDescr c : pattern.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                refuse(c.getLine() > 0 ? c : at, "only named constraints (property == value) are allowed");
                ok = false;
                continue;
            }
            ok &= checkConstraint(e);
        }
        return ok ? id : null;
    }

    private boolean checkConstraint(ExprConstraintDescr c) {
        String text = c.getExpression();
        if (text.length() > MAX_CONSTRAINT) {
            refuse(c, "a constraint of " + text.length() + " characters is longer than the " + MAX_CONSTRAINT
                    + " allowed");
            return false;
        }
        int base = offsetOf(c.getLine(), c.getColumn() + 1);
        int start = base < 0 ? -1 : drl.indexOf(text, base);
        ParseResult<Expression> parsed = javaParser.parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuse(start < 0 ? offsetOf(c.getLine(), 1) : start, "the constraint '" + text
                    + "' is not a comparison of a property with a value");
            return false;
        }
        int before = problems.size();
        parsedConstraints.put(c, parsed.getResult().get());
        condition(parsed.getResult().get(), start);
        return problems.size() == before;
    }

    /** A condition: comparisons joined by {@code &&} and {@code ||}, in parentheses if wished. */
    private void condition(Expression e, int start) {
        if (e instanceof EnclosedExpr enclosed) {
            condition(enclosed.getInner(), start);
        } else if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND
                || b.getOperator() == BinaryExpr.Operator.OR)) {
            condition(b.getLeft(), start);
            condition(b.getRight(), start);
        } else if (e instanceof BinaryExpr b && (EQUALITY.contains(b.getOperator()) || ORDER.contains(b.getOperator()))) {
            if (!(b.getLeft() instanceof NameExpr property) || !PROPERTIES.containsKey(property.getNameAsString())) {
                refuse(at(start, b.getLeft()), "'" + b.getLeft() + "' is not a property a rule may compare: use "
                        + String.join(", ", sorted(PROPERTIES.keySet())));
                return;
            }
            Operand kind = PROPERTIES.get(property.getNameAsString());
            if (ORDER.contains(b.getOperator()) && kind != Operand.INT) {
                refuse(at(start, b), property + " can be compared with == and != only");
            } else if (!operand(kind, b.getRight())) {
                refuse(at(start, b.getRight()), property + " may be compared with " + describe(kind)
                        + ", not with '" + b.getRight() + "'");
            }
        } else {
            refuse(at(start, e), "'" + e + "' is not allowed in a condition: compare a property with a value,"
                    + " such as level == Level.DEPARTMENT");
        }
    }

    private boolean operand(Operand kind, Expression e) {
        return switch (kind) {
            case LEVEL -> e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr scope
                    && scope.getNameAsString().equals("Level") && f.getTypeArguments().isEmpty()
                    && levels.contains(f.getNameAsString()) && Level.isCode(f.getNameAsString());
            case STRING -> e instanceof StringLiteralExpr s && !s.isTextBlockLiteralExpr() && plain(s.getValue());
            case STRING_OR_NULL -> e instanceof NullLiteralExpr || operand(Operand.STRING, e);
            case INT -> e instanceof IntegerLiteralExpr i && WHOLE.matcher(i.getValue()).matches();
        };
    }

    /** A whole number as written: decimal digits, no sign, prefix, underscore or leading zero, at most 9 digits. */
    private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,8}");

    /**
     * Whether a string literal's text is plain: no backslash (Java, the engine's older lexer and MVEL
     * read escapes differently, so only text without them reads the same to all), no control character,
     * at most {@link #MAX_LITERAL} characters.
     */
    static boolean plain(String text) {
        if (text.length() > MAX_LITERAL) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private String describe(Operand kind) {
        return switch (kind) {
            case LEVEL -> "a level of the rule set's vocabulary (Level." + String.join(", Level.", levels) + ")";
            case STRING -> "a string (without backslash)";
            case STRING_OR_NULL -> "a string (without backslash) or null";
            case INT -> "a whole number (decimal, at most 9 digits)";
        };
    }


    private void checkConsequence(RuleDescr rule, String binding) {
        if (!(rule.getConsequence() instanceof String text) || text.isBlank()) {
            refuse(rule, "has no consequence: end it with a Check, such as "
                    + "Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");");
            return;
        }
        int from = offsetOf(rule.getConsequenceLine(), 1);
        int start = from < 0 ? -1 : drl.indexOf(text, from);
        if (text.length() > MAX_CONSEQUENCE) {
            refuse(rule, start, "a consequence of " + text.length() + " characters is longer than the "
                    + MAX_CONSEQUENCE + " allowed");
            return;
        }
        // the text is parsed as the body of one block, so that nothing in it can close the method it becomes
        ParseResult<BlockStmt> parsed = javaParser.parseBlock("{" + text + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            String why = parsed.getProblems().isEmpty() ? "" : ": " + oneLine(parsed.getProblems().get(0).getMessage());
            refuse(start < 0 ? rule : null, start, "the consequence is not one Java statement" + why);
            return;
        }
        List<Statement> statements = parsed.getResult().get().getStatements();
        if (statements.size() != 1) {
            refuse(statements.isEmpty() ? start : inBlock(start, statements.get(1)), "the consequence is "
                    + statements.size() + " statements: a rule states its target in one Check chain");
            return;
        }
        Statement only = statements.get(0);
        if (!(only instanceof ExpressionStmt stmt) || !(stmt.getExpression() instanceof MethodCallExpr last)) {
            refuse(inBlock(start, only), "'" + firstLine(only) + "' is not allowed: the consequence is one"
                    + " Check chain, such as Check.of(kcontext, $unit).ratio(\"satisfaction\").atLeast(\"95\");");
            return;
        }
        List<MethodCallExpr> chain = calls(last);
        parsedChains.put(rule, new Chain(chain, start));
        if (chain.size() > MAX_CHAIN) {
            refuse(start, "the check chain makes " + chain.size() + " calls, more than the " + MAX_CHAIN + " allowed");
            return;
        }
        MethodCallExpr first = chain.get(0);
        boolean startsWithOf = first.getScope().isPresent() && first.getScope().get() instanceof NameExpr scope
                && scope.getNameAsString().equals("Check") && first.getNameAsString().equals("of")
                && first.getTypeArguments().isEmpty() && first.getArguments().size() == 2
                && first.getArgument(0) instanceof NameExpr ctx && ctx.getNameAsString().equals("kcontext")
                && first.getArgument(1) instanceof NameExpr unit
                && (binding == null ? unit.getNameAsString().startsWith("$") : unit.getNameAsString().equals(binding));
        if (!startsWithOf) {
            Node at = first.getScope().isPresent() && !(first.getScope().get() instanceof NameExpr)
                    ? first.getScope().get() : first;
            refuse(inBlock(start, at), "'" + firstLine(at) + "' is not allowed: the consequence starts with"
                    + " Check.of(kcontext, " + (binding == null ? "$unit" : binding) + ")");
            return;
        }
        String step = "Check";
        for (int i = 1; i < chain.size(); i++) {
            MethodCallExpr call = chain.get(i);
            String method = call.getNameAsString();
            if (step == null) {
                refuse(inBlock(start, call.getName()), "." + method + "(…) follows the verdict of the check; a check"
                        + " ends with its verdict");
                return;
            }
            Call allowed = CHECK_API.get(step).get(method);
            if (allowed == null) {
                refuse(inBlock(start, call.getName()), "." + method + "(…) is not a method of " + step + ": use "
                        + String.join(", ", sorted(CHECK_API.get(step).keySet())));
                return;
            }
            if (!call.getTypeArguments().isEmpty()) {
                refuse(inBlock(start, call.getName()), "type arguments are not allowed in rule files");
                return;
            }
            if (!arguments(allowed.args(), call.getArguments())) {
                refuse(inBlock(start, call.getName()), step + "." + method + " takes " + signature(allowed.args())
                        + " (literals only), not (" + String.join(", ", call.getArguments().stream()
                        .map(a -> abbreviate(a.toString())).toList()) + ")");
                return;
            }
            if (!words(step, method, call, start) || !scale(step, method, call, chain, start)) {
                return;
            }
            step = allowed.next();
        }
        if (step != null) {
            refuse(inBlock(start, last.getName()), "the check stops at " + step + " without a verdict: end it with one of "
                    + String.join(", ", CHECK_API.get(step).entrySet().stream().filter(x -> x.getValue().next() == null)
                    .map(Map.Entry::getKey).sorted().toList()));
        }
    }

    /**
     * Whether the attestation keys and fields a call names are words of the rule set's vocabulary;
     * refuses the first that is not, at its place. (Indicators and event types a check does not know
     * fail the dry run, which validate reports at the rule's line as unknown-code.)
     */
    private boolean words(String step, String method, MethodCallExpr call, int start) {
        String what = switch (step + "." + method) {
            case "Check.attestation" -> "attestation key";
            case "RatioCheck.onlyFields", "RatioCheck.fieldAtLeast" -> "field";
            default -> null;
        };
        if (what == null) {
            return true;
        }
        int upTo = method.equals("fieldAtLeast") ? 1 : call.getArguments().size();
        for (int i = 0; i < upTo; i++) {
            String code = ((StringLiteralExpr) call.getArgument(i)).getValue();
            List<String> known = switch (what) {
                case "indicator" -> vocabulary.indicators().stream().map(Vocabulary.IndicatorTerm::code).toList();
                case "event type" -> vocabulary.eventTypes().stream().map(Vocabulary.EventTypeTerm::code).toList();
                case "attestation key" -> vocabulary.attestations().stream().map(Vocabulary.AttestationTerm::key).toList();
                default -> vocabulary.fields().stream().map(Vocabulary.FieldTerm::code).toList();
            };
            if (!known.contains(code)) {
                refuse(inBlock(start, call.getArgument(i)), "'" + code + "' is not " + (what.startsWith("a") ? "an " : "a ")
                        + what + " of the rule set's vocabulary" + Nearest.hint(code, known,
                        ": declare it in a vocabulary file the manifest lists (see authoring.md)"));
                return false;
            }
            if (what.equals("indicator")) {
                boolean ratio = vocabulary.indicator(code).orElseThrow().isRatio();
                if (ratio != method.equals("ratio")) {
                    refuse(inBlock(start, call.getName()), "indicator " + code + " is " + (ratio ? "a ratio" : "a value")
                            + ", not " + (ratio ? "a value" : "a ratio") + ": use " + (ratio ? "ratio" : "value")
                            + "(\"" + code + "\")");
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether an attestation's verdict fits its declaration: {@code isTrue()} of a boolean one, and
     * {@code rankedAtLeast(least, scale…)} of a ranked one whose scale is the declared one, word for
     * word in the same order (best first), with {@code least} on it. A rule that reorders or extends the
     * scale would otherwise decide against another ranking than the vocabulary's.
     */
    private boolean scale(String step, String method, MethodCallExpr call, List<MethodCallExpr> chain, int start) {
        if (!step.equals("AttestationCheck")) {
            return true;
        }
        MethodCallExpr attestation = chain.stream().filter(c -> c.getNameAsString().equals("attestation"))
                .findFirst().orElse(null);
        if (attestation == null) {
            return true;
        }
        String key = ((StringLiteralExpr) attestation.getArgument(0)).getValue();
        Vocabulary.AttestationTerm term = vocabulary.attestation(key).orElse(null);
        if (term == null) {
            return true;
        }
        boolean ranked = term.kind() == Vocabulary.AttestationKind.RANKED;
        if (method.equals("isTrue") && ranked) {
            refuse(inBlock(start, call.getName()), "attestation " + key + " is ranked, not true or false: end with"
                    + " rankedAtLeast(least, " + String.join(", ", term.scale().stream()
                    .map(w -> "\"" + w.word() + "\"").toList()) + ")");
            return false;
        }
        if (method.equals("rankedAtLeast")) {
            if (!ranked) {
                refuse(inBlock(start, call.getName()), "attestation " + key + " is true or false, not ranked: end with"
                        + " isTrue()");
                return false;
            }
            List<String> declared = term.scale().stream().map(Vocabulary.RankedWord::word).toList();
            List<String> given = call.getArguments().stream().skip(1)
                    .map(a -> ((StringLiteralExpr) a).getValue().strip().toUpperCase(java.util.Locale.ROOT)).toList();
            String least = ((StringLiteralExpr) call.getArgument(0)).getValue().strip().toUpperCase(java.util.Locale.ROOT);
            if (!given.equals(declared)) {
                refuse(inBlock(start, call.getName()), "the scale of " + key + " is " + String.join(" > ", declared)
                        + " (best first) in the rule set's vocabulary, not " + (given.isEmpty() ? "empty"
                        : String.join(" > ", given)) + ": list it as declared");
                return false;
            }
            if (!declared.contains(least)) {
                refuse(inBlock(start, call.getArgument(0)), "'" + least + "' is not on the scale of " + key + ": "
                        + String.join(" > ", declared));
                return false;
            }
        }
        return true;
    }

    private boolean arguments(List<Arg> wanted, List<Expression> given) {
        int i = 0;
        for (Arg a : wanted) {
            if (a == Arg.STRINGS) {
                while (i < given.size()) {
                    if (!operand(Operand.STRING, given.get(i++))) {
                        return false;
                    }
                }
                return true;
            }
            if (i >= given.size() || !operand(a == Arg.INT ? Operand.INT : Operand.STRING, given.get(i++))) {
                return false;
            }
        }
        return i == given.size();
    }

    private static String signature(List<Arg> args) {
        return "(" + String.join(", ", args.stream().map(a -> switch (a) {
            case STRING -> "\"text\"";
            case INT -> "a whole number";
            case STRINGS -> "\"text\", …";
        }).toList()) + ")";
    }

    // ------------------------------------------------------------------ places and messages

    private static String conditionName(BaseDescr d) {
        String name = d.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "eval" -> "eval(…)";
            case "not", "exists", "forall", "or", "and" -> "'" + name + "'";
            default -> "the condition element '" + name + "'";
        };
    }

    /** Whether {@code s} is exactly one Java string literal (not a text block, not an expression of strings). */
    private boolean stringLiteral(String s) {
        // the literal's text must be plain (no backslash, see plain): the engine reads metadata with its own escapes
        if (s == null || s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"") || s.length() > MAX_LITERAL) {
            return false;
        }
        ParseResult<Expression> parsed = javaParser.parseExpression(s);
        return parsed.isSuccessful() && parsed.getResult().isPresent()
                && operand(Operand.STRING, parsed.getResult().get());
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }

    private static String firstLine(Node n) {
        return abbreviate(n.toString().lines().findFirst().orElse(""));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The offset in the file of {@code node} parsed from text that starts at {@code start}; -1 when unknown. */
    private int at(int start, Node node) {
        return at(start, node, 0);
    }

    /** As {@link #at(int, Node)} for text parsed behind {@code shift} characters of its own (the consequence's brace). */
    private int at(int start, Node node, int shift) {
        if (start < 0 || node.getBegin().isEmpty()) {
            return -1;
        }
        Position p = node.getBegin().get();
        // line 1 of the parsed text is the line the text starts on; columns are 1-based
        if (p.line == 1) {
            return start + p.column - 1 - shift;
        }
        int lineStart = start;
        for (int l = 1; l < p.line; l++) {
            int nl = drl.indexOf('\n', lineStart);
            if (nl < 0) {
                return -1;
            }
            lineStart = nl + 1;
        }
        return lineStart + p.column - 1;
    }

    private int inBlock(int start, Node node) {
        return at(start, node, 1);
    }

    /** The offset of 1-based {@code line} and {@code column}, or -1. */
    private int offsetOf(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return -1;
        }
        return starts[line - 1] + Math.max(column, 1) - 1;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < drl.length(); i++) {
                if (drl.charAt(i) == '\n') {
                    s.add(i + 1);
                }
            }
            lineStarts = s.stream().mapToInt(Integer::intValue).toArray();
        }
        return lineStarts;
    }

    private void refuse(BaseDescr at, String message) {
        refuse(at.getLine(), at.getColumn() + 1, message);
    }

    private void refuse(BaseDescr fallback, int offset, String message) {
        if (offset < 0 && fallback != null) {
            refuse(fallback, message);
        } else {
            refuse(offset, message);
        }
    }

    private void refuse(int offset, String message) {
        if (offset < 0) {
            refuse(0, 0, message);
            return;
        }
        int[] starts = lineStarts();
        int line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= offset) {
            line++;
        }
        refuse(line + 1, offset - starts[line] + 1, message);
    }

    private void refuse(int line, int column, String message) {
        problems.add(new Problem(file, path, Math.max(line, 0), line > 0 ? Math.max(column, 0) : 0, message));
    }
}
