// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The root of the library's exceptions. Each one lists the {@link Problem}s found, all of them
 * rather than the first, and its message renders them one per line.
 */
@API(status = STABLE, since = "0.1")
public abstract class ReformTargetsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final long omitted;

    protected ReformTargetsException(String summary, List<Problem> problems, Throwable cause) {
        this(summary, problems, 0, cause);
    }

    /**
     * Creates the exception from the problems listed and the number of further problems found but
     * not listed (a report is capped); the message ends with {@link #omittedLine} when there are any.
     */
    protected ReformTargetsException(String summary, List<Problem> problems, long omitted, Throwable cause) {
        super(render(summary, problems, omitted), cause);
        if (omitted < 0) {
            throw new IllegalArgumentException("omitted must not be negative: " + omitted);
        }
        this.problems = List.copyOf(problems);
        this.omitted = omitted;
    }

    /**
     * Every problem found, in the order of the input; when there were more than a report lists
     * (see {@link #omitted}), the first of them.
     */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found beyond those {@link #problems} lists; 0 when it lists them all. */
    public long omitted() {
        return omitted;
    }

    /** How many problems were found: those listed and those {@link #omitted}. */
    public long totalProblems() {
        return problems.size() + omitted;
    }

    /**
     * The line that says how many problems are not listed, such as {@code … and 1,999,800 more
     * problems}; empty when all are listed.
     */
    public String omittedLine() {
        return omitted == 0 ? "" : omittedLine(omitted);
    }

    private static String omittedLine(long omitted) {
        return String.format(Locale.ROOT, "… and %,d more problem%s", omitted, omitted == 1 ? "" : "s");
    }

    private static String render(String summary, List<Problem> problems, long omitted) {
        StringBuilder b = new StringBuilder(summary);
        for (Problem p : problems) {
            b.append(System.lineSeparator()).append("  ").append(p);
        }
        if (omitted > 0) {
            b.append(System.lineSeparator()).append("  ").append(omittedLine(omitted));
        }
        return b.toString();
    }
}
