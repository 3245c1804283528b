// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Indicator;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.Unit;

/**
 * Small documents derived from one target description, each with the verdict the description
 * implies: exactly at the threshold met, one count below not met by one, one above met, and a
 * figure the target needs left out insufficient.
 */
final class ThresholdCases {

    /** Why the case exists: its expected verdict follows from the threshold, or from a missing fact. */
    enum Purpose { THRESHOLD, MISSING }

    /**
     * One document and the verdict expected of the target for one unit and field.
     *
     * @param gap the expected gap, or {@code null} when the description does not imply one
     */
    record Case(TargetSpec spec, Purpose purpose, String name, FactsDocument facts, String unit, String field,
                Status status, Long gap) {
    }

    private final String ruleSetId;
    private final Period period;
    private final List<Case> cases = new ArrayList<>();

    private ThresholdCases(String ruleSetId, Period period) {
        this.ruleSetId = ruleSetId;
        this.period = period;
    }

    /** The cases of every description that has them; descriptions of kind OTHER have none. */
    static List<Case> of(String ruleSetId, Period period, List<TargetSpec> specs) {
        ThresholdCases c = new ThresholdCases(ruleSetId, period);
        for (TargetSpec s : specs) {
            c.add(s);
        }
        return c.cases;
    }

    private void add(TargetSpec spec) {
        Requirement r = spec.requirement();
        switch (r.kind()) {
            case SHARE -> share(spec);
            case GROWTH -> {
                if (r.scale() == Scale.POINTS) {
                    shareGrowth(spec);
                } else if (r.scale() == Scale.PERCENT_RISE) {
                    valueGrowth(spec);
                } else if (r.scale() == Scale.PERCENT_OF_BASE) {
                    percentOfBase(spec);
                }
            }
            case VALUE -> value(spec);
            case EVENT_COUNT -> eventCount(spec);
            case CADENCE -> cadence(spec);
            case COVERAGE -> coverage(spec);
            case EACH_SUB_UNIT -> eachSubUnit(spec);
            case ATTESTATION -> attestation(spec);
            case DEADLINE -> deadline(spec);
            case DUE_DATES -> dueDates(spec);
            case NOT_APPLICABLE -> cases.add(new Case(spec, Purpose.THRESHOLD, "any facts", doc(spec, period.end(),
                    List.of(), List.of(), List.of(), List.of()), unit(spec), null, Status.NOT_APPLICABLE, null));
            case OTHER -> {
            }
        }
    }

    // ---- kinds

    private void share(TargetSpec spec) {
        Requirement r = spec.requirement();
        Indicator indicator = ratioIndicator(r);
        if (indicator == null || r.scale() != Scale.PERCENT
                || (r.comparison() != Comparison.AT_LEAST && r.comparison() != Comparison.ABOVE)) {
            return;
        }
        for (String field : fieldsToTry(r)) {
            BigDecimal t = r.thresholdOf(field);
            if (t == null) {
                continue;
            }
            Comparison cmp = field != null && r.fieldThresholds().containsKey(field) ? Comparison.AT_LEAST : r.comparison();
            long d = denominatorFor(t);
            long at = ScenarioGenerator.least(t, cmp, d).longValueExact();
            if (at > d) {
                continue;
            }
            String u = unit(spec);
            String what = indicator.code() + (field == null ? "" : " in field " + field) + " ";
            List<Measurement> previous = r.abovePreviousYear()
                    ? List.of(Measurement.ratio(u, indicator.code(), field, period.previousYear(), 0, d)) : List.of();
            String least = cmp == Comparison.ABOVE ? " (the least count above " + t.toPlainString() + " %)"
                    : " (exactly at " + t.toPlainString() + " %)";
            cases.add(shareCase(spec, Purpose.THRESHOLD, what + at + " of " + d + least, u, field, indicator, at, d,
                    previous, Status.MET, 0L));
            if (at >= 1) {
                cases.add(shareCase(spec, Purpose.THRESHOLD, what + (at - 1) + " of " + d + " (one count below)", u,
                        field, indicator, at - 1, d, previous, Status.NOT_MET, 1L));
            }
            if (at + 1 <= d) {
                cases.add(shareCase(spec, Purpose.THRESHOLD, what + (at + 1) + " of " + d + " (one count above)", u,
                        field, indicator, at + 1, d, previous, Status.MET, 0L));
            }
            if (!r.perField()) {
                cases.add(shareCase(spec, Purpose.THRESHOLD, what + "0 of 0 (no cases)", u, field, indicator, 0, 0,
                        previous, Status.NOT_APPLICABLE, null));
                cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code(), doc(spec, period.end(),
                        List.of(), previous, List.of(), List.of()), u, null, Status.INSUFFICIENT_DATA, null));
            }
        }
    }

    private Case shareCase(TargetSpec spec, Purpose purpose, String name, String u, String field, Indicator indicator,
                           long n, long d, List<Measurement> previous, Status status, Long gap) {
        List<Measurement> ms = new ArrayList<>(previous);
        ms.add(Measurement.ratio(u, indicator.code(), field, period, n, d));
        return new Case(spec, purpose, name, doc(spec, period.end(), List.of(), ms, List.of(), List.of()), u, field,
                status, gap);
    }

    private void shareGrowth(TargetSpec spec) {
        Requirement r = spec.requirement();
        Indicator indicator = ratioIndicator(r);
        if (indicator == null || r.threshold() == null || r.comparison() != Comparison.AT_LEAST || r.perField()) {
            return;
        }
        long d = denominatorFor(r.threshold());
        long prev = d / 2;
        long at = ScenarioGenerator.least(r.threshold(), Comparison.AT_LEAST, d).longValueExact() + prev;
        if (at > d) {
            return;
        }
        String u = unit(spec);
        Measurement before = Measurement.ratio(u, indicator.code(), null, period.previousYear(), prev, d);
        String what = indicator.code() + " " + prev + " of " + d + " in " + period.previousYear() + ", ";
        cases.add(new Case(spec, Purpose.THRESHOLD, what + at + " of " + d + " now (exactly "
                + r.threshold().toPlainString() + " points more)", docOf(spec, before,
                Measurement.ratio(u, indicator.code(), null, period, at, d)), u, null, Status.MET, 0L));
        if (at >= 1) {
            cases.add(new Case(spec, Purpose.THRESHOLD, what + (at - 1) + " of " + d + " now (one count below)",
                    docOf(spec, before, Measurement.ratio(u, indicator.code(), null, period, at - 1, d)), u, null,
                    Status.NOT_MET, 1L));
        }
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + period.previousYear(),
                docOf(spec, Measurement.ratio(u, indicator.code(), null, period, at, d)), u, null,
                Status.INSUFFICIENT_DATA, null));
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + period,
                docOf(spec, before), u, null, Status.INSUFFICIENT_DATA, null));
    }

    private void valueGrowth(TargetSpec spec) {
        Requirement r = spec.requirement();
        Indicator indicator = valueIndicator(r);
        if (indicator == null || r.threshold() == null || r.comparison() != Comparison.AT_LEAST) {
            return;
        }
        BigDecimal prev = BigDecimal.valueOf(denominatorFor(r.threshold()));
        BigDecimal at = prev.add(prev.multiply(r.threshold()).movePointLeft(2)).stripTrailingZeros();
        String u = unit(spec);
        Measurement before = Measurement.value(u, indicator.code(), null, period.previousYear(), prev);
        String what = indicator.code() + " " + prev.toPlainString() + " in " + period.previousYear() + ", ";
        cases.add(new Case(spec, Purpose.THRESHOLD, what + at.toPlainString() + " now (exactly "
                + r.threshold().toPlainString() + " % more)", docOf(spec, before,
                Measurement.value(u, indicator.code(), null, period, at)), u, null, Status.MET, null));
        BigDecimal below = at.subtract(BigDecimal.ONE);
        cases.add(new Case(spec, Purpose.THRESHOLD, what + below.toPlainString() + " now (one below)",
                docOf(spec, before, Measurement.value(u, indicator.code(), null, period, below)), u, null,
                Status.NOT_MET, null));
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + period.previousYear(),
                docOf(spec, Measurement.value(u, indicator.code(), null, period, at)), u, null,
                Status.INSUFFICIENT_DATA, null));
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + period,
                docOf(spec, before), u, null, Status.INSUFFICIENT_DATA, null));
    }

    /** A figure at most a percent of a base year's: exactly at the limit met, one above not met. */
    private void percentOfBase(TargetSpec spec) {
        Requirement r = spec.requirement();
        Indicator indicator = valueIndicator(r);
        if (indicator == null || r.threshold() == null || r.baseYear() == null
                || r.comparison() != Comparison.AT_MOST) {
            return;
        }
        Period baseYear = Period.year(r.baseYear());
        BigDecimal base = BigDecimal.valueOf(denominatorFor(r.threshold()));
        BigDecimal limit = base.multiply(r.threshold()).movePointLeft(2).stripTrailingZeros();
        String u = unit(spec);
        Measurement before = Measurement.value(u, indicator.code(), null, baseYear, base);
        String what = indicator.code() + " " + base.toPlainString() + " in " + baseYear + ", ";
        cases.add(new Case(spec, Purpose.THRESHOLD, what + limit.toPlainString() + " now (exactly "
                + r.threshold().toPlainString() + " % of it)", docOf(spec, before,
                Measurement.value(u, indicator.code(), null, period, limit)), u, null, Status.MET, null));
        BigDecimal above = limit.add(BigDecimal.ONE);
        cases.add(new Case(spec, Purpose.THRESHOLD, what + above.toPlainString() + " now (one above)",
                docOf(spec, before, Measurement.value(u, indicator.code(), null, period, above)), u, null,
                Status.NOT_MET, null));
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + baseYear,
                docOf(spec, Measurement.value(u, indicator.code(), null, period, limit)), u, null,
                Status.INSUFFICIENT_DATA, null));
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code() + " for " + period,
                docOf(spec, before), u, null, Status.INSUFFICIENT_DATA, null));
    }

    private void value(TargetSpec spec) {
        Requirement r = spec.requirement();
        Indicator indicator = valueIndicator(r);
        BigDecimal t = r.threshold();
        if (indicator == null || t == null || r.comparison() == null) {
            return;
        }
        String u = unit(spec);
        BigDecimal met;
        BigDecimal notMet;
        switch (r.comparison()) {
            case AT_MOST -> {
                met = t;
                notMet = t.add(BigDecimal.ONE);
            }
            case AT_LEAST -> {
                met = t;
                notMet = t.subtract(BigDecimal.ONE);
            }
            case ABOVE -> {
                met = t.add(BigDecimal.ONE);
                notMet = t;
            }
            default -> {
                return;
            }
        }
        cases.add(new Case(spec, Purpose.THRESHOLD, indicator.code() + " " + met.toPlainString(),
                docOf(spec, Measurement.value(u, indicator.code(), null, period, met)), u, null, Status.MET, null));
        if (notMet.signum() >= 0) {
            cases.add(new Case(spec, Purpose.THRESHOLD, indicator.code() + " " + notMet.toPlainString(),
                    docOf(spec, Measurement.value(u, indicator.code(), null, period, notMet)), u, null, Status.NOT_MET,
                    null));
        }
        cases.add(new Case(spec, Purpose.MISSING, "no figure of " + indicator.code(), docOf(spec), u, null,
                Status.INSUFFICIENT_DATA, null));
    }

    private void eventCount(TargetSpec spec) {
        Requirement r = spec.requirement();
        EventType type = eventType(r);
        if (type == null || r.threshold() == null || r.comparison() != Comparison.AT_LEAST
                || r.threshold().signum() <= 0 || r.threshold().compareTo(BigDecimal.valueOf(300)) > 0) {
            return;
        }
        int t = r.threshold().intValueExact();
        String u = unit(spec);
        cases.add(new Case(spec, Purpose.THRESHOLD, t + " × " + type.code(), eventsDoc(spec, events(u, type, period, t)),
                u, null, Status.MET, 0L));
        cases.add(new Case(spec, Purpose.THRESHOLD, (t - 1) + " × " + type.code() + " (one below)",
                eventsDoc(spec, events(u, type, period, t - 1)), u, null, Status.NOT_MET, 1L));
    }

    private void cadence(TargetSpec spec) {
        Requirement r = spec.requirement();
        EventType type = eventType(r);
        List<Period> parts = parts(r);
        if (type == null || parts == null || r.threshold() == null || r.threshold().signum() <= 0
                || r.threshold().compareTo(BigDecimal.TEN) > 0) {
            return;
        }
        int t = r.threshold().intValueExact();
        String u = unit(spec);
        List<Event> every = new ArrayList<>();
        List<Event> lastShort = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            every.addAll(events(u, type, parts.get(i), t));
            lastShort.addAll(events(u, type, parts.get(i), i == parts.size() - 1 ? t - 1 : t));
        }
        String each = t + " × " + type.code() + " in each " + r.cadence().name().toLowerCase(java.util.Locale.ROOT);
        cases.add(new Case(spec, Purpose.THRESHOLD, each, eventsDoc(spec, every), u, null, Status.MET, 0L));
        cases.add(new Case(spec, Purpose.THRESHOLD, each + " but the last, " + (t - 1) + " there",
                eventsDoc(spec, lastShort), u, null, Status.NOT_MET, 1L));
    }

    private void coverage(TargetSpec spec) {
        Requirement r = spec.requirement();
        EventType type = eventType(r);
        List<Period> parts = parts(r);
        Level below = below(spec.level());
        if (type == null || parts == null || below == null || r.threshold() == null
                || r.comparison() != Comparison.AT_LEAST) {
            return;
        }
        int k;
        int c;
        if (r.scale() == Scale.PERCENT) {
            k = 10;
            c = r.threshold().multiply(BigDecimal.TEN).movePointLeft(2).setScale(0, java.math.RoundingMode.CEILING)
                    .intValueExact();
        } else if (r.scale() == Scale.COUNT && r.threshold().compareTo(BigDecimal.valueOf(50)) <= 0) {
            c = r.threshold().intValueExact();
            k = c + 2;
        } else {
            return;
        }
        if (c < 1 || c > k) {
            return;
        }
        String u = unit(spec);
        List<Unit> children = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            children.add(new Unit(u + "-c" + i, "Đơn vị " + i, below, u));
        }
        List<Event> every = new ArrayList<>();
        List<Event> lastShort = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LocalDate day = parts.get(i).start();
            for (int j = 0; j < c; j++) {
                Event e = Event.upon(u, type.code(), day, children.get(j).id());
                every.add(e);
                if (i < parts.size() - 1 || j < c - 1) {
                    lastShort.add(e);
                }
            }
        }
        String what = c + " of " + k + " sub-units inspected" + (r.cadence() == null ? ""
                : " in each " + r.cadence().name().toLowerCase(java.util.Locale.ROOT));
        cases.add(new Case(spec, Purpose.THRESHOLD, what, doc(spec, period.end(), children, List.of(), every, List.of()),
                u, null, Status.MET, 0L));
        cases.add(new Case(spec, Purpose.THRESHOLD, what + " but one fewer" + (parts.size() > 1 ? " in the last" : ""),
                doc(spec, period.end(), children, List.of(), lastShort, List.of()), u, null, Status.NOT_MET, 1L));
    }

    private void eachSubUnit(TargetSpec spec) {
        Requirement r = spec.requirement();
        EventType type = eventType(r);
        Level below = below(spec.level());
        if (type == null || below == null) {
            return;
        }
        String u = unit(spec);
        List<Unit> children = new ArrayList<>();
        List<Event> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Unit child = new Unit(u + "-c" + i, "Đơn vị " + i, below, u);
            children.add(child);
            all.addAll(events(child.id(), type, period, 1));
        }
        cases.add(new Case(spec, Purpose.THRESHOLD, "each of 3 sub-units with its own " + type.code(),
                doc(spec, period.end(), children, List.of(), all, List.of()), u, null, Status.MET, 0L));
        cases.add(new Case(spec, Purpose.THRESHOLD, "2 of 3 sub-units with their own " + type.code(),
                doc(spec, period.end(), children, List.of(), all.subList(0, 2), List.of()), u, null, Status.NOT_MET, 1L));
    }

    private void attestation(TargetSpec spec) {
        Requirement r = spec.requirement();
        if (r.comparison() == Comparison.RANKED_AT_LEAST) {
            ranked(spec);
            return;
        }
        if (r.subjects().isEmpty() || r.comparison() != Comparison.IS_TRUE) {
            return;
        }
        String key = r.subjects().get(0);
        String u = unit(spec);
        cases.add(new Case(spec, Purpose.THRESHOLD, key + " true", doc(spec, period.end(), List.of(), List.of(),
                List.of(), List.of(Attestation.of(u, key, period, true))), u, null, Status.MET, null));
        cases.add(new Case(spec, Purpose.THRESHOLD, key + " false", doc(spec, period.end(), List.of(), List.of(),
                List.of(), List.of(Attestation.of(u, key, period, false))), u, null, Status.NOT_MET, null));
        cases.add(new Case(spec, Purpose.MISSING, "no attestation " + key, docOf(spec), u, null,
                Status.INSUFFICIENT_DATA, null));
    }

    /** The least class met, the best class met, the least in lower case met, the class below it not met. */
    private void ranked(TargetSpec spec) {
        Requirement r = spec.requirement();
        int least = r.ranks().indexOf(r.leastRank());
        if (r.subjects().isEmpty() || least < 0) {
            return;
        }
        String key = r.subjects().get(0);
        String u = unit(spec);
        Set<String> met = new LinkedHashSet<>(List.of(r.leastRank(), r.ranks().get(0),
                r.leastRank().toLowerCase(java.util.Locale.ROOT)));
        for (String rank : met) {
            cases.add(rankCase(spec, key + " " + rank, u, key, rank, Status.MET));
        }
        if (least + 1 < r.ranks().size()) {
            String below = r.ranks().get(least + 1);
            cases.add(rankCase(spec, key + " " + below + " (one class below)", u, key, below, Status.NOT_MET));
        }
        cases.add(new Case(spec, Purpose.MISSING, "no attestation " + key, docOf(spec), u, null,
                Status.INSUFFICIENT_DATA, null));
    }

    private Case rankCase(TargetSpec spec, String name, String u, String key, String rank, Status status) {
        return new Case(spec, Purpose.THRESHOLD, name, doc(spec, period.end(), List.of(), List.of(), List.of(),
                List.of(Attestation.of(u, key, period, rank))), u, null, status, null);
    }

    /**
     * Every item done on its last day in time (its date for "by", the day before for "before") met;
     * the last item a day later, or never done, not met by one; on the last day in time of the first
     * item, with nothing done, every item is pending: met (not final).
     */
    private void dueDates(TargetSpec spec) {
        Requirement r = spec.requirement();
        EventType type = eventType(r);
        if (type == null || r.dueDates().isEmpty()
                || (type != EventType.TASK_COMPLETED && type != EventType.REPORT_SUBMITTED)) {
            return;
        }
        String u = unit(spec);
        List<String> items = new ArrayList<>(r.dueDates().keySet());
        LocalDate lastDue = r.dueDates().values().stream().max(LocalDate::compareTo).orElseThrow();
        LocalDate firstDue = r.dueDates().values().stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate asOf = lastDue.isBefore(period.end()) ? period.end() : lastDue.plusDays(1);
        if (firstDue.isBefore(period.start())) {
            return;
        }
        String last = items.get(items.size() - 1);
        List<Event> onTime = new ArrayList<>();
        List<Event> lastLate = new ArrayList<>();
        List<Event> lastMissing = new ArrayList<>();
        int shift = r.comparison() == Comparison.BEFORE ? 1 : 0;
        for (String item : items) {
            LocalDate due = r.dueDates().get(item).minusDays(shift);
            onTime.add(done(u, type, item, due));
            lastLate.add(done(u, type, item, item.equals(last) ? due.plusDays(1) : due));
            if (!item.equals(last)) {
                lastMissing.add(done(u, type, item, due));
            }
        }
        cases.add(new Case(spec, Purpose.THRESHOLD, "every item done on its last day in time", doc(spec, asOf, List.of(),
                List.of(), onTime, List.of()), u, null, Status.MET, 0L));
        cases.add(new Case(spec, Purpose.THRESHOLD, last + " a day late", doc(spec, asOf, List.of(), List.of(),
                lastLate, List.of()), u, null, Status.NOT_MET, 1L));
        cases.add(new Case(spec, Purpose.THRESHOLD, last + " never done", doc(spec, asOf, List.of(), List.of(),
                lastMissing, List.of()), u, null, Status.NOT_MET, 1L));
        LocalDate lastInTime = firstDue.minusDays(shift);
        if (lastInTime.isAfter(period.start())) {
            cases.add(new Case(spec, Purpose.THRESHOLD, "nothing done yet on " + lastInTime
                    + ", the last day the first item is in time: every item pending",
                    doc(spec, lastInTime, List.of(), List.of(), List.of(), List.of()), u, null, Status.MET, 0L));
        }
    }

    private static Event done(String unit, EventType type, String item, LocalDate day) {
        return type == EventType.REPORT_SUBMITTED
                ? new Event(unit, type.code(), day, null, null, null, item, null, null)
                : new Event(unit, type.code(), day, null, item, null, null, null, null);
    }

    private void deadline(TargetSpec spec) {
        Requirement r = spec.requirement();
        LocalDate due = r.deadline();
        if (due == null || (r.comparison() != Comparison.BEFORE && r.comparison() != Comparison.ON_OR_BEFORE)
                || due.isBefore(period.start().plusDays(1))) {
            return;
        }
        String u = unit(spec);
        LocalDate asOf = due.plusDays(1).isAfter(period.end()) ? due.plusDays(1) : period.end();
        LocalDate onTime = r.comparison() == Comparison.BEFORE ? due.minusDays(1) : due;
        LocalDate late = onTime.plusDays(1);
        Event assigned = new Event(u, EventType.TASK_ASSIGNED.code(), period.start(), null, "t1", null, null, null, null);
        for (LocalDate done : List.of(onTime, late)) {
            Event completed = new Event(u, EventType.TASK_COMPLETED.code(), done, null, "t1", null, null, null, null);
            cases.add(new Case(spec, Purpose.THRESHOLD, "task t1 completed on " + done, doc(spec, asOf, List.of(),
                    List.of(), List.of(assigned, completed), List.of()), u, null,
                    done == onTime ? Status.MET : Status.NOT_MET, null));
        }
    }

    // ---- helpers

    /** The id of the unit of the spec's level in the chain {@code dep → sub → off}. */
    private static String unit(TargetSpec spec) {
        Level level = spec.level();
        if (level.equals(Level.DEPARTMENT)) {
            return "dep";
        }
        if (level.equals(Level.SUB_DEPARTMENT)) {
            return "sub";
        }
        return level.equals(Level.OFFICE) ? "off" : "unit";
    }

    private static List<Unit> chain(Level level) {
        List<Unit> units = new ArrayList<>();
        if (!level.equals(Level.DEPARTMENT) && !level.equals(Level.SUB_DEPARTMENT) && !level.equals(Level.OFFICE)) {
            units.add(Unit.root("unit", "Đơn vị", level));
            return units;
        }
        units.add(Unit.root("dep", "Sở", Level.DEPARTMENT));
        if (!level.equals(Level.DEPARTMENT)) {
            units.add(new Unit("sub", "Chi cục", Level.SUB_DEPARTMENT, "dep"));
        }
        if (level.equals(Level.OFFICE)) {
            units.add(new Unit("off", "Phòng", Level.OFFICE, "sub"));
        }
        return units;
    }

    private static Level below(Level level) {
        if (level.equals(Level.DEPARTMENT)) {
            return Level.SUB_DEPARTMENT;
        }
        return level.equals(Level.SUB_DEPARTMENT) ? Level.OFFICE : null;
    }

    private FactsDocument doc(TargetSpec spec, LocalDate asOf, List<Unit> extraUnits, List<Measurement> measurements,
                              List<Event> events, List<Attestation> attestations) {
        List<Unit> units = chain(spec.level());
        if (Level.OFFICE.equals(spec.level()) && Level.DEPARTMENT.equals(spec.parentLevel())) {
            // the rule binds the offices directly under a department: "off" stands there
            units.replaceAll(u -> u.id().equals("off") ? new Unit("off", "Phòng", Level.OFFICE, "dep") : u);
        }
        units.addAll(extraUnits);
        return new FactsDocument(ruleSetId, asOf, units, measurements, events, attestations);
    }

    private FactsDocument docOf(TargetSpec spec, Measurement... measurements) {
        return doc(spec, period.end(), List.of(), List.of(measurements), List.of(), List.of());
    }

    private FactsDocument eventsDoc(TargetSpec spec, List<Event> events) {
        return doc(spec, period.end(), List.of(), List.of(), events, List.of());
    }

    /** {@code count} events of {@code unit} on distinct days from the start of {@code p}. */
    private static List<Event> events(String unit, EventType type, Period p, int count) {
        List<Event> out = new ArrayList<>();
        long days = p.end().toEpochDay() - p.start().toEpochDay() + 1;
        for (int i = 0; i < count; i++) {
            LocalDate day = p.start().plusDays(i % days);
            String title = type == EventType.INITIATIVE || type == EventType.PROPAGANDA_PRODUCT ? "#" + (i + 1) : null;
            out.add(new Event(unit, type.code(), day, null, null, null, null, null, title));
        }
        return out;
    }

    private List<Period> parts(Requirement r) {
        if (r.cadence() == null) {
            return List.of(period);
        }
        Period.Kind kind = r.cadence() == TargetSpec.Cadence.QUARTER ? Period.Kind.QUARTER : Period.Kind.MONTH;
        return kind.months() <= period.months() ? period.split(kind) : null;
    }

    /** Fields to try a per-field share on: its named fields, those with their own thresholds, and one other. */
    private static List<String> fieldsToTry(Requirement r) {
        if (!r.perField()) {
            return java.util.Collections.singletonList(null);
        }
        Set<String> fields = new LinkedHashSet<>(r.onlyFields());
        if (r.onlyFields().isEmpty()) {
            fields.addAll(r.fieldThresholds().keySet());
            ScenarioGenerator.FIELDS.stream().filter(f -> !r.fieldThresholds().containsKey(f)).findFirst()
                    .ifPresent(fields::add);
        }
        return new ArrayList<>(fields);
    }

    /** A denominator in which {@code t} percent is a whole count: 7·10^(2 + decimals of t). */
    private static long denominatorFor(BigDecimal t) {
        int decimals = Math.max(0, t.stripTrailingZeros().scale());
        return BigInteger.TEN.pow(Math.min(decimals, 12) + 2).multiply(BigInteger.valueOf(7)).longValueExact();
    }

    private static Indicator ratioIndicator(Requirement r) {
        return r.subjects().isEmpty() ? null
                : Indicator.byCode(r.subjects().get(0)).filter(Indicator::isRatio).orElse(null);
    }

    private static Indicator valueIndicator(Requirement r) {
        return r.subjects().isEmpty() ? null
                : Indicator.byCode(r.subjects().get(0)).filter(i -> !i.isRatio()).orElse(null);
    }

    private static EventType eventType(Requirement r) {
        return r.subjects().isEmpty() ? null : EventType.byCode(r.subjects().get(0)).orElse(null);
    }
}
