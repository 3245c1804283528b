// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.authoring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Locale;
import org.apiguardian.api.API;
import org.reformtargets.core.Problem;

/**
 * One thing a policy author should look at in a rule set, with its place and how serious it is.
 *
 * @param severity how serious it is
 * @param code     which check found it, a stable word such as {@code drl}, {@code conflict} or
 *                 {@code cascade-looser} (listed in {@code docs/authoring.md})
 * @param ruleSet  the rule set's id, or its folder when the id cannot be read
 * @param file     the file, as named in messages, or {@code null}
 * @param path     the place inside it, such as {@code rule "…"} or a manifest field, or {@code null}
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param message  what is wrong and, where it helps, what to do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"severity", "code", "ruleSet", "file", "path", "line", "column", "message"})
@API(status = EXPERIMENTAL, since = "0.1")
public record Finding(Severity severity, String code, String ruleSet, String file, String path, int line, int column,
                      String message) {

    /** How serious a finding is. */
    public enum Severity {
        /** The rule set cannot be used as it is: it does not compile, or evaluating it would fail. */
        ERROR,
        /** Almost certainly a mistake: a threshold that can never be met, a looser sub-unit commitment. */
        WARNING,
        /** Worth a look, not wrong: two thresholds that cannot be compared, a rule that needs data to fire. */
        NOTE
    }

    /** By rule set, file, line, column, severity, code and message. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::ruleSet, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    /** A finding at the place of a {@link Problem}. */
    public static Finding of(Severity severity, String code, String ruleSet, Problem at) {
        return new Finding(severity, code, ruleSet, at.source(), at.path(), at.line(), at.column(), at.message());
    }

    /** The place and message as a {@link Problem}, as exceptions list them. */
    public Problem problem() {
        return new Problem(file, path, line, column, message);
    }

    /** Renders as {@code file:line:column: severity: path: message [code]}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        } else if (ruleSet != null) {
            b.append(ruleSet).append(": ");
        }
        b.append(severity.name().toLowerCase(Locale.ROOT)).append(": ");
        if (path != null) {
            b.append(path).append(": ");
        }
        return b.append(message).append(" [").append(code).append(']').toString();
    }
}
