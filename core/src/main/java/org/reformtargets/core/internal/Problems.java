// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Problem;

/**
 * The problems of a facts document as they are found, in two passes (reading, then checking the
 * elements against each other): every one is counted, and the first {@code cap} in the order of the
 * input are kept, so that memory stays bounded however many there are. A problem's place in the
 * input is the line and column of its element, then its array and index (documents built in Java
 * have no lines), then its field in the order of the contract, then the order it was found in; so
 * the problems of one element are listed together.
 */
final class Problems {

    /** The order of the top-level fields and arrays, for documents without lines. */
    private static final List<String> GROUPS = List.of("asOf", "units", "measurements", "events", "attestations");
    /** The rank of a problem of the element itself rather than of one of its fields: after its fields. */
    private static final int WHOLE = 31;

    private record Entry(int line, int column, int group, int index, int rank, long seq, Problem problem) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::line)
            .thenComparingInt(Entry::column)
            .thenComparingInt(Entry::group)
            .thenComparingInt(Entry::index)
            .thenComparingInt(Entry::rank)
            .thenComparingLong(Entry::seq);

    private final String source;
    private final int cap;
    private final List<Entry> kept = new ArrayList<>();
    /** The last entry kept once {@link #kept} was trimmed: one after it will never be listed. */
    private Entry last;
    private long total;

    Problems(String source) {
        this(source, InvalidFactsException.MAX_LISTED);
    }

    Problems(String source, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1: " + cap);
        }
        this.source = source;
        this.cap = cap;
    }

    /**
     * Counts a problem, keeping it if it is among the first; its path is {@code name[index].field},
     * {@code name.field} when {@code index} is negative, or {@code field} when {@code name} is null.
     *
     * @param name  the array ({@code measurements}) or top-level field ({@code asOf}); null for the document
     * @param index the element's index in the array, or -1
     * @param field the element's field, or null for the element (or the document) itself
     */
    void add(String name, int index, String field, int line, int column, String message) {
        total++;
        int group = name == null ? GROUPS.size() : GROUPS.indexOf(name);
        int rank = field == null || name == null ? WHOLE : FactsReader.slot(name, field);
        if (last != null && compare(line, column, group, index, rank, last) > 0) {
            return; // found after the last of the first cap: counted only
        }
        String path = name == null ? field
                : field == null ? Located.path(name, index) : Located.path(name, index) + "." + field;
        kept.add(new Entry(line, column, group, index, rank < 0 ? WHOLE : rank, total,
                new Problem(source, path, line, column, message)));
        if (kept.size() >= 2 * cap) {
            trim();
        }
    }

    private static int compare(int line, int column, int group, int index, int rank, Entry e) {
        int c = Integer.compare(line, e.line());
        if (c == 0) {
            c = Integer.compare(column, e.column());
        }
        if (c == 0) {
            c = Integer.compare(group, e.group());
        }
        if (c == 0) {
            c = Integer.compare(index, e.index());
        }
        if (c == 0) {
            c = Integer.compare(rank < 0 ? WHOLE : rank, e.rank());
        }
        return c == 0 ? 1 : c; // found later than e
    }

    private void trim() {
        kept.sort(ORDER);
        if (kept.size() > cap) {
            kept.subList(cap, kept.size()).clear();
            last = kept.get(cap - 1);
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** How many problems were found. */
    long total() {
        return total;
    }

    /** The first problems found, at most the cap, in the order of the input. */
    List<Problem> listed() {
        trim();
        return kept.stream().map(Entry::problem).toList();
    }

    /** The problems {@code e} reports, in its order, as found in {@code source}. */
    static Problems of(String source, InvalidFactsException e) {
        Problems p = new Problems(source);
        for (Problem problem : e.problems()) {
            p.kept.add(new Entry(problem.line(), problem.column(), 0, 0, 0, p.kept.size(), problem));
        }
        p.total = e.totalProblems();
        return p;
    }

    /** The exception reporting these problems, with the parser error behind them if any. */
    InvalidFactsException exception(Throwable cause) {
        return new InvalidFactsException(listed(), total, cause);
    }
}
