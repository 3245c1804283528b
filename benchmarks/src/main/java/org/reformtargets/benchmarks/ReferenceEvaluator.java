// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Status;
import org.reformtargets.core.Unit;

/**
 * A plain-Java evaluator of the rule set {@code hcm-agri/2021}, written from the targets catalogue
 * and the facts contract rather than from the DRL: the speed baseline the rule engine is measured
 * against, and an oracle that {@code ReferenceDifferentialTest} compares it with.
 *
 * <p>It gives, for every department and sub-department, one {@link Result} per target (and per
 * field, for per-field targets) with the status, the measured figure, the threshold and the gap,
 * decided in exact whole-number arithmetic ({@code long} where it cannot overflow,
 * {@link BigInteger} beyond). It indexes the facts by unit once and reads each unit's facts by
 * indicator or event type from arrays, in one thread or, after indexing, in several. It does not
 * validate the document (the library does; pass only valid documents) and writes no sentences. Results come in the document's unit order, then
 * target id, then field; offices have no targets in this rule set.
 */
public final class ReferenceEvaluator {

    /**
     * The verdict on one target for one unit and, for per-field targets, one field.
     *
     * @param target    target id, such as {@code hcm-agri/2021/on-time-per-field}
     * @param unit      the unit's id
     * @param field     the field, or {@code null}
     * @param status    the verdict
     * @param isFinal   whether the year had ended on {@code asOf} and no year-to-date figure stood in
     * @param actual    the figure as a decimal string (percent with two decimals for shares), or {@code null}
     * @param threshold what the target asks, in short
     * @param gap       how many more successes, sub-units or quarters were needed; 0 when met;
     *                  {@code null} where no count can say it
     */
    public record Result(String target, String unit, String field, Status status, boolean isFinal, String actual,
                         String threshold, Long gap) {
    }

    private static final String ID = "hcm-agri/2021/";
    static final String TASKS = ID + "tasks-by-deadline";
    static final String PERIODIC = ID + "periodic-inspection";
    static final String SURPRISE = ID + "surprise-inspection";
    static final String SATISFACTION = ID + "satisfaction";
    static final String ONLINE_RATE = ID + "online-rate-growth";
    static final String ONLINE_PROCEDURES = ID + "online-procedures-growth";
    static final String E_PAYMENT = ID + "e-payment-edu-health";
    static final String INITIATIVE = ID + "initiative-per-unit";
    static final String ON_TIME = ID + "on-time-per-field";
    static final String EARLY = ID + "early-resolution";
    static final String DIALOGUE = ID + "quarterly-dialogue";
    static final String RECEIVING = ID + "receiving-units-survey";
    static final String SURVEY_RESULTS = ID + "survey-results-quarterly";
    static final String FEEDBACK = ID + "feedback-handled";
    static final String ISO = ID + "iso9001";
    static final String PROPAGANDA = ID + "propaganda-product";
    static final String SECTION = ID + "propaganda-section";

    private static final int YEAR = 2021;
    /** Tasks completed on this day or later are late ("trước ngày 01/11/2021"). */
    private static final LocalDate TASKS_FIRST_LATE_DAY = LocalDate.of(2021, 11, 1);
    private static final String TASKS_THRESHOLD = "100% before 2021-11-01";
    /** Above this, {@code 100·x} may overflow a long. */
    private static final long SMALL = Long.MAX_VALUE / 128;
    /** Below this, products of three counts (each at most 2^25) fit a long. */
    private static final long TINY = 1L << 25;

    // indicators read, by slot
    private static final int ON_TIME_M = 0;
    private static final int EARLY_M = 1;
    private static final int ONLINE_M = 2;
    private static final int SATISFACTION_M = 3;
    private static final int PROCEDURES_M = 4;
    /** Shares of a stock (vocabulary kind {@code coverage}): read at the end of the last period, no outlook. */
    private static final java.util.Set<String> COVERAGES = java.util.Set.of("public_service_units.e_payment",
            "receiving_units.surveying");
    private static final int E_PAYMENT_M = 5;
    private static final int RECEIVING_M = 6;
    private static final int FEEDBACK_M = 7;
    private static final int TASKS_M = 8;
    private static final int MEASUREMENT_SLOTS = 9;

    // event types read, by slot
    private static final int PERIODIC_E = 0;
    private static final int SURPRISE_E = 1;
    private static final int INITIATIVE_E = 2;
    private static final int DIALOGUE_E = 3;
    private static final int SURVEY_RESULTS_E = 4;
    private static final int PROPAGANDA_E = 5;
    private static final int TASK_ASSIGNED_E = 6;
    private static final int TASK_COMPLETED_E = 7;
    private static final int EVENT_SLOTS = 8;

    private static final Status MET = Status.MET;
    private static final Status NOT_MET = Status.NOT_MET;
    private static final Status INSUFFICIENT = Status.INSUFFICIENT_DATA;
    private static final Status NA = Status.NOT_APPLICABLE;

    private ReferenceEvaluator() {
    }

    /** One unit and its facts, indexed by slot. */
    private static final class Node {
        final Unit unit;
        Node parent;
        List<Node> subs = List.of();
        @SuppressWarnings("unchecked")
        final List<Measurement>[] measurements = new List[MEASUREMENT_SLOTS];
        @SuppressWarnings("unchecked")
        final List<Event>[] events = new List[EVENT_SLOTS];
        Attestation converted2021;
        Attestation convertedUndated;
        Attestation maintained2021;
        Attestation maintainedUndated;
        /** Attestations for a part of 2021, by key: they stand in before the year ends. */
        Map<String, List<Attestation>> parts = Map.of();
        Attestation section2021;
        Attestation sectionUndated;
        int stamp;

        Node(Unit unit) {
            this.unit = unit;
        }

        void addSub(Node n) {
            if (subs.isEmpty()) {
                subs = new ArrayList<>(4);
            }
            subs.add(n);
        }

        List<Measurement> measurements(int slot) {
            List<Measurement> l = measurements[slot];
            return l == null ? List.of() : l;
        }

        List<Event> events(int slot) {
            List<Event> l = events[slot];
            return l == null ? List.of() : l;
        }
    }

    /**
     * A figure for a year: {@code m} (its own measurement, or the sum of the sub-periods covering
     * January to {@code last}, with a null period), or {@code null} when they leave a gap, overlap
     * with different sums or overflow; whether it stands in for the year; the last month covered.
     */
    private record Figure(Measurement m, boolean yearToDate, int last) {
    }

    /** Evaluates {@code facts} (a valid document) against hcm-agri/2021, in the calling thread. */
    public static List<Result> evaluate(FactsDocument facts) {
        Run run = new Run(facts);
        run.index();
        return run.new Worker(run.ordered, facts.units().size() * 3).evaluate();
    }

    /**
     * Evaluates {@code facts} against hcm-agri/2021 with {@code threads} threads: the facts are
     * indexed once, then the units are split into {@code threads} runs of consecutive units, each
     * evaluated by its own thread (a unit's targets read only the unit, its sub-units and their
     * facts, so the runs share nothing they write). The results are those of {@link #evaluate},
     * in the same order.
     */
    public static List<Result> evaluate(FactsDocument facts, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        Run run = new Run(facts);
        run.index();
        int n = run.ordered.size();
        List<Run.Worker> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            List<Node> part = run.ordered.subList((int) ((long) n * i / threads), (int) ((long) n * (i + 1) / threads));
            workers.add(run.new Worker(part, part.size() * 3));
        }
        List<List<Result>> parts = workers.parallelStream().map(Run.Worker::evaluate).toList();
        List<Result> all = new ArrayList<>(parts.stream().mapToInt(List::size).sum());
        parts.forEach(all::addAll);
        return all;
    }

    /** One evaluation: the index and the results so far. */
    private static final class Run {
        private final FactsDocument facts;
        private final LocalDate asOf;
        private final boolean yearEnded;
        private final boolean[] quarterDue = new boolean[4];
        private final int quartersDue;
        private final Map<String, Node> nodes;
        private final List<Node> ordered;

        Run(FactsDocument facts) {
            this.facts = facts;
            this.asOf = facts.asOf();
            this.yearEnded = !LocalDate.of(YEAR, 12, 31).isAfter(asOf);
            int due = 0;
            for (int q = 0; q < 4; q++) {
                quarterDue[q] = !LocalDate.of(YEAR, 3 * q + 3, 1).plusMonths(1).minusDays(1).isAfter(asOf);
                if (quarterDue[q]) {
                    due++;
                }
            }
            this.quartersDue = due;
            int n = facts.units().size();
            this.nodes = new HashMap<>(n * 2);
            this.ordered = new ArrayList<>(n);
        }

        private void index() {
            for (Unit u : facts.units()) {
                Node n = new Node(u);
                nodes.put(u.id(), n);
                ordered.add(n);
            }
            for (Node n : ordered) {
                if (n.unit.parent() != null) {
                    Node p = nodes.get(n.unit.parent());
                    n.parent = p;
                    p.addSub(n);
                }
            }
            for (Measurement m : facts.measurements()) {
                int slot = measurementSlot(m.indicator());
                if (slot >= 0) {
                    Node n = nodes.get(m.unit());
                    List<Measurement> l = n.measurements[slot];
                    if (l == null) {
                        l = new ArrayList<>(2);
                        n.measurements[slot] = l;
                    }
                    l.add(m);
                }
            }
            for (Event e : facts.events()) {
                int slot = eventSlot(e.type());
                if (slot >= 0) {
                    Node n = nodes.get(e.unit());
                    List<Event> l = n.events[slot];
                    if (l == null) {
                        l = new ArrayList<>(4);
                        n.events[slot] = l;
                    }
                    l.add(e);
                }
            }
            for (Attestation a : facts.attestations()) {
                boolean converted = "iso9001.converted".equals(a.key());
                boolean section = "website.reform_section".equals(a.key());
                if (!converted && !section && !"iso9001.maintained".equals(a.key())) {
                    continue;
                }
                Node n = nodes.get(a.unit());
                Period p = a.period();
                boolean this2021 = p != null && p.year() == YEAR && p.kind() == Period.Kind.YEAR;
                if (p != null && p.year() == YEAR && !this2021) {
                    if (n.parts.isEmpty()) {
                        n.parts = new HashMap<>();
                    }
                    n.parts.computeIfAbsent(a.key(), k -> new ArrayList<>(2)).add(a);
                    continue;
                }
                if (section) {
                    if (this2021 && n.section2021 == null) {
                        n.section2021 = a;
                    } else if (p == null) {
                        n.sectionUndated = a;
                    }
                } else if (converted) {
                    if (this2021 && n.converted2021 == null) {
                        n.converted2021 = a;
                    } else if (p == null) {
                        n.convertedUndated = a;
                    }
                } else {
                    if (this2021 && n.maintained2021 == null) {
                        n.maintained2021 = a;
                    } else if (p == null) {
                        n.maintainedUndated = a;
                    }
                }
            }
        }

        private static int measurementSlot(String code) {
            return switch (code) {
                case "dossiers.on_time" -> ON_TIME_M;
                case "dossiers.early" -> EARLY_M;
                case "dossiers.online" -> ONLINE_M;
                case "satisfaction" -> SATISFACTION_M;
                case "procedures.online" -> PROCEDURES_M;
                case "public_service_units.e_payment" -> E_PAYMENT_M;
                case "receiving_units.surveying" -> RECEIVING_M;
                case "feedback.handled" -> FEEDBACK_M;
                case "tasks.completed_by_deadline" -> TASKS_M;
                default -> -1;
            };
        }

        private static int eventSlot(String code) {
            return switch (code) {
                case "inspection.periodic" -> PERIODIC_E;
                case "inspection.surprise" -> SURPRISE_E;
                case "initiative" -> INITIATIVE_E;
                case "dialogue" -> DIALOGUE_E;
                case "survey_results.published" -> SURVEY_RESULTS_E;
                case "propaganda.product" -> PROPAGANDA_E;
                case "task.assigned" -> TASK_ASSIGNED_E;
                case "task.completed" -> TASK_COMPLETED_E;
                default -> -1;
            };
        }

        /** Evaluates a run of units into its own list of results. */
        final class Worker {
            private final List<Node> units;
            private final List<Result> out;
            private int stamp;

            Worker(List<Node> units, int expected) {
                this.units = units;
                this.out = new ArrayList<>(expected);
            }

            List<Result> evaluate() {
                for (Node n : units) {
                    Level level = n.unit.level();
                    if (level.equals(Level.DEPARTMENT) || level.equals(Level.SUB_DEPARTMENT)) {
                        unit(n, level.equals(Level.DEPARTMENT));
                    }
                }
                return out;
            }

            // ---- the targets of one unit, in target-id order

            private void unit(Node n, boolean department) {
                String id = n.unit.id();
                if (department) {
                    ePayment(n);
                    out.add(new Result(EARLY, id, null, NA, yearEnded, null, null, null));
                } else {
                    out.add(new Result(E_PAYMENT, id, null, NA, yearEnded, null, null, null));
                    ratio(n, EARLY, EARLY_M, null, 80, false);
                }
                receivingFeedback(n, FEEDBACK, FEEDBACK_M);
                initiatives(n);
                iso(n, department);
                onTime(n, department);
                onlineProcedures(n);
                onlineRate(n);
                coverage(n);
                propaganda(n);
                section(n);
                cadence(n, DIALOGUE, DIALOGUE_E);
                receivingFeedback(n, RECEIVING, RECEIVING_M);
                ratio(n, SATISFACTION, SATISFACTION_M, null, department ? 91 : 95, false);
                surprise(n, department);
                cadence(n, SURVEY_RESULTS, SURVEY_RESULTS_E);
                tasks(n);
            }

            private void receivingFeedback(Node n, String target, int slot) {
                ratio(n, target, slot, null, 100, false);
            }

            /** e-payment-edu-health: a result for each of education and health, reported or not. */
            private void ePayment(Node n) {
                ratio(n, E_PAYMENT, E_PAYMENT_M, "education", 95, true);
                ratio(n, E_PAYMENT, E_PAYMENT_M, "health", 95, true);
            }

            private void onTime(Node n, boolean department) {
                List<Measurement> all = n.measurements(ON_TIME_M);
                List<String> fields = new ArrayList<>(4);
                for (Measurement m : all) {
                    String f = m.field();
                    if (f != null && m.period().year() == YEAR && !fields.contains(f)) {
                        fields.add(f);
                    }
                }
                if (fields.isEmpty() || figure(all, null) != null) {
                    ratio(n, ON_TIME, ON_TIME_M, null, department ? 98 : 100, false);
                }
                Collections.sort(fields);
                for (String f : fields) {
                    int t = !department ? 100 : f.equals("land") || f.equals("investment") ? 96 : 98;
                    ratio(n, ON_TIME, ON_TIME_M, f, t, false);
                }
            }

            /** A share of {@code slot} for 2021 against {@code percent}: at least it, or strictly above it. */
            private void ratio(Node n, String target, int slot, String field, int percent, boolean strict) {
                String threshold = (strict ? "> " : ">= ") + percent;
                Figure f = figure(n.measurements(slot), field);
                if (f == null || f.m == null) {
                    out.add(new Result(target, n.unit.id(), field, INSUFFICIENT, yearEnded, null, threshold, null));
                    return;
                }
                boolean fin = yearEnded && !f.yearToDate;
                long num = f.m.numerator();
                long den = f.m.denominator();
                if (den == 0) {
                    out.add(new Result(target, n.unit.id(), field, NA, fin, null, threshold, null));
                    return;
                }
                Status status;
                Long gap;
                if (den <= SMALL) {
                    long td = percent * den;
                    long needed = strict ? td / 100 + 1 : td / 100 + (td % 100 == 0 ? 0 : 1);
                    if (num >= needed) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        gap = needed > den ? null : needed - num;
                    }
                } else {
                    BigInteger[] qr = BigInteger.valueOf(den).multiply(BigInteger.valueOf(percent))
                            .divideAndRemainder(BigInteger.valueOf(100));
                    BigInteger needed = strict || qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
                    if (BigInteger.valueOf(num).compareTo(needed) >= 0) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        gap = needed.compareTo(BigInteger.valueOf(den)) > 0 ? null : needed.longValueExact() - num;
                    }
                }
                // shown as the share itself says, before a share out of reach turns the status
                String shown = strict && status == MET ? percentAbove(num, den, percent) : percent(num, den);
                Long e = expected(n.measurements(slot), field, f);
                if (e != null) {
                    // even if every case still expected succeeded: 100·(num + e) against percent·(den + e)
                    BigInteger all = BigInteger.valueOf(den).add(BigInteger.valueOf(e));
                    int c = BigInteger.valueOf(num).add(BigInteger.valueOf(e)).multiply(BigInteger.valueOf(100))
                            .compareTo(all.multiply(BigInteger.valueOf(percent)));
                    if (strict ? c <= 0 : c < 0) {
                        status = NOT_MET;
                        fin = true;
                    }
                }
                out.add(new Result(target, n.unit.id(), field, status, fin, shown, threshold, gap));
            }

            /** online-rate-growth: the 2021 share at least the 2020 share plus 3 points. */
            private void onlineRate(Node n) {
                List<Measurement> all = n.measurements(ONLINE_M);
                Measurement prev = whole2020(all);
                String threshold = ">= 2020 + 3 points";
                Figure f = figure(all, null);
                if (f == null || f.m == null) {
                    out.add(new Result(ONLINE_RATE, n.unit.id(), null, INSUFFICIENT, yearEnded, null, threshold, null));
                    return;
                }
                boolean fin = yearEnded && !f.yearToDate;
                long num = f.m.numerator();
                long den = f.m.denominator();
                if (den == 0) {
                    out.add(new Result(ONLINE_RATE, n.unit.id(), null, NA, fin, null, threshold, null));
                    return;
                }
                String actual = percent(num, den);
                if (prev == null || prev.denominator() == 0) {
                    out.add(new Result(ONLINE_RATE, n.unit.id(), null, INSUFFICIENT, fin, actual, threshold, null));
                    return;
                }
                long pn = prev.numerator();
                long pd = prev.denominator();
                Status status;
                Long gap;
                // n/d >= pn/pd + 3/100  <=>  100·n·pd >= (100·pn + 3·pd)·d
                if (num < TINY && den < TINY && pn < TINY && pd < TINY) {
                    long left = 100 * num * pd;
                    long right = (100 * pn + 3 * pd) * den;
                    long div = 100 * pd;
                    long needed = right / div + (right % div == 0 ? 0 : 1);
                    if (left >= right) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        gap = needed > den ? null : Math.max(0, needed - num);
                    }
                } else {
                    BigInteger bpd = BigInteger.valueOf(pd);
                    BigInteger left = BigInteger.valueOf(num).multiply(BigInteger.valueOf(100)).multiply(bpd);
                    BigInteger right = BigInteger.valueOf(pn).multiply(BigInteger.valueOf(100))
                            .add(BigInteger.valueOf(3).multiply(bpd)).multiply(BigInteger.valueOf(den));
                    BigInteger[] qr = right.divideAndRemainder(bpd.multiply(BigInteger.valueOf(100)));
                    BigInteger needed = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
                    if (left.compareTo(right) >= 0) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        gap = needed.compareTo(BigInteger.valueOf(den)) > 0 ? null
                                : Math.max(0, needed.longValueExact() - num);
                    }
                }
                if (status == NOT_MET) {
                    actual = belowRequired(num, den, pn, pd, 3);
                }
                Long e = expected(all, null, f);
                if (e != null) {
                    BigInteger bpd = BigInteger.valueOf(pd);
                    BigInteger be = BigInteger.valueOf(e);
                    BigInteger left = BigInteger.valueOf(num).add(be).multiply(BigInteger.valueOf(100)).multiply(bpd);
                    BigInteger right = BigInteger.valueOf(pn).multiply(BigInteger.valueOf(100))
                            .add(BigInteger.valueOf(3).multiply(bpd)).multiply(BigInteger.valueOf(den).add(be));
                    if (left.compareTo(right) < 0) {
                        status = NOT_MET;
                        fin = true;
                    }
                }
                out.add(new Result(ONLINE_RATE, n.unit.id(), null, status, fin, actual, threshold, gap));
            }

            /** online-procedures-growth: the 2021 count at least 1.05 times the 2020 count. */
            private void onlineProcedures(Node n) {
                List<Measurement> all = n.measurements(PROCEDURES_M);
                Measurement prev = whole2020(all);
                String threshold = ">= 2020 + 5 %";
                Figure f = figure(all, null);
                if (f == null || f.m == null) {
                    out.add(new Result(ONLINE_PROCEDURES, n.unit.id(), null, INSUFFICIENT, yearEnded, null, threshold, null));
                    return;
                }
                boolean fin = yearEnded && !f.yearToDate;
                BigDecimal v = f.m.value();
                if (prev == null) {
                    out.add(new Result(ONLINE_PROCEDURES, n.unit.id(), null, INSUFFICIENT, fin, v.toPlainString(), threshold,
                            null));
                    return;
                }
                BigDecimal p = prev.value();
                Status status;
                Long gap;
                if (v.scale() == 0 && p.scale() == 0 && v.precision() < 15 && p.precision() < 15) {
                    long lv = v.longValue();
                    long lp = p.longValue();
                    long shortfall = 105 * lp - 100 * lv;
                    if (shortfall <= 0) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        gap = shortfall / 100 + (shortfall % 100 == 0 ? 0 : 1);
                    }
                } else {
                    BigDecimal required = p.multiply(BigDecimal.valueOf(105)).divide(BigDecimal.valueOf(100));
                    if (v.compareTo(required) >= 0) {
                        status = MET;
                        gap = 0L;
                    } else {
                        status = NOT_MET;
                        BigInteger g = required.subtract(v).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
                        gap = g.bitLength() < Long.SIZE ? g.longValueExact() : null;
                    }
                }
                out.add(new Result(ONLINE_PROCEDURES, n.unit.id(), null, status, fin, v.toPlainString(), threshold, gap));
            }

            /** initiative-per-unit: every sub-unit has an initiative of its own dated in 2021. */
            private void initiatives(Node n) {
                int all = n.subs.size();
                if (all == 0) {
                    out.add(new Result(INITIATIVE, n.unit.id(), null, NA, yearEnded, null, "every sub-unit", null));
                    return;
                }
                int with = 0;
                for (Node s : n.subs) {
                    for (Event e : s.events(INITIATIVE_E)) {
                        if (e.date().getYear() == YEAR) {
                            with++;
                            break;
                        }
                    }
                }
                int without = all - with;
                out.add(new Result(INITIATIVE, n.unit.id(), null, without == 0 ? MET : NOT_MET, yearEnded,
                        percent(with, all), ">= 1 per sub-unit", (long) without));
            }

            /** periodic-inspection: distinct sub-units inspected periodically in 2021, at least 30 % of them. */
            private void coverage(Node n) {
                int all = n.subs.size();
                if (all == 0) {
                    out.add(new Result(PERIODIC, n.unit.id(), null, NA, yearEnded, null, ">= 30", null));
                    return;
                }
                int k = covered(n, PERIODIC_E, -1);
                long needed = (30L * all + 99) / 100;
                boolean met = k >= needed;
                out.add(new Result(PERIODIC, n.unit.id(), null, met ? MET : NOT_MET, yearEnded, percent(k, all), ">= 30",
                        met ? 0L : needed - k));
            }

            /**
             * surprise-inspection: distinct sub-units inspected by surprise in each quarter due: at least 5
             * (all where fewer) for a department, at least half for a sub-department.
             */
            private void surprise(Node n, boolean department) {
                // a department counts the units anywhere under it ("thuộc thẩm quyền quản lý")
                int all = department ? under(n) : n.subs.size();
                String threshold = department ? ">= 5 per quarter" : ">= 50 per quarter";
                if (all == 0 || quartersDue == 0) {
                    out.add(new Result(SURPRISE, n.unit.id(), null, NA, yearEnded, null, threshold, null));
                    return;
                }
                int required = department ? Math.min(5, all) : (50 * all + 99) / 100;
                long gap = 0;
                int least = Integer.MAX_VALUE;
                for (int q = 0; q < 4; q++) {
                    if (quarterDue[q]) {
                        int k = department ? coveredUnder(n, SURPRISE_E, q) : covered(n, SURPRISE_E, q);
                        least = Math.min(least, k);
                        gap += Math.max(0, required - k);
                    }
                }
                out.add(new Result(SURPRISE, n.unit.id(), null, gap == 0 ? MET : NOT_MET, yearEnded,
                        department ? Integer.toString(least) : percent(least, all), threshold, gap));
            }

            /** Distinct sub-units of {@code n} that its events of {@code slot} in 2021 (or in quarter {@code q}) were upon. */
            private int covered(Node n, int slot, int q) {
                int mark = ++stamp;
                int k = 0;
                for (Event e : n.events(slot)) {
                    LocalDate d = e.date();
                    if (d.getYear() != YEAR || (q >= 0 && (d.getMonthValue() - 1) / 3 != q) || e.subject() == null) {
                        continue;
                    }
                    Node s = nodes.get(e.subject());
                    if (s != null && s.parent == n && s.stamp != mark) {
                        s.stamp = mark;
                        k++;
                    }
                }
                return k;
            }

            /** How many units stand anywhere under {@code n}. */
            private int under(Node n) {
                int k = 0;
                for (Node s : n.subs) {
                    k += 1 + under(s);
                }
                return k;
            }

            /** Distinct units anywhere under {@code n} that its events of {@code slot} in quarter {@code q} were upon. */
            private int coveredUnder(Node n, int slot, int q) {
                int mark = ++stamp;
                int k = 0;
                for (Event e : n.events(slot)) {
                    LocalDate d = e.date();
                    if (d.getYear() != YEAR || (d.getMonthValue() - 1) / 3 != q || e.subject() == null) {
                        continue;
                    }
                    Node s = nodes.get(e.subject());
                    if (s != null && s.stamp != mark && isUnder(s, n)) {
                        s.stamp = mark;
                        k++;
                    }
                }
                return k;
            }

            private boolean isUnder(Node s, Node n) {
                for (Node p = s.parent; p != null; p = p.parent) {
                    if (p == n) {
                        return true;
                    }
                }
                return false;
            }

            /** A cadence target: an event of {@code slot} in every quarter of 2021 ended by asOf. */
            private void cadence(Node n, String target, int slot) {
                if (quartersDue == 0) {
                    out.add(new Result(target, n.unit.id(), null, NA, yearEnded, null, ">= 1 per quarter", null));
                    return;
                }
                boolean[] held = new boolean[4];
                for (Event e : n.events(slot)) {
                    LocalDate d = e.date();
                    if (d.getYear() == YEAR) {
                        held[(d.getMonthValue() - 1) / 3] = true;
                    }
                }
                int k = 0;
                for (int q = 0; q < 4; q++) {
                    if (quarterDue[q] && held[q]) {
                        k++;
                    }
                }
                long gap = quartersDue - k;
                out.add(new Result(target, n.unit.id(), null, gap == 0 ? MET : NOT_MET, yearEnded, Integer.toString(k),
                        ">= 1 per quarter", gap));
            }

            /** propaganda-product: at least one outreach product dated in 2021. */
            private void propaganda(Node n) {
                int k = 0;
                for (Event e : n.events(PROPAGANDA_E)) {
                    if (e.date().getYear() == YEAR) {
                        k++;
                    }
                }
                out.add(new Result(PROPAGANDA, n.unit.id(), null, k >= 1 ? MET : NOT_MET, yearEnded, Integer.toString(k),
                        ">= 1", k >= 1 ? 0L : 1L));
            }

            /** iso9001: the attestation for 2021 (or one without a period, or mid-year one for a part) says true. */
            private void iso(Node n, boolean department) {
                Attestation a = department
                        ? (n.converted2021 != null ? n.converted2021 : n.convertedUndated)
                        : (n.maintained2021 != null ? n.maintained2021 : n.maintainedUndated);
                attested(n, ISO, a, department ? "iso9001.converted" : "iso9001.maintained");
            }

            /** propaganda-section: the attestation website.reform_section says true. */
            private void section(Node n) {
                attested(n, SECTION, n.section2021 != null ? n.section2021 : n.sectionUndated, "website.reform_section");
            }

            private void attested(Node n, String target, Attestation found, String key) {
                Attestation a = found;
                if (a == null && !yearEnded) {
                    for (Attestation p : n.parts.getOrDefault(key, List.of())) {
                        if (a == null || p.period().end().isAfter(a.period().end())) {
                            a = p;
                        }
                    }
                }
                if (a == null) {
                    out.add(new Result(target, n.unit.id(), null, INSUFFICIENT, yearEnded, null, "= true", null));
                } else if (a.value() instanceof Boolean b) {
                    out.add(new Result(target, n.unit.id(), null, b ? MET : NOT_MET, yearEnded, b.toString(), "= true",
                            null));
                } else {
                    out.add(new Result(target, n.unit.id(), null, INSUFFICIENT, yearEnded, String.valueOf(a.value()),
                            "= true", null));
                }
            }

            /**
             * tasks-by-deadline: every task of the unit for 2021 completed before 1 November 2021; a task
             * still open before that day is pending (met, not final), one late or open after it fails the
             * target at once (final); with no task events, the share {@code tasks.completed_by_deadline}.
             */
            private void tasks(Node n) {
                List<Event> assigned = n.events(TASK_ASSIGNED_E);
                List<Event> completed = n.events(TASK_COMPLETED_E);
                Map<String, LocalDate> tasks = null;
                LocalDate open = LocalDate.MAX;
                for (Event e : assigned) {
                    if (in2021(e)) {
                        if (tasks == null) {
                            tasks = new HashMap<>();
                        }
                        tasks.putIfAbsent(e.task(), open);
                    }
                }
                for (Event e : completed) {
                    if (in2021(e)) {
                        if (tasks == null) {
                            tasks = new HashMap<>();
                        }
                        LocalDate before = tasks.get(e.task());
                        if (before == null || e.date().isBefore(before)) {
                            tasks.put(e.task(), e.date());
                        }
                    }
                }
                if (tasks == null) {
                    tasksRatio(n);
                    return;
                }
                boolean passed = !asOf.isBefore(TASKS_FIRST_LATE_DAY);
                int all = tasks.size();
                int onTime = 0;
                int late = 0;
                for (LocalDate d : tasks.values()) {
                    if (d.isBefore(TASKS_FIRST_LATE_DAY)) {
                        onTime++;
                    } else if (d != open || passed) {
                        late++;
                    }
                }
                out.add(new Result(TASKS, n.unit.id(), null, late == 0 ? MET : NOT_MET, yearEnded || late > 0,
                        percent(onTime, all), TASKS_THRESHOLD, (long) late));
            }

            /**
             * The share {@code tasks.completed_by_deadline}: all completed meets; before 1 November the
             * open tasks are not late (met, not final); after it, a share that reaches 31 October or later
             * below 100 % is not met at once, and one measured only to an earlier day cannot tell.
             */
            private void tasksRatio(Node n) {
                Figure f = figure(n.measurements(TASKS_M), null);
                if (f == null || f.m == null) {
                    out.add(new Result(TASKS, n.unit.id(), null, INSUFFICIENT, yearEnded, null, TASKS_THRESHOLD, null));
                    return;
                }
                boolean fin = yearEnded && !f.yearToDate;
                long num = f.m.numerator();
                long den = f.m.denominator();
                if (den == 0) {
                    out.add(new Result(TASKS, n.unit.id(), null, NA, fin, null, TASKS_THRESHOLD, null));
                    return;
                }
                String actual = percent(num, den);
                boolean covers = !f.yearToDate || !f.m.period().end().isBefore(TASKS_FIRST_LATE_DAY.minusDays(1));
                if (num == den || asOf.isBefore(TASKS_FIRST_LATE_DAY)) {
                    out.add(new Result(TASKS, n.unit.id(), null, MET, fin, actual, TASKS_THRESHOLD, 0L));
                } else if (covers) {
                    out.add(new Result(TASKS, n.unit.id(), null, NOT_MET, true, actual, TASKS_THRESHOLD, den - num));
                } else {
                    out.add(new Result(TASKS, n.unit.id(), null, INSUFFICIENT, fin, actual, TASKS_THRESHOLD, null));
                }
            }

            private static boolean in2021(Event e) {
                if (e.task() == null) {
                    return false;
                }
                LocalDate d = e.date();
                LocalDate due = e.deadline();
                return (d != null && d.getYear() == YEAR) || (due != null && due.getYear() == YEAR) || (d == null && due == null);
            }
        }

        /**
         * The figure for 2021: the measurement of the year; failing that, from January to month M
         * (December once the year has ended, else the furthest month measured): a measurement of
         * exactly those months, else the sub-periods laid end to end over them (for the level
         * {@code procedures.online}, the measurement ending at M). {@code null} when nothing of
         * 2021 is measured; a figure without measurement when the months cannot be covered.
         */
        private Figure figure(List<Measurement> all, String field) {
            List<Measurement> in = new ArrayList<>();
            int furthest = 0;
            for (Measurement m : all) {
                Period p = m.period();
                if (p.year() != YEAR || !sameField(m.field(), field)) {
                    continue;
                }
                if (p.months() == 12) {
                    return new Figure(m, false, 12);
                }
                in.add(m);
                furthest = Math.max(furthest, p.lastMonth());
            }
            if (in.isEmpty()) {
                return null;
            }
            int last = yearEnded ? 12 : furthest;
            Measurement m = cover(in, 1, last);
            return new Figure(m, last < 12, last);
        }

        /**
         * Months {@code from}–{@code to} from {@code in}: a measurement of exactly them, else, for a
         * level, the one ending at {@code to}, else the sum of every way of laying periods end to end
         * over them, provided every way gives the same sum; {@code null} otherwise.
         */
        private static Measurement cover(List<Measurement> in, int from, int to) {
            boolean level = false;
            List<Measurement> ending = new ArrayList<>();
            for (Measurement m : in) {
                // a level, or a coverage (a share of a stock): the figure ending at the month, never a sum
                level = !m.isRatio() && "procedures.online".equals(m.indicator()) || COVERAGES.contains(m.indicator());
                if (m.period().firstMonth() == from && m.period().lastMonth() == to) {
                    return m;
                }
                if (m.period().lastMonth() == to) {
                    ending.add(m);
                }
            }
            if (level) {
                for (Measurement m : ending) {
                    Measurement first = ending.get(0);
                    boolean same = m.isRatio() ? m.numerator().equals(first.numerator())
                            && m.denominator().equals(first.denominator()) : m.value().compareTo(first.value()) == 0;
                    if (!same) {
                        return null;
                    }
                }
                return ending.isEmpty() ? null : ending.get(0);
            }
            // the set of distinct sums reaching each month boundary, at most two kept
            List<java.util.Set<List<BigInteger>>> reach = new ArrayList<>();
            for (int k = from; k <= to + 1; k++) {
                reach.add(new java.util.HashSet<>());
            }
            reach.get(0).add(List.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
            for (int k = from; k <= to; k++) {
                for (List<BigInteger> sum : reach.get(k - from)) {
                    for (Measurement m : in) {
                        if (m.period().firstMonth() != k || m.period().lastMonth() > to) {
                            continue;
                        }
                        java.util.Set<List<BigInteger>> next = reach.get(m.period().lastMonth() + 1 - from);
                        if (next.size() < 2) {
                            next.add(m.isRatio()
                                    ? List.of(sum.get(0).add(BigInteger.valueOf(m.numerator())),
                                            sum.get(1).add(BigInteger.valueOf(m.denominator())), sum.get(2))
                                    : List.of(sum.get(0), sum.get(1),
                                            sum.get(2).add(m.value().toBigIntegerExact())));
                        }
                    }
                }
            }
            java.util.Set<List<BigInteger>> end = reach.get(to + 1 - from);
            if (end.size() != 1) {
                return null;
            }
            List<BigInteger> sum = end.iterator().next();
            Measurement first = in.get(0);
            if (first.isRatio()) {
                BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
                if (sum.get(0).compareTo(max) > 0 || sum.get(1).compareTo(max) > 0) {
                    return null;
                }
                return Measurement.ratio(first.unit(), first.indicator(), first.field(), null,
                        sum.get(0).longValueExact(), sum.get(1).longValueExact());
            }
            return Measurement.value(first.unit(), first.indicator(), first.field(), null, new BigDecimal(sum.get(2)));
        }

        /**
         * The cases still expected in 2021 after the figure {@code f} of a share, while the year is
         * open: the 2020 cases of the same remaining months (measured as such, or the 2020 year less its
         * first months), else the figure's cases extended at the same pace (by months, or by days when
         * its last month had not ended on asOf), rounded half up; {@code null} when none applies.
         */
        private Long expected(List<Measurement> all, String field, Figure f) {
            if (yearEnded || COVERAGES.contains(f.m.indicator())) {
                return null;
            }
            long den = f.m.denominator();
            LocalDate lastDay = LocalDate.of(YEAR, f.last, 1).plusMonths(1).minusDays(1);
            BigInteger cases;
            if (lastDay.isAfter(asOf)) {
                long elapsed = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(YEAR, 1, 1), asOf) + 1;
                long remaining = java.time.temporal.ChronoUnit.DAYS.between(asOf, LocalDate.of(YEAR, 12, 31));
                cases = halfUp(BigInteger.valueOf(den).multiply(BigInteger.valueOf(remaining)), BigInteger.valueOf(elapsed));
            } else {
                List<Measurement> in2020 = new ArrayList<>();
                Measurement year2020 = null;
                for (Measurement m : all) {
                    if (m.period().year() == YEAR - 1 && sameField(m.field(), field)) {
                        if (m.period().months() == 12) {
                            year2020 = m;
                        } else {
                            in2020.add(m);
                        }
                    }
                }
                Measurement rest = null;
                if (f.last < 12) {
                    List<Measurement> late = new ArrayList<>();
                    for (Measurement m : in2020) {
                        if (m.period().firstMonth() > f.last) {
                            late.add(m);
                        }
                    }
                    rest = late.isEmpty() ? null : cover(late, f.last + 1, 12);
                }
                if (rest != null) {
                    cases = BigInteger.valueOf(rest.denominator());
                } else {
                    List<Measurement> early = new ArrayList<>();
                    for (Measurement m : in2020) {
                        if (m.period().lastMonth() <= f.last) {
                            early.add(m);
                        }
                    }
                    Measurement part = early.isEmpty() ? null : cover(early, 1, f.last);
                    Measurement whole = year2020 != null ? year2020 : in2020.isEmpty() ? null : cover(in2020, 1, 12);
                    if (whole != null && part != null && whole.denominator() >= part.denominator()) {
                        cases = BigInteger.valueOf(whole.denominator() - part.denominator());
                    } else {
                        cases = halfUp(BigInteger.valueOf(den).multiply(BigInteger.valueOf(12 - f.last)),
                                BigInteger.valueOf(f.last));
                    }
                }
            }
            return cases.bitLength() < Long.SIZE ? cases.longValueExact() : null;
        }

        private static BigInteger halfUp(BigInteger a, BigInteger b) {
            return a.multiply(BigInteger.TWO).add(b).divide(b.multiply(BigInteger.TWO));
        }

        /** The 2020 figure of the unit's total: the year's measurement or sub-periods covering all of it. */
        private static Measurement whole2020(List<Measurement> all) {
            List<Measurement> in = new ArrayList<>();
            for (Measurement m : all) {
                Period p = m.period();
                if (p.year() == YEAR - 1 && m.field() == null) {
                    if (p.months() == 12) {
                        return m;
                    }
                    in.add(m);
                }
            }
            return in.isEmpty() ? null : cover(in, 1, 12);
        }

        private static boolean sameField(String a, String b) {
            return a == null ? b == null : a.equals(b);
        }
    }

    /** {@code 100·n/d} with two decimals, truncated (never rounded up); {@code d > 0}. */
    static String percent(long n, long d) {
        if (n < 100_000_000_000_000L && d < SMALL) {
            long x = 10_000 * n / d;
            long whole = x / 100;
            int cents = (int) (x % 100);
            return whole + (cents < 10 ? ".0" : ".") + cents;
        }
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(d), 2, RoundingMode.DOWN).toPlainString();
    }

    /**
     * A share short of last year's plus {@code points} points, shown truncated with as many
     * decimals, at least two, as it takes to read below the required share truncated alike: at k
     * decimals, ⌊10^k·100·n/d⌋ &lt; ⌊10^k·(100·pn + points·pd)/pd⌋.
     */
    static String belowRequired(long n, long d, long pn, long pd, long points) {
        BigInteger a = BigInteger.valueOf(n).multiply(BigInteger.valueOf(100));
        BigInteger r = BigInteger.valueOf(pn).multiply(BigInteger.valueOf(100)).add(BigInteger.valueOf(points).multiply(BigInteger.valueOf(pd)));
        for (int k = 2; ; k++) {
            BigInteger scale = BigInteger.TEN.pow(k);
            BigInteger cut = a.multiply(scale).divide(BigInteger.valueOf(d));
            if (cut.compareTo(r.multiply(scale).divide(BigInteger.valueOf(pd))) < 0) {
                return new BigDecimal(cut, k).toPlainString();
            }
        }
    }

    /**
     * A share met against "more than {@code t} %" ({@code 100·n > t·d}), shown truncated with as
     * many decimals, at least two, as it takes to read above {@code t}: 10^k·100·n/d cut to whole
     * units exceeds 10^k·t.
     */
    static String percentAbove(long n, long d, long t) {
        BigInteger hundredN = BigInteger.valueOf(n).multiply(BigInteger.valueOf(100));
        for (int k = 2; ; k++) {
            BigInteger scale = BigInteger.TEN.pow(k);
            BigInteger cut = hundredN.multiply(scale).divide(BigInteger.valueOf(d));
            if (cut.compareTo(BigInteger.valueOf(t).multiply(scale)) > 0) {
                return new BigDecimal(cut, k).toPlainString();
            }
        }
    }
}
