// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.properties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.ReformTargetsJson;
import org.reformtargets.core.Unit;

/**
 * Random, valid facts documents for the hcm-agri/2021 rule set: a random tree of departments,
 * sub-departments and offices, and random measurements, events and attestations of the kinds its
 * rules read. Every choice is drawn from QuickTheories' randomness source, so failures shrink.
 */
final class FactsGen {

    static final LocalDate YEAR_END = LocalDate.of(2021, 12, 31);
    static final Period Y2021 = Period.year(2021);
    static final Period Y2020 = Period.year(2020);

    /** Ratio indicators the rule set reads. */
    static final List<String> RATIOS = List.of("satisfaction", "dossiers.on_time", "dossiers.early",
            "dossiers.online", "receiving_units.surveying", "feedback.handled", "tasks.completed_by_deadline",
            "public_service_units.e_payment");
    /** Event types the rule set counts, with no task or report attached. */
    static final List<String> COUNTED_EVENTS = List.of("dialogue", "survey_results.published", "inspection.periodic",
            "inspection.surprise", "initiative", "propaganda.product");
    static final List<String> FIELDS = List.of("land", "investment", "agriculture", "education", "health");

    private FactsGen() {
    }

    /** Draws from a randomness source. */
    static final class Draw {
        private final RandomnessSource in;

        Draw(RandomnessSource in) {
            this.in = in;
        }

        int between(int lo, int hi) {
            return Generate.range(lo, hi).generate(in);
        }

        long longBetween(long lo, long hi) {
            return Generate.longRange(lo, hi).generate(in);
        }

        boolean chance(int percent) {
            return between(1, 100) <= percent;
        }

        <T> T pick(List<T> items) {
            return items.get(between(0, items.size() - 1));
        }

        LocalDate dateBetween(LocalDate from, LocalDate to) {
            return from.plusDays(between(0, (int) (to.toEpochDay() - from.toEpochDay())));
        }
    }

    /** Random documents, shown as their JSON when a property fails. */
    static Gen<FactsDocument> documents() {
        Gen<FactsDocument> gen = in -> document(new Draw(in));
        return gen.describedAs(ReformTargetsJson::writeFacts);
    }

    /** A random unit tree, and random facts about its units. */
    static FactsDocument document(Draw draw) {
        LocalDate asOf = draw.chance(70) ? YEAR_END : draw.dateBetween(LocalDate.of(2021, 1, 15), YEAR_END);
        List<Unit> units = units(draw);
        List<Measurement> measurements = new ArrayList<>();
        Set<List<Object>> measured = new HashSet<>();
        for (Unit u : units) {
            int count = draw.between(0, 6);
            for (int i = 0; i < count; i++) {
                Measurement m = measurement(draw, u.id(), asOf);
                if (measured.add(java.util.Arrays.asList(m.unit(), m.indicator(), m.field(), m.period()))) {
                    measurements.add(m);
                }
            }
        }
        List<Event> events = new ArrayList<>();
        int eventCount = draw.between(0, 4 * units.size());
        for (int i = 0; i < eventCount; i++) {
            events.add(event(draw, units, asOf));
        }
        for (Unit u : units) {
            if (u.level() != Level.OFFICE && draw.chance(40)) {
                events.addAll(series(draw, units, u.id(), asOf));
            }
        }
        List<Attestation> attestations = new ArrayList<>();
        Set<List<Object>> attested = new HashSet<>();
        for (Unit u : units) {
            int count = draw.between(0, 3);
            for (int i = 0; i < count; i++) {
                String key = draw.chance(50) ? "iso9001.converted" : "iso9001.maintained";
                Period period = draw.chance(70) ? Y2021 : draw.chance(50) ? null : Y2020;
                Object value = draw.chance(80) ? (Object) draw.chance(60) : "GOOD";
                if (attested.add(java.util.Arrays.asList(u.id(), key, period))) {
                    attestations.add(new Attestation(u.id(), key, period, value));
                }
            }
        }
        return new FactsDocument("hcm-agri/2021", asOf, units, measurements, events, attestations);
    }

    /** 1–3 trees: departments over sub-departments over offices, with offices also right under departments. */
    static List<Unit> units(Draw draw) {
        List<Unit> units = new ArrayList<>();
        int departments = draw.between(1, 3);
        for (int d = 0; d < departments; d++) {
            String dep = "d" + d;
            units.add(Unit.root(dep, "Sở " + d, Level.DEPARTMENT));
            int subs = draw.between(0, 4);
            for (int s = 0; s < subs; s++) {
                String sub = dep + "-s" + s;
                units.add(new Unit(sub, "Chi cục " + d + "." + s, Level.SUB_DEPARTMENT, dep));
                int offices = draw.between(0, 3);
                for (int o = 0; o < offices; o++) {
                    units.add(new Unit(sub + "-o" + o, "Trạm " + d + "." + s + "." + o, Level.OFFICE, sub));
                }
            }
            int offices = draw.between(0, 2);
            for (int o = 0; o < offices; o++) {
                units.add(new Unit(dep + "-o" + o, "Phòng " + d + "." + o, Level.OFFICE, dep));
            }
        }
        if (draw.chance(20)) {
            units.add(Unit.root("lone-sub", "Chi cục độc lập", Level.SUB_DEPARTMENT));
        }
        return units;
    }

    /** A period of 2021 (or 2020) that starts on or before {@code asOf}. */
    static Period period(Draw draw, LocalDate asOf) {
        int kind = draw.between(0, 9);
        Period p;
        if (kind <= 4) {
            p = Y2021;
        } else if (kind == 5) {
            p = Y2020;
        } else if (kind == 6) {
            p = Period.half(2021, draw.between(1, 2));
        } else if (kind <= 8) {
            p = Period.quarter(2021, draw.between(1, 4));
        } else {
            p = Period.month(2021, draw.between(1, 12));
        }
        return p.start().isAfter(asOf) ? Y2021 : p;
    }

    static Measurement measurement(Draw draw, String unit, LocalDate asOf) {
        Period period = period(draw, asOf);
        if (draw.chance(10)) {
            BigDecimal value = draw.chance(80) ? BigDecimal.valueOf(draw.between(0, 200))
                    : new BigDecimal(draw.between(0, 2000) + ".5");
            return Measurement.value(unit, "procedures.online", null, period, value);
        }
        String indicator = draw.pick(RATIOS);
        String field = null;
        if ((indicator.equals("dossiers.on_time") || indicator.equals("public_service_units.e_payment"))
                && draw.chance(70)) {
            field = draw.pick(FIELDS);
        }
        long d = denominator(draw);
        long n = d == 0 ? 0 : draw.chance(60) ? d - Math.min(d, draw.between(0, 3)) : draw.longBetween(0, d);
        return Measurement.ratio(unit, indicator, field, period, n, d);
    }

    static long denominator(Draw draw) {
        int size = draw.between(0, 9);
        if (size == 0) {
            return 0;
        }
        if (size <= 6) {
            return draw.between(1, 200);
        }
        if (size <= 8) {
            return draw.between(1, 1_000_000);
        }
        return draw.longBetween(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2);
    }

    static Event event(Draw draw, List<Unit> units, LocalDate asOf) {
        Unit unit = draw.pick(units);
        LocalDate date = draw.chance(90) ? draw.dateBetween(LocalDate.of(2021, 1, 1), asOf)
                : draw.dateBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        int kind = draw.between(0, 9);
        if (kind <= 6) {
            return countedEvent(draw, units, unit.id(), date);
        }
        String task = "t" + draw.between(1, 4);
        if (kind == 7) {
            return new Event(unit.id(), "task.assigned", draw.chance(50) ? null : date, null, task, null, null, null, null);
        }
        if (kind == 8) {
            LocalDate deadline = draw.chance(50) ? null : LocalDate.of(2021, 11, 1);
            return new Event(unit.id(), "task.completed", date, null, task, deadline, null, null, null);
        }
        return new Event(unit.id(), "report.submitted", date, null, null, null, draw.pick(List.of("Q1", "H1", "9M", "Y")), null,
                null);
    }

    /**
     * Events of one counted type by {@code unit} in each quarter begun by {@code asOf}, now and then skipping
     * one, so that cadence and coverage targets are often met or missed by one.
     */
    static List<Event> series(Draw draw, List<Unit> units, String unit, LocalDate asOf) {
        String type = draw.pick(COUNTED_EVENTS);
        List<Event> events = new ArrayList<>();
        for (Period q : Y2021.split(Period.Kind.QUARTER)) {
            if (q.start().isAfter(asOf) || draw.chance(15)) {
                continue;
            }
            LocalDate last = q.end().isAfter(asOf) ? asOf : q.end();
            int times = draw.between(1, 6);
            for (int i = 0; i < times; i++) {
                events.add(countedEvent(draw, units, unit, type, draw.dateBetween(q.start(), last)));
            }
        }
        return events;
    }

    /** An event of a counted type by {@code unit}; inspections mostly of one of its sub-units. */
    static Event countedEvent(Draw draw, List<Unit> units, String unit, LocalDate date) {
        return countedEvent(draw, units, unit, draw.pick(COUNTED_EVENTS), date);
    }

    /** An event of {@code type} by {@code unit}; inspections mostly of one of its sub-units. */
    static Event countedEvent(Draw draw, List<Unit> units, String unit, String type, LocalDate date) {
        String subject = null;
        if (type.startsWith("inspection.")) {
            List<Unit> subs = units.stream().filter(u -> unit.equals(u.parent())).toList();
            if (!subs.isEmpty() && draw.chance(90)) {
                subject = draw.pick(subs).id();
            } else if (draw.chance(50)) {
                subject = draw.pick(units).id();
            }
        }
        String title = type.equals("initiative") || type.equals("propaganda.product") ? "#" + draw.between(1, 99) : null;
        return new Event(unit, type, date, subject, null, null, null, null, title);
    }

    /** The same facts with every list in another order. */
    static FactsDocument shuffled(FactsDocument facts, long seed) {
        Random random = new Random(seed);
        return new FactsDocument(facts.ruleSet(), facts.asOf(), shuffle(facts.units(), random),
                shuffle(facts.measurements(), random), shuffle(facts.events(), random),
                shuffle(facts.attestations(), random));
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
