// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;
import org.reformtargets.core.Status;

/**
 * Reads a scenario file ({@code *.scenarios.json}): scenarios, each a facts document (inline or in
 * a file beside) and the statuses expected per target, unit and field; every problem with its line.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScenarioFile {

    /** The suffix of scenario file names. */
    public static final String SUFFIX = ".scenarios.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FILE_KEYS = Set.of("description", "scenarios");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "facts", "factsFile", "expect", "scores");
    private static final Set<String> EXPECT_KEYS = Set.of("unit", "target", "field", "status", "gap", "actual", "final",
            "period", "points", "maxPoints");
    private static final Set<String> SCORE_KEYS = Set.of("unit", "period", "total", "exactTotal", "maxTotal", "complete",
            "groups", "missing");

    /** Reads a file by its path relative to the rule-set folder; {@code null} when it does not exist. */
    @FunctionalInterface
    public interface Reader {
        byte[] read(String relative) throws IOException;
    }

    /**
     * One expected result.
     *
     * @param target     full target id (a short name is prefixed with the rule set's id)
     * @param unit       unit id
     * @param fieldGiven whether the expectation names a field ({@code "field": null} names the total)
     * @param field      the field, or {@code null} for the total
     * @param status     the expected status
     * @param gapGiven   whether a gap is expected
     * @param gap        the expected gap ({@code null}: no gap)
     * @param actual     the expected {@code actual} figure, or {@code null} when not checked
     * @param isFinal    whether the result must be final, or {@code null} when not checked
     * @param line       its line in the file
     * @param period     the result's period, or {@code null} for results of any period
     * @param pointsGiven whether points are expected
     * @param points     the expected points ({@code null}: none)
     * @param maxPoints  the expected maximum, or {@code null} when not checked
     */
    public record Expectation(String target, String unit, boolean fieldGiven, String field, Status status,
                              boolean gapGiven, Long gap, String actual, Boolean isFinal, int line,
                              org.reformtargets.core.Period period, boolean pointsGiven, String points, String maxPoints) {
    }

    /**
     * One expected score record of a points-scoring rule set; what is {@code null} is not checked.
     *
     * @param unit       unit id
     * @param period     the period
     * @param total      the displayed total ({@code "86.20"})
     * @param exactTotal the exact total ({@code "431/5"})
     * @param maxTotal   the maximum
     * @param complete   whether complete
     * @param groups     points per group, each checked
     * @param missing    the targets lacking a measurement
     * @param line       its line in the file
     */
    public record ScoreExpectation(String unit, org.reformtargets.core.Period period, String total, String exactTotal,
                                   String maxTotal, Boolean complete, Map<String, String> groups, List<String> missing,
                                   int line) {
    }

    /**
     * One scenario.
     *
     * @param name   its name
     * @param line   its line in the file
     * @param facts  its facts, or {@code null} when they could not be read
     * @param expect its expectations
     */
    public record Scenario(String name, int line, FactsDocument facts, List<Expectation> expect,
                           List<ScoreExpectation> scores) {
    }

    /**
     * A read file.
     *
     * @param file      the file as named in messages
     * @param scenarios the scenarios that could be read
     * @param problems  what is wrong in it, with lines
     */
    public record Parsed(String file, List<Scenario> scenarios, List<Problem> problems) {
    }

    private record Place(int line, int column, long start, long end) {
    }

    private final String file;
    private final String ruleSet;
    private final String text;
    private final Reader reader;
    private final Map<String, Place> places = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private ScenarioFile(String file, String ruleSet, String text, Reader reader) {
        this.file = file;
        this.ruleSet = ruleSet;
        this.text = text;
        this.reader = reader;
    }

    /**
     * Reads a scenario file.
     *
     * @param bytes   its content, UTF-8
     * @param file    its name in messages
     * @param ruleSet the rule set's id, to complete short target names
     * @param reader  reads a {@code factsFile} relative to the rule-set folder
     */
    public static Parsed parse(byte[] bytes, String file, String ruleSet, Reader reader) {
        ScenarioFile f = new ScenarioFile(file, ruleSet, new String(bytes, StandardCharsets.UTF_8), reader);
        List<Scenario> scenarios = f.read();
        return new Parsed(file, List.copyOf(scenarios), List.copyOf(f.problems));
    }

    private List<Scenario> read() {
        JsonNode root;
        try {
            root = JSON.readTree(text);
            locate();
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new Problem(file, null, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "is not valid JSON: " + e.getOriginalMessage()));
            return List.of();
        } catch (IOException e) {
            problems.add(new Problem(file, null, 0, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path("scenarios").isArray()) {
            problems.add(new Problem(file, null, 1, 1,
                    "must be an object with a \"scenarios\" array: {\"scenarios\": [{\"name\": …, \"facts\": …, \"expect\": […]}]}"));
            return List.of();
        }
        unknownKeys(root, "", FILE_KEYS);
        List<Scenario> out = new ArrayList<>();
        JsonNode list = root.get("scenarios");
        for (int i = 0; i < list.size(); i++) {
            Scenario s = scenario(list.get(i), "/scenarios/" + i, "scenarios[" + i + "]");
            if (s != null) {
                out.add(s);
            }
        }
        if (list.isEmpty()) {
            problems.add(new Problem(file, "scenarios", line(""), 0, "is empty: write at least one scenario"));
        }
        return out;
    }

    private Scenario scenario(JsonNode node, String pointer, String path) {
        int line = line(pointer);
        if (!node.isObject()) {
            problems.add(new Problem(file, path, line, 0, "must be an object with name, facts and expect"));
            return null;
        }
        unknownKeys(node, pointer, SCENARIO_KEYS);
        String name = node.path("name").isTextual() ? node.get("name").asText() : null;
        if (name == null || name.isBlank()) {
            problems.add(new Problem(file, path + ".name", line, 0, "is required: say in one sentence what the scenario shows"));
            name = path;
        }
        FactsDocument facts = null;
        if (node.has("facts") == node.has("factsFile")) {
            problems.add(new Problem(file, path, line, 0, "needs either \"facts\" (a facts document) or \"factsFile\""
                    + " (a facts file beside the scenarios), and not both"));
        } else if (node.has("facts")) {
            facts = inlineFacts(pointer + "/facts", path + ".facts");
        } else {
            facts = fileFacts(node.get("factsFile"), path + ".factsFile", line);
        }
        List<Expectation> expect = new ArrayList<>();
        JsonNode list = node.path("expect");
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new Problem(file, path + ".expect", line, 0,
                    "is required: a list of {\"unit\", \"target\", \"status\"} the evaluation must give"));
        } else {
            for (int j = 0; j < list.size(); j++) {
                Expectation e = expectation(list.get(j), pointer + "/expect/" + j, path + ".expect[" + j + "]");
                if (e != null) {
                    expect.add(e);
                }
            }
        }
        List<ScoreExpectation> scores = new ArrayList<>();
        if (node.has("scores")) {
            JsonNode sl = node.get("scores");
            if (!sl.isArray()) {
                problems.add(new Problem(file, path + ".scores", line, 0, "must be a list of {\"unit\", \"period\", \"total\"}"));
            } else {
                for (int j = 0; j < sl.size(); j++) {
                    ScoreExpectation e = scoreExpectation(sl.get(j), pointer + "/scores/" + j, path + ".scores[" + j + "]");
                    if (e != null) {
                        scores.add(e);
                    }
                }
            }
        }
        return new Scenario(name, line, facts, List.copyOf(expect), List.copyOf(scores));
    }

    private ScoreExpectation scoreExpectation(JsonNode node, String pointer, String path) {
        int line = line(pointer);
        if (!node.isObject()) {
            problems.add(new Problem(file, path, line, 0, "must be an object {\"unit\", \"period\", \"total\"}"));
            return null;
        }
        unknownKeys(node, pointer, SCORE_KEYS);
        int before = problems.size();
        String unit = text(node, "unit", path, line);
        org.reformtargets.core.Period period = period(node, path, line, true);
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        if (node.has("groups")) {
            node.get("groups").fields().forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asText()));
        }
        List<String> missing = null;
        if (node.has("missing")) {
            missing = new ArrayList<>();
            for (JsonNode m : node.get("missing")) {
                missing.add(m.asText());
            }
        }
        Boolean complete = node.has("complete") ? node.get("complete").asBoolean() : null;
        if (problems.size() > before) {
            return null;
        }
        return new ScoreExpectation(unit, period, optionalText(node, "total"), optionalText(node, "exactTotal"),
                optionalText(node, "maxTotal"), complete, groups, missing, line);
    }

    private static String optionalText(JsonNode node, String key) {
        return node.has(key) && !node.get(key).isNull() ? node.get(key).asText() : null;
    }

    private org.reformtargets.core.Period period(JsonNode node, String path, int line, boolean required) {
        if (!node.has("period")) {
            if (required) {
                problems.add(new Problem(file, path + ".period", line, 0, "is required, as a period such as 2025-Q3"));
            }
            return null;
        }
        try {
            return org.reformtargets.core.Period.parse(node.get("period").asText());
        } catch (RuntimeException e) {
            problems.add(new Problem(file, path + ".period", line, 0, "'" + node.get("period").asText()
                    + "' is not a period such as 2025, 2025-Q3 or 2025-07"));
            return null;
        }
    }

    private FactsDocument inlineFacts(String pointer, String path) {
        Place at = places.get(pointer);
        if (at == null) {
            problems.add(new Problem(file, path, 0, 0, "must be a facts document (an object)"));
            return null;
        }
        String part = text.substring((int) at.start(), (int) at.end());
        try {
            return FactsReader.read(new StringReader(part), file);
        } catch (InvalidFactsException e) {
            for (Problem p : e.problems()) {
                int line = p.line() > 0 ? p.line() + at.line() - 1 : at.line();
                int column = p.line() == 1 && p.column() > 0 ? p.column() + at.column() - 1 : p.column();
                problems.add(new Problem(file, path + (p.path() == null ? "" : "." + p.path()), line, column, p.message()));
            }
            if (e.omitted() > 0) {
                problems.add(new Problem(file, path, at.line(), 0, e.omittedLine()));
            }
            return null;
        }
    }

    private FactsDocument fileFacts(JsonNode name, String path, int line) {
        if (!name.isTextual() || name.asText().startsWith("/") || name.asText().contains("..")) {
            problems.add(new Problem(file, path, line, 0, "must name a facts file inside the rule-set folder"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = reader.read(name.asText());
        } catch (IOException e) {
            problems.add(new Problem(file, path, line, 0, "cannot read " + name.asText() + ": " + e.getMessage()));
            return null;
        }
        if (bytes == null) {
            problems.add(new Problem(file, path, line, 0, "names " + name.asText() + ", which does not exist"));
            return null;
        }
        try {
            return FactsReader.read(new ByteArrayInputStream(bytes), name.asText());
        } catch (InvalidFactsException e) {
            problems.addAll(e.problems());
            if (e.omitted() > 0) {
                problems.add(new Problem(name.asText(), null, 0, 0, e.omittedLine()));
            }
            return null;
        }
    }

    private Expectation expectation(JsonNode node, String pointer, String path) {
        int line = line(pointer);
        if (!node.isObject()) {
            problems.add(new Problem(file, path, line, 0, "must be an object {\"unit\", \"target\", \"status\"}"));
            return null;
        }
        unknownKeys(node, pointer, EXPECT_KEYS);
        int before = problems.size();
        String unit = text(node, "unit", path, line);
        String target = text(node, "target", path, line);
        String statusText = text(node, "status", path, line);
        Status status = null;
        if (statusText != null) {
            try {
                status = Status.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, path + ".status", line, 0, "'" + statusText
                        + "' is not a status: MET, NOT_MET, INSUFFICIENT_DATA or NOT_APPLICABLE"));
            }
        }
        boolean fieldGiven = node.has("field");
        String field = null;
        if (fieldGiven && !node.get("field").isNull()) {
            field = text(node, "field", path, line);
        }
        boolean gapGiven = node.has("gap");
        Long gap = null;
        if (gapGiven && !node.get("gap").isNull()) {
            if (!node.get("gap").canConvertToExactIntegral() || !node.get("gap").canConvertToLong()) {
                problems.add(new Problem(file, path + ".gap", line, 0, "must be a whole number or null"));
            } else {
                gap = node.get("gap").asLong();
            }
        }
        String actual = node.has("actual") ? node.get("actual").asText() : null;
        Boolean isFinal = null;
        if (node.has("final")) {
            if (!node.get("final").isBoolean()) {
                problems.add(new Problem(file, path + ".final", line, 0, "must be true or false"));
            } else {
                isFinal = node.get("final").asBoolean();
            }
        }
        org.reformtargets.core.Period period = period(node, path, line, false);
        boolean pointsGiven = node.has("points");
        String points = optionalText(node, "points");
        String maxPoints = optionalText(node, "maxPoints");
        if (problems.size() > before) {
            return null;
        }
        String full = target.contains("/") ? target : ruleSet + "/" + target;
        return new Expectation(full, unit, fieldGiven, field, status, gapGiven, gap, actual, isFinal, line, period,
                pointsGiven, points, maxPoints);
    }

    private String text(JsonNode node, String key, String path, int line) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(file, path + "." + key, line, 0, "is required, as a string"));
            return null;
        }
        return v.asText();
    }

    private void unknownKeys(JsonNode node, String pointer, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(new Problem(file, pointer.isEmpty() ? key : pointer.substring(1).replace('/', '.') + "." + key,
                        line(pointer), 0, "is not a scenario-file key: use " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private int line(String pointer) {
        Place p = places.get(pointer);
        return p == null ? 0 : p.line();
    }

    /** Records where every object starts and ends, by JSON pointer. */
    private void locate() throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            locate(p);
        }
    }

    private void locate(JsonParser p) throws IOException {
        JsonToken t;
        List<String> open = new ArrayList<>();
        List<JsonLocation> starts = new ArrayList<>();
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_OBJECT) {
                open.add(p.getParsingContext().pathAsPointer().toString());
                starts.add(p.currentTokenLocation());
            } else if (t == JsonToken.END_OBJECT) {
                String pointer = open.remove(open.size() - 1);
                JsonLocation start = starts.remove(starts.size() - 1);
                long end = p.currentTokenLocation().getCharOffset() + 1;
                places.put(pointer, new Place(start.getLineNr(), start.getColumnNr(), start.getCharOffset(), end));
            }
        }
    }
}
