// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.base.ClassObjectType;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.EvaluationLimits;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetRef;
import org.reformtargets.core.TargetResult;
import org.reformtargets.core.Vocabulary;
import org.reformtargets.core.rule.UnitFacts;

/**
 * Evaluates one facts document against a compiled rule set. The units are indexed once; where
 * every rule matches a single unit ({@link #partitionable}), the units, sorted by id, are inserted
 * in batches of {@link #BATCH_UNITS}, each batch in its own stateless session, and the batches run
 * on the calling thread and on helpers of an {@link Executor}. Results come out batch by batch in
 * the contract's order. When any batch fails, the whole document is run again in one session in
 * document order, so that errors are reported exactly as a single session reports them.
 */
@API(status = INTERNAL, since = "0.1")
public final class Evaluator {

    /** Units per session. */
    public static final int BATCH_UNITS = 1000;

    private Evaluator() {
    }

    /**
     * Whether every rule of {@code kieBase} matches exactly one {@link UnitFacts} and nothing else,
     * so that a unit's results do not depend on which other units share its session.
     */
    public static boolean partitionable(KieBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl impl) || !singleUnitPattern(impl.getLhs())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean singleUnitPattern(GroupElement lhs) {
        if (lhs == null || !lhs.isAnd() || lhs.getChildren().size() != 1) {
            return false;
        }
        RuleConditionElement only = lhs.getChildren().get(0);
        if (only instanceof GroupElement nested) {
            return singleUnitPattern(nested);
        }
        return only instanceof Pattern p && p.getSource() == null && p.getObjectType() instanceof ClassObjectType t
                && UnitFacts.class.isAssignableFrom(t.getClassType());
    }

    /**
     * Validates {@code facts}, indexes them per unit and runs every rule once per unit.
     *
     * @throws InvalidFactsException when the facts break the contract
     * @throws RuleSetException      when a rule fails or rules contradict each other
     */
    public static Evaluation evaluate(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                                      FactsDocument facts) {
        return evaluate(ref, period, kieBase, rules, facts, false, Runnable::run, EvaluationLimits.DEFAULT,
                Vocabulary.standard());
    }

    /**
     * Validates {@code facts} and evaluates them, in batches on {@code executor} when
     * {@code partitionable}; the results are those of one session over all units.
     *
     * @throws InvalidFactsException when the facts break the contract
     * @throws RuleSetException      when a rule fails or rules contradict each other
     */
    public static Evaluation evaluate(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                                      FactsDocument facts, boolean partitionable, Executor executor,
                                      EvaluationLimits limits, Vocabulary vocabulary) {
        return evaluate(ref, period, kieBase, rules, facts, partitionable, executor, limits, vocabulary, Scoring.NONE);
    }

    /**
     * How a rule set scores: its parameters (manifest {@code "parameters"}) and whether it evaluates
     * each period found in the facts' measurements within its year ({@code "periods": "each-found"}).
     *
     * @param parameters     the rule set's parameters, read by checks
     * @param eachFoundPeriod whether every period measured within the year is evaluated on its own
     */
    public record Scoring(Map<String, String> parameters, boolean eachFoundPeriod) {
        /** No parameters; the rule set's one period. */
        public static final Scoring NONE = new Scoring(Map.of(), false);
    }

    /** As {@link #evaluate(RuleSetRef, Period, KieBase, Map, FactsDocument, boolean, Executor, EvaluationLimits, Vocabulary)}, scoring as {@code scoring} says. */
    public static Evaluation evaluate(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                                      FactsDocument facts, boolean partitionable, Executor executor,
                                      EvaluationLimits limits, Vocabulary vocabulary, Scoring scoring) {
        List<TargetResult> all = new ArrayList<>();
        List<org.reformtargets.core.Score> scores = new ArrayList<>();
        stream(ref, period, kieBase, rules, facts, partitionable, executor, limits, vocabulary, scoring, false,
                scores::addAll, all::addAll);
        return new Evaluation(ref, facts.asOf(), all, scores);
    }

    /**
     * The periods to evaluate: {@code period} alone, or with {@code eachFound} every period of a
     * measurement within it (months, quarters and the year itself), in order; {@code period} alone
     * when none is measured.
     */
    static List<Period> periods(Period period, FactsDocument facts, boolean eachFound) {
        if (!eachFound || period == null) {
            return List.of(period);
        }
        java.util.TreeSet<Period> found = new java.util.TreeSet<>();
        for (Measurement m : facts.measurements()) {
            if (m.period() != null && period.contains(m.period())) {
                found.add(m.period());
            }
        }
        return found.isEmpty() ? List.of(period) : List.copyOf(found);
    }

    /**
     * Validates {@code facts} and hands the results to {@code sink} in the contract's order, in
     * slices (one per batch); before the first slice the facts are valid. When a rule fails after
     * some slices were handed over, the exception follows them.
     *
     * @throws InvalidFactsException when the facts break the contract
     * @throws RuleSetException      when a rule fails or rules contradict each other
     */
    public static void stream(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                              FactsDocument facts, boolean partitionable, Executor executor,
                              EvaluationLimits limits, Vocabulary vocabulary, Consumer<List<TargetResult>> sink) {
        stream(ref, period, kieBase, rules, facts, partitionable, executor, limits, vocabulary, Scoring.NONE, false,
                scores -> { }, sink);
    }

    /**
     * As {@link #stream(RuleSetRef, Period, KieBase, Map, FactsDocument, boolean, Executor, EvaluationLimits,
     * Vocabulary, Consumer)}, scoring as {@code scoring} says and handing each slice's scores to
     * {@code scoreSink}. When more than one period is evaluated, the results of all periods come in
     * one slice, in the contract's order. When {@code written} (the caller writes every sentence),
     * each batch renders its results' sentences on the thread that evaluated it, so that the one
     * thread writing them only writes.
     */
    public static void stream(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                              FactsDocument facts, boolean partitionable, Executor executor,
                              EvaluationLimits limits, Vocabulary vocabulary, Scoring scoring, boolean written,
                              Consumer<List<org.reformtargets.core.Score>> scoreSink,
                              Consumer<List<TargetResult>> sink) {
        // validated once, whatever the number of periods
        FactsValidator.requireValid(facts, vocabulary, ref == null ? null : ref.id());
        List<Period> periods = periods(period, facts, scoring.eachFoundPeriod());
        // indexed once, whatever the number of periods
        UnitView.Facts index = UnitView.Facts.of(facts);
        if (periods.size() == 1) {
            streamOne(ref, periods.get(0), kieBase, rules, facts, index, partitionable, executor, limits, vocabulary,
                    scoring, written, scoreSink, sink);
            return;
        }
        List<TargetResult> all = new ArrayList<>();
        for (Period p : periods) {
            streamOne(ref, p, kieBase, rules, facts, index, partitionable, executor, limits, vocabulary, scoring,
                    written, scoreSink, all::addAll);
        }
        all.sort(TargetResult.ORDER);
        sink.accept(all);
    }

    private static void streamOne(RuleSetRef ref, Period period, KieBase kieBase, Map<String, RuleInfo> rules,
                                  FactsDocument facts, UnitView.Facts index, boolean partitionable, Executor executor,
                                  EvaluationLimits limits, Vocabulary vocabulary, Scoring scoring, boolean written,
                                  Consumer<List<org.reformtargets.core.Score>> scoreSink,
                                  Consumer<List<TargetResult>> sink) {
        Bounds bounds = new Bounds(limits);
        Run run = new Run(period, facts.asOf(), rules, vocabulary, scoring.parameters());
        List<UnitView> ordered = index.views(run);
        if (!partitionable || ordered.size() <= BATCH_UNITS) {
            List<TargetResult> results = single(ref, kieBase, rules, ordered, run, bounds);
            results.sort(TargetResult.ORDER);
            scoreSink.accept(run.scores());
            sink.accept(results);
            return;
        }
        List<UnitView> sorted = new ArrayList<>(ordered);
        sorted.sort(Comparator.comparing(UnitView::getId));
        Batches batches = new Batches(kieBase, period, facts, rules, sorted, bounds, vocabulary, scoring.parameters(),
                written);
        int delivered = batches.run(executor, scoreSink, sink);
        if (delivered < batches.count) {
            // a batch failed: one session over every unit, in document order, says why exactly as before
            Run again = new Run(period, facts.asOf(), rules, vocabulary, scoring.parameters());
            List<TargetResult> results = single(ref, kieBase, rules, ordered, again, bounds);
            results.sort(TargetResult.ORDER);
            String first = sorted.get(delivered * BATCH_UNITS).getId();
            int from = 0;
            while (from < results.size() && results.get(from).unit().compareTo(first) < 0) {
                from++;
            }
            scoreSink.accept(again.scores().stream().filter(x -> x.unit().compareTo(first) >= 0).toList());
            sink.accept(results.subList(from, results.size()));
        }
    }

    /** Runs every unit in one session, bound to {@code run}. */
    private static List<TargetResult> single(RuleSetRef ref, KieBase kieBase, Map<String, RuleInfo> rules,
                                             List<UnitView> units, Run run, Bounds bounds) {
        for (UnitView v : units) {
            v.bind(run);
            run.add(v);
        }
        try {
            StatelessKieSession session = kieBase.newStatelessKieSession();
            session.addEventListener(bounds);
            session.execute(units);
        } catch (ConsequenceException e) {
            Bounds.Exceeded exceeded = Bounds.find(e);
            String rule = exceeded != null ? exceeded.rule() : e.getMatch() == null ? null : e.getMatch().getRule().getName();
            throw failed(ref, rules, rule, exceeded != null ? exceeded.getMessage()
                    : "failed: " + message(e.getCause() == null ? e : e.getCause()), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a bound reached, or a condition that threw while the engine matched: no stack trace reaches a user
            Bounds.Exceeded exceeded = Bounds.find(e);
            throw failed(ref, rules, exceeded == null ? null : exceeded.rule(),
                    exceeded != null ? exceeded.getMessage() : "failed while matching the rules: " + message(e), e);
        }
        List<Problem> problems = new ArrayList<>();
        List<TargetResult> results = run.results(problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(ref.id(), problems);
        }
        return results;
    }

    /** A rule set's failure, located at {@code rule} when it is known. */
    private static RuleSetException failed(RuleSetRef ref, Map<String, RuleInfo> rules, String rule, String message,
                                           Throwable cause) {
        RuleInfo info = rule == null ? null
                : rules.values().stream().filter(r -> r.name().equals(rule)).findFirst().orElse(null);
        return new RuleSetException(ref.id(), List.of(new Problem(info == null ? null : info.file(),
                rule == null ? null : "rule \"" + rule + "\"", info == null ? 0 : info.line(), 0, message)), cause);
    }

    /** What went wrong, in one line: the innermost message, or the error's name. */
    static String message(Throwable t) {
        Throwable inner = t;
        for (int depth = 0; inner.getCause() != null && inner.getCause() != inner && depth < 16; depth++) {
            if (inner.getMessage() != null && inner.getCause().getMessage() == null) {
                break;
            }
            inner = inner.getCause();
        }
        if (inner instanceof StackOverflowError) {
            return "the rules recursed too deeply (StackOverflowError)";
        }
        if (inner instanceof OutOfMemoryError) {
            return "the rules ran out of memory (OutOfMemoryError)";
        }
        String m = inner.getMessage();
        return m == null || m.isBlank() ? inner.getClass().getSimpleName() : m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * The batches of one evaluation, handed over in order. At most {@link #WINDOW} batches are
     * submitted ahead of the last slice handed over, so that finished results never pile up; the
     * calling thread computes the batch it waits for itself when no helper has started it.
     */
    private static final class Batches {

        private static final int WINDOW = 4;

        private final KieBase kieBase;
        private final Period period;
        private final FactsDocument facts;
        private final Map<String, RuleInfo> rules;
        private final List<UnitView> units;
        private final Bounds bounds;
        private final Vocabulary vocabulary;
        private final Map<String, String> parameters;
        private final boolean written;
        private final int count;

        Batches(KieBase kieBase, Period period, FactsDocument facts, Map<String, RuleInfo> rules, List<UnitView> units,
                Bounds bounds, Vocabulary vocabulary, Map<String, String> parameters, boolean written) {
            this.written = written;
            this.bounds = bounds;
            this.vocabulary = vocabulary;
            this.parameters = parameters;
            this.kieBase = kieBase;
            this.period = period;
            this.facts = facts;
            this.rules = rules;
            this.units = units;
            this.count = (units.size() + BATCH_UNITS - 1) / BATCH_UNITS;
        }

        /** Hands over every batch's results in order; returns how many batches were handed over. */
        int run(Executor executor, Consumer<List<org.reformtargets.core.Score>> scoreSink,
                Consumer<List<TargetResult>> sink) {
            ArrayDeque<Batch> window = new ArrayDeque<>(WINDOW);
            int next = 0;
            int d = 0;
            try {
                while (d < count) {
                    while (next < count && window.size() < WINDOW) {
                        Batch b = new Batch(next++);
                        window.add(b);
                        try {
                            executor.execute(b);
                        } catch (RejectedExecutionException e) {
                            // the calling thread computes it when its turn comes
                        }
                    }
                    Batch b = window.poll();
                    b.run();
                    // while a helper computes it, the calling thread computes the batches after it
                    for (Iterator<Batch> later = window.iterator(); later.hasNext() && !b.done.isDone(); ) {
                        later.next().run();
                    }
                    Batch.Done done;
                    try {
                        done = b.done.join();
                    } catch (CompletionException e) {
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw e;
                    }
                    if (done.results() == null) {
                        break;
                    }
                    scoreSink.accept(done.scores());
                    sink.accept(done.results());
                    d++;
                }
            } finally {
                // no batch may still be running when the caller goes on (a failed batch's units are evaluated again)
                for (Batch b : window) {
                    if (!b.cancel()) {
                        b.done.handle((done, failure) -> done).join();
                    }
                }
            }
            return d;
        }

        /** One batch, computed once by whichever thread starts it first. */
        private final class Batch implements Runnable {

            /** The batch's sorted results and scores; {@code results == null} when it failed. */
            record Done(List<TargetResult> results, List<org.reformtargets.core.Score> scores) {
            }

            private final int index;
            private final AtomicBoolean started = new AtomicBoolean();
            final CompletableFuture<Done> done = new CompletableFuture<>();

            Batch(int index) {
                this.index = index;
            }

            @Override
            public void run() {
                if (!started.compareAndSet(false, true)) {
                    return;
                }
                try {
                    List<org.reformtargets.core.Score> scores = new ArrayList<>();
                    List<TargetResult> results = batch(index, scores);
                    done.complete(new Done(results, scores));
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // the one session over every unit that follows says why, located
                    done.complete(new Done(null, List.of()));
                } catch (Error e) {
                    done.completeExceptionally(e);
                }
            }

            /** Keeps the batch from starting; {@code false} when it has started already. */
            boolean cancel() {
                return started.compareAndSet(false, true);
            }
        }

        private List<TargetResult> batch(int b, List<org.reformtargets.core.Score> scores) {
            List<UnitView> mine = units.subList(b * BATCH_UNITS, Math.min(units.size(), (b + 1) * BATCH_UNITS));
            Run run = new Run(period, facts.asOf(), rules, vocabulary, parameters);
            for (UnitView v : mine) {
                v.bind(run);
                run.add(v);
            }
            try {
                StatelessKieSession session = kieBase.newStatelessKieSession();
                session.addEventListener(bounds);
                session.execute(mine);
            } finally {
                for (UnitView v : mine) {
                    v.bind(null);
                }
            }
            if (run.failed()) {
                return null;
            }
            List<TargetResult> results = run.results(new ArrayList<>());
            results.sort(TargetResult.ORDER);
            if (written) {
                for (TargetResult r : results) {
                    if (r.message() != null) {
                        r.message().vi();
                        r.message().en();
                    }
                }
            }
            scores.addAll(run.scores());
            return results;
        }
    }
}
