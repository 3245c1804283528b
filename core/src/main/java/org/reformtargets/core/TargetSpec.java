// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What one rule of a rule set demands of the units of one level, as its {@code Check} states it,
 * independent of any facts: the machine-readable form of a target (chỉ tiêu) for describing,
 * comparing levels and diffing versions. {@link RuleSet#describe()} gives one per rule and level.
 *
 * <p><b>Read, do not construct.</b> Hosts read specs (accessors, JSON); only the library makes them. The
 * constructors are {@code @API(status = INTERNAL)}: a component added later changes them, while every
 * accessor stays. A {@link Requirement} is made with {@link Requirement#of} and its withers.
 *
 * @param target        target id, such as {@code hcm-agri/2021/satisfaction}
 * @param level         the level of the units the rule answers for
 * @param rule          the rule's name
 * @param requirement   what the rule's check demands
 * @param threshold     only for a rule whose check states no requirement ({@link Kind#OTHER} without
 *                      subjects): the threshold as its results show it (such as {@code >= 91}), the one
 *                      description of its demand there is; otherwise {@code null}, and {@link #requirement()}
 *                      says the demand (exactly, which a threshold text cannot)
 * @param source        the source document, clause and reading
 * @param file          the DRL file that holds the rule, as named in messages
 * @param line          the line of the rule's {@code rule} keyword, or 0
 * @param parentLevel   the level of the parent the rule's condition asks of its units
 *                      ({@code parentLevel == Level.DEPARTMENT}: the offices directly under a
 *                      department), or {@code null} when it answers for every unit of {@code level}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"target", "level", "parentLevel", "rule", "requirement", "threshold", "source", "file", "line"})
@API(status = EXPERIMENTAL, since = "0.1")
public record TargetSpec(String target, Level level, String rule, Requirement requirement, String threshold,
                         Source source, String file, int line, Level parentLevel) {

    /** Every component; internal: the library makes specs, hosts read them. */
    @API(status = INTERNAL, since = "0.1")
    public TargetSpec {
    }

    /** A spec for every unit of {@code level}, whatever its parent; internal, as the canonical constructor. */
    @API(status = INTERNAL, since = "0.1")
    public TargetSpec(String target, Level level, String rule, Requirement requirement, String threshold,
                      Source source, String file, int line) {
        this(target, level, rule, requirement, threshold, source, file, line, null);
    }

    /** This spec, for the units of its level whose parent is of {@code parent} only. */
    public TargetSpec underParent(Level parent) {
        return new TargetSpec(target, level, rule, requirement, threshold, source, file, line, parent);
    }

    /** The kind of demand a check makes. */
    public enum Kind {
        /** A share of a ratio indicator against a threshold in percent (tỷ lệ), possibly per field. */
        SHARE,
        /** A plain figure of a value indicator against a limit. */
        VALUE,
        /**
         * A rise on the previous year: in percentage points for a share, in percent for a value; or
         * a value against a percent of the figure of a base year ({@link Scale#PERCENT_OF_BASE}).
         */
        GROWTH,
        /** Distinct sub-units covered by the unit's events (inspections), over the period or per sub-period. */
        COVERAGE,
        /** Every sub-unit has an event of its own. */
        EACH_SUB_UNIT,
        /** A number of the unit's own events in the period. */
        EVENT_COUNT,
        /** At least one of the unit's own events in every quarter or month (định kỳ). */
        CADENCE,
        /** Every assigned task completed by a date (thời hạn). */
        DEADLINE,
        /**
         * Named items (reports, tasks), each done by its own date ({@code dueDates}): strictly before it
         * ({@link Comparison#BEFORE}, "trước ngày") or on or before it ({@link Comparison#ON_OR_BEFORE}).
         */
        DUE_DATES,
        /** A stated fact (xác nhận) must hold. */
        ATTESTATION,
        /** The rule states that the target does not apply to these units. */
        NOT_APPLICABLE,
        /** A check whose vocabulary records no description; see {@link TargetSpec#threshold()}. */
        OTHER
    }

    /** How the measured figure is compared with the threshold. */
    public enum Comparison {
        /** {@code ≥}. */
        AT_LEAST,
        /** {@code >}, strictly. */
        ABOVE,
        /** {@code ≤}. */
        AT_MOST,
        /** Completed strictly before the deadline ("trước ngày"). */
        BEFORE,
        /** Completed on or before the deadline ("đến hết ngày"). */
        ON_OR_BEFORE,
        /** The attestation says true. */
        IS_TRUE,
        /** The attestation names a class at least as good as {@code leastRank} on the scale {@code ranks}. */
        RANKED_AT_LEAST
    }

    /** What the threshold number counts. */
    public enum Scale {
        /** Percent of a share (0–100). */
        PERCENT,
        /** Percentage points added to the previous year's share. */
        POINTS,
        /** Percent added to the previous year's value. */
        PERCENT_RISE,
        /** A whole number of sub-units, events or periods. */
        COUNT,
        /** A plain figure. */
        NUMBER,
        /** Percent of the same figure in the base year {@code baseYear}. */
        PERCENT_OF_BASE
    }

    /** The sub-period in every one of which a requirement must hold. */
    public enum Cadence {
        /** Every quarter (mỗi quý). */
        QUARTER,
        /** Every month (mỗi tháng). */
        MONTH
    }

    /**
     * What a check demands. Fields that do not apply to its kind are {@code null}, {@code false}
     * or empty. Made with {@link #of} and the withers ({@link #compared}, {@link #every}, ...), which keep
     * working when a component is added; the canonical constructor is {@code @API(status = INTERNAL)}.
     *
     * @param kind              the kind of demand
     * @param subjects          what is measured: an indicator code, event type codes (any of which
     *                          counts), an attestation key, or {@code task.assigned}/{@code task.completed}
     * @param comparison        how the figure is compared, or {@code null} ({@link Kind#NOT_APPLICABLE}, {@link Kind#OTHER})
     * @param threshold         the number compared with, exactly as written in the rule, or {@code null}
     * @param scale             what {@code threshold} counts, or {@code null} with no threshold
     * @param cadence           the sub-period the demand holds in, or {@code null} for the whole period
     * @param deadline          the date of a {@link Kind#DEADLINE}, else {@code null}
     * @param perField          whether each field (lĩnh vực) is judged separately
     * @param onlyFields        the only fields judged, sorted; empty for every field reported
     * @param fieldThresholds   thresholds of named fields that differ from {@code threshold}, by field
     *                          (compared with {@code ≥})
     * @param abovePreviousYear whether the share must also be strictly above the previous year's
     * @param baseYear          the year a {@link Scale#PERCENT_OF_BASE} threshold is a percent of, else {@code null}
     * @param dueDates          the named items of a {@link Kind#DUE_DATES} and the date each is due by, in the
     *                          rule's order; else empty
     * @param ranks             the scale of classes of a {@link Comparison#RANKED_AT_LEAST}, best first; else empty
     * @param leastRank         the least class on {@code ranks} that meets it, else {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"kind", "subjects", "comparison", "threshold", "scale", "cadence", "deadline", "perField",
            "onlyFields", "fieldThresholds", "abovePreviousYear", "baseYear", "dueDates", "ranks", "leastRank"})
    public record Requirement(Kind kind, List<String> subjects, Comparison comparison, BigDecimal threshold,
                              Scale scale, Cadence cadence, LocalDate deadline, boolean perField,
                              List<String> onlyFields, Map<String, BigDecimal> fieldThresholds,
                              boolean abovePreviousYear, Integer baseYear, Map<String, LocalDate> dueDates,
                              List<String> ranks, String leastRank) {

        /** Every component, collections copied (and {@code onlyFields} sorted); internal: use {@link #of} and the withers. */
        @API(status = INTERNAL, since = "0.1")
        public Requirement {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            List<String> only = new ArrayList<>(onlyFields == null ? List.of() : onlyFields);
            Collections.sort(only);
            onlyFields = List.copyOf(only);
            fieldThresholds = fieldThresholds == null ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(fieldThresholds));
            dueDates = dueDates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dueDates));
            ranks = ranks == null ? List.of() : List.copyOf(ranks);
        }

        /** A requirement of {@code kind} on {@code subjects} with no threshold, cadence or fields. */
        public static Requirement of(Kind kind, List<String> subjects) {
            return new Requirement(kind, subjects, null, null, null, null, null, false, null, null, false,
                    null, null, null, null);
        }

        /** This requirement compared by {@code comparison} with {@code threshold} counted in {@code scale}. */
        public Requirement compared(Comparison comparison, BigDecimal threshold, Scale scale) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, perField,
                    onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement holding in every sub-period of {@code cadence}. */
        public Requirement every(Cadence cadence) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, perField,
                    onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement with a deadline compared by {@code comparison}. */
        public Requirement by(Comparison comparison, LocalDate deadline) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, perField,
                    onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement judged per field: only {@code onlyFields} (empty: every field), with own thresholds. */
        public Requirement perField(List<String> onlyFields, Map<String, BigDecimal> fieldThresholds) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, true,
                    onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement, or this requirement also strictly above the previous year's share. */
        public Requirement abovePreviousYear(boolean above) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, perField,
                    onlyFields, fieldThresholds, above, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement with its threshold a percent of the figure of {@code year} ({@link Scale#PERCENT_OF_BASE}). */
        public Requirement ofBaseYear(int year) {
            return new Requirement(kind, subjects, comparison, threshold, scale, cadence, deadline, perField,
                    onlyFields, fieldThresholds, abovePreviousYear, year, dueDates, ranks, leastRank);
        }

        /**
         * This requirement with named items, each due on or before its own date ({@link Kind#DUE_DATES});
         * follow with {@code compared(Comparison.BEFORE, null, null)} for items due strictly before theirs.
         */
        public Requirement dueBy(Map<String, LocalDate> dueDates) {
            return new Requirement(kind, subjects, Comparison.ON_OR_BEFORE, threshold, scale, cadence, deadline,
                    perField, onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, ranks, leastRank);
        }

        /** This requirement met by {@code least} or a better class on {@code bestFirst} ({@link Comparison#RANKED_AT_LEAST}). */
        public Requirement rankedAtLeast(String least, List<String> bestFirst) {
            return new Requirement(kind, subjects, Comparison.RANKED_AT_LEAST, threshold, scale, cadence, deadline,
                    perField, onlyFields, fieldThresholds, abovePreviousYear, baseYear, dueDates, bestFirst, least);
        }

        /** The threshold a field is judged against: its own, else {@link #threshold()}. */
        public BigDecimal thresholdOf(String field) {
            BigDecimal own = field == null ? null : fieldThresholds.get(field);
            return own == null ? threshold : own;
        }

        /** One line for people, such as {@code SHARE dossiers.on_time >= 98 % per field (land >= 96, investment >= 96)}. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(kind.name());
            if (!subjects.isEmpty()) {
                b.append(' ').append(String.join("|", subjects));
            }
            if (comparison != null) {
                b.append(' ').append(switch (comparison) {
                    case AT_LEAST -> ">=";
                    case ABOVE -> ">";
                    case AT_MOST -> "<=";
                    case BEFORE -> "before";
                    case ON_OR_BEFORE -> "by";
                    case IS_TRUE -> "is true";
                    case RANKED_AT_LEAST -> ">= " + leastRank + " on " + String.join(" > ", ranks);
                });
            }
            if (threshold != null) {
                b.append(' ').append(threshold.toPlainString()).append(switch (scale == null ? Scale.NUMBER : scale) {
                    case PERCENT -> " %";
                    case POINTS -> " points";
                    case PERCENT_RISE -> " % rise";
                    case COUNT -> switch (kind) {
                        case COVERAGE -> " sub-units";
                        case EACH_SUB_UNIT -> " per sub-unit";
                        case EVENT_COUNT, CADENCE -> threshold.compareTo(java.math.BigDecimal.ONE) == 0 ? " event" : " events";
                        default -> "";
                    };
                    case NUMBER -> "";
                    case PERCENT_OF_BASE -> " % of " + baseYear;
                });
            }
            if (deadline != null) {
                b.append(' ').append(deadline);
            }
            if (!dueDates.isEmpty()) {
                List<String> items = new ArrayList<>();
                dueDates.forEach((item, date) -> items.add(item + " " + date));
                b.append(' ').append(String.join(", ", items));
            }
            if (cadence != null) {
                b.append(" every ").append(cadence.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (perField) {
                b.append(onlyFields.isEmpty() ? " per field" : " for fields " + String.join(", ", onlyFields));
                if (!fieldThresholds.isEmpty()) {
                    List<String> own = new ArrayList<>();
                    fieldThresholds.forEach((f, t) -> own.add(f + " >= " + t.toPlainString()));
                    b.append(" (").append(String.join(", ", own)).append(')');
                }
            }
            if (abovePreviousYear) {
                b.append(" and above the previous year");
            }
            return b.toString();
        }
    }
}
