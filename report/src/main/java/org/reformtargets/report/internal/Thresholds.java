// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reformtargets.core.Vocabulary;

/**
 * What a target asks ({@code TargetResult.threshold()}, written by the checks in a short English
 * notation such as {@code >= 5 per quarter} or {@code full at >= 80, max 2}) in words for a report:
 * Vietnamese ("≥ 5 mỗi quý", "đủ điểm khi ≥ 80%, tối đa 2 điểm") or English, with "%" after a
 * share's figures. The checks' forms are matched whole, one pattern each; a threshold of any other
 * form is shown as written, its comparison signs as ≥ and ≤.
 */
final class Thresholds {

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final String OP = "(>=|<=|>|<|=)";
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";

    private static final Pattern COMPARE = Pattern.compile(OP + " " + NUM + "(?: per (quarter|month|sub-unit|year))?");
    private static final Pattern ABOVE_YEAR = Pattern.compile(OP + " " + NUM + " and > (\\d{4})");
    private static final Pattern GROWTH = Pattern.compile(OP + " " + NUM + " \\((\\d{4}) " + NUM + " \\+ " + NUM
            + " (points|%)\\)");
    private static final Pattern GROWTH_UNKNOWN = Pattern.compile(OP + " (\\d{4}) \\+ " + NUM + " (points|%)");
    private static final Pattern CEILING_OF_YEAR = Pattern.compile("<= " + NUM + " % of (\\d{4})");
    private static final Pattern SHARE_BEFORE = Pattern.compile(NUM + "% before " + DATE);
    private static final Pattern PLAN_BEFORE = Pattern.compile("plan before " + DATE);
    private static final Pattern REPORTS = Pattern.compile("(Q1|H1|9M|Y) before " + DATE + "(?:, (Q1|H1|9M|Y) before "
            + DATE + ")*");
    private static final Pattern REPORT = Pattern.compile("(Q1|H1|9M|Y) before " + DATE);
    private static final Pattern RANKED = Pattern.compile(OP + " ([A-Z][A-Z_]*)");
    private static final Pattern MAX = Pattern.compile("max " + NUM);
    private static final Pattern LINEAR = Pattern.compile("linear, max " + NUM);
    private static final Pattern FULL_AT = Pattern.compile("full at " + OP + " " + NUM + ", max " + NUM);

    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final boolean vi;
    private final UnaryOperator<String> number;
    private final Vocabulary vocabulary;

    /**
     * @param vi         Vietnamese words, else English
     * @param number     how a decimal string is shown ("95.5" → "95,5" in Vietnamese)
     * @param vocabulary for the labels of ranked words ({@code >= GOOD})
     */
    Thresholds(boolean vi, UnaryOperator<String> number, Vocabulary vocabulary) {
        this.vi = vi;
        this.number = number;
        this.vocabulary = vocabulary;
    }

    /**
     * {@code threshold} in words; "" for {@code null}.
     *
     * @param percent whether the result's figures are shares in percent, whose numbers take "%"
     */
    String show(String threshold, boolean percent) {
        if (threshold == null) {
            return "";
        }
        String t = threshold.strip();
        String pc = percent ? "%" : "";
        Matcher m;
        if (t.equals("for information")) {
            return vi ? "để theo dõi, không tính điểm" : "for information, not scored";
        }
        if (t.equals("= true")) {
            return vi ? "có" : "yes";
        }
        if ((m = COMPARE.matcher(t)).matches()) {
            if ("sub-unit".equals(m.group(3))) {
                // "≥ 1 per sub-unit": a count in each sub-unit, never a share, even where the result's
                // figure is the share of sub-units that have it
                return op(m.group(1)) + " " + num(m.group(2)) + " " + per(m.group(3));
            }
            if (m.group(3) != null) {
                return op(m.group(1)) + " " + num(m.group(2)) + pc + " " + per(m.group(3));
            }
            return op(m.group(1)) + " " + num(m.group(2)) + pc;
        }
        if ((m = ABOVE_YEAR.matcher(t)).matches()) {
            return op(m.group(1)) + " " + num(m.group(2)) + pc + (vi ? " và cao hơn năm " : " and above ") + m.group(3);
        }
        if ((m = GROWTH.matcher(t)).matches()) {
            String rise = num(m.group(5)) + (m.group(6).equals("%") ? "%" : vi ? " điểm %" : " points");
            return op(m.group(1)) + " " + num(m.group(2)) + pc + " (" + (vi ? "năm " : "") + m.group(3) + ": "
                    + num(m.group(4)) + pc + " + " + rise + ")";
        }
        if ((m = GROWTH_UNKNOWN.matcher(t)).matches()) {
            String rise = num(m.group(3)) + (m.group(4).equals("%") ? "%" : vi ? " điểm %" : " points");
            return op(m.group(1)) + " " + (vi ? "năm " : "") + m.group(2) + " + " + rise;
        }
        if ((m = CEILING_OF_YEAR.matcher(t)).matches()) {
            return "≤ " + num(m.group(1)) + (vi ? "% của năm " : "% of ") + m.group(2);
        }
        if ((m = SHARE_BEFORE.matcher(t)).matches() && date(m.group(2)) != null) {
            return num(m.group(1)) + "% " + before(m.group(2));
        }
        if ((m = PLAN_BEFORE.matcher(t)).matches() && date(m.group(1)) != null) {
            return (vi ? "có kế hoạch " : "a plan ") + before(m.group(1));
        }
        if (REPORTS.matcher(t).matches()) {
            StringBuilder b = new StringBuilder();
            Matcher r = REPORT.matcher(t);
            while (r.find()) {
                if (date(r.group(2)) == null) {
                    return plain(t);
                }
                b.append(b.length() == 0 ? "" : ", ").append(report(r.group(1))).append(' ').append(before(r.group(2)));
            }
            return b.toString();
        }
        if ((m = FULL_AT.matcher(t)).matches()) {
            return (vi ? "đủ điểm khi " : "full points at ") + op(m.group(1)) + " " + num(m.group(2)) + pc + ", "
                    + upTo(m.group(3));
        }
        if ((m = LINEAR.matcher(t)).matches()) {
            return (vi ? "điểm theo tỷ lệ, " : "in proportion, ") + upTo(m.group(1));
        }
        if ((m = MAX.matcher(t)).matches()) {
            return upTo(m.group(1));
        }
        if ((m = RANKED.matcher(t)).matches()) {
            String label = ReportData.rankLabel(vocabulary, m.group(2), vi);
            if (label != null) {
                if (m.group(1).equals(">=")) {
                    return vi ? "từ " + label + " trở lên" : label + " or better";
                }
                return op(m.group(1)) + " " + label;
            }
        }
        return plain(t);
    }

    private String plain(String t) {
        return t.replace(">=", "≥").replace("<=", "≤");
    }

    private String num(String decimal) {
        return number.apply(decimal);
    }

    private static String op(String op) {
        return switch (op) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> op;
        };
    }

    private String per(String what) {
        return switch (what) {
            case "quarter" -> vi ? "mỗi quý" : "per quarter";
            case "month" -> vi ? "mỗi tháng" : "per month";
            case "year" -> vi ? "mỗi năm" : "per year";
            default -> vi ? "mỗi đơn vị trực thuộc" : "per sub-unit";
        };
    }

    private String upTo(String points) {
        boolean one = points.equals("1");
        return vi ? "tối đa " + num(points) + " điểm" : "up to " + num(points) + (one ? " point" : " points");
    }

    private String report(String code) {
        return switch (code) {
            case "Q1" -> vi ? "báo cáo quý I" : "the first-quarter report";
            case "H1" -> vi ? "báo cáo 6 tháng" : "the half-year report";
            case "9M" -> vi ? "báo cáo 9 tháng" : "the nine-month report";
            default -> vi ? "báo cáo năm" : "the annual report";
        };
    }

    private String before(String iso) {
        LocalDate d = date(iso);
        return vi ? String.format("trước ngày %02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                : "before " + d.getDayOfMonth() + " " + MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private static LocalDate date(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
