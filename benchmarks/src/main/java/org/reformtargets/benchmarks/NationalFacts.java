// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.benchmarks;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reformtargets.core.Attestation;
import org.reformtargets.core.Event;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;

/**
 * A deterministic generator of nationwide-scale {@code hcm-agri/2021} facts documents: the same
 * number of units and seed always give the same document.
 *
 * <p>Units come in department trees: a department (Sở) with 4–12 sub-departments (Chi cục), each
 * with 2–10 offices (trạm), and 1–5 offices of its own (phòng); the last tree is cut to give
 * exactly the number of units asked for. Every unit has about 20 facts on average: departments and
 * sub-departments the measurements every 2021 target reads (per-field on-time ratios, 2020
 * figures for the growth targets, e-payment for education and health), dialogues and published
 * survey results in each quarter, periodic and surprise inspections upon their sub-units, an
 * outreach product, reform tasks and an ISO 9001 attestation; offices their own figures, dialogues
 * and initiatives. Figures lean on each target's threshold (exactly at it, one below, one above)
 * and now and then are missing or have a zero denominator, so that every status occurs.
 *
 * <p>A <em>thinner</em> document keeps only a share of these facts ({@link #generate(int, long, LocalDate,
 * int)}): each fact is kept or dropped by a second generator seeded from the same seed, so the thin
 * document's facts are a subset, in the same order, of the full document's, and its units are the same.
 *
 * <pre>{@code
 * FactsDocument facts = NationalFacts.generate(100_000, 1L);
 * }</pre>
 *
 * <p>As a program it writes a document to a file ({@link #main}): the 207 MB document of 100,000 units
 * and the 80 MB one with fewer facts per unit of issue 14 are
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.NationalFacts 100000 1 100 nf100k.json
 * java -cp benchmarks/target/benchmarks.jar org.reformtargets.benchmarks.NationalFacts 100000 1 36 nf100k-80mb.json
 * </pre>
 */
public final class NationalFacts {

    private static final int YEAR = 2021;
    private static final Period Y2021 = Period.year(YEAR);
    private static final Period Y2020 = Period.year(YEAR - 1);
    private static final List<String> FIELDS = List.of("land", "investment", "agriculture", "crop_production",
            "veterinary", "fisheries", "forestry");
    private static final LocalDate[] DAYS = new LocalDate[366];

    static {
        for (int i = 0; i < 365; i++) {
            DAYS[i] = LocalDate.ofYearDay(YEAR, i + 1);
        }
    }

    private static final ObjectWriter COMPACT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build()
            .writer();

    private final SplittableRandom random;
    /** Draws which facts a thinner document keeps; apart from {@link #random}, so the full document stays the same. */
    private final SplittableRandom thinning;
    private final int factsPercent;
    private final LocalDate asOf;
    private final int lastDay;
    private final List<Unit> units = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Attestation> attestations = new ArrayList<>();

    private NationalFacts(long seed, LocalDate asOf, int factsPercent) {
        this.random = new SplittableRandom(seed);
        this.thinning = new SplittableRandom(~seed);
        this.factsPercent = factsPercent;
        this.asOf = asOf;
        this.lastDay = asOf.getYear() > YEAR ? 364 : asOf.getDayOfYear() - 1;
    }

    /** The document of {@code units} units for {@code seed}, as of 31 December 2021. */
    public static FactsDocument generate(int units, long seed) {
        return generate(units, seed, LocalDate.of(YEAR, 12, 31));
    }

    /**
     * The document of {@code units} units for {@code seed} as of {@code asOf} (within 2021 or
     * later): before the year's end, figures are often of a quarter, half or month (year to date)
     * and no event is dated after {@code asOf}.
     */
    public static FactsDocument generate(int units, long seed, LocalDate asOf) {
        return generate(units, seed, asOf, 100);
    }

    /**
     * The document of {@code units} units for {@code seed} as of {@code asOf} with about
     * {@code factsPercent} per cent of its facts: the same units, and of the facts of
     * {@link #generate(int, long, LocalDate)} each one kept with that chance (100: all of them).
     */
    public static FactsDocument generate(int units, long seed, LocalDate asOf, int factsPercent) {
        if (factsPercent < 1 || factsPercent > 100) {
            throw new IllegalArgumentException("factsPercent must be 1 to 100: " + factsPercent);
        }
        if (units < 1) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        if (asOf.getYear() < YEAR) {
            throw new IllegalArgumentException("asOf must be in 2021 or later: " + asOf);
        }
        NationalFacts g = new NationalFacts(seed, asOf, factsPercent);
        g.build(units);
        return new FactsDocument("hcm-agri/2021", asOf, g.units, g.measurements, g.events, g.attestations);
    }

    /**
     * Writes a document as compact JSON to a file. Arguments: units, seed, the per cent of facts kept
     * (1–100), the file; optionally {@code asOf} (default 2021-12-31). Prints the counts and the size.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: NationalFacts UNITS SEED FACTS_PERCENT FILE [AS_OF]");
            System.exit(2);
        }
        int units = Integer.parseInt(args[0].replace("_", ""));
        long seed = Long.parseLong(args[1]);
        int percent = Integer.parseInt(args[2]);
        java.nio.file.Path file = java.nio.file.Path.of(args[3]);
        LocalDate asOf = args.length > 4 ? LocalDate.parse(args[4]) : LocalDate.of(YEAR, 12, 31);
        FactsDocument facts = generate(units, seed, asOf, percent);
        try (OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
            writeJson(facts, out);
        }
        System.out.printf(java.util.Locale.ROOT, "%s: %d units, %d measurements, %d events, %d attestations, %d bytes%n",
                file, facts.units().size(), facts.measurements().size(), facts.events().size(),
                facts.attestations().size(), java.nio.file.Files.size(file));
    }

    /** Whether the next fact is kept: always in a full document, else with the chance asked for. */
    private boolean keep() {
        return factsPercent == 100 || thinning.nextInt(100) < factsPercent;
    }

    /** Adds {@code fact} to {@code facts} if it is kept ({@link #keep}). */
    private <T> void add(List<T> facts, T fact) {
        if (keep()) {
            facts.add(fact);
        }
    }

    /** Writes {@code facts} as compact JSON of the facts contract (UTF-8, one line), as a host would send it. */
    public static void writeJson(FactsDocument facts, OutputStream out) {
        try {
            COMPACT.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code facts} as compact JSON bytes. */
    public static byte[] json(FactsDocument facts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        writeJson(facts, out);
        return out.toByteArray();
    }

    private void build(int count) {
        for (int d = 1; units.size() < count; d++) {
            department(d, count);
        }
    }

    private void department(int d, int count) {
        String id = "so-" + d;
        Unit dep = Unit.root(id, "Sở " + d, Level.DEPARTMENT);
        units.add(dep);
        List<Unit> subs = new ArrayList<>();
        int subDepartments = between(4, 12);
        for (int s = 1; s <= subDepartments && units.size() < count; s++) {
            Unit sub = new Unit(id + "-cc" + s, "Chi cục " + d + "." + s, Level.SUB_DEPARTMENT, id);
            units.add(sub);
            subs.add(sub);
            List<Unit> offices = new ArrayList<>();
            int n = between(2, 10);
            for (int o = 1; o <= n && units.size() < count; o++) {
                Unit office = new Unit(sub.id() + "-tram" + o, "Trạm " + d + "." + s + "." + o, Level.OFFICE, sub.id());
                units.add(office);
                offices.add(office);
            }
            leading(sub, offices, false);
            offices.forEach(this::office);
        }
        int own = between(1, 5);
        List<Unit> offices = new ArrayList<>();
        for (int o = 1; o <= own && units.size() < count; o++) {
            Unit office = new Unit(id + "-phong" + o, "Phòng " + d + "." + o, Level.OFFICE, id);
            units.add(office);
            offices.add(office);
            subs.add(office);
        }
        offices.forEach(this::office);
        leading(dep, subs, true);
    }

    /** The facts of a department or sub-department with these sub-units. */
    private void leading(Unit u, List<Unit> subs, boolean department) {
        String id = u.id();
        List<String> fields = pickFields(department ? 3 : 2);
        share(id, "dossiers.on_time", null, department ? 98 : 100, false);
        for (String f : fields) {
            share(id, "dossiers.on_time", f, !department ? 100 : f.equals("land") || f.equals("investment") ? 96 : 98,
                    false);
        }
        share(id, "dossiers.early", null, 80, false);
        share(id, "satisfaction", null, department ? 91 : 95, false);
        share(id, "receiving_units.surveying", null, 100, false);
        share(id, "feedback.handled", null, 100, false);
        onlineRate(id);
        procedures(id);
        if (department) {
            share(id, "public_service_units.e_payment", "education", 95, true);
            share(id, "public_service_units.e_payment", "health", 95, true);
        }
        everyQuarter(id, "dialogue", 90);
        everyQuarter(id, "survey_results.published", 90);
        outreach(id);
        tasks(id);
        inspections(u, subs, department);
        attestation(id, department ? "iso9001.converted" : "iso9001.maintained");
        initiative(id);
    }

    /** An office's own facts: figures that roll up to its parent, dialogues and an initiative. */
    private void office(Unit u) {
        String id = u.id();
        share(id, "dossiers.on_time", null, 98, false);
        for (String f : pickFields(between(1, 2))) {
            share(id, "dossiers.on_time", f, 98, false);
        }
        share(id, "dossiers.early", null, 80, false);
        share(id, "satisfaction", null, 95, false);
        share(id, "receiving_units.surveying", null, 100, false);
        share(id, "feedback.handled", null, 100, false);
        onlineRate(id);
        procedures(id);
        everyQuarter(id, "dialogue", 90);
        initiative(id);
        outreach(id);
        attestation(id, "iso9001.maintained");
    }

    // ---- measurements

    /** A share near {@code percent} (at least it, or {@code strict}ly above it); now and then missing or empty. */
    private void share(String unit, String indicator, String field, int percent, boolean strict) {
        int r = random.nextInt(100);
        if (r < 3) {
            return;
        }
        long d = r < 4 ? 0 : denominator();
        long needed = strict ? percent * d / 100 + 1 : (percent * d + 99) / 100;
        add(measurements, Measurement.ratio(unit, indicator, field, current(), near(needed, d), d));
    }

    /** dossiers.online for 2020 and 2021, 2021 near the 2020 share plus 3 points. */
    private void onlineRate(String unit) {
        long pd = 0;
        long pn = 0;
        if (random.nextInt(100) >= 5) {
            pd = denominator();
            pn = (pd * between(30, 70)) / 100;
            add(measurements, Measurement.ratio(unit, "dossiers.online", null, Y2020, pn, pd));
        }
        if (random.nextInt(100) < 3) {
            return;
        }
        long d = denominator();
        long needed = pd == 0 ? d / 2 : ceilDiv((100 * pn + 3 * pd) * d, 100 * pd);
        add(measurements, Measurement.ratio(unit, "dossiers.online", null, current(), near(needed, d), d));
    }

    /** procedures.online for 2020 and 2021, 2021 near 1.05 times 2020. */
    private void procedures(String unit) {
        long previous = between(20, 200);
        if (random.nextInt(100) >= 5) {
            add(measurements, Measurement.value(unit, "procedures.online", null, Y2020, BigDecimal.valueOf(previous)));
        }
        if (random.nextInt(100) < 3) {
            return;
        }
        long needed = ceilDiv(105 * previous, 100);
        add(measurements, Measurement.value(unit, "procedures.online", null, current(),
                BigDecimal.valueOf(near(needed, 1000))));
    }

    private long denominator() {
        int r = random.nextInt(100);
        return r < 50 ? between(20, 500) : r < 90 ? between(501, 20_000) : between(20_001, 2_000_000);
    }

    /** A count of {@code d} near {@code needed}: at it, one below, one above, comfortably above or well below. */
    private long near(long needed, long d) {
        int r = random.nextInt(100);
        long n;
        if (r < 25) {
            n = needed;
        } else if (r < 45) {
            n = needed - 1;
        } else if (r < 55) {
            n = needed + 1;
        } else if (r < 85) {
            n = needed + random.nextLong(Math.max(1, d - needed + 1));
        } else {
            n = needed - 1 - random.nextLong(Math.max(1, needed / 10 + 1));
        }
        return Math.max(0, Math.min(d, n));
    }

    /** The period of a 2021 figure: the year, or before the year's end now and then a part of it measured so far. */
    private Period current() {
        if (lastDay >= 364 || random.nextInt(100) < 20) {
            return Y2021;
        }
        int month = DAYS[lastDay].getMonthValue();
        return switch (random.nextInt(3)) {
            case 0 -> Period.month(YEAR, month);
            case 1 -> Period.quarter(YEAR, (month - 1) / 3 + 1);
            default -> Period.half(YEAR, month <= 6 ? 1 : 2);
        };
    }

    // ---- events

    private void everyQuarter(String unit, String type, int chance) {
        for (int q = 0; q < 4; q++) {
            if (random.nextInt(100) < chance) {
                LocalDate day = dayIn(q);
                if (day != null) {
                    add(events, Event.of(unit, type, day));
                }
            }
        }
    }

    private void outreach(String unit) {
        int r = random.nextInt(100);
        int k = r < 15 ? 0 : r < 85 ? 1 : 2;
        for (int i = 0; i < k; i++) {
            LocalDate day = dayIn(random.nextInt(4));
            if (day != null) {
                add(events, new Event(unit, "propaganda.product", day, null, null, null, null, null, "Sản phẩm " + (i + 1)));
            }
        }
    }

    private void initiative(String unit) {
        if (random.nextInt(100) < 92) {
            LocalDate day = dayIn(random.nextInt(4));
            if (day != null) {
                add(events, new Event(unit, "initiative", day, null, null, null, null, null, "Sáng kiến " + unit));
            }
        }
    }

    /** Three reform tasks completed around 1 November (or left open), or else the share of tasks on time. */
    private void tasks(String unit) {
        if (random.nextInt(100) < 30) {
            share(unit, "tasks.completed_by_deadline", null, 100, false);
            return;
        }
        for (int t = 1; t <= 3; t++) {
            String task = "cchc-" + t;
            add(events, new Event(unit, "task.assigned", DAYS[between(0, Math.min(40, lastDay))], null, task, null, null, null, null));
            int r = random.nextInt(100);
            LocalDate done = r < 40 ? LocalDate.of(YEAR, 10, 31) : r < 50 ? LocalDate.of(YEAR, 11, 1)
                    : r < 90 ? DAYS[between(41, 300)] : null;
            if (done != null && !done.isAfter(asOf)) {
                add(events, new Event(unit, "task.completed", done, null, task, null, null, null, null));
            }
        }
    }

    /** Periodic inspections of about 30 % of the sub-units, and surprise inspections in every quarter. */
    private void inspections(Unit u, List<Unit> subs, boolean department) {
        int n = subs.size();
        if (n == 0) {
            return;
        }
        int periodic = (int) near((30L * n + 99) / 100, n);
        for (Unit s : pick(subs, periodic)) {
            LocalDate day = dayIn(random.nextInt(4));
            if (day != null) {
                add(events, Event.upon(u.id(), "inspection.periodic", day, s.id()));
            }
        }
        int required = department ? Math.min(5, n) : (50 * n + 99) / 100;
        for (int q = 0; q < 4; q++) {
            int k = random.nextInt(100) < 75 ? required : (int) Math.max(0, Math.min(n, required + between(-2, 1)));
            for (Unit s : pick(subs, k)) {
                LocalDate day = dayIn(q);
                if (day != null) {
                    add(events, Event.upon(u.id(), "inspection.surprise", day, s.id()));
                    if (random.nextInt(100) < 10) {
                        add(events, Event.upon(u.id(), "inspection.surprise", dayIn(q), s.id()));
                    }
                }
            }
        }
    }

    private void attestation(String unit, String key) {
        int r = random.nextInt(100);
        if (r >= 5) {
            add(attestations, Attestation.of(unit, key, Y2021, r < 85));
        }
    }

    // ---- building blocks

    /** A day of quarter {@code q} (0–3) of 2021 no later than asOf, or {@code null} when the quarter starts after it. */
    private LocalDate dayIn(int q) {
        int first = LocalDate.of(YEAR, 3 * q + 1, 1).getDayOfYear() - 1;
        int last = q == 3 ? 364 : LocalDate.of(YEAR, 3 * q + 4, 1).getDayOfYear() - 2;
        if (first > lastDay) {
            return null;
        }
        return DAYS[between(first, Math.min(last, lastDay))];
    }

    private List<String> pickFields(int k) {
        return pick(FIELDS, k);
    }

    /** {@code k} distinct elements of {@code from}, in their order. */
    private <T> List<T> pick(List<T> from, int k) {
        List<T> chosen = new ArrayList<>(k);
        int left = k;
        for (int i = 0; i < from.size() && left > 0; i++) {
            if (random.nextInt(from.size() - i) < left) {
                chosen.add(from.get(i));
                left--;
            }
        }
        return chosen;
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }
}
