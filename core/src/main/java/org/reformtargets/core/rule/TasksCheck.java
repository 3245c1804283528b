// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView.Figure;

/**
 * A target that every reform task assigned to the unit is completed by a deadline written in
 * the rule (which governs over a deadline on the event). Tasks are the distinct {@code task} ids
 * of the unit's {@code task.assigned} and {@code task.completed} events; where the unit has none,
 * the ratio {@code tasks.completed_by_deadline} is judged instead. Before the deadline passes a
 * task still open is pending, not late: the target is met but not final while no task is late,
 * and not met, final at once, as soon as one is.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TasksCheck {

    private static final String RATIO = "tasks.completed_by_deadline";

    private final Check check;

    TasksCheck(Check check) {
        this.check = check;
    }

    /** Ends the check: every task completed strictly before {@code date} ("trước ngày"): that day itself is late. */
    public void allCompletedBefore(String date) {
        judge(Deadlines.Deadline.parse(date, false, "the tasks"));
    }

    /** Ends the check: every task completed on or before {@code date} ("đến hết ngày", "chậm nhất ngày"). */
    public void allCompletedBy(String date) {
        judge(Deadlines.Deadline.parse(date, true, "the tasks"));
    }

    /**
     * Continues with named tasks (milestones), each due by its own date, that day included
     * ("đến hết ngày"): {@code dueBy("plan", "2021-09-10").dueBy("form-guides", "2021-09-30").allOnTime()}.
     * Only the tasks named count, judged on their {@code task.completed} events.
     */
    public DeadlinesCheck dueBy(String task, String date) {
        return new DeadlinesCheck(check, EventType.TASK_COMPLETED).dueBy(task, date);
    }

    /**
     * Continues with named tasks (milestones), each due strictly before its own date ("trước ngày"):
     * {@code dueBefore("plan", "2021-09-10").dueBefore("form-guides", "2021-09-30").allOnTime()}.
     */
    public DeadlinesCheck dueBefore(String task, String date) {
        return new DeadlinesCheck(check, EventType.TASK_COMPLETED).dueBefore(task, date);
    }

    private void judge(Deadlines.Deadline deadline) {
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.DEADLINE,
                        List.of(EventType.TASK_ASSIGNED.code(), EventType.TASK_COMPLETED.code()))
                .by(deadline.comparison(), deadline.date()));
        Period period = check.run.period();
        LocalDate asOf = check.run.asOf();
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
            ratio(deadline);
            return;
        }
        Deadlines.Tally tally = new Deadlines.Tally("hoàn thành", "completed");
        tasks.forEach((task, done) -> tally.add(task, done, deadline, asOf, false));
        int n = tasks.size();
        int k = tally.onTime.size();
        Status status = tally.status();
        boolean failed = tally.failed() > 0;
        check.emitSettled(null, status, Texts.actualPercent(Ratio.percent(k, n)), "100% " + deadline.en(),
                (long) tally.failed(), null, failed,
                () -> "Nhiệm vụ cải cách được giao: hoàn thành " + k + "/" + n + " nhiệm vụ " + deadline.vi()
                        + tally.detailVi() + ", chỉ tiêu 100%: " + tally.verdictVi("nhiệm vụ") + ".",
                () -> "Reform tasks assigned: " + k + " of " + n + " completed " + deadline.en() + tally.detailEn()
                        + ", against a target of 100%: " + tally.verdictEn("task") + ".");
    }

    /**
     * The share {@code tasks.completed_by_deadline}, read as the tasks are: before the deadline
     * passes, tasks not yet completed are pending, so a share below 100% is met but not final; once
     * it has passed, a share below 100% measured up to the deadline or later is not met, final at
     * once. A share measured only up to a day before the deadline cannot tell, after it, which of
     * the open tasks were completed in time: data is missing.
     */
    private void ratio(Deadlines.Deadline deadline) {
        Term.Indicator indicator = check.indicator(RATIO);
        Period period = check.run.period();
        LocalDate asOf = check.run.asOf();
        String threshold = "100% " + deadline.en();
        String targetVi = "chỉ tiêu 100% " + deadline.vi();
        String targetEn = "against a target of 100% " + deadline.en();
        String subjectVi = Texts.capitalize(indicator.viCounted());
        String subjectEn = Texts.capitalize(indicator.enCounted());
        Figure figure = check.unit.figure(RATIO, null, period);
        if (figure == null || !figure.complete()) {
            // no figure, or sub-periods that leave a gap or disagree: the months are named
            String[] why = figure == null ? null : Words.incomplete(period, figure);
            check.emit(null, Status.INSUFFICIENT_DATA, null, threshold, null, null,
                    () -> subjectVi + (why == null ? ": chưa có số liệu " + Words.periodVi(period) : why[0]) + "; "
                            + targetVi + ": " + Status.INSUFFICIENT_DATA.vi() + ".",
                    () -> subjectEn + (why == null ? ": no figure for " + Words.periodEn(period) + " was given" : why[1])
                            + ", " + targetEn + ": " + Status.INSUFFICIENT_DATA.en() + ".");
            return;
        }
        Measurement m = figure.measurement();
        Period measured = figure.measuredPeriod();
        long n = m.numerator();
        long d = m.denominator();
        if (d == 0) {
            check.emit(null, Status.NOT_APPLICABLE, null, threshold, null, measured,
                    () -> subjectVi + ": không có " + indicator.viOutOf() + Words.sinceVi(period, figure)
                            + " nên chỉ tiêu không áp dụng.",
                    () -> subjectEn + ": there were no " + indicator.enOutOf() + Words.sinceEn(period, figure)
                            + ", so the target does not apply.");
            return;
        }
        String actual = Texts.actualPercent(Ratio.percent(n, d));
        long open = d - n;
        // a share below 100% once the deadline has passed, measured up to it, settles the target
        boolean settled = open > 0 && deadline.passed(asOf)
                && (measured == null || !measured.end().isBefore(deadline.lastOnTimeDay()));
        String figureVi = subjectVi + ": " + Texts.count(n, true) + "/" + Texts.count(d, true) + " "
                + indicator.viOutOf() + Words.sinceVi(period, figure);
        String figureEn = subjectEn + ": " + Texts.count(n, false) + " of " + Texts.count(d, false) + " "
                + indicator.enOutOf() + Words.sinceEn(period, figure, settled);
        if (open == 0) {
            check.emit(null, Status.MET, actual, threshold, 0L, measured,
                    () -> figureVi + ", " + targetVi + ": " + Status.MET.vi() + ".",
                    () -> figureEn + ", " + targetEn + ": " + Status.MET.en() + ".");
        } else if (!deadline.passed(asOf)) {
            check.emit(null, Status.MET, actual, threshold, 0L, measured,
                    () -> figureVi + "; chưa đến hạn nên " + open + " nhiệm vụ chưa hoàn thành chưa bị tính là trễ hạn, "
                            + targetVi + ": " + Status.MET.vi() + ", chưa phải kết quả cuối cùng.",
                    () -> figureEn + "; the deadline has not passed, so "
                            + (open == 1 ? "the open task is" : "the " + open + " open tasks are") + " not late yet, "
                            + targetEn + ": " + Status.MET.en() + " so far, not final.");
        } else if (settled) {
            check.emitSettled(null, Status.NOT_MET, actual, threshold, open, measured, true,
                    () -> figureVi + ", " + targetVi + ": " + Status.NOT_MET.vi() + ", " + open
                            + " nhiệm vụ không hoàn thành đúng hạn.",
                    () -> figureEn + ", " + targetEn + ": " + Status.NOT_MET.en() + ", " + open + " "
                            + Deadlines.plural("task", open) + " not completed in time.");
        } else {
            check.emit(null, Status.INSUFFICIENT_DATA, actual, threshold, null, measured,
                    () -> figureVi + "; số liệu chỉ đến hết " + Words.monthsVi(measured.year(), List.of(measured.lastMonth()))
                            + ", trước hạn, nên chưa biết "
                            + open + " nhiệm vụ chưa hoàn thành khi đó có trễ hạn hay không, " + targetVi + ": "
                            + Status.INSUFFICIENT_DATA.vi() + ".",
                    () -> figureEn + "; the figure ends with " + Words.monthsEn(measured.year(), List.of(measured.lastMonth()))
                            + ", before the deadline, so it cannot tell"
                            + " whether the " + open + " open " + Deadlines.plural("task", open)
                            + " were completed in time, " + targetEn + ": " + Status.INSUFFICIENT_DATA.en() + ".");
        }
    }

    private static boolean belongs(Event e, Period period) {
        if (e.task() == null) {
            return false;
        }
        return (e.date() != null && period.contains(e.date())) || (e.deadline() != null && period.contains(e.deadline()))
                || (e.date() == null && e.deadline() == null);
    }
}
