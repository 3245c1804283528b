// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;

/**
 * The one deadline mechanism of the checks ({@link TasksCheck}, {@link DeadlinesCheck}): on the
 * facts' date {@code asOf} an item with a deadline is on time (done in time), late (done after
 * it), missed (not done, the deadline passed) or pending (not done, the deadline not yet passed).
 * Any late or missed item fails the target at once and for good; with none, pending items leave
 * it met but not final. See decision record "deadlines-pending-and-report-periods".
 */
final class Deadlines {

    private Deadlines() {
    }

    /** Where an item stands on {@code asOf}. */
    enum State {
        /** Done in time. */
        ON_TIME,
        /** Done, after the deadline. */
        LATE,
        /** Not done, and the deadline has passed. */
        MISSED,
        /** Not done, and the deadline has not passed: nothing is wrong yet. */
        PENDING
    }

    /**
     * A deadline as the source words it: {@code inclusive} for "đến hết ngày D" / "chậm nhất ngày D"
     * (D itself on time), exclusive for "trước ngày D" (D itself late).
     */
    record Deadline(LocalDate date, boolean inclusive) {

        /** Parses {@code YYYY-MM-DD}, saying whose deadline is malformed. */
        static Deadline parse(String date, boolean inclusive, String of) {
            try {
                return new Deadline(LocalDate.parse(date), inclusive);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new IllegalArgumentException("deadline '" + date + "'" + (of == null ? "" : " of " + of)
                        + " is not a date YYYY-MM-DD");
            }
        }

        /** The first day on which an item done is late and an item not done is missed. */
        LocalDate firstLateDay() {
            return inclusive ? date.plusDays(1) : date;
        }

        /** The last day on which an item done is on time. */
        LocalDate lastOnTimeDay() {
            return firstLateDay().minusDays(1);
        }

        /** Whether the deadline has passed on {@code asOf}: an item not done by then is missed. */
        boolean passed(LocalDate asOf) {
            return !asOf.isBefore(firstLateDay());
        }

        /** Where an item done on {@code done} ({@code null}: not done) stands on {@code asOf}. */
        State of(LocalDate done, LocalDate asOf) {
            if (done != null) {
                return done.isBefore(firstLateDay()) ? State.ON_TIME : State.LATE;
            }
            return passed(asOf) ? State.MISSED : State.PENDING;
        }

        TargetSpec.Comparison comparison() {
            return inclusive ? TargetSpec.Comparison.ON_OR_BEFORE : TargetSpec.Comparison.BEFORE;
        }

        /** "trước ngày 01/11/2021" or "đến hết ngày 31/10/2021", as the source words it. */
        String vi() {
            return (inclusive ? "đến hết ngày " : "trước ngày ") + viDate(date);
        }

        /** "before 2021-11-01" or "by 2021-10-31". */
        String en() {
            return (inclusive ? "by " : "before ") + date;
        }
    }

    /** {@code dd/mm/yyyy}, as Vietnamese documents write a date. */
    static String viDate(LocalDate d) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return (day < 10 ? "0" : "") + day + (month < 10 ? "/0" : "/") + month + "/" + d.getYear();
    }

    /**
     * The items of one check sorted by state, with the sentence parts that name them. {@code noun}
     * and {@code done} word the items ("nhiệm vụ"/"task", "hoàn thành"/"completed").
     */
    static final class Tally {
        private final String doneVi;
        private final String doneEn;
        final List<String> onTime = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        private final List<String> lateVi = new ArrayList<>();
        private final List<String> lateEn = new ArrayList<>();
        private final List<String> missedVi = new ArrayList<>();
        private final List<String> missedEn = new ArrayList<>();
        private final java.util.function.UnaryOperator<String> nameVi;

        Tally(String doneVi, String doneEn) {
            this(doneVi, doneEn, java.util.function.UnaryOperator.identity());
        }

        /** A tally whose Vietnamese sentences name an item by {@code nameVi} ("quý I" for Q1). */
        Tally(String doneVi, String doneEn, java.util.function.UnaryOperator<String> nameVi) {
            this.doneVi = doneVi;
            this.doneEn = doneEn;
            this.nameVi = nameVi;
        }

        /** Adds item {@code name}, done on {@code done} ({@code null}: not done), against {@code deadline}. */
        State add(String name, LocalDate done, Deadline deadline, LocalDate asOf, boolean showDeadline) {
            State s = deadline.of(done, asOf);
            switch (s) {
                case ON_TIME -> onTime.add(name);
                case PENDING -> pending.add(name);
                case LATE -> {
                    lateVi.add(nameVi.apply(name) + " (ngày " + viDate(done) + (showDeadline ? ", hạn " + deadline.vi() : "") + ")");
                    lateEn.add(name + " (on " + done + (showDeadline ? ", due " + deadline.en() : "") + ")");
                }
                case MISSED -> {
                    missedVi.add(nameVi.apply(name) + (showDeadline ? " (hạn " + deadline.vi() + ")" : ""));
                    missedEn.add(name + (showDeadline ? " (due " + deadline.en() + ")" : ""));
                }
            }
            return s;
        }

        /** Items late or missed: each fails the target for good. */
        int failed() {
            return lateVi.size() + missedVi.size();
        }

        /** Items on time, late or missed: all but the pending. */
        int settled() {
            return onTime.size() + failed();
        }

        /** NOT_MET, final at once, with any item late or missed (it cannot be undone); else MET. */
        Status status() {
            return failed() > 0 ? Status.NOT_MET : Status.MET;
        }

        /** "; hoàn thành trễ hạn: t2 (ngày 05/11/2021); chưa hoàn thành, đã quá hạn: t3", or "". */
        String detailVi() {
            return (lateVi.isEmpty() ? "" : "; " + doneVi + " trễ hạn: " + String.join(", ", lateVi))
                    + (missedVi.isEmpty() ? "" : "; chưa " + doneVi + ", đã quá hạn: " + String.join(", ", missedVi));
        }

        /** "; completed late: t2 (on 2021-11-05); not completed, overdue: t3", or "". */
        String detailEn() {
            return (lateEn.isEmpty() ? "" : "; " + doneEn + " late: " + String.join(", ", lateEn))
                    + (missedEn.isEmpty() ? "" : "; not " + doneEn + ", overdue: " + String.join(", ", missedEn));
        }

        /**
         * The verdict: "đạt"; "chưa đạt, 2 nhiệm vụ không hoàn thành đúng hạn"; or, with none late and some pending,
         * "đạt, chưa phải kết quả cuối cùng: chưa có nhiệm vụ nào trễ hạn; còn 2 nhiệm vụ chưa đến hạn (t4, t5)".
         */
        String verdictVi(String noun) {
            if (failed() > 0) {
                return Status.NOT_MET.vi() + ", " + failed() + " " + noun + " không " + doneVi + " đúng hạn";
            }
            if (pending.isEmpty()) {
                return Status.MET.vi();
            }
            return Status.MET.vi() + ", chưa phải kết quả cuối cùng: chưa có " + noun + " nào trễ hạn; còn "
                    + pending.size() + " " + noun + " chưa đến hạn (" + String.join(", ", pending.stream().map(nameVi).toList())
                    + ")";
        }

        /** As {@link #verdictVi}: "met"; "not met, 2 tasks not completed in time"; "met so far, not final: no task is late; …". */
        String verdictEn(String noun) {
            if (failed() > 0) {
                return Status.NOT_MET.en() + ", " + failed() + " " + plural(noun, failed()) + " not " + doneEn + " in time";
            }
            if (pending.isEmpty()) {
                return Status.MET.en();
            }
            return Status.MET.en() + " so far, not final: no " + noun + " is late; " + pending.size() + " "
                    + plural(noun, pending.size()) + " not yet due (" + String.join(", ", pending) + ")";
        }
    }

    /** {@code noun} for a count of {@code n}: "1 task", "2 tasks". */
    static String plural(String noun, long n) {
        return n == 1 ? noun : noun + "s";
    }
}
