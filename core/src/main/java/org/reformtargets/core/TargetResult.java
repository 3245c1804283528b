// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The verdict on one target (chỉ tiêu) for one unit, period and, where the target is per field,
 * one field.
 *
 * <p>Hosts read results (their accessors, or the result document {@link ReformTargetsJson} writes); a
 * host that needs one of its own, in a test say, makes it with {@link #builder(String, String, Period, Status)},
 * so that a part added later does not break it. Immutable; equal when every part is equal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"target", "unit", "period", "field", "status", "final", "actual", "threshold", "gap",
        "measuredPeriod", "outlook", "source", "message", "rule", "points", "maxPoints"})
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
@API(status = STABLE, since = "0.1")
public final class TargetResult {

    /**
     * The contract's order: by unit, then target id, then period, then field (no field first). Parts
     * that are the same instance (results of one evaluation share their strings and periods) compare
     * equal without being read.
     */
    public static final Comparator<TargetResult> ORDER = (a, b) -> {
        int c = a.unit == b.unit ? 0 : a.unit.compareTo(b.unit);
        if (c == 0) {
            c = a.target == b.target ? 0 : a.target.compareTo(b.target);
        }
        if (c == 0) {
            c = a.period == b.period ? 0 : a.period.compareTo(b.period);
        }
        if (c != 0 || a.field == b.field) {
            return c;
        }
        return a.field == null ? -1 : b.field == null ? 1 : a.field.compareTo(b.field);
    };

    private final String target;
    private final String unit;
    private final Period period;
    private final String field;
    private final Status status;
    private final boolean isFinal;
    private final String actual;
    private final String threshold;
    private final Long gap;
    private final Source source;
    private final Message message;
    private final Period measuredPeriod;
    private final String rule;
    private final Outlook outlook;
    private final String points;
    private final String maxPoints;

    /**
     * A result of every part; see the accessors for what each means.
     *
     * @deprecated a part added to results changes this constructor's signature and breaks its callers; use
     *             {@link #builder(String, String, Period, Status)}, which names each part and keeps working
     *             when one is added. Kept so that hosts which made results with it still compile.
     */
    @Deprecated(since = "0.1")
    public TargetResult(String target, String unit, Period period, String field, Status status, boolean isFinal,
                        String actual, String threshold, Long gap, Source source, Message message,
                        Period measuredPeriod, String rule, Outlook outlook, String points, String maxPoints) {
        this.target = target;
        this.unit = unit;
        this.period = period;
        this.field = field;
        this.status = status;
        this.isFinal = isFinal;
        this.actual = actual;
        this.threshold = threshold;
        this.gap = gap;
        this.source = source;
        this.message = message;
        this.measuredPeriod = measuredPeriod;
        this.rule = rule;
        this.outlook = outlook;
        this.points = points;
        this.maxPoints = maxPoints;
    }

    private TargetResult(Builder b) {
        this(b.target, b.unit, b.period, b.field, b.status, b.isFinal, b.actual, b.threshold, b.gap, b.source,
                b.message, b.measuredPeriod, b.rule, b.outlook, b.points, b.maxPoints);
    }

    /** Reads a result as the result document lays it out; a missing required part is a mapping error. */
    @JsonCreator
    static TargetResult fromJson(@JsonProperty("target") String target, @JsonProperty("unit") String unit,
                                 @JsonProperty("period") Period period, @JsonProperty("field") String field,
                                 @JsonProperty("status") Status status, @JsonProperty("final") boolean isFinal,
                                 @JsonProperty("actual") String actual, @JsonProperty("threshold") String threshold,
                                 @JsonProperty("gap") Long gap, @JsonProperty("source") Source source,
                                 @JsonProperty("message") Message message,
                                 @JsonProperty("measuredPeriod") Period measuredPeriod,
                                 @JsonProperty("rule") String rule, @JsonProperty("outlook") Outlook outlook,
                                 @JsonProperty("points") String points, @JsonProperty("maxPoints") String maxPoints) {
        return builder(target, unit, period, status).field(field).isFinal(isFinal).actual(actual)
                .threshold(threshold).gap(gap).source(source).message(message).measuredPeriod(measuredPeriod)
                .rule(rule).outlook(outlook).points(points).maxPoints(maxPoints).build();
    }

    /**
     * Starts a result of {@code target} for {@code unit} and {@code period} with verdict {@code status}; every
     * other part is optional (absent: {@code null}, not final).
     *
     * @throws NullPointerException naming the part, when one of the four is {@code null}
     */
    public static Builder builder(String target, String unit, Period period, Status status) {
        return new Builder(Objects.requireNonNull(target, "target"), Objects.requireNonNull(unit, "unit"),
                Objects.requireNonNull(period, "period"), Objects.requireNonNull(status, "status"));
    }

    /** Target id, such as {@code hcm-agri/2021/on-time-per-field}. */
    @JsonProperty("target")
    public String target() {
        return target;
    }

    /** Id of the evaluated unit. */
    @JsonProperty("unit")
    public String unit() {
        return unit;
    }

    /** The period the target is for. */
    @JsonProperty("period")
    public Period period() {
        return period;
    }

    /** The field, for per-field targets; otherwise {@code null}. */
    @JsonProperty("field")
    public String field() {
        return field;
    }

    /** The verdict. */
    @JsonProperty("status")
    public Status status() {
        return status;
    }

    /** {@code false} while the period has not ended on the facts' {@code asOf}. */
    @JsonProperty("final")
    public boolean isFinal() {
        return isFinal;
    }

    /** The measured figure as a decimal string (percent for ratios), or {@code null}. */
    @JsonProperty("actual")
    public String actual() {
        return actual;
    }

    /** What the target asks, such as {@code >= 96}. */
    @JsonProperty("threshold")
    public String threshold() {
        return threshold;
    }

    /**
     * How many more successes, sub-units or periods were needed; 0 when met; {@code null} where no count
     * can say it.
     */
    @JsonProperty("gap")
    public Long gap() {
        return gap;
    }

    /** The source document and clause. */
    @JsonProperty("source")
    public Source source() {
        return source;
    }

    /** One sentence each in Vietnamese and English explaining the verdict. */
    @JsonProperty("message")
    public Message message() {
        return message;
    }

    /**
     * The span actually measured (January to the furthest month reported, such as {@code 2021-01/2021-08}),
     * when a year-to-date figure stood in for the year; otherwise {@code null}.
     */
    @JsonProperty("measuredPeriod")
    public Period measuredPeriod() {
        return measuredPeriod;
    }

    /** Name of the rule that produced this result. */
    @JsonProperty("rule")
    public String rule() {
        return rule;
    }

    /** What the rest of the year must bring, on a result that is not final; otherwise {@code null}. */
    @JsonProperty("outlook")
    public Outlook outlook() {
        return outlook;
    }

    /**
     * For a scored target (chấm điểm), the points given, exact value rounded half up to two decimals for
     * display ({@code "5.70"}); {@code null} for unscored targets and where no points are given (not
     * applicable, informational).
     */
    @JsonProperty("points")
    public String points() {
        return points;
    }

    /**
     * For a scored target, its maximum ({@code "6"}); {@code "0"} for an informational one; {@code null} for
     * unscored targets and unknown maxima.
     */
    @JsonProperty("maxPoints")
    public String maxPoints() {
        return maxPoints;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TargetResult r
                && isFinal == r.isFinal
                && Objects.equals(target, r.target)
                && Objects.equals(unit, r.unit)
                && Objects.equals(period, r.period)
                && Objects.equals(field, r.field)
                && status == r.status
                && Objects.equals(actual, r.actual)
                && Objects.equals(threshold, r.threshold)
                && Objects.equals(gap, r.gap)
                && Objects.equals(source, r.source)
                && Objects.equals(message, r.message)
                && Objects.equals(measuredPeriod, r.measuredPeriod)
                && Objects.equals(rule, r.rule)
                && Objects.equals(outlook, r.outlook)
                && Objects.equals(points, r.points)
                && Objects.equals(maxPoints, r.maxPoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, unit, period, field, status, isFinal, actual, threshold, gap, source, message,
                measuredPeriod, rule, outlook, points, maxPoints);
    }

    /** Every part, for logs and test failures; not a format to parse. */
    @Override
    public String toString() {
        return "TargetResult[target=" + target + ", unit=" + unit + ", period=" + period + ", field=" + field
                + ", status=" + status + ", isFinal=" + isFinal + ", actual=" + actual + ", threshold=" + threshold
                + ", gap=" + gap + ", source=" + source + ", message=" + message + ", measuredPeriod="
                + measuredPeriod + ", rule=" + rule + ", outlook=" + outlook + ", points=" + points
                + ", maxPoints=" + maxPoints + "]";
    }

    /**
     * Makes a {@link TargetResult}; start one with {@link TargetResult#builder(String, String, Period, Status)}.
     * Each setter names a part (see the result's accessor of the same name) and replaces an earlier value.
     */
    public static final class Builder {
        private final String target;
        private final String unit;
        private final Period period;
        private final Status status;
        private String field;
        private boolean isFinal;
        private String actual;
        private String threshold;
        private Long gap;
        private Source source;
        private Message message;
        private Period measuredPeriod;
        private String rule;
        private Outlook outlook;
        private String points;
        private String maxPoints;

        private Builder(String target, String unit, Period period, Status status) {
            this.target = target;
            this.unit = unit;
            this.period = period;
            this.status = status;
        }

        /** The field, for a per-field target. */
        public Builder field(String field) {
            this.field = field;
            return this;
        }

        /** Whether the verdict is final (the period has ended, or the verdict cannot change). */
        public Builder isFinal(boolean isFinal) {
            this.isFinal = isFinal;
            return this;
        }

        /** The measured figure as a decimal string. */
        public Builder actual(String actual) {
            this.actual = actual;
            return this;
        }

        /** What the target asks, such as {@code >= 96}. */
        public Builder threshold(String threshold) {
            this.threshold = threshold;
            return this;
        }

        /** How many more successes, sub-units or periods were needed. */
        public Builder gap(Long gap) {
            this.gap = gap;
            return this;
        }

        /** The source document and clause. */
        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        /** The sentences explaining the verdict. */
        public Builder message(Message message) {
            this.message = message;
            return this;
        }

        /** The span actually measured, when a year-to-date figure stood in for the period. */
        public Builder measuredPeriod(Period measuredPeriod) {
            this.measuredPeriod = measuredPeriod;
            return this;
        }

        /** Name of the rule that produced the result. */
        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        /** What the rest of the year must bring. */
        public Builder outlook(Outlook outlook) {
            this.outlook = outlook;
            return this;
        }

        /** The points given, for display ({@code "5.70"}). */
        public Builder points(String points) {
            this.points = points;
            return this;
        }

        /** The maximum points ({@code "6"}). */
        public Builder maxPoints(String maxPoints) {
            this.maxPoints = maxPoints;
            return this;
        }

        /** The result of the parts given so far. */
        public TargetResult build() {
            return new TargetResult(this);
        }
    }
}
