// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.reformtargets.core.Level;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Cadence;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Kind;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.Vocabulary;

/**
 * Plain sentences, in Vietnamese and English, of what a described rule demands of a unit, and of
 * the facts it needs: what {@code describe} prints under each target.
 */
final class Demands {

    private static final Map<String, String[]> FIELDS = Map.of(
            "land", new String[] {"đất đai", "land"},
            "investment", new String[] {"đầu tư", "investment"},
            "education", new String[] {"giáo dục", "education"},
            "health", new String[] {"y tế", "health"});

    private Demands() {
    }

    /** The level with its Vietnamese name: {@code DEPARTMENT (Sở)}. */
    static String level(Level level) {
        return level(level, Vocabulary.standard());
    }

    /** The level with its Vietnamese name in {@code v}: {@code COMMUNE (Xã, phường)}. */
    static String level(Level level, Vocabulary v) {
        return level + " (" + levelName(level, true, v) + ")";
    }

    static String levelName(Level level, boolean vi) {
        return levelName(level, vi, Vocabulary.standard());
    }

    static String levelName(Level level, boolean vi, Vocabulary v) {
        return v.level(level.code()).map(t -> t.label().in(vi)).orElse(level.code());
    }

    /** An indicator's words in {@code v}. */
    private record Ind(boolean isRatio, String viCounted, String enCounted, String viOutOf, String enOutOf) {
    }

    private static java.util.Optional<Ind> indicator(Vocabulary v, String code) {
        return v.indicator(code).map(t -> new Ind(t.isRatio(), t.counted().vi(), t.counted().en(),
                t.outOf() == null ? null : t.outOf().vi(), t.outOf() == null ? null : t.outOf().en()));
    }

    /** One sentence: what the rule demands of a unit of its level. */
    static String sentence(TargetSpec s, boolean vi) {
        return sentence(s, vi, Vocabulary.standard());
    }

    /** One sentence: what the rule demands of a unit of its level, in the words of {@code v}. */
    static String sentence(TargetSpec s, boolean vi, Vocabulary v) {
        Requirement r = s.requirement();
        String what = switch (r.kind()) {
            case SHARE -> share(r, vi, v);
            case VALUE -> value(r, vi, v);
            case GROWTH -> growth(r, vi, v);
            case COVERAGE -> coverage(r, vi, v);
            case EACH_SUB_UNIT -> vi ? "mỗi đơn vị trực thuộc có ít nhất " + number(r.threshold(), vi) + " " + events(r, true, v)
                    : "every sub-unit has at least " + count(r.threshold(), events(r, false, v));
            case EVENT_COUNT -> vi ? "có ít nhất " + number(r.threshold(), vi) + " " + events(r, true, v) + " trong kỳ"
                    : "at least " + count(r.threshold(), events(r, false, v)) + " in the period";
            case CADENCE -> vi ? "có ít nhất " + number(r.threshold(), vi) + " " + events(r, true, v) + " " + cadence(r.cadence(), true)
                    : "at least " + count(r.threshold(), events(r, false, v)) + " " + cadence(r.cadence(), false);
            case DEADLINE -> deadline(r, vi);
            case ATTESTATION -> r.comparison() == Comparison.RANKED_AT_LEAST
                    ? (vi ? "xếp loại " + String.join(", ", r.subjects()) + " từ " + r.leastRank() + " trở lên (thang "
                    + String.join(" > ", r.ranks()) + ")"
                    : String.join(", ", r.subjects()) + " is ranked " + r.leastRank() + " or better (on "
                    + String.join(" > ", r.ranks()) + ")")
                    : vi ? "đơn vị xác nhận " + String.join(", ", r.subjects()) + " là đúng"
                    : "the unit attests that " + String.join(", ", r.subjects()) + " is true";
            case DUE_DATES -> (vi ? "mỗi mục hoàn thành đúng hạn: " : "each item done in time: ")
                    + String.join(", ", r.dueDates().entrySet().stream()
                    .map(e -> e.getKey() + " " + comparison(r.comparison(), vi) + " " + e.getValue()).toList());
            case NOT_APPLICABLE -> vi ? "chỉ tiêu không áp dụng" : "the target does not apply";
            case OTHER -> (vi ? "theo quy tắc: " : "as its rule states: ")
                    + (s.threshold() == null ? (vi ? "(không có mô tả)" : "(no description)") : s.threshold());
        };
        return levelName(s.level(), vi, v) + ": " + what + ".";
    }

    /** The facts the rule reads, by their codes in the facts contract. */
    static String needs(TargetSpec s, boolean vi) {
        return needs(s, vi, Vocabulary.standard());
    }

    /** The facts the rule reads, by their codes in the vocabulary {@code v}. */
    static String needs(TargetSpec s, boolean vi, Vocabulary v) {
        Requirement r = s.requirement();
        String subjects = String.join(vi ? " hoặc " : " or ", r.subjects());
        String previous = vi ? "; cả số liệu năm trước" : "; the previous year's too";
        return switch (r.kind()) {
            case SHARE, VALUE, GROWTH -> measurement(r, vi, v)
                    + (r.perField() ? (vi ? ", theo từng lĩnh vực (field)" : ", per field") : "")
                    + (r.baseYear() != null ? (vi ? "; cả số liệu năm " : "; the figure of ") + r.baseYear()
                    + (vi ? "" : " too") : r.kind() == Kind.GROWTH || r.abovePreviousYear() ? previous : "");
            case COVERAGE -> (vi ? "sự kiện " + subjects + " có subject là đơn vị trực thuộc; các đơn vị trực thuộc (parent)"
                    : "events " + subjects + " whose subject is a sub-unit; the unit's sub-units (parent)");
            case EACH_SUB_UNIT -> (vi ? "sự kiện " + subjects + " của từng đơn vị trực thuộc; các đơn vị trực thuộc (parent)"
                    : "events " + subjects + " of each sub-unit; the unit's sub-units (parent)");
            case EVENT_COUNT, CADENCE -> (vi ? "sự kiện " + subjects + " có ngày" : "events " + subjects + ", dated");
            case DEADLINE, DUE_DATES -> (vi ? "sự kiện " : "events ") + String.join(vi ? " và " : " and ", r.subjects())
                    + (vi ? " có ngày" : ", dated");
            case ATTESTATION -> (vi ? "xác nhận (attestation) " : "attestation ") + subjects;
            case NOT_APPLICABLE -> vi ? "không cần số liệu" : "none";
            case OTHER -> r.subjects().isEmpty() ? (vi ? "xem quy tắc" : "see the rule") : subjects;
        };
    }

    private static String measurement(Requirement r, boolean vi, Vocabulary v) {
        List<String> parts = new ArrayList<>();
        for (String code : r.subjects()) {
            parts.add(indicator(v, code).map(i -> {
                if (!i.isRatio()) {
                    return (vi ? "số đo " : "measurement ") + code + (vi ? " (giá trị: " : " (value: ")
                            + (vi ? i.viCounted() : i.enCounted()) + ")";
                }
                return (vi ? "số đo " : "measurement ") + code + (vi ? " (tử số: " : " (numerator: ")
                        + (vi ? i.viCounted() : i.enCounted()) + (vi ? "; mẫu số: " : "; denominator: ")
                        + (vi ? i.viOutOf() : i.enOutOf()) + ")";
            }).orElse((vi ? "số đo " : "measurement ") + code));
        }
        return String.join(vi ? " hoặc " : " or ", parts);
    }

    private static String share(Requirement r, boolean vi, Vocabulary v) {
        String code = r.subjects().isEmpty() ? "?" : r.subjects().get(0);
        Ind i = indicator(v, code).orElse(null);
        StringBuilder b = new StringBuilder();
        if (vi) {
            b.append("tỷ lệ ").append(i == null ? code : i.viCounted());
            if (i != null && i.viOutOf() != null) {
                b.append(" trên tổng số ").append(i.viOutOf());
            }
            b.append(" đạt ").append(comparison(r.comparison(), true)).append(' ').append(percent(r.threshold(), true));
        } else {
            b.append(i == null ? code : i.enCounted()).append(" are ").append(comparison(r.comparison(), false))
                    .append(' ').append(percent(r.threshold(), false)).append(" of ")
                    .append(i == null || i.enOutOf() == null ? "the total" : i.enOutOf());
        }
        if (r.perField()) {
            b.append(r.onlyFields().isEmpty() ? (vi ? " ở từng lĩnh vực" : " in every field")
                    : (vi ? " ở từng lĩnh vực " : " in each of the fields ") + fields(r.onlyFields(), vi, v));
            Map<BigDecimal, List<String>> own = new TreeMap<>();
            r.fieldThresholds().forEach((f, t) -> own.computeIfAbsent(t, k -> new ArrayList<>()).add(f));
            own.forEach((t, fs) -> b.append(vi ? ", riêng lĩnh vực " + fields(fs, true, v) + " tối thiểu " + percent(t, true)
                    : ", at least " + percent(t, false) + " in " + fields(fs, false, v)));
        }
        if (r.abovePreviousYear()) {
            b.append(vi ? ", và cao hơn năm trước" : ", and higher than the previous year's");
        }
        if (r.cadence() != null) {
            b.append(' ').append(cadence(r.cadence(), vi));
        }
        return b.toString();
    }

    private static String value(Requirement r, boolean vi, Vocabulary v) {
        String code = r.subjects().isEmpty() ? "?" : r.subjects().get(0);
        String counted = indicator(v, code).map(i -> vi ? i.viCounted() : i.enCounted()).orElse(code);
        return vi ? "số " + counted + " " + comparison(r.comparison(), true) + " " + number(r.threshold(), true)
                : "the figure for " + counted + " is " + comparison(r.comparison(), false) + " " + number(r.threshold(), false);
    }

    private static String growth(Requirement r, boolean vi, Vocabulary v) {
        String code = r.subjects().isEmpty() ? "?" : r.subjects().get(0);
        Ind i = indicator(v, code).orElse(null);
        String counted = i == null ? code : vi ? i.viCounted() : i.enCounted();
        String by = comparison(r.comparison(), vi) + " " + number(r.threshold(), vi);
        if (r.scale() == Scale.PERCENT_OF_BASE) {
            return vi ? "số " + counted + " " + by + " % so với năm " + r.baseYear()
                    : "the figure for " + counted + " is " + by + " % of its " + r.baseYear() + " figure";
        }
        if (r.scale() == Scale.POINTS) {
            return vi ? "tỷ lệ " + counted + " tăng " + by + " điểm phần trăm so với năm trước"
                    : "the share of " + counted + " rises " + by + " percentage points on the previous year";
        }
        return vi ? "số " + counted + " tăng " + by + " % so với năm trước"
                : "the figure for " + counted + " rises " + by + " % on the previous year";
    }

    private static String coverage(Requirement r, boolean vi, Vocabulary v) {
        String what = events(r, vi, v);
        String when = r.cadence() == null ? (vi ? " trong kỳ" : " in the period") : " " + cadence(r.cadence(), vi);
        if (r.scale() == Scale.COUNT) {
            return vi ? what + " tối thiểu " + number(r.threshold(), true) + " đơn vị trực thuộc" + when
                    + " (tất cả, nếu có ít hơn)"
                    : "at least " + number(r.threshold(), false) + " of its sub-units get a " + what + when
                    + " (all of them, where it has fewer)";
        }
        return vi ? what + " " + comparison(r.comparison(), true) + " " + percent(r.threshold(), true)
                + " số đơn vị trực thuộc" + when
                : comparison(r.comparison(), false) + " " + percent(r.threshold(), false) + " of its sub-units get a "
                + what + when;
    }

    private static String deadline(Requirement r, boolean vi) {
        LocalDate d = r.deadline();
        String date = d == null ? "?" : vi ? String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                : d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + " " + d.getYear();
        boolean before = r.comparison() == Comparison.BEFORE;
        return vi ? "hoàn thành tất cả nhiệm vụ được giao " + (before ? "trước ngày " : "đến hết ngày ") + date
                : "every assigned task is completed " + (before ? "before " + date : "by " + date + ", that day included");
    }

    private static String events(Requirement r, boolean vi, Vocabulary v) {
        return r.subjects().stream()
                .map(c -> v.eventType(c).map(e -> e.label().in(vi)).orElse(c))
                .collect(Collectors.joining(vi ? " hoặc " : " or "));
    }

    private static String fields(List<String> fields, boolean vi, Vocabulary v) {
        List<String> names = fields.stream().map(f -> FIELDS.containsKey(f) ? FIELDS.get(f)[vi ? 0 : 1]
                : Vocabulary.standard().field(f).isPresent() ? f : v.field(f).map(t -> t.label().in(vi)).orElse(f)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + (vi ? " và " : " and ") + names.get(names.size() - 1);
    }

    private static String cadence(Cadence c, boolean vi) {
        return c == Cadence.MONTH ? (vi ? "mỗi tháng" : "every month") : (vi ? "mỗi quý" : "every quarter");
    }

    private static String comparison(Comparison c, boolean vi) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case AT_LEAST -> vi ? "tối thiểu" : "at least";
            case ABOVE -> vi ? "trên" : "more than";
            case AT_MOST -> vi ? "tối đa" : "at most";
            case BEFORE -> vi ? "trước" : "before";
            case ON_OR_BEFORE -> vi ? "đến hết" : "by";
            case IS_TRUE -> vi ? "là đúng" : "is true";
            case RANKED_AT_LEAST -> vi ? "xếp loại từ" : "ranked at least";
        };
    }

    private static String count(BigDecimal n, String thing) {
        boolean one = n != null && n.compareTo(BigDecimal.ONE) == 0;
        return (one ? "one" : number(n, false)) + " " + (one || thing.endsWith("s") ? thing : thing + "s");
    }

    private static String percent(BigDecimal p, boolean vi) {
        return number(p, vi) + " %";
    }

    private static String number(BigDecimal n, boolean vi) {
        if (n == null) {
            return "?";
        }
        String plain = n.toPlainString();
        return vi ? plain.replace('.', ',') : plain;
    }
}
