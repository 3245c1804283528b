package org.reformtargets.core.rule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.internal.Texts;

/**
 * A target that named items are each done by their own deadline, the deadline day included:
 * reports submitted ({@code report.submitted}, named by {@code report}) or tasks completed
 * ({@code task.completed}, named by {@code task}). The earliest such event of the unit dated from
 * the start of the evaluated period counts. An item is due once its deadline has passed on the
 * facts' date; one already done counts even before. Start it with {@link Check#reports()} or
 * {@link TasksCheck#dueBy}, add items with {@link #dueBy} and end it with {@link #allOnTime}:
 * <pre>{@code
 * Check.of(kcontext, $unit).reports().dueBy("Q1", "2020-02-25").dueBy("H1", "2020-05-25").allOnTime();
 * Check.of(kcontext, $unit).tasks().dueBy("plan", "2021-09-10").dueBy("form-guides", "2021-09-30").allOnTime();
 * }</pre>
 */
public final class DeadlinesCheck {

    private final Check check;
    private final EventType type;
    private final Map<String, LocalDate> deadlines = new LinkedHashMap<>();

    DeadlinesCheck(Check check, EventType type) {
        this.check = check;
        this.type = type;
    }

    /** Adds an item: {@code name} must be done on or before {@code date} ({@code YYYY-MM-DD}). */
    public DeadlinesCheck dueBy(String name, String date) {
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("deadline '" + date + "' of " + name + " is not a date YYYY-MM-DD");
        }
        if (deadlines.putIfAbsent(name, d) != null) {
            throw new IllegalArgumentException(name + " is given two deadlines: name each item once");
        }
        return this;
    }

    /** Ends the check: every item due is done by its deadline; the gap counts those late or not done. */
    public void allOnTime() {
        if (deadlines.isEmpty()) {
            throw new IllegalStateException("name at least one item with dueBy(name, date) before allOnTime()");
        }
        check.states(() -> TargetSpec.Requirement.of(TargetSpec.Kind.DUE_DATES, List.of(type.code())).dueBy(deadlines));
        boolean reports = type == EventType.REPORT_SUBMITTED;
        String nounVi = reports ? "báo cáo" : "nhiệm vụ";
        String nounEn = reports ? "report" : "task";
        String doneVi = reports ? "gửi" : "hoàn thành";
        String doneEn = reports ? "submitted" : "completed";
        Period period = check.run.period();
        LocalDate asOf = check.run.asOf();
        Map<String, LocalDate> done = new LinkedHashMap<>();
        for (Event e : check.unit.allEvents(type.code())) {
            String name = reports ? e.report() : e.task();
            if (name != null && e.date() != null && !e.date().isBefore(period.start())) {
                done.merge(name, e.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> threshold = new ArrayList<>();
        List<String> lateVi = new ArrayList<>();
        List<String> lateEn = new ArrayList<>();
        List<String> missingVi = new ArrayList<>();
        List<String> missingEn = new ArrayList<>();
        List<String> notDue = new ArrayList<>();
        int due = 0;
        int onTime = 0;
        for (Map.Entry<String, LocalDate> item : deadlines.entrySet()) {
            String name = item.getKey();
            LocalDate deadline = item.getValue();
            threshold.add(name + " by " + deadline);
            LocalDate when = done.get(name);
            if (when == null && !asOf.isAfter(deadline)) {
                notDue.add(name);
                continue;
            }
            due++;
            String nameVi = reports ? Words.reportVi(name) : name;
            if (when == null) {
                missingVi.add(nameVi + " (hạn " + viDate(deadline) + ")");
                missingEn.add(name + " (due " + deadline + ")");
            } else if (when.isAfter(deadline)) {
                lateVi.add(nameVi + " (" + viDate(when) + ", hạn " + viDate(deadline) + ")");
                lateEn.add(name + " (" + when + ", due " + deadline + ")");
            } else {
                onTime++;
            }
        }
        String thresholdText = String.join(", ", threshold);
        String subjectVi = Texts.capitalize(nounVi) + " " + String.join(", ",
                deadlines.keySet().stream().map(n -> reports ? Words.reportVi(n) : n).toList());
        String subjectEn = Texts.capitalize(nounEn) + (deadlines.size() == 1 ? " " : "s ") + String.join(", ", deadlines.keySet());
        if (due == 0) {
            check.emit(null, Status.NOT_APPLICABLE, null, thresholdText, null, null,
                    subjectVi + ": chưa " + nounVi + " nào đến hạn vào ngày " + viDate(asOf) + ", chỉ tiêu chưa đến hạn.",
                    subjectEn + ": none is due yet on " + asOf + ", so nothing is due.");
            return;
        }
        long gap = due - onTime;
        Status status = gap == 0 ? Status.MET : Status.NOT_MET;
        String detailVi = (lateVi.isEmpty() ? "" : "; " + doneVi + " trễ hạn: " + String.join(", ", lateVi))
                + (missingVi.isEmpty() ? "" : "; chưa " + doneVi + ": " + String.join(", ", missingVi))
                + (notDue.isEmpty() ? "" : "; chưa đến hạn: " + String.join(", ",
                notDue.stream().map(n -> reports ? Words.reportVi(n) : n).toList()));
        String detailEn = (lateEn.isEmpty() ? "" : "; late: " + String.join(", ", lateEn))
                + (missingEn.isEmpty() ? "" : "; not " + doneEn + ": " + String.join(", ", missingEn))
                + (notDue.isEmpty() ? "" : "; not yet due: " + String.join(", ", notDue));
        check.emit(null, status, Integer.toString(onTime), thresholdText, gap, null,
                subjectVi + ": " + onTime + "/" + due + " " + nounVi + " đến hạn được " + doneVi + " đúng hạn" + detailVi
                        + ", chỉ tiêu mọi " + nounVi + " đúng hạn: "
                        + (gap == 0 ? status.vi() : status.vi() + ", thiếu " + gap) + ".",
                subjectEn + ": " + onTime + " of " + due + " due " + doneEn + " on time" + detailEn
                        + ", against a target of every " + nounEn + " on time: "
                        + (gap == 0 ? status.en() : status.en() + ", " + gap + " short") + ".");
    }

    private static String viDate(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
