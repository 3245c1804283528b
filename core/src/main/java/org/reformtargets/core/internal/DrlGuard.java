package org.reformtargets.core.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reformtargets.core.Problem;

/**
 * Refuses DRL that could run code outside the library's vocabulary. A DRL consequence is Java: a
 * rule folder loaded from disk must not be able to reach I/O, reflection, threads, processes,
 * {@code System}, class loading or the network. The check is static, on the text, before Drools
 * sees it:
 * <ul>
 *   <li>imports must name an allowed class (the rule vocabulary in {@code org.reformtargets.core.rule},
 *       {@code Level}, {@code Status}, {@code Period}, {@code Indicator}, {@code EventType}, {@code java.math},
 *       {@code java.time} and a few plain {@code java.util} types); {@code java.lang} basics need none;</li>
 *   <li>every capitalised name used in code that is not a member (after a dot) must be an allowed or
 *       imported type, or a type the file declares;</li>
 *   <li>no package-qualified name ({@code java.io.File}), no session access ({@code drools},
 *       {@code kcontext.…}, {@code insert}, {@code modify}…), no reflective or process call
 *       ({@code getClass}, {@code forName}, {@code exec}, {@code .class}…), no globals and no dialect
 *       other than the default Java one;</li>
 *   <li>no Unicode escapes ({@code \\u…}), which Java would decode before any of the above.</li>
 * </ul>
 */
public final class DrlGuard {

    private static final Set<String> ALLOWED_IMPORT_PACKAGES = Set.of(
            "org.reformtargets.core.rule.", "java.math.", "java.time.");
    private static final Set<String> ALLOWED_IMPORT_CLASSES = Set.of(
            "org.reformtargets.core.Level", "org.reformtargets.core.Status", "org.reformtargets.core.Period",
            "org.reformtargets.core.Indicator", "org.reformtargets.core.EventType",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection", "java.util.Optional",
            "java.util.Objects", "java.util.Arrays", "java.util.Collections");
    private static final Set<String> JAVA_LANG = Set.of(
            "String", "Math", "Integer", "Long", "Short", "Byte", "Boolean", "Character", "Double", "Float",
            "Number", "Object", "StringBuilder", "CharSequence", "Comparable", "Iterable", "Enum", "Override",
            "IllegalArgumentException", "IllegalStateException", "ArithmeticException");
    private static final Set<String> PACKAGE_ROOTS = Set.of(
            "java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io", "kotlin", "scala", "groovy", "mvel");
    private static final Set<String> DENIED_NAMES = Set.of(
            "drools", "getClass", "forName", "getRuntime", "exec", "exit", "halt", "loadLibrary", "load",
            "getClassLoader", "getContextClassLoader", "setAccessible", "invoke", "newInstance",
            "getDeclaredField", "getDeclaredFields", "getDeclaredMethod", "getDeclaredMethods",
            "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getMethod", "getConstructor",
            "getKieRuntime", "getKnowledgeRuntime", "getKieBase", "getKnowledgeBase", "getWorkingMemory",
            "getSession", "getEntryPoint", "getEntryPoints", "getChannels", "getGlobals", "getGlobal", "setGlobal",
            "insert", "insertLogical", "update", "modify", "retract", "delete", "wait", "notify", "notifyAll",
            "finalize", "getenv", "getProperty", "setProperty", "setSecurityManager", "start", "run",
            "getResource", "getResourceAsStream", "getResources", "dialect", "global");
    private static final Set<String> SKIP_AFTER = Set.of("package");

    private DrlGuard() {
    }

    /** The problems found in {@code drl}, each with {@code file} and line. */
    public static List<Problem> check(String file, String drl) {
        List<Problem> problems = new ArrayList<>();
        List<Token> tokens = tokenize(file, drl, problems);
        Set<String> types = new HashSet<>(JAVA_LANG);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text.equals("declare") && i + 1 < tokens.size()) {
                types.add(tokens.get(i + 1).text);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text.equals("import") && t.startOfLine) {
                StringBuilder name = new StringBuilder();
                int j = i + 1;
                if (j < tokens.size() && (tokens.get(j).text.equals("function") || tokens.get(j).text.equals("static"))) {
                    problems.add(new Problem(file, null, t.line, 0, "'import " + tokens.get(j).text
                            + "' is not allowed in rule files: call the library's helpers (Check, Ratio) instead"));
                    j++;
                }
                while (j < tokens.size() && tokens.get(j).line == t.line && !tokens.get(j).text.equals(";")) {
                    name.append(tokens.get(j).text);
                    j++;
                }
                String imported = name.toString();
                if (!importAllowed(imported)) {
                    problems.add(new Problem(file, null, t.line, 0, "import " + imported
                            + " is not allowed: rule files may use the library's types (org.reformtargets.core…),"
                            + " java.math and java.time"));
                } else {
                    types.add(imported.substring(imported.lastIndexOf('.') + 1));
                }
                i = j;
                continue;
            }
            if (SKIP_AFTER.contains(t.text) && t.startOfLine) {
                while (i + 1 < tokens.size() && tokens.get(i + 1).line == t.line && !tokens.get(i + 1).text.equals(";")) {
                    i++;
                }
                continue;
            }
            if (!t.identifier || t.afterAt) {
                continue;
            }
            boolean member = i > 0 && tokens.get(i - 1).text.equals(".");
            boolean dotAfter = i + 1 < tokens.size() && tokens.get(i + 1).text.equals(".");
            if (DENIED_NAMES.contains(t.text)) {
                problems.add(new Problem(file, null, t.line, 0, "'" + t.text
                        + "' is not allowed in rule files: rules state targets through Check and may not reach the"
                        + " session, reflection, threads, processes or the system"));
            } else if (t.text.equals("class") && member) {
                problems.add(new Problem(file, null, t.line, 0,
                        "class literals (.class) are not allowed in rule files: they open the way to reflection"));
            } else if (t.text.equals("kcontext") && dotAfter) {
                problems.add(new Problem(file, null, t.line, 0,
                        "kcontext may only be passed to Check.of(kcontext, $unit), not used directly"));
            } else if (!member && dotAfter && PACKAGE_ROOTS.contains(t.text)) {
                problems.add(new Problem(file, null, t.line, 0, "the qualified name beginning '" + t.text
                        + ".' is not allowed: import an allowed type instead"));
            } else if (!member && Character.isUpperCase(t.text.charAt(0)) && !types.contains(t.text)) {
                problems.add(new Problem(file, null, t.line, 0, "type " + t.text
                        + " is not allowed in rule files: use the library's types, java.math and java.time"));
            }
        }
        return problems;
    }

    private static boolean importAllowed(String name) {
        if (ALLOWED_IMPORT_CLASSES.contains(name)) {
            return true;
        }
        if (name.startsWith("org.reformtargets.core.internal.") || name.endsWith(".*")) {
            return false;
        }
        for (String p : ALLOWED_IMPORT_PACKAGES) {
            if (name.startsWith(p) && name.indexOf('.', p.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    private record Token(String text, int line, boolean identifier, boolean startOfLine, boolean afterAt) {
    }

    private static List<Token> tokenize(String file, String s, List<Problem> problems) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        boolean lineStart = true;
        boolean at = false;
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) == 'u') {
                problems.add(new Problem(file, null, line, 0,
                        "Unicode escapes (\\u…) are not allowed in rule files: write the character itself"));
                i += 2;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n && s.charAt(i + 1) == 'u') {
                        problems.add(new Problem(file, null, line, 0,
                                "Unicode escapes (\\u…) are not allowed in rule files: write the character itself"));
                    }
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i += 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int startLine = line;
                i++;
                while (i < n && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        if (s.charAt(i + 1) == 'u') {
                            problems.add(new Problem(file, null, line, 0,
                                    "Unicode escapes (\\u…) are not allowed in rule files: write the character itself"));
                        }
                        i++;
                    }
                    if (s.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i++;
                out.add(new Token("\"\"", startLine, false, lineStart, false));
                lineStart = false;
                at = false;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '-' && at)) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), line, true, lineStart, at));
                lineStart = false;
                at = false;
                continue;
            }
            at = c == '@';
            out.add(new Token(String.valueOf(c), line, false, lineStart, false));
            lineStart = false;
            i++;
        }
        return out;
    }
}
