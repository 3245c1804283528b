// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.EventType;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Indicator;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.TargetSpec.Comparison;
import org.reformtargets.core.TargetSpec.Requirement;
import org.reformtargets.core.TargetSpec.Scale;
import org.reformtargets.core.Unit;

/**
 * Valid, random facts documents for one rule set, reproducible from a seed: a seed in, a document
 * out, the same on every run and machine.
 *
 * <pre>{@code
 * ScenarioGenerator scenarios = ScenarioGenerator.forRuleSet(RuleSet.load("hcm-agri/2021"));
 * FactsDocument facts = scenarios.generate(42L);
 * scenarios.stream(1, 200).forEach(f -> ...);        // seeds 1 … 200, for @MethodSource
 * }</pre>
 *
 * <p>Each document has one or two trees of departments, sub-departments and offices of random
 * shape, and for every unit the measurements, events and attestations that the targets of its
 * level read, as {@link RuleSet#describe()} states them. Values lean toward each target's own
 * threshold, where verdicts turn: exactly at it, one count below and one above, and also zero
 * denominators, counts near {@link Long#MAX_VALUE}, missing figures, missing previous years,
 * sub-periods without events, year-to-date figures and dates inside the period (partial years).
 *
 * <p>Framework-agnostic; {@link ScenarioGen} and {@link GeneratedScenarios} offer the same
 * documents to QuickTheories and to JUnit 5 parameterized tests.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScenarioGenerator {

    /** Fields (lĩnh vực) drawn for per-field targets that name none of their own. */
    static final List<String> FIELDS = List.of("land", "investment", "agriculture", "education", "health",
            "crop_production", "veterinary");
    private static final Pattern DUE = Pattern.compile("([\\w.-]+) (?:by|before) (\\d{4}-\\d{2}-\\d{2})");

    private final String ruleSetId;
    private final Period period;
    private final List<TargetSpec> specs;
    private final Set<Level> levels = new java.util.HashSet<>();

    private ScenarioGenerator(String ruleSetId, Period period, List<TargetSpec> specs) {
        this.ruleSetId = ruleSetId;
        this.period = Objects.requireNonNull(period, "period");
        this.specs = List.copyOf(specs);
        this.specs.forEach(s -> levels.add(s.level()));
    }

    /** The generator of documents for {@code ruleSet}'s targets, as its {@link RuleSet#describe()} states them. */
    public static ScenarioGenerator forRuleSet(RuleSet ruleSet) {
        return new ScenarioGenerator(ruleSet.id(), ruleSet.manifest().period(), ruleSet.describe());
    }

    /** The generator of documents for the given target descriptions of a rule set whose targets are for {@code period}. */
    public static ScenarioGenerator forSpecs(String ruleSetId, Period period, List<TargetSpec> specs) {
        return new ScenarioGenerator(ruleSetId, period, specs);
    }

    /** The document of {@code seed}. */
    public FactsDocument generate(long seed) {
        return generate(Draw.seeded(seed));
    }

    /** The documents of seeds {@code firstSeed}, {@code firstSeed + 1} … : {@code count} of them. */
    public Stream<FactsDocument> stream(long firstSeed, int count) {
        return LongStream.range(0, count).mapToObj(i -> generate(firstSeed + i));
    }

    /** The period the rule set's targets are for. */
    public Period period() {
        return period;
    }

    FactsDocument generate(Draw draw) {
        return new Document(draw).build();
    }

    /** One document being drawn. */
    private final class Document {
        private final Draw draw;
        private final LocalDate asOf;
        private final List<Unit> units = new ArrayList<>();
        private final List<Measurement> measurements = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private final List<Attestation> attestations = new ArrayList<>();
        private final Set<List<Object>> measured = new HashSet<>();
        private final Set<List<Object>> attested = new HashSet<>();

        Document(Draw draw) {
            this.draw = draw;
            LocalDate end = period.end();
            int kind = draw.intBetween(1, 100);
            if (kind <= 60) {
                asOf = end;
            } else if (kind <= 70) {
                asOf = end.plusDays(draw.between(1, 60));
            } else {
                asOf = draw.date(period.start(), end.minusDays(1).isBefore(period.start()) ? period.start() : end.minusDays(1));
            }
        }

        FactsDocument build() {
            units();
            for (Unit u : units) {
                for (TargetSpec s : specs) {
                    if (s.level().equals(u.level()) || draw.chance(3)) {
                        facts(s, u);
                    }
                }
            }
            return new FactsDocument(ruleSetId, asOf, units, measurements, events, attestations);
        }

        // ---- units

        private void units() {
            int departments = draw.intBetween(1, 2);
            for (int d = 0; d < departments; d++) {
                String dep = "d" + d;
                units.add(Unit.root(dep, "Sở " + (char) ('A' + d), Level.DEPARTMENT));
                int children = children(Level.DEPARTMENT);
                int offices = draw.intBetween(0, Math.min(2, children));
                int subs = children - offices;
                if (d == 0 && subs == 0 && levels.contains(Level.SUB_DEPARTMENT)) {
                    subs = 1;
                }
                for (int s = 0; s < subs; s++) {
                    String sub = dep + "-s" + s;
                    units.add(new Unit(sub, "Chi cục " + (d + 1) + "." + (s + 1), Level.SUB_DEPARTMENT, dep));
                    int theirs = children(Level.SUB_DEPARTMENT);
                    for (int o = 0; o < theirs; o++) {
                        units.add(new Unit(sub + "-o" + o, "Trạm " + (d + 1) + "." + (s + 1) + "." + (o + 1),
                                Level.OFFICE, sub));
                    }
                }
                for (int o = 0; o < offices; o++) {
                    units.add(new Unit(dep + "-o" + o, "Phòng " + (d + 1) + "." + (o + 1), Level.OFFICE, dep));
                }
            }
            if (draw.chance(15)) {
                units.add(Unit.root("lone", "Chi cục độc lập", Level.SUB_DEPARTMENT));
                int theirs = draw.intBetween(0, 2);
                for (int o = 0; o < theirs; o++) {
                    units.add(new Unit("lone-o" + o, "Đội " + (o + 1), Level.OFFICE, "lone"));
                }
            }
        }

        /** How many sub-units a unit of {@code level} gets: often about what a count of sub-units asks. */
        private int children(Level level) {
            for (TargetSpec s : specs) {
                Requirement r = s.requirement();
                if (s.level().equals(level) && r.kind() == TargetSpec.Kind.COVERAGE && r.scale() == Scale.COUNT
                        && r.threshold() != null && draw.chance(50)) {
                    return Math.max(0, r.threshold().intValue() + draw.intBetween(-1, 2));
                }
            }
            return draw.intBetween(0, level.equals(Level.DEPARTMENT) ? 5 : 3);
        }

        private List<Unit> childrenOf(Unit unit) {
            return units.stream().filter(u -> unit.id().equals(u.parent())).toList();
        }

        // ---- facts per target

        private void facts(TargetSpec spec, Unit unit) {
            Requirement r = spec.requirement();
            switch (r.kind()) {
                case SHARE -> share(r, unit);
                case GROWTH -> {
                    if (r.scale() == Scale.POINTS) {
                        shareGrowth(r, unit);
                    } else {
                        valueGrowth(r, unit);
                    }
                }
                case VALUE -> value(r, unit);
                case COVERAGE -> coverage(r, unit);
                case EACH_SUB_UNIT -> eachSubUnit(r, unit);
                case EVENT_COUNT -> eventCount(r, unit);
                case CADENCE -> cadence(r, unit);
                case DEADLINE -> deadline(r, unit);
                case ATTESTATION -> attestation(r, unit);
                case OTHER -> dueDates(spec, unit);
                case NOT_APPLICABLE -> {
                }
            }
        }

        private Indicator indicator(Requirement r, boolean ratio) {
            if (r.subjects().isEmpty()) {
                return null;
            }
            Indicator i = Indicator.byCode(r.subjects().get(0)).orElse(null);
            return i != null && i.isRatio() == ratio ? i : null;
        }

        private List<String> fields(Requirement r) {
            if (!r.perField()) {
                return java.util.Collections.singletonList(null);
            }
            Set<String> candidates = new LinkedHashSet<>(r.onlyFields());
            candidates.addAll(r.fieldThresholds().keySet());
            if (r.onlyFields().isEmpty() || draw.chance(20)) {
                candidates.addAll(FIELDS);
            }
            List<String> chosen = new ArrayList<>(draw.some(new ArrayList<>(candidates), draw.intBetween(0, 3)));
            if (chosen.isEmpty() || draw.chance(50)) {
                chosen.add(null);
            }
            return chosen;
        }

        private void share(Requirement r, Unit unit) {
            Indicator indicator = indicator(r, true);
            if (indicator == null) {
                return;
            }
            for (String field : fields(r)) {
                if (draw.chance(8)) {
                    continue;
                }
                boolean own = field != null && r.fieldThresholds().containsKey(field);
                BigDecimal t = r.thresholdOf(field);
                long d = denominator();
                long n = t == null || draw.chance(30) ? draw.between(0, d)
                        : near(least(t, own ? Comparison.AT_LEAST : r.comparison(), d), d);
                ratio(unit, indicator, field, currentOrYearToDate(), n, d);
                if (r.abovePreviousYear() && draw.chance(75)) {
                    long pd = draw.chance(50) ? d : denominator();
                    long pn = pd == d && draw.chance(60) ? clamp(n + draw.between(-1, 1), pd) : draw.between(0, pd);
                    ratio(unit, indicator, field, period.previousYear(), pn, pd);
                }
            }
        }

        private void shareGrowth(Requirement r, Unit unit) {
            Indicator indicator = indicator(r, true);
            if (indicator == null) {
                return;
            }
            for (String field : fields(r)) {
                Long pn = null;
                long pd = 0;
                if (draw.chance(80)) {
                    pd = denominator();
                    pn = draw.between(0, pd);
                    ratio(unit, indicator, field, period.previousYear(), pn, pd);
                }
                if (draw.chance(10)) {
                    continue;
                }
                long d = pd > 0 && draw.chance(50) ? pd : denominator();
                long n;
                if (pn == null || pd == 0 || r.threshold() == null || draw.chance(30)) {
                    n = draw.between(0, d);
                } else {
                    // the least n with n/d >= pn/pd + t/100: ⌈d·(100·pn + t·pd) / (100·pd)⌉
                    BigDecimal needed = BigDecimal.valueOf(d).multiply(BigDecimal.valueOf(pn).movePointRight(2)
                                    .add(r.threshold().multiply(BigDecimal.valueOf(pd))))
                            .divide(BigDecimal.valueOf(pd).movePointRight(2), 0, RoundingMode.CEILING);
                    n = near(needed.toBigInteger(), d);
                }
                ratio(unit, indicator, field, currentOrYearToDate(), n, d);
            }
        }

        private void valueGrowth(Requirement r, Unit unit) {
            Indicator indicator = indicator(r, false);
            if (indicator == null) {
                return;
            }
            BigDecimal previous = null;
            if (draw.chance(80)) {
                previous = draw.chance(10) ? BigDecimal.ZERO : BigDecimal.valueOf(draw.between(1, 500));
                value(unit, indicator, period.previousYear(), previous);
            }
            if (draw.chance(10)) {
                return;
            }
            BigDecimal current;
            if (previous == null || r.threshold() == null || draw.chance(30)) {
                current = BigDecimal.valueOf(draw.between(0, 600));
            } else {
                BigDecimal needed = previous.multiply(BigDecimal.ONE.add(r.threshold().movePointLeft(2)))
                        .setScale(0, RoundingMode.CEILING);
                current = needed.add(BigDecimal.valueOf(draw.between(-1, 1))).max(BigDecimal.ZERO);
            }
            value(unit, indicator, currentOrYearToDate(), current);
        }

        private void value(Requirement r, Unit unit) {
            Indicator indicator = indicator(r, false);
            if (indicator == null || draw.chance(10)) {
                return;
            }
            BigDecimal t = r.threshold() == null ? BigDecimal.TEN : r.threshold();
            BigDecimal v = draw.chance(65) ? t.add(BigDecimal.valueOf(draw.between(-1, 1)))
                    : BigDecimal.valueOf(draw.between(0, t.intValue() * 2L + 10));
            if (draw.chance(10)) {
                v = v.add(new BigDecimal("0.5"));
            }
            value(unit, indicator, currentOrYearToDate(), v.max(BigDecimal.ZERO));
        }

        private void coverage(Requirement r, Unit unit) {
            List<Unit> children = childrenOf(unit);
            List<EventType> types = eventTypes(r);
            if (children.isEmpty() || types.isEmpty()) {
                return;
            }
            int k = children.size();
            for (Period p : subPeriods(r)) {
                if (p.start().isAfter(asOf) || draw.chance(12)) {
                    continue;
                }
                int need = r.threshold() == null ? 1 : r.scale() == Scale.PERCENT
                        ? r.threshold().multiply(BigDecimal.valueOf(k)).movePointLeft(2)
                        .setScale(0, RoundingMode.CEILING).intValue()
                        : r.threshold().intValue();
                int covered = draw.chance(70) ? (int) clamp(need + draw.between(-1, 1), k) : draw.intBetween(0, k);
                for (Unit child : draw.some(children, covered)) {
                    int times = draw.intBetween(1, 2);
                    for (int i = 0; i < times; i++) {
                        event(new Event(unit.id(), draw.pick(types).code(), dateIn(p), child.id(), null, null, null, null,
                                null));
                    }
                }
            }
        }

        private void eachSubUnit(Requirement r, Unit unit) {
            List<EventType> types = eventTypes(r);
            if (types.isEmpty()) {
                return;
            }
            int skipChance = draw.chance(50) ? 0 : 20;
            for (Unit child : childrenOf(unit)) {
                if (!draw.chance(skipChance)) {
                    event(counted(child.id(), draw.pick(types), dateIn(period)));
                }
                if (draw.chance(10)) {
                    event(counted(child.id(), draw.pick(types), dateIn(period.previousYear())));
                }
            }
        }

        private void eventCount(Requirement r, Unit unit) {
            List<EventType> types = eventTypes(r);
            if (types.isEmpty()) {
                return;
            }
            int t = r.threshold() == null ? 1 : r.threshold().intValue();
            int count = draw.chance(70) ? Math.max(0, t + draw.intBetween(-1, 1)) : draw.intBetween(0, t + 3);
            for (int i = 0; i < count; i++) {
                event(counted(unit.id(), draw.pick(types), dateIn(period)));
            }
            if (draw.chance(10)) {
                event(counted(unit.id(), draw.pick(types), dateIn(period.previousYear())));
            }
        }

        private void cadence(Requirement r, Unit unit) {
            List<EventType> types = eventTypes(r);
            if (types.isEmpty()) {
                return;
            }
            int t = r.threshold() == null ? 1 : r.threshold().intValue();
            for (Period p : subPeriods(r)) {
                if (p.start().isAfter(asOf) || draw.chance(12)) {
                    continue;
                }
                int times = draw.chance(70) ? t : draw.intBetween(Math.max(0, t - 1), t + 2);
                for (int i = 0; i < times; i++) {
                    event(counted(unit.id(), draw.pick(types), dateIn(p)));
                }
            }
        }

        private void deadline(Requirement r, Unit unit) {
            LocalDate due = r.deadline();
            if (due == null) {
                return;
            }
            int tasks = draw.intBetween(0, 4);
            for (int i = 0; i < tasks; i++) {
                String task = "t" + i;
                LocalDate assigned = draw.chance(30) ? null : dateIn(period);
                events.add(new Event(unit.id(), EventType.TASK_ASSIGNED.code(), assigned, null, task, null, null, null, null));
                completion(unit.id(), task, due, draw.chance(10) ? due : null);
            }
        }

        /** A completion around {@code due}: the day before, the day itself, the day after, any day, or none. */
        private void completion(String unit, String task, LocalDate due, LocalDate ownDeadline) {
            LocalDate done = switch (draw.intBetween(0, 4)) {
                case 0 -> due.minusDays(1);
                case 1 -> due;
                case 2 -> due.plusDays(1);
                case 3 -> dateIn(period);
                default -> null;
            };
            if (done != null && !done.isAfter(asOf) && done.getYear() >= 1900) {
                events.add(new Event(unit, EventType.TASK_COMPLETED.code(), done, null, task, ownDeadline, null, null, null));
            }
        }

        private void attestation(Requirement r, Unit unit) {
            if (r.subjects().isEmpty() || draw.chance(10)) {
                return;
            }
            String key = r.subjects().get(0);
            int kind = draw.intBetween(1, 100);
            Object value = kind <= 60 ? Boolean.TRUE : kind <= 90 ? Boolean.FALSE : draw.pick(List.of("GOOD", "yes"));
            Period p = draw.chance(70) ? period : draw.chance(50) ? null : period.previousYear();
            if (attested.add(Arrays.asList(unit.id(), key, p))) {
                attestations.add(new Attestation(unit.id(), key, p, value));
            }
        }

        /** Tasks and reports named with a due date in a target's threshold, such as {@code plan before 2021-09-10}. */
        private void dueDates(TargetSpec spec, Unit unit) {
            if (spec.threshold() == null) {
                return;
            }
            Matcher m = DUE.matcher(spec.threshold());
            while (m.find()) {
                LocalDate due;
                try {
                    due = LocalDate.parse(m.group(2));
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                String name = m.group(1);
                if (draw.chance(60)) {
                    events.add(new Event(unit.id(), EventType.TASK_ASSIGNED.code(), null, null, name, null, null, null, null));
                    completion(unit.id(), name, due, null);
                }
                if (draw.chance(60)) {
                    LocalDate sent = switch (draw.intBetween(0, 2)) {
                        case 0 -> due.minusDays(1);
                        case 1 -> due;
                        default -> due.plusDays(1);
                    };
                    if (!sent.isAfter(asOf)) {
                        events.add(new Event(unit.id(), EventType.REPORT_SUBMITTED.code(), sent, null, null, null, name, null,
                                null));
                    }
                }
            }
        }

        // ---- building blocks

        private List<EventType> eventTypes(Requirement r) {
            List<EventType> types = new ArrayList<>();
            for (String s : r.subjects()) {
                EventType.byCode(s).filter(t -> t != EventType.TASK_ASSIGNED && t != EventType.TASK_COMPLETED
                        && t != EventType.REPORT_SUBMITTED).ifPresent(types::add);
            }
            return types;
        }

        private List<Period> subPeriods(Requirement r) {
            if (r.cadence() == TargetSpec.Cadence.QUARTER && period.months() >= 3) {
                return period.split(Period.Kind.QUARTER);
            }
            if (r.cadence() == TargetSpec.Cadence.MONTH) {
                return period.split(Period.Kind.MONTH);
            }
            return List.of(period);
        }

        /** The period itself, or now and then a part of it begun by {@code asOf}, measured year to date. */
        private Period currentOrYearToDate() {
            if (draw.chance(75) || period.kind() == Period.Kind.MONTH) {
                return period;
            }
            List<Period> parts = new ArrayList<>();
            for (Period.Kind k : List.of(Period.Kind.HALF, Period.Kind.QUARTER, Period.Kind.MONTH)) {
                if (k.months() < period.months()) {
                    period.split(k).stream().filter(p -> !p.start().isAfter(asOf)).forEach(parts::add);
                }
            }
            return parts.isEmpty() ? period : draw.pick(parts);
        }

        /** A day of {@code p} no later than {@code asOf}, or {@code null} when {@code p} starts after it. */
        private LocalDate dateIn(Period p) {
            if (p.start().isAfter(asOf)) {
                return null;
            }
            return draw.date(p.start(), p.end().isAfter(asOf) ? asOf : p.end());
        }

        private long denominator() {
            int size = draw.intBetween(1, 100);
            if (size <= 8) {
                return 0;
            }
            if (size <= 58) {
                return draw.between(1, 200);
            }
            if (size <= 83) {
                return draw.between(201, 100_000);
            }
            if (size <= 95) {
                return draw.between(100_001, 1_000_000_000_000L);
            }
            if (size <= 96) {
                return Long.MAX_VALUE;
            }
            return draw.between(Long.MAX_VALUE / 4, Long.MAX_VALUE);
        }

        /** A count close to {@code least}: exactly it, one below, one above, or two below; within {@code [0, d]}. */
        private long near(BigInteger least, long d) {
            BigInteger n = least.add(BigInteger.valueOf(draw.pick(List.of(0L, 0L, -1L, -1L, 1L, -2L))));
            return n.max(BigInteger.ZERO).min(BigInteger.valueOf(d)).longValueExact();
        }

        private long clamp(long n, long d) {
            return Math.max(0, Math.min(n, d));
        }

        private void ratio(Unit unit, Indicator indicator, String field, Period p, long n, long d) {
            if (measured.add(Arrays.asList(unit.id(), indicator.code(), field, p))) {
                measurements.add(Measurement.ratio(unit.id(), indicator.code(), field, p, n, d));
            }
        }

        private void value(Unit unit, Indicator indicator, Period p, BigDecimal v) {
            if (measured.add(Arrays.asList(unit.id(), indicator.code(), null, p))) {
                measurements.add(Measurement.value(unit.id(), indicator.code(), null, p, v));
            }
        }

        private void event(Event e) {
            if (e.date() != null) {
                events.add(e);
            }
        }

        private Event counted(String unit, EventType type, LocalDate date) {
            String title = type == EventType.INITIATIVE || type == EventType.PROPAGANDA_PRODUCT
                    ? "#" + draw.between(1, 99) : null;
            return new Event(unit, type.code(), date, null, null, null, null, null, title);
        }
    }

    /**
     * The least count of {@code d} that meets {@code t} percent compared by {@code comparison}:
     * {@code ⌈t·d/100⌉} for "at least", {@code ⌊t·d/100⌋ + 1} for "above".
     */
    static BigInteger least(BigDecimal t, Comparison comparison, long d) {
        BigDecimal exact = t.multiply(BigDecimal.valueOf(d)).movePointLeft(2);
        if (comparison == Comparison.ABOVE) {
            return exact.setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE);
        }
        return exact.setScale(0, RoundingMode.CEILING).toBigInteger();
    }
}
