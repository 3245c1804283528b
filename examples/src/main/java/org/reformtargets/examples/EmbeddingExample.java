// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Unit;

/**
 * How a host application embeds reform-targets, in four steps:
 * <ol>
 *   <li><b>Load the rule set once.</b> {@link RuleSet#load(String)} compiles the rules, which is the
 *       costly step; keep the instance for the life of the application.</li>
 *   <li><b>Read facts documents</b> with {@link ReformTargetsJson#readFacts(InputStream, String)}. Input
 *       that breaks the JSON contract throws {@link InvalidFactsException}, whose
 *       {@code problems()} name every fault with its line and column.</li>
 *   <li><b>Evaluate</b> with {@link RuleSet#evaluate(FactsDocument)}. One rule set serves any number of
 *       documents and threads; here two documents are evaluated in parallel.</li>
 *   <li><b>Read the results</b>: {@link Evaluation#summary()}, {@link Evaluation#resultsFor(String)},
 *       {@link Evaluation#resultsOf(String)} and the fields of each {@link TargetResult}.</li>
 * </ol>
 * The two documents are the example facts of the Department of Agriculture and Rural Development
 * of Ho Chi Minh City: the full year 2021 and the first half of it, whose results are not final.
 * Run it with {@code mvn -q -pl examples exec:java}.
 */
public final class EmbeddingExample {

    static final String RULE_SET = "hcm-agri/2021";
    static final String FULL_YEAR = "facts/hcm-agri-2021.json";
    static final String FIRST_HALF = "facts/hcm-agri-2021-h1.json";
    static final String DEPARTMENT = "snn-hcm";
    static final String ON_TIME = "hcm-agri/2021/on-time-per-field";

    private EmbeddingExample() {
    }

    public static void main(String[] args) throws Exception {
        RuleSet rules = RuleSet.load(RULE_SET);
        System.out.println(rules.manifest().title().en());
        System.out.println(rules.id() + " " + rules.version() + ", " + rules.targets().size() + " targets");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> documents = List.of(FULL_YEAR, FIRST_HALF);
            List<Future<Evaluation>> evaluations = new ArrayList<>();
            for (String document : documents) {
                evaluations.add(pool.submit(() -> rules.evaluate(readExample(document))));
            }
            for (int i = 0; i < documents.size(); i++) {
                String document = documents.get(i);
                report(document, readExample(document), evaluations.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Reads one of the example facts documents from the class path. */
    static FactsDocument readExample(String resource) {
        try (InputStream in = EmbeddingExample.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the class path");
            }
            return ReformTargetsJson.readFacts(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String document, FactsDocument facts, Evaluation evaluation) {
        System.out.printf("%n== %s, as of %s: %s%n", document, evaluation.asOf(), evaluation.summary());
        scorecard(facts, evaluation);
        notMet(evaluation);
        landOnTime(evaluation);
        notFinal(evaluation);
    }

    /** One line per evaluated unit: how many of its results have each status. */
    private static void scorecard(FactsDocument facts, Evaluation evaluation) {
        Map<String, Unit> units = facts.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Map<String, Map<Status, Long>> counts = evaluation.results().stream()
                .collect(Collectors.groupingBy(TargetResult::unit, TreeMap::new, Collectors.groupingBy(
                        TargetResult::status, () -> new EnumMap<>(Status.class), Collectors.counting())));
        System.out.printf("%-14s %-15s %4s %8s %18s %15s  %s%n",
                "unit", "level", "MET", "NOT_MET", "INSUFFICIENT_DATA", "NOT_APPLICABLE", "name");
        counts.forEach((id, byStatus) -> System.out.printf("%-14s %-15s %4d %8d %18d %15d  %s%n",
                id, units.get(id).level(),
                byStatus.getOrDefault(Status.MET, 0L), byStatus.getOrDefault(Status.NOT_MET, 0L),
                byStatus.getOrDefault(Status.INSUFFICIENT_DATA, 0L), byStatus.getOrDefault(Status.NOT_APPLICABLE, 0L),
                units.get(id).name()));
    }

    private static void notMet(Evaluation evaluation) {
        System.out.println("Not met:");
        evaluation.results().stream()
                .filter(r -> r.status() == Status.NOT_MET)
                .forEach(r -> System.out.printf("  %-12s %-50s gap %-4s %s%n", r.unit(), label(r),
                        r.gap() == null ? "-" : r.gap(), r.message().en()));
    }

    /** Finds one result by unit, target and field, as a host application would to fill a form. */
    private static void landOnTime(Evaluation evaluation) {
        evaluation.resultsOf(ON_TIME).stream()
                .filter(r -> r.unit().equals(DEPARTMENT) && "land".equals(r.field()))
                .findFirst()
                .ifPresent(r -> System.out.printf("%s, land dossiers on time: %s %% against %s, %s, gap %s%s%n",
                        r.unit(), r.actual(), r.threshold(), r.status(), r.gap(),
                        r.measuredPeriod() == null ? "" : ", measured " + r.measuredPeriod()));
    }

    /**
     * Counts the results for a period not yet ended on the facts' date, and lists the department's that
     * stand on a year-to-date figure (a half or quarter measured in place of the year).
     */
    private static void notFinal(Evaluation evaluation) {
        List<TargetResult> provisional = evaluation.results().stream().filter(r -> !r.isFinal()).toList();
        System.out.printf("Not final: %d of %d results%n", provisional.size(), evaluation.results().size());
        provisional.stream()
                .filter(r -> r.unit().equals(DEPARTMENT) && r.measuredPeriod() != null)
                .forEach(r -> System.out.printf("  %-12s %-50s %-8s on the figure for %s%n", r.unit(), label(r),
                        r.status(), r.measuredPeriod()));
    }

    private static String label(TargetResult r) {
        return r.target() + (r.field() == null ? "" : " [" + r.field() + "]");
    }
}
