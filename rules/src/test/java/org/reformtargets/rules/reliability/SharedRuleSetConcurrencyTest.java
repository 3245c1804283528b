// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.RuleSet;
import org.reformtargets.testkit.ScenarioGenerator;

/** One compiled rule set shared by 8 threads gives, evaluation for evaluation, what a single thread gives. */
class SharedRuleSetConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EVALUATIONS = 10_000;
    private static final int DOCUMENTS = 40;

    @Test
    void tenThousandEvaluationsFromEightThreadsEqualTheSequentialResults() throws Exception {
        RuleSet rules = RuleSet.load("hcm-agri/2021");
        // small documents, so that 10,000 evaluations stay cheap on a shared machine
        List<FactsDocument> documents = ScenarioGenerator.forRuleSet(rules).stream(1, 400)
                .filter(d -> d.units().size() <= 8).limit(DOCUMENTS).toList();
        List<Evaluation> sequential = documents.stream().map(rules::evaluate).toList();
        assertEquals(DOCUMENTS, documents.size());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = thread; i < EVALUATIONS; i += THREADS) {
                        int doc = (i * 7) % DOCUMENTS;
                        Evaluation e = rules.evaluate(documents.get(doc));
                        if (!e.equals(sequential.get(doc))) {
                            wrong.add("evaluation " + i + " of document " + doc + ":\n"
                                    + ReformTargetsJson.writeEvaluation(e));
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            List<String> wrong = new ArrayList<>();
            int done = 0;
            for (Future<List<String>> w : workers) {
                List<String> mine = w.get(10, TimeUnit.MINUTES);
                wrong.addAll(mine);
                done++;
            }
            assertEquals(THREADS, done);
            assertEquals(List.of(), wrong);
        } finally {
            pool.shutdownNow();
        }
    }
}
