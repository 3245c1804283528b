// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.Vocabulary.LevelTerm;

/** Finds a cycle among levels that stand under each other, for the vocabulary and its reader. */
@API(status = INTERNAL, since = "0.1")
public final class LevelCycles {

    private LevelCycles() {
    }

    /**
     * A cycle of levels through {@code under}, as the codes along it (first repeated at the end); empty
     * if none. Iterative, and each level is explored once: linear in the levels and their {@code under}
     * lists, whatever their shape (a long chain cannot overflow the stack, a ladder cannot explode).
     */
    public static List<String> find(List<LevelTerm> levels, Map<String, LevelTerm> byCode) {
        Set<String> done = new HashSet<>();
        for (LevelTerm start : levels) {
            if (done.contains(start.code())) {
                continue;
            }
            // a depth-first walk with an explicit stack of (level, index of the next under to follow)
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            path.push(start.code());
            next.push(0);
            onPath.add(start.code());
            while (!path.isEmpty()) {
                String code = path.peek();
                LevelTerm term = byCode.get(code);
                int i = next.pop();
                if (term == null || i >= term.under().size()) {
                    done.add(code);
                    onPath.remove(code);
                    path.pop();
                    continue;
                }
                next.push(i + 1);
                String u = term.under().get(i);
                if (onPath.contains(u)) {
                    List<String> cycle = new ArrayList<>();
                    boolean in = false;
                    for (String p : (Iterable<String>) path::descendingIterator) {
                        in |= p.equals(u);
                        if (in) {
                            cycle.add(p);
                        }
                    }
                    cycle.add(u);
                    return cycle;
                }
                if (!done.contains(u)) {
                    path.push(u);
                    next.push(0);
                    onPath.add(u);
                }
            }
        }
        return List.of();
    }
}
