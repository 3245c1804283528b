package org.reformtargets.core.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;

/**
 * A target that every reform task assigned to the unit is completed by a deadline written in
 * the rule (which governs over a deadline on the event). Tasks are the distinct {@code task} ids
 * of the unit's {@code task.assigned} and {@code task.completed} events; where the unit has none,
 * the ratio {@code tasks.completed_by_deadline} is judged instead.
 */
public final class TasksCheck {

    private final Check check;

    TasksCheck(Check check) {
        this.check = check;
    }

    /** Ends the check: every task completed strictly before {@code date} ("trước ngày"): that day itself is late. */
    public void allCompletedBefore(String date) {
        LocalDate d = LocalDate.parse(date);
        check.states(() -> requirement(TargetSpec.Comparison.BEFORE, d));
        judge(d, "before " + date, "trước ngày " + viDate(d), "before " + date);
    }

    /** Ends the check: every task completed on or before {@code date} ("đến hết ngày"). */
    public void allCompletedBy(String date) {
        LocalDate d = LocalDate.parse(date);
        check.states(() -> requirement(TargetSpec.Comparison.ON_OR_BEFORE, d));
        judge(d.plusDays(1), "by " + date, "đến hết ngày " + viDate(d), "by " + date);
    }

    /**
     * Continues with named tasks (milestones), each due by its own date, that day included:
     * {@code dueBy("plan", "2021-09-10").dueBy("form-guides", "2021-09-30").allOnTime()}. Only the
     * tasks named count, judged on their {@code task.completed} events.
     */
    public DeadlinesCheck dueBy(String task, String date) {
        return new DeadlinesCheck(check, EventType.TASK_COMPLETED).dueBy(task, date);
    }

    private static TargetSpec.Requirement requirement(TargetSpec.Comparison comparison, LocalDate deadline) {
        return TargetSpec.Requirement.of(TargetSpec.Kind.DEADLINE,
                List.of(EventType.TASK_ASSIGNED.code(), EventType.TASK_COMPLETED.code())).by(comparison, deadline);
    }

    private void judge(LocalDate firstLateDay, String when, String vi, String en) {
        Period period = check.run.period();
        Map<String, LocalDate> tasks = new TreeMap<>();
        for (Event e : check.unit.allEvents(EventType.TASK_ASSIGNED.code())) {
            if (belongs(e, period)) {
                tasks.putIfAbsent(e.task(), null);
            }
        }
        for (Event e : check.unit.allEvents(EventType.TASK_COMPLETED.code())) {
            if (belongs(e, period)) {
                LocalDate earlier = tasks.get(e.task());
                tasks.put(e.task(), earlier == null || e.date().isBefore(earlier) ? e.date() : earlier);
            }
        }
        if (tasks.isEmpty()) {
            RatioCheck ratio = check.ratio("tasks.completed_by_deadline");
            ratio.atLeast("100");
            return;
        }
        List<String> late = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, LocalDate> t : tasks.entrySet()) {
            if (t.getValue() == null) {
                open.add(t.getKey());
            } else if (!t.getValue().isBefore(firstLateDay)) {
                late.add(t.getKey());
            }
        }
        int n = tasks.size();
        int k = n - late.size() - open.size();
        Status status = k == n ? Status.MET : Status.NOT_MET;
        boolean deadlinePassed = !check.run.asOf().isBefore(firstLateDay);
        String detailVi = (late.isEmpty() ? "" : "; trễ hạn: " + String.join(", ", late))
                + (open.isEmpty() ? "" : "; chưa hoàn thành: " + String.join(", ", open)
                + (deadlinePassed ? "" : " (chưa đến hạn)"));
        String detailEn = (late.isEmpty() ? "" : "; late: " + String.join(", ", late))
                + (open.isEmpty() ? "" : "; not completed: " + String.join(", ", open)
                + (deadlinePassed ? "" : " (deadline not yet passed)"));
        check.emit(null, status, Texts.share(k, n, 2).toPlainString(), "100 % " + when, (long) (n - k), null,
                "Nhiệm vụ cải cách được giao: hoàn thành " + k + "/" + n + " " + vi + detailVi
                        + ", chỉ tiêu hoàn thành 100%: " + status.vi() + ".",
                "Reform tasks assigned: " + k + " of " + n + " completed " + en + detailEn
                        + ", against a target of 100%: " + status.en() + ".");
    }

    private static boolean belongs(Event e, Period period) {
        if (e.task() == null) {
            return false;
        }
        return (e.date() != null && period.contains(e.date())) || (e.deadline() != null && period.contains(e.deadline()))
                || (e.date() == null && e.deadline() == null);
    }

    private static String viDate(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
