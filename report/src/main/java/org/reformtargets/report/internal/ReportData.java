// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.reformtargets.core.AuditRecord;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Score;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;
import org.reformtargets.core.Vocabulary;

/**
 * What a report shows, computed once from an evaluation: the units in tree order (each parent
 * before its children, siblings by id), each with its results, its counts by status and its scores,
 * and the words for statuses, fields and levels in the report's language.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportData {

    /**
     * One unit of the report.
     *
     * @param unit    the unit
     * @param depth   0 for a root of the unit tree, 1 for its children, and so on
     * @param results the unit's results, in the contract's order
     * @param counts  how many results have each status (every status present, 0 where none)
     * @param scores  the unit's scores, by period; empty for a rule set that does not score
     */
    public record UnitRow(Unit unit, int depth, List<TargetResult> results, Map<Status, Integer> counts,
                          List<Score> scores) {
    }

    private final RuleSet ruleSet;
    private final FactsDocument facts;
    private final Evaluation evaluation;
    private final boolean vietnamese;
    private final AuditRecord audit;
    private final List<UnitRow> units;
    private final Map<Status, Integer> totals;

    public ReportData(RuleSet ruleSet, FactsDocument facts, Evaluation evaluation, boolean vietnamese,
                      AuditRecord audit) {
        this.ruleSet = ruleSet;
        this.facts = facts;
        this.evaluation = evaluation;
        this.vietnamese = vietnamese;
        this.audit = audit;
        this.units = Collections.unmodifiableList(rows(facts, evaluation));
        Map<Status, Integer> t = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            t.put(s, 0);
        }
        for (TargetResult r : evaluation.results()) {
            t.merge(r.status(), 1, Integer::sum);
        }
        this.totals = Collections.unmodifiableMap(t);
    }

    private static List<UnitRow> rows(FactsDocument facts, Evaluation evaluation) {
        Map<String, List<TargetResult>> results = new HashMap<>();
        for (TargetResult r : evaluation.results()) {
            results.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Score>> scores = new HashMap<>();
        for (Score s : evaluation.scores()) {
            scores.computeIfAbsent(s.unit(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Unit> byId = new LinkedHashMap<>();
        for (Unit u : facts.units()) {
            byId.putIfAbsent(u.id(), u);
        }
        Map<String, List<Unit>> children = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit u : byId.values()) {
            if (u.parent() == null || !byId.containsKey(u.parent())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u);
            }
        }
        Comparator<Unit> byUnitId = Comparator.comparing(Unit::id);
        roots.sort(byUnitId);
        children.values().forEach(c -> c.sort(byUnitId));
        List<UnitRow> rows = new ArrayList<>(byId.size());
        Deque<Map.Entry<Unit, Integer>> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(Map.entry(roots.get(i), 0));
        }
        while (!stack.isEmpty()) {
            Map.Entry<Unit, Integer> e = stack.pop();
            Unit u = e.getKey();
            List<TargetResult> own = results.getOrDefault(u.id(), new ArrayList<>());
            own.sort(TargetResult.ORDER);
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                counts.put(s, 0);
            }
            for (TargetResult r : own) {
                counts.merge(r.status(), 1, Integer::sum);
            }
            List<Score> unitScores = scores.getOrDefault(u.id(), List.of());
            rows.add(new UnitRow(u, e.getValue(), Collections.unmodifiableList(own),
                    Collections.unmodifiableMap(counts), List.copyOf(unitScores)));
            List<Unit> c = children.getOrDefault(u.id(), List.of());
            for (int i = c.size() - 1; i >= 0; i--) {
                stack.push(Map.entry(c.get(i), e.getValue() + 1));
            }
        }
        return rows;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public FactsDocument facts() {
        return facts;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** {@code true} when the report is in Vietnamese. */
    public boolean vietnamese() {
        return vietnamese;
    }

    public AuditRecord audit() {
        return audit;
    }

    /** The units in tree order: a parent before its children, siblings and roots by id. */
    public List<UnitRow> units() {
        return units;
    }

    /** How many results, of all units, have each status. */
    public Map<Status, Integer> totals() {
        return totals;
    }

    /** {@code true} when the rule set scores (the evaluation carries scores). */
    public boolean scored() {
        return !evaluation.scores().isEmpty();
    }

    /** The status as a word, capitalised, in the report's language ("Chưa đạt", "Not met"). */
    public String statusWord(Status status) {
        String w = vietnamese ? status.vi() : status.en();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** The field's label from the vocabulary, or its code when the vocabulary has none; "" for none. */
    public String fieldLabel(String field) {
        if (field == null) {
            return "";
        }
        return vocabulary().field(field).map(f -> f.label().in(vietnamese)).orElse(field);
    }

    /** The level's label from the vocabulary, or its code. */
    public String levelLabel(Level level) {
        return vocabulary().level(level.code()).map(l -> l.label().in(vietnamese)).orElse(level.code());
    }

    /** The result's sentence in the report's language. */
    public String sentence(TargetResult result) {
        return result.message() == null ? "" : vietnamese ? result.message().vi() : result.message().en();
    }

    /** The rule set's title in the report's language. */
    public String title() {
        var t = ruleSet.manifest().title();
        return t == null ? ruleSet.id() : vietnamese ? t.vi() : t.en();
    }

    private Vocabulary vocabulary() {
        return ruleSet.vocabulary();
    }

    /**
     * The period as a civil servant names it, capitalised: "Năm 2021", "Quý 3/2025", "Tháng 7/2025",
     * "6 tháng đầu năm 2021", "Lũy kế đến hết tháng 8/2021"; in English "2021", "Q3 2025",
     * "July 2025", "H1 2021", "January to August 2021". "" for none.
     */
    public String periodLabel(org.reformtargets.core.Period p) {
        if (p == null) {
            return "";
        }
        if (vietnamese) {
            return switch (p.kind()) {
                case YEAR -> "Năm " + p.year();
                case HALF -> (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
                case QUARTER -> "Quý " + p.index() + "/" + p.year();
                case MONTH -> "Tháng " + p.index() + "/" + p.year();
                case SPAN -> "Lũy kế đến hết tháng " + p.index() + "/" + p.year();
            };
        }
        return switch (p.kind()) {
            case YEAR -> Integer.toString(p.year());
            case HALF -> "H" + p.index() + " " + p.year();
            case QUARTER -> "Q" + p.index() + " " + p.year();
            case MONTH -> MONTHS_EN[p.index() - 1] + " " + p.year();
            case SPAN -> "January to " + MONTHS_EN[p.index() - 1] + " " + p.year();
        };
    }

    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /**
     * The name of a score group ({@link Score#groups()}): the 766 index's six groups by name, any other
     * group by its code. (Rule sets have no place for group labels yet; these belong in the vocabulary.)
     */
    public String groupLabel(String group) {
        String[] words = GROUPS.get(group);
        return words == null ? group : vietnamese ? words[0] : words[1];
    }

    private static final Map<String, String[]> GROUPS = Map.of(
            "transparency", new String[] {"Công khai, minh bạch", "Transparency"},
            "progress", new String[] {"Tiến độ, kết quả giải quyết", "Progress and results"},
            "online-service", new String[] {"Dịch vụ công trực tuyến", "Online public services"},
            "online-payment", new String[] {"Thanh toán trực tuyến", "Online payment"},
            "digitization", new String[] {"Số hóa hồ sơ", "Digitisation of dossiers"},
            "satisfaction", new String[] {"Mức độ hài lòng", "Satisfaction"});

    private Percentages percentages;

    /**
     * {@code true} when {@code result}'s figures are shares in percent (its actual figure and the
     * numbers of its threshold take "%"), as the rule set's checks describe them.
     */
    public boolean isPercent(TargetResult result) {
        if (percentages == null) {
            percentages = new Percentages(ruleSet, facts.units());
        }
        return percentages.isPercent(result);
    }

    /**
     * What {@code result}'s target asks, in words of the report's language ("≥ 5 mỗi quý",
     * "đủ điểm khi ≥ 80%, tối đa 2 điểm"), its numbers shown by {@code number}.
     */
    public String thresholdWords(TargetResult result, java.util.function.UnaryOperator<String> number) {
        return new Thresholds(vietnamese, number, vocabulary()).show(result.threshold(), isPercent(result));
    }

    /**
     * {@code result}'s actual figure as a report shows it: a number by {@code number}, with "%" for a
     * share; a yes/no answer as a word ("có", "yes"); a ranked word by its label ("Tốt"); "" for none.
     */
    public String actualWords(TargetResult result, java.util.function.UnaryOperator<String> number) {
        String actual = result.actual();
        if (actual == null) {
            return "";
        }
        if (actual.equals("true") || actual.equals("false")) {
            boolean yes = actual.equals("true");
            return vietnamese ? (yes ? "có" : "không") : (yes ? "yes" : "no");
        }
        if (actual.matches("-?\\d+(\\.\\d+)?")) {
            return number.apply(actual) + (isPercent(result) ? "%" : "");
        }
        String rank = rankLabel(vocabulary(), actual, vietnamese);
        return rank != null ? rank : actual;
    }

    /** The label of {@code word} on any attestation's ranked scale ("GOOD" → "Tốt"), or {@code null}. */
    static String rankLabel(Vocabulary vocabulary, String word, boolean vietnamese) {
        for (Vocabulary.AttestationTerm a : vocabulary.attestations()) {
            for (Vocabulary.RankedWord w : a.scale() == null ? List.<Vocabulary.RankedWord>of() : a.scale()) {
                if (w.word().equals(word) && w.label() != null) {
                    return w.label().in(vietnamese);
                }
            }
        }
        return null;
    }
}
