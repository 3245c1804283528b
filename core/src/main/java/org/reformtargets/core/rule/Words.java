// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import java.math.BigDecimal;
import org.reformtargets.core.Period;
import org.reformtargets.core.internal.Texts;
import org.reformtargets.core.internal.UnitView;

/** Shared pieces of result sentences. */
final class Words {

    private Words() {
    }

    static String periodVi(Period p) {
        return switch (p.kind()) {
            case YEAR -> "năm " + p.year();
            case HALF -> (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
            case QUARTER -> "quý " + p.index() + "/" + p.year();
            case MONTH -> "tháng " + p.index() + "/" + p.year();
            case SPAN -> "lũy kế đến hết tháng " + p.index() + "/" + p.year();
        };
    }

    static String periodEn(Period p) {
        return switch (p.kind()) {
            case YEAR -> Integer.toString(p.year());
            case SPAN -> "January to " + MONTHS_EN[p.index() - 1] + " " + p.year();
            default -> p.toString();
        };
    }

    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** " năm 2021", " lũy kế đến hết tháng 8/2021 (…)" or " lũy kế đến ngày 15/08/2021 (…)". */
    static String sinceVi(Period period, UnitView.Figure figure) {
        if (!figure.yearToDate()) {
            return " " + periodVi(period);
        }
        Period m = figure.measured();
        String to = figure.soFar() != null
                ? "đến ngày " + figure.soFar().format(DAY_MONTH_YEAR)
                : "đến hết tháng " + m.lastMonth() + "/" + m.year();
        String from = m.firstMonth() == 1 ? "" : " từ tháng " + m.firstMonth();
        return " lũy kế" + from + " " + to + " (chưa phải số liệu cả " + periodVi(period) + ")";
    }

    /** " in 2021" or " in 2021 to date (January to August 2021, not final)" or "(to 15 August 2021, …)". */
    static String sinceEn(Period period, UnitView.Figure figure) {
        return sinceEn(period, figure, false);
    }

    /**
     * As {@link #sinceEn(Period, UnitView.Figure)}; a {@code settled} verdict (final before the period
     * ends: a deadline missed, a share out of reach) drops "not final" from the span.
     */
    static String sinceEn(Period period, UnitView.Figure figure, boolean settled) {
        return settled ? settledEn(sinceEnOpen(period, figure)) : sinceEnOpen(period, figure);
    }

    /** {@code text} with the span's "not final" dropped, for a verdict settled before the period ends. */
    static String settledEn(String text) {
        return text.replace(NOT_FINAL_EN, ")");
    }

    private static final String NOT_FINAL_EN = ", not final)";

    private static String sinceEnOpen(Period period, UnitView.Figure figure) {
        if (!figure.yearToDate()) {
            return " in " + periodEn(period);
        }
        Period m = figure.measured();
        String span = figure.soFar() != null
                ? MONTHS_EN[m.firstMonth() - 1] + " to " + figure.soFar().getDayOfMonth() + " "
                        + MONTHS_EN[figure.soFar().getMonthValue() - 1] + " " + figure.soFar().getYear()
                : m.months() == 1 ? MONTHS_EN[m.firstMonth() - 1] + " " + m.year()
                : MONTHS_EN[m.firstMonth() - 1] + " to " + MONTHS_EN[m.lastMonth() - 1] + " " + m.year();
        return " in " + periodEn(period) + " to date (" + span + NOT_FINAL_EN;
    }

    /** Months of {@code year} in Vietnamese, runs joined: "tháng 4–6/2021", "tháng 2 và tháng 4–6/2021". */
    static String monthsVi(int year, java.util.List<Integer> months) {
        java.util.List<String> runs = new java.util.ArrayList<>();
        for (int[] r : runs(months)) {
            runs.add("tháng " + (r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "–" + r[1]));
        }
        return joinVi(runs) + "/" + year;
    }

    /** Months of {@code year} in English: "April to June 2021", "February and April to June 2021". */
    static String monthsEn(int year, java.util.List<Integer> months) {
        java.util.List<String> runs = new java.util.ArrayList<>();
        for (int[] r : runs(months)) {
            runs.add(r[0] == r[1] ? MONTHS_EN[r[0] - 1] : MONTHS_EN[r[0] - 1] + " to " + MONTHS_EN[r[1] - 1]);
        }
        String joined = runs.size() == 1 ? runs.get(0)
                : String.join(", ", runs.subList(0, runs.size() - 1)) + " and " + runs.get(runs.size() - 1);
        return joined + " " + year;
    }

    private static String joinVi(java.util.List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " và " + parts.get(parts.size() - 1);
    }

    private static java.util.List<int[]> runs(java.util.List<Integer> months) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int m : months) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == m - 1) {
                runs.get(runs.size() - 1)[1] = m;
            } else {
                runs.add(new int[] {m, m});
            }
        }
        return runs;
    }

    /**
     * Why the figure of {@code period} cannot be made from its sub-periods, after the subject:
     * ": số liệu năm 2021 còn thiếu tháng 4–6/2021" and its English.
     */
    static String[] incomplete(Period period, UnitView.Figure figure) {
        int year = period.year();
        if (!figure.missing().isEmpty()) {
            return new String[] {
                ": số liệu các kỳ báo cáo " + periodVi(period) + " chưa liền mạch, còn thiếu số liệu "
                        + monthsVi(year, figure.missing()),
                ": the reports for " + periodEn(period) + " leave a gap, with no figure for "
                        + monthsEn(year, figure.missing())};
        }
        if (!figure.doubled().isEmpty()) {
            return new String[] {
                ": số liệu " + monthsVi(year, figure.doubled()) + " bị báo cáo trùng ở các kỳ chồng lên nhau"
                        + " với số liệu không khớp, không cộng dồn được",
                ": " + monthsEn(year, figure.doubled()) + " are reported twice, in overlapping periods whose"
                        + " figures do not agree, so they cannot be added up"};
        }
        return new String[] {
            ": các kỳ báo cáo " + periodVi(period) + " cộng lại vượt quá số đếm được",
            ": the reports for " + periodEn(period) + " add up to more than a count can hold"};
    }

    /** " năm 2021" or " lũy kế quý 3/2021 (chưa phải số liệu cả năm)". */
    static String whenVi(Period period, Period measured) {
        return measured == null ? " " + periodVi(period)
                : " lũy kế đến hết " + periodVi(measured) + " (chưa phải số liệu cả " + periodVi(period) + ")";
    }

    /** " in 2021" or " in 2021 to date (2021-Q3, not final)". */
    static String whenEn(Period period, Period measured) {
        return measured == null ? " in " + periodEn(period)
                : " in " + periodEn(period) + " to date (" + measured + ", not final)";
    }

    static String pct(BigDecimal p, boolean vi) {
        return Texts.percent(p, vi);
    }

    /** What the indicator counts, in English, in the form for {@code count} of it ("1 more dossier resolved on time"). */
    static String countedEn(Check check, Term.Indicator indicator, long count) {
        return check.run.vocabulary().indicator(indicator.code()).map(t -> t.counted().en(count))
                .orElse(indicator.enCounted());
    }

    /** The event type's English name in the form for {@code count} of it ("1 initiative", "2 initiatives"). */
    static String eventEn(Check check, Term.EventType type, long count) {
        return check.run.vocabulary().eventType(type.code()).map(t -> t.label().en(count)).orElse(type.en());
    }

    /** {@code n} and the English noun for it: "1 sub-unit", "3 sub-units". */
    static String nEn(long n, String one, String many) {
        return Texts.counted(n, one, many, false);
    }

    /**
     * A periodic report's name in Vietnamese, as a report is called: {@code Q1} … {@code Q4} "quý I" …
     * "quý IV", {@code H1} "6 tháng", {@code H2} "6 tháng cuối năm", {@code 9M} "9 tháng", {@code Y}
     * "năm"; any other name as the rule writes it.
     */
    static String reportVi(String name) {
        return switch (name) {
            case "Q1" -> "quý I";
            case "Q2" -> "quý II";
            case "Q3" -> "quý III";
            case "Q4" -> "quý IV";
            case "H1" -> "6 tháng";
            case "H2" -> "6 tháng cuối năm";
            case "9M" -> "9 tháng";
            case "Y" -> "năm";
            default -> name;
        };
    }

    static String fieldVi(Check check, String field) {
        return field == null ? "" : " lĩnh vực " + check.field(field, true);
    }

    static String fieldEn(Check check, String field) {
        return field == null ? "" : " in the " + check.field(field, false) + " field";
    }
}
