// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetResult;

/**
 * The "then" of a rule test: assertions on the one result of a target for a unit (and a field).
 * Every failure prints the result's own English message and the whole result.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResultAssert {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final String target;
    private final String unit;
    private final List<TargetResult> ofUnit;
    private final Evaluation evaluation;
    private final TargetResult result;

    ResultAssert(String target, String unit, List<TargetResult> ofUnit, Evaluation evaluation) {
        this(target, unit, ofUnit, evaluation, null);
        if (ofUnit.isEmpty()) {
            throw new AssertionFailedError("Expected a result of " + target + " for unit " + unit
                    + " but there is none\n" + all());
        }
    }

    private ResultAssert(String target, String unit, List<TargetResult> ofUnit, Evaluation evaluation,
                         TargetResult result) {
        this.target = target;
        this.unit = unit;
        this.ofUnit = ofUnit;
        this.evaluation = evaluation;
        this.result = result;
    }

    /** Narrows to the result for {@code field}; {@code null} is the unit's total. */
    public ResultAssert field(String field) {
        return new ResultAssert(target, unit, ofUnit, evaluation, find(field));
    }

    /** The selected result. */
    public TargetResult result() {
        return result != null ? result : find(null);
    }

    /** The evaluation the result came from. */
    public Evaluation evaluation() {
        return evaluation;
    }

    /** Asserts the fields judged for this target and unit, in order; {@code null} stands for the total. */
    public ResultAssert judgesFields(String... fields) {
        List<String> expected = Arrays.asList(fields);
        List<String> actual = ofUnit.stream().map(TargetResult::field).toList();
        if (!expected.equals(actual)) {
            throw new AssertionFailedError("Expected " + target + " for unit " + unit + " to judge the fields "
                    + expected + " but it judged " + actual + "\n" + all(), expected, actual);
        }
        return this;
    }

    /** Asserts the status MET (đạt). */
    public ResultAssert isMet() {
        return hasStatus(Status.MET);
    }

    /** Asserts the status NOT_MET (chưa đạt); follow with {@link #withGap} to pin by how much. */
    public ResultAssert isNotMet() {
        return hasStatus(Status.NOT_MET);
    }

    /** Asserts the status INSUFFICIENT_DATA (thiếu dữ liệu). */
    public ResultAssert isInsufficient() {
        return hasStatus(Status.INSUFFICIENT_DATA);
    }

    /** Asserts the status NOT_APPLICABLE (không áp dụng). */
    public ResultAssert isNotApplicable() {
        return hasStatus(Status.NOT_APPLICABLE);
    }

    /** Asserts the status. */
    public ResultAssert hasStatus(Status expected) {
        TargetResult r = result();
        if (r.status() != expected) {
            failOn(r, "status " + expected, String.valueOf(r.status()));
        }
        return this;
    }

    /** Asserts the gap: how many more successes, sub-units or periods were needed. */
    public ResultAssert withGap(long expected) {
        TargetResult r = result();
        if (r.gap() == null || r.gap() != expected) {
            failOn(r, "gap " + expected, String.valueOf(r.gap()));
        }
        return this;
    }

    /** Asserts that no count can say the gap. */
    public ResultAssert withoutGap() {
        TargetResult r = result();
        if (r.gap() != null) {
            failOn(r, "no gap", String.valueOf(r.gap()));
        }
        return this;
    }

    /** Asserts the actual figure as written in the result, such as {@code 97.80}. */
    public ResultAssert withActual(String expected) {
        TargetResult r = result();
        if (!Objects.equals(expected, r.actual())) {
            failOn(r, "actual " + expected, r.actual());
        }
        return this;
    }

    /** Asserts the threshold as written in the result, such as {@code >= 96}. */
    public ResultAssert withThreshold(String expected) {
        TargetResult r = result();
        if (!Objects.equals(expected, r.threshold())) {
            failOn(r, "threshold " + expected, r.threshold());
        }
        return this;
    }

    /** Asserts whether the result is final: whether its period had ended on the facts' date. */
    public ResultAssert isFinal(boolean expected) {
        TargetResult r = result();
        if (r.isFinal() != expected) {
            failOn(r, "final " + expected, String.valueOf(r.isFinal()));
        }
        return this;
    }

    /** Asserts the sub-period measured for a year-to-date figure; {@code null}: the period itself. */
    public ResultAssert measuredPeriod(String expected) {
        TargetResult r = result();
        Period p = expected == null ? null : Period.parse(expected);
        if (!Objects.equals(p, r.measuredPeriod())) {
            failOn(r, "measuredPeriod " + expected, String.valueOf(r.measuredPeriod()));
        }
        return this;
    }

    /** Asserts the source document and clause. */
    public ResultAssert fromSource(String document, String clause) {
        TargetResult r = result();
        if (r.source() == null || !document.equals(r.source().document()) || !clause.equals(r.source().clause())) {
            failOn(r, "source " + document + " clause " + clause, String.valueOf(r.source()));
        }
        return this;
    }

    /** Asserts the name of the rule that produced the result. */
    public ResultAssert fromRule(String name) {
        TargetResult r = result();
        if (!name.equals(r.rule())) {
            failOn(r, "rule \"" + name + "\"", "\"" + r.rule() + "\"");
        }
        return this;
    }

    /** Asserts that the English message mentions {@code text}. */
    public ResultAssert saying(String text) {
        TargetResult r = result();
        if (r.message() == null || r.message().en() == null || !r.message().en().contains(text)) {
            failOn(r, "a message saying '" + text + "'", r.message() == null ? "no message" : r.message().en());
        }
        return this;
    }

    private TargetResult find(String field) {
        List<TargetResult> matching = new ArrayList<>();
        for (TargetResult r : ofUnit) {
            if (Objects.equals(field, r.field())) {
                matching.add(r);
            }
        }
        if (matching.size() != 1) {
            throw new AssertionFailedError("Expected exactly one result of " + target + " for unit " + unit
                    + (field == null ? " (the unit's total, no field)" : " in field " + field) + " but found "
                    + matching.size() + "\n" + all());
        }
        return matching.get(0);
    }

    private void failOn(TargetResult r, String expected, String actual) {
        throw new AssertionFailedError("Expected " + target + " for unit " + unit
                + (r.field() == null ? "" : " in field " + r.field()) + " to have " + expected + " but it has " + actual
                + "\n  message: " + (r.message() == null ? "(none)" : r.message().en())
                + (r.message() == null ? "" : "\n  thông báo: " + r.message().vi())
                + "\n  result: " + json(r), expected, actual);
    }

    private String all() {
        String mine = ofUnit.isEmpty() ? "  (none)"
                : ofUnit.stream().map(r -> "  " + json(r)).collect(Collectors.joining("\n"));
        String units = evaluation.results().stream().map(r -> r.unit() + " " + r.target() + " " + r.status())
                .collect(Collectors.joining("\n    "));
        return "Results of " + target + " for " + unit + ":\n" + mine + "\n  all results:\n    " + units;
    }

    private static String json(TargetResult r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            return r.toString();
        }
    }
}
