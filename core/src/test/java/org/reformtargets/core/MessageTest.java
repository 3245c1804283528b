// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRenderedMessageIsTheMessageOfItsSentencesInEveryRespect() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 30), strings().allPossible().ofLengthBetween(0, 30))
                .checkAssert((vi, en) -> {
                    Message eager = new Message(vi, en);
                    Message rendered = Message.rendered(() -> vi, () -> en);
                    assertEquals(eager, rendered);
                    assertEquals(rendered, eager);
                    assertEquals(eager.hashCode(), rendered.hashCode());
                    assertEquals(eager.toString(), rendered.toString());
                    assertEquals(vi, rendered.vi());
                    assertEquals(en, rendered.en());
                    try {
                        assertEquals(JSON.writeValueAsString(eager), JSON.writeValueAsString(rendered));
                        assertEquals(eager, JSON.readValue(JSON.writeValueAsString(rendered), Message.class));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void aMessageWritesAsBefore() throws Exception {
        Message m = Message.rendered(() -> "Đạt 95%", () -> "Met \"95%\"");

        assertEquals("{\"vi\":\"Đạt 95%\",\"en\":\"Met \\\"95%\\\"\"}", JSON.writeValueAsString(m));
        assertEquals("Message[vi=Đạt 95%, en=Met \"95%\"]", m.toString());
        assertNotEquals(new Message("Đạt 95%", "Met"), m);
    }

    @Test
    void eachSentenceIsRenderedWhenFirstReadAndOnlyThen() {
        AtomicInteger vi = new AtomicInteger();
        AtomicInteger en = new AtomicInteger();
        Message m = Message.rendered(() -> "v" + vi.incrementAndGet(), () -> "e" + en.incrementAndGet());

        assertEquals(0, vi.get() + en.get());
        assertEquals("v1", m.vi());
        assertEquals("v1", m.vi());
        assertEquals(0, en.get());
        assertEquals("e1", m.en());
        assertEquals("e1", m.en());
        assertEquals(1, vi.get());
        assertEquals(1, en.get());
    }

    @Test
    void threadsReadingAtOnceAllSeeTheOneSentence() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                String text = "câu " + round;
                Message m = Message.rendered(() -> new String(text), () -> "sentence");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        return m.vi();
                    }));
                }
                start.countDown();
                for (Future<String> r : reads) {
                    assertEquals(text, r.get());
                }
                assertTrue(m.equals(new Message(text, "sentence")));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
