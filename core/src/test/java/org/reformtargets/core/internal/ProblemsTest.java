// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;

/** The collector keeps the first problems by place whatever order they are found in, and counts all. */
class ProblemsTest {

    @Test
    void problemsFoundInAnyOrderAreListedFirstByPlaceAndAllCounted() {
        List<Integer> lines = new ArrayList<>(IntStream.rangeClosed(1, 10_000).boxed().toList());
        Collections.shuffle(lines, new Random(7));
        Problems problems = new Problems("f.json", 200);
        for (int line : lines) {
            problems.add("measurements", line - 1, "numerator", line, 5, "is negative");
        }

        List<Problem> listed = problems.listed();
        assertEquals(10_000, problems.total());
        assertEquals(200, listed.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(new Problem("f.json", "measurements[" + i + "].numerator", i + 1, 5, "is negative"),
                    listed.get(i));
        }
        InvalidFactsException e = problems.exception(null);
        assertEquals(9_800, e.omitted());
        assertEquals(listed, e.problems());
    }

    @Test
    void theProblemsOfOneElementAreListedByFieldInTheOrderOfTheContractThenTheElementItself() {
        Problems problems = new Problems(null);
        problems.add("measurements", 0, null, 8, 5, "repeats measurements[1]");
        problems.add("measurements", 0, "numerator", 8, 5, "is negative");
        problems.add("measurements", 1, "unit", 9, 5, "names unit 'x'");
        problems.add("measurements", 0, "unit", 8, 5, "names unit 'x'");
        problems.add("asOf", -1, null, 0, 0, "is required");

        assertEquals(List.of("asOf", "measurements[0].unit", "measurements[0].numerator", "measurements[0]",
                "measurements[1].unit"), problems.listed().stream().map(Problem::path).toList());
    }

    @Test
    void documentsWithoutLinesAreOrderedByArrayThenIndex() {
        Problems problems = new Problems(null);
        problems.add("events", 0, "type", 0, 0, "is required");
        problems.add("units", 1, "level", 0, 0, "is required");
        problems.add("units", 0, "parent", 0, 0, "names unit 'x'");
        problems.add("measurements", 3, "unit", 0, 0, "is required");

        assertEquals(List.of("units[0].parent", "units[1].level", "measurements[3].unit", "events[0].type"),
                problems.listed().stream().map(Problem::path).toList());
    }
}
