package org.reformtargets.core.rule;

import java.math.BigDecimal;
import org.reformtargets.core.Period;
import org.reformtargets.core.internal.Texts;

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
        };
    }

    static String periodEn(Period p) {
        return p.kind() == Period.Kind.YEAR ? Integer.toString(p.year()) : p.toString();
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
