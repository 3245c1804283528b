// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.testkit.RuleSetProperties;
import org.reformtargets.testkit.RuleSetVerifier;

/**
 * Thousands of inputs derived from the valid example documents by deleting, duplicating and
 * flipping characters, bytes and fields: each is either read and evaluated in full, or refused
 * with an {@link InvalidFactsException} whose every problem has a path or a line — never another
 * exception, never a partial result. Seeded, so a failure names the seed and mutation that replay it.
 */
class MutationFuzzTest {

    private static final int MUTANTS_PER_DOCUMENT = 1200;
    private static final Map<String, String> RULE_SETS = Map.of(
            "hcm-agri-2021.json", "hcm-agri/2021",
            "hcm-agri-2021-h1.json", "hcm-agri/2021",
            "hcm-agri-2020-h1-report.json", "hcm-agri/2020");
    private static final Pattern FIELD = Pattern.compile("\"[a-zA-Z]+\": (\"[^\"]*\"|-?[0-9.]+|true|false|null),? ?");
    private static final String NOISE = "{}[]\":,0123456789-.eE+ \n\\tnulltruefalse\u00e9\u1ec7\uffff";

    static Stream<String> documents() {
        return RULE_SETS.keySet().stream().sorted();
    }

    /** A mutant and how it was made, to replay it. */
    record Mutant(String how, byte[] bytes) {
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyMutantIsEvaluatedInFullOrRefusedWithThePlaceOfEachProblem(String file) throws IOException {
        byte[] original;
        try (InputStream in = MutationFuzzTest.class.getResourceAsStream("/fuzz/" + file)) {
            original = in.readAllBytes();
        }
        RuleSet rules = RuleSetVerifier.of(RULE_SETS.get(file)).ruleSet();
        RuleSetProperties properties = RuleSetProperties.of(rules);
        long seed = file.hashCode();
        SplittableRandom random = new SplittableRandom(seed);
        int evaluated = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS_PER_DOCUMENT; i++) {
            Mutant m = mutate(original, random);
            String replay = file + " mutant " + i + " of seed " + seed + " (" + m.how() + ")";
            FactsDocument facts;
            try {
                // read with the rule set that evaluates it, so that its words are checked too
                facts = ReformTargetsJson.readFacts(new ByteArrayInputStream(m.bytes()), file, rules);
            } catch (InvalidFactsException e) {
                refused++;
                assertFalse(e.problems().isEmpty(), replay);
                for (Problem p : e.problems()) {
                    assertTrue(p.path() != null || p.line() > 0, () -> replay + ": a problem without a place: " + p);
                    assertEquals(file, p.source(), replay);
                }
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError(replay + ": reading threw " + e, e);
            }
            try {
                Evaluation e = rules.evaluate(facts);
                assertEquals(e.results().size(), e.summary().values().stream().mapToInt(Integer::intValue).sum(), replay);
                properties.checkOneResultPerUnitFieldAndPeriod(facts);
                evaluated++;
            } catch (AssertionError e) {
                throw new AssertionError(replay + ": a partial result: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                fail(replay + ": the evaluation of facts that were read threw " + e, e);
            }
        }
        // both outcomes must be exercised, or the fuzzing proves little
        assertTrue(evaluated >= MUTANTS_PER_DOCUMENT / 50, "too few mutants survive to be evaluated: " + evaluated);
        assertTrue(refused >= MUTANTS_PER_DOCUMENT / 5, "too few mutants are refused: " + refused);
        System.out.println(file + ": " + evaluated + " mutants evaluated, " + refused + " refused");
    }

    static Mutant mutate(byte[] original, SplittableRandom random) {
        String text = new String(original, StandardCharsets.UTF_8);
        int times = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        List<String> how = new ArrayList<>();
        byte[] bytes = original;
        for (int t = 0; t < times; t++) {
            int kind = random.nextInt(10);
            int at = random.nextInt(text.length());
            switch (kind) {
                case 0 -> {
                    int len = 1 + random.nextInt(Math.min(40, text.length() - at));
                    how.add("delete " + len + " at " + at);
                    text = text.substring(0, at) + text.substring(at + len);
                }
                case 1 -> {
                    int len = 1 + random.nextInt(Math.min(200, text.length() - at));
                    how.add("duplicate " + len + " at " + at);
                    text = text.substring(0, at + len) + text.substring(at, at + len) + text.substring(at + len);
                }
                case 2 -> {
                    char c = NOISE.charAt(random.nextInt(NOISE.length()));
                    how.add("replace at " + at + " with U+" + Integer.toHexString(c));
                    text = text.substring(0, at) + c + text.substring(at + 1);
                }
                case 3, 4, 8, 9 -> {
                    List<int[]> fields = new ArrayList<>();
                    Matcher fm = FIELD.matcher(text);
                    while (fm.find()) {
                        fields.add(new int[] {fm.start(), fm.end()});
                    }
                    int[] f = fields.get(random.nextInt(fields.size()));
                    String field = text.substring(f[0], f[1]);
                    if (kind == 3 || kind == 8) {
                        how.add("delete field " + field.strip());
                        text = text.substring(0, f[0]) + text.substring(f[1]);
                    } else {
                        how.add("duplicate field " + field.strip());
                        text = text.substring(0, f[1]) + (field.endsWith(", ") || field.endsWith(",") ? field : ", " + field)
                                + text.substring(f[1]);
                    }
                }
                case 5 -> {
                    Matcher digits = Pattern.compile("[0-9]+").matcher(text);
                    List<int[]> numbers = new ArrayList<>();
                    while (digits.find()) {
                        numbers.add(new int[] {digits.start(), digits.end()});
                    }
                    int[] n = numbers.get(random.nextInt(numbers.size()));
                    String replacement = switch (random.nextInt(5)) {
                        case 0 -> "9223372036854775807";
                        case 1 -> "9223372036854775808";
                        case 2 -> "0";
                        case 3 -> "-" + text.substring(n[0], n[1]);
                        default -> text.substring(n[0], n[1]) + "000";
                    };
                    how.add("number at " + n[0] + " to " + replacement);
                    text = text.substring(0, n[0]) + replacement + text.substring(n[1]);
                }
                case 6 -> {
                    int from = random.nextInt(text.length());
                    how.add("swap " + at + " and " + from);
                    char[] chars = text.toCharArray();
                    char c = chars[at];
                    chars[at] = chars[from];
                    chars[from] = c;
                    text = new String(chars);
                }
                default -> {
                    how.add("truncate at " + at);
                    text = text.substring(0, at);
                }
            }
            if (text.isEmpty()) {
                break;
            }
        }
        bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0 && bytes.length > 0) {
            int at = random.nextInt(bytes.length);
            bytes = bytes.clone();
            bytes[at] = (byte) (0x80 | random.nextInt(0x80));
            how.add("byte at " + at + " to 0x" + Integer.toHexString(bytes[at] & 0xff));
        }
        return new Mutant(String.join("; ", how), bytes);
    }
}
