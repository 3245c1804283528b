// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;

/**
 * The counts of the dossiers read so far, per unit (its own dossiers) and period, and their roll-up
 * into the §8 measurements of every unit and every unit above it.
 */
final class Tally {

    // counters of a unit's own dossiers in one period: DossierRow.Count's, then the two per procedure
    static final int RECEIVED = 0;
    static final int SYNCED = 1;
    static final int ON_TIME = 2;
    static final int FULL_ONLINE_ELIGIBLE = 3;
    static final int FULL_ONLINE = 4;
    static final int FEE_BEARING = 5;
    static final int PAID_ONLINE = 6;
    static final int WRITTEN_RESULT = 7;
    static final int E_RESULT = 8;
    static final int DIGITISED = 9;
    static final int REUSED = 10;
    static final int SHARED = 11;
    static final int POPULATION = 12;
    static final int NO_OVERDUE_OR_COMPLAINT = 13;
    /** Procedures with a fee-bearing dossier, and with one paid online: counted from the procedure sets. */
    static final int PROCEDURES_FEE = 14;
    static final int PROCEDURES_PAID = 15;
    static final int COUNTERS = 16;
    /** The counters one dossier adds to, {@link DossierRow.Count} in its order. */
    private static final int PER_DOSSIER = DossierRow.Count.values().length;

    private static final int FEE = 1;
    private static final int PAID = 2;

    /**
     * One §8 indicator the export gives: its code, its numerator and denominator counters, and the
     * columns it needs (without them the fact is absent and no measurement is made).
     */
    record Indicator(String code, int numerator, int denominator, Predicate<Set<DossierColumn>> available) {

        /** As the public {@link Dossiers.Indicator}, its counters by name. */
        Dossiers.Indicator named() {
            return new Dossiers.Indicator(code, NAMES.get(numerator), NAMES.get(denominator));
        }
    }

    /** The counters' names: {@link DossierRow.Count}'s in lower case, then the two per procedure. */
    static final List<String> NAMES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(DossierRow.Count.values()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)),
            java.util.stream.Stream.of("procedures_fee", "procedures_paid")).toList();

    private static Predicate<Set<DossierColumn>> all(DossierColumn... columns) {
        return has -> has.containsAll(Arrays.asList(columns));
    }

    private static final Predicate<Set<DossierColumn>> TIMED =
            all(DossierColumn.PROCESSING_END_AT).and(has -> has.contains(DossierColumn.DUE_AT) || has.contains(DossierColumn.LEGAL_MAX_TIME));
    private static final Predicate<Set<DossierColumn>> E_RESULT_COLUMNS =
            all(DossierColumn.REQUIRES_DOCUMENT_RESULT, DossierColumn.RESULT_CODE, DossierColumn.RESULT_FILE_URL);

    /** The indicators, in the order of §8. */
    static final List<Indicator> INDICATORS = List.of(
            new Indicator(Dossiers.SYNCED, SYNCED, RECEIVED, all(DossierColumn.SYNCED_TO_DVCQG)),
            new Indicator(Dossiers.ON_TIME, ON_TIME, RECEIVED, TIMED),
            new Indicator(Dossiers.FULL_ONLINE, FULL_ONLINE, FULL_ONLINE_ELIGIBLE,
                    all(DossierColumn.FULL_ONLINE_ELIGIBLE, DossierColumn.IS_FULL_ONLINE)),
            new Indicator(Dossiers.PROCEDURES_PAID_ONLINE, PROCEDURES_PAID, PROCEDURES_FEE,
                    all(DossierColumn.PROCEDURE_CODE, DossierColumn.FEE_NONZERO, DossierColumn.ONLINE_PAYMENT)),
            new Indicator(Dossiers.PAID_ONLINE, PAID_ONLINE, FEE_BEARING, all(DossierColumn.FEE_NONZERO, DossierColumn.ONLINE_PAYMENT)),
            new Indicator(Dossiers.E_RESULT, E_RESULT, WRITTEN_RESULT, E_RESULT_COLUMNS),
            new Indicator(Dossiers.DIGITISED, DIGITISED, RECEIVED, E_RESULT_COLUMNS.and(all(DossierColumn.HAS_COMPONENT_FILE))),
            new Indicator(Dossiers.REUSED_DATA, REUSED, RECEIVED, all(DossierColumn.REUSED_DIGITISED)),
            new Indicator(Dossiers.SHARED_FOR_REUSE, SHARED, RECEIVED, all(DossierColumn.FROM_PERSONAL_STORE)),
            new Indicator(Dossiers.POPULATION_DATA, POPULATION, RECEIVED,
                    has -> has.contains(DossierColumn.VNEID_AUTHENTICATED) || has.contains(DossierColumn.POPULATION_DB_CODE)),
            new Indicator(Dossiers.NO_OVERDUE_OR_COMPLAINT, NO_OVERDUE_OR_COMPLAINT, RECEIVED,
                    TIMED.and(all(DossierColumn.COMPLAINT_OR_DISLIKE))));

    /** A unit's own dossiers in one period. */
    private static final class Bucket {
        final long[] n = new long[COUNTERS];
        /** Procedure code → FEE | PAID, for the procedure indicators. */
        Map<String, Integer> procedures;
    }

    private final List<Map<Period, Bucket>> own;
    private final TreeSet<Period> periods = new TreeSet<>();

    Tally(int units) {
        this.own = new ArrayList<>(units);
        for (int i = 0; i < units; i++) {
            own.add(new HashMap<>());
        }
    }

    /** Counts one dossier, {@link DossierRow#counted()}, in the month, quarter and year of its unit, {@code unit}. */
    void add(DossierRow d, int unit) {
        List<Period> ps = d.periods();
        Map<Period, Bucket> buckets = own.get(unit);
        String procedure = d.procedure();
        for (int i = 0; i < ps.size(); i++) {
            Bucket b = buckets.computeIfAbsent(ps.get(i), k -> {
                periods.add(k);
                return new Bucket();
            });
            int mask = d.mask(i);
            long[] n = b.n;
            for (int c = 0; c < PER_DOSSIER; c++) {
                n[c] += mask >>> c & 1;
            }
            if ((mask & 1 << FEE_BEARING) != 0 && !procedure.isEmpty()) {
                if (b.procedures == null) {
                    b.procedures = new HashMap<>();
                }
                b.procedures.merge(procedure, (mask & 1 << PAID_ONLINE) != 0 ? FEE | PAID : FEE, (x, y) -> x | y);
            }
        }
    }

    /** The periods any dossier fell in, in order (months, then their quarter, then the year). */
    List<Period> periods() {
        return List.copyOf(periods);
    }

    /** The counters of a unit's own dossiers in a period (procedure counters filled in); zeros when none. */
    long[] own(int unit, Period period) {
        Bucket b = own.get(unit).get(period);
        long[] n = new long[COUNTERS];
        if (b == null) {
            return n;
        }
        System.arraycopy(b.n, 0, n, 0, COUNTERS);
        if (b.procedures != null) {
            for (int flags : b.procedures.values()) {
                n[PROCEDURES_FEE]++;
                if ((flags & PAID) != 0) {
                    n[PROCEDURES_PAID]++;
                }
            }
        }
        return n;
    }

    /** Whether the unit has dossiers of its own in any period. */
    boolean hasOwn(int unit) {
        return !own.get(unit).isEmpty();
    }

    /**
     * The measurements of every unit with dossiers of its own or below it, for every period any
     * dossier fell in and every indicator {@code available}: its figure is its own measurement when
     * {@code given} has one (then it is not repeated), else the counts of its own dossiers plus the
     * figures of the units right below it.
     *
     * @param ids      unit ids by index
     * @param parents  the parent's index of each unit, -1 at the top
     * @param given    the facts' own ratio measurements without a field, by {@link #key}
     */
    List<Measurement> measurements(List<String> ids, int[] parents, List<Indicator> available,
                                   Map<String, Measurement> given) {
        int units = ids.size();
        int[] order = childrenFirst(parents);
        boolean[] covered = new boolean[units];
        for (int u : order) {
            if (hasOwn(u) || covered[u]) {
                covered[u] = true;
                if (parents[u] >= 0) {
                    covered[parents[u]] = true;
                }
            }
        }
        List<Period> ps = periods();
        int k = available.size();
        // figures[u][p][2i], [2i+1]: numerator and denominator of indicator i
        long[][][] figures = new long[units][ps.size()][2 * k];
        List<Measurement> out = new ArrayList<>();
        for (int u : order) {
            for (int p = 0; p < ps.size(); p++) {
                long[] n = own(u, ps.get(p));
                long[] f = figures[u][p];
                for (int i = 0; i < k; i++) {
                    Indicator ind = available.get(i);
                    f[2 * i] = Math.addExact(f[2 * i], n[ind.numerator()]);
                    f[2 * i + 1] = Math.addExact(f[2 * i + 1], n[ind.denominator()]);
                    Measurement m = given.get(key(ids.get(u), ind.code(), ps.get(p)));
                    if (m != null) {
                        f[2 * i] = m.numerator() == null ? 0 : m.numerator();
                        f[2 * i + 1] = m.denominator() == null ? 0 : m.denominator();
                    }
                }
                if (parents[u] >= 0) {
                    long[] up = figures[parents[u]][p];
                    for (int j = 0; j < 2 * k; j++) {
                        up[j] = Math.addExact(up[j], f[j]);
                    }
                }
            }
        }
        for (int u = 0; u < units; u++) {
            if (!covered[u]) {
                continue;
            }
            for (int p = 0; p < ps.size(); p++) {
                for (int i = 0; i < k; i++) {
                    String code = available.get(i).code();
                    if (!given.containsKey(key(ids.get(u), code, ps.get(p)))) {
                        out.add(Measurement.ratio(ids.get(u), code, null, ps.get(p),
                                figures[u][p][2 * i], figures[u][p][2 * i + 1]));
                    }
                }
            }
        }
        return out;
    }

    static String key(String unit, String indicator, Period period) {
        return unit + '\u0000' + indicator + '\u0000' + period;
    }

    /** The units ordered so that each comes before its parent (a cycle, impossible in valid facts, is cut). */
    static int[] childrenFirst(int[] parents) {
        int n = parents.length;
        int[] depth = new int[n];
        for (int u = 0; u < n; u++) {
            int d = 0;
            for (int a = parents[u]; a >= 0 && d <= n; a = parents[a]) {
                d++;
            }
            depth[u] = d;
        }
        Integer[] order = new Integer[n];
        for (int u = 0; u < n; u++) {
            order[u] = u;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(depth[b], depth[a]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
