// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;

/**
 * A target that named items are each done by their own deadline: reports submitted
 * ({@code report.submitted}, named by {@code report}) or tasks completed ({@code task.completed},
 * named by {@code task}). Each item is due strictly before its date ({@link #dueBefore},
 * "trước ngày") or on or before it ({@link #dueBy}, "đến hết ngày"); one check reads all its
 * items one way. The earliest event of an item that counts for the evaluated period is the one
 * judged: for a task, one dated from the start of the period; for a report, one whose
 * {@code period} lies within the evaluated period, or, without a {@code period}, one dated within
 * it and not before the previous item's deadline has passed (the first item: from the start of the
 * period). An item not done whose deadline has not passed is pending: with none late the target is
 * met, not final; any item late or missed makes it not met, final at once. Start it with
 * {@link Check#reports()} or {@link TasksCheck#dueBefore}, add items and end it with {@link #allOnTime}:
 * <pre>{@code
 * Check.of(kcontext, $unit).reports().dueBefore("Q1", "2020-02-25").dueBefore("H1", "2020-05-25").allOnTime();
 * Check.of(kcontext, $unit).tasks().dueBy("plan", "2021-09-10").dueBy("form-guides", "2021-09-30").allOnTime();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DeadlinesCheck {

    private final Check check;
    private final EventType type;
    private final Map<String, Deadlines.Deadline> deadlines = new LinkedHashMap<>();

    DeadlinesCheck(Check check, EventType type) {
        this.check = check;
        this.type = type;
    }

    /** Adds an item: {@code name} must be done on or before {@code date} ({@code YYYY-MM-DD}; "đến hết ngày"). */
    public DeadlinesCheck dueBy(String name, String date) {
        return add(name, Deadlines.Deadline.parse(date, true, name));
    }

    /** Adds an item: {@code name} must be done strictly before {@code date} ({@code YYYY-MM-DD}; "trước ngày"). */
    public DeadlinesCheck dueBefore(String name, String date) {
        return add(name, Deadlines.Deadline.parse(date, false, name));
    }

    private DeadlinesCheck add(String name, Deadlines.Deadline d) {
        if (!deadlines.isEmpty() && deadlines.values().iterator().next().inclusive() != d.inclusive()) {
            throw new IllegalArgumentException(name + " mixes dueBy and dueBefore in one check: read every item"
                    + " of a target one way, as its source words it");
        }
        if (deadlines.putIfAbsent(name, d) != null) {
            throw new IllegalArgumentException(name + " is given two deadlines: name each item once");
        }
        return this;
    }

    /** Ends the check: every item is done by its deadline; the gap counts those late or missed. */
    public void allOnTime() {
        if (deadlines.isEmpty()) {
            throw new IllegalStateException("name at least one item with dueBefore(name, date) or dueBy(name, date)"
                    + " before allOnTime()");
        }
        check.states(() -> {
            Map<String, LocalDate> dates = new LinkedHashMap<>();
            deadlines.forEach((name, d) -> dates.put(name, d.date()));
            return TargetSpec.Requirement.of(TargetSpec.Kind.DUE_DATES, List.of(type.code())).dueBy(dates)
                    .compared(deadlines.values().iterator().next().comparison(), null, null);
        });
        boolean reports = type == EventType.REPORT_SUBMITTED;
        String nounVi = reports ? "báo cáo" : "nhiệm vụ";
        String nounEn = reports ? "report" : "task";
        String doneVi = reports ? "gửi" : "hoàn thành";
        String doneEn = reports ? "submitted" : "completed";
        LocalDate asOf = check.run.asOf();
        Map<String, LocalDate> done = reports ? reportsDone() : tasksDone();
        Deadlines.Tally tally = reports ? new Deadlines.Tally(doneVi, doneEn, Words::reportVi)
                : new Deadlines.Tally(doneVi, doneEn);
        List<String> threshold = new ArrayList<>();
        deadlines.forEach((name, deadline) -> {
            threshold.add(name + " " + deadline.en());
            tally.add(name, done.get(name), deadline, asOf, true);
        });
        String thresholdText = String.join(", ", threshold);
        String subjectVi = Texts.capitalize(nounVi) + " " + String.join(", ",
                deadlines.keySet().stream().map(n -> reports ? Words.reportVi(n) : n).toList());
        String subjectEn = Texts.capitalize(nounEn) + (deadlines.size() == 1 ? " " : "s ") + String.join(", ", deadlines.keySet());
        String targetVi = ", chỉ tiêu mọi " + nounVi + " đúng hạn: ";
        String targetEn = ", against a target of every " + nounEn + " on time: ";
        int onTime = tally.onTime.size();
        if (tally.settled() == 0) {
            check.emit(null, Status.MET, "0", thresholdText, 0L, null,
                    () -> subjectVi + ": chưa có " + nounVi + " nào đến hạn vào ngày " + Deadlines.viDate(asOf) + targetVi
                            + Status.MET.vi() + ", chưa phải kết quả cuối cùng.",
                    () -> subjectEn + ": none is due yet on " + asOf + targetEn + Status.MET.en() + " so far, not final.");
            return;
        }
        boolean failed = tally.failed() > 0;
        check.emitSettled(null, tally.status(), Integer.toString(onTime), thresholdText, (long) tally.failed(), null,
                failed,
                () -> subjectVi + ": " + onTime + "/" + tally.settled() + " " + nounVi + " đến hạn được " + doneVi
                        + " đúng hạn" + tally.detailVi() + targetVi + tally.verdictVi(nounVi) + ".",
                () -> subjectEn + ": " + onTime + " of " + tally.settled() + " due " + doneEn + " on time"
                        + tally.detailEn() + targetEn + tally.verdictEn(nounEn) + ".");
    }

    /** The earliest completion of each task dated from the start of the period. */
    private Map<String, LocalDate> tasksDone() {
        Period period = check.run.period();
        Map<String, LocalDate> done = new LinkedHashMap<>();
        for (Event e : check.unit.allEvents(type.code())) {
            if (e.task() != null && e.date() != null && !e.date().isBefore(period.start())) {
                done.merge(e.task(), e.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return done;
    }

    /**
     * The earliest submission of each report that counts for the period: one that says it covers a
     * period within the evaluated one, or, without a {@code period}, one dated within the evaluated
     * period and on or after the first late day of the latest earlier deadline of this check (so
     * that last year's annual report sent in January is not this year's).
     */
    private Map<String, LocalDate> reportsDone() {
        Period period = check.run.period();
        Map<String, LocalDate> done = new LinkedHashMap<>();
        for (Event e : check.unit.allEvents(type.code())) {
            Deadlines.Deadline deadline = e.report() == null ? null : deadlines.get(e.report());
            if (deadline == null || e.date() == null) {
                continue;
            }
            boolean counts = e.period() != null ? period.contains(e.period())
                    : period.contains(e.date()) && !e.date().isBefore(windowStart(deadline, period));
            if (counts) {
                done.merge(e.report(), e.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return done;
    }

    /** The first day a report without a period counts for an item due on {@code deadline}. */
    private LocalDate windowStart(Deadlines.Deadline deadline, Period period) {
        LocalDate start = period.start();
        for (Deadlines.Deadline other : deadlines.values()) {
            if (other.date().isBefore(deadline.date()) && other.firstLateDay().isAfter(start)) {
                start = other.firstLateDay();
            }
        }
        return start;
    }
}
