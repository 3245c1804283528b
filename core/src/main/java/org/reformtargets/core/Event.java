// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A dated occurrence (sự kiện): an inspection, a dialogue, an initiative, a completed task…
 *
 * @param unit     id of the unit that acted
 * @param type     event type code, declared in the rule set's {@link Vocabulary}
 * @param date     when it happened; for {@code task.assigned}, when the task was assigned (may be null)
 * @param subject  id of the unit acted upon, for inspections; otherwise usually {@code null}
 * @param task     task id, for {@code task.assigned} and {@code task.completed}
 * @param deadline the task's own deadline, where given
 * @param report   which report, for {@code report.submitted} ({@code Q1}, {@code H1}, {@code 9M}, {@code Y})
 * @param period   the period a {@code report.submitted} reports on ({@code 2021-Q1}, {@code 2021}), where
 *                 given: the report counts for an evaluated period only if this lies within it
 * @param title    a title, for initiatives and products
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"unit", "type", "date", "subject", "task", "deadline", "report", "period", "title"})
@API(status = STABLE, since = "0.1")
public record Event(String unit, String type, LocalDate date, String subject, String task,
                    LocalDate deadline, String report, Period period, String title) {

    /** An event with only a unit, a type and a date. */
    public static Event of(String unit, String type, LocalDate date) {
        return new Event(unit, type, date, null, null, null, null, null, null);
    }

    /** An inspection (or other act) by {@code unit} upon {@code subject}. */
    public static Event upon(String unit, String type, LocalDate date, String subject) {
        return new Event(unit, type, date, subject, null, null, null, null, null);
    }

    /** Report {@code report} ({@code Q1}, {@code Y}…) on {@code period} ({@code null}: not said), submitted by {@code unit}. */
    public static Event report(String unit, LocalDate date, String report, Period period) {
        return new Event(unit, EventType.REPORT_SUBMITTED.code(), date, null, null, null, report, period, null);
    }
}
