package org.reformtargets.core;

import java.util.List;

/**
 * The root of the library's exceptions. Each one lists the {@link Problem}s found, all of them
 * rather than the first, and its message renders them one per line.
 */
public abstract class ReformTargetsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    protected ReformTargetsException(String summary, List<Problem> problems, Throwable cause) {
        super(render(summary, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the input. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(String summary, List<Problem> problems) {
        StringBuilder b = new StringBuilder(summary);
        for (Problem p : problems) {
            b.append(System.lineSeparator()).append("  ").append(p);
        }
        return b.toString();
    }
}
