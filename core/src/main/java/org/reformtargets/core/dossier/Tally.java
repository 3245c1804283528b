// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.dossier.DossierCsv.Column;

/**
 * The counts of the dossiers read so far, per unit (its own dossiers) and period, and their roll-up
 * into the §8 measurements of every unit and every unit above it.
 */
final class Tally {

    // counters of a unit's own dossiers in one period
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

    private static final int FEE = 1;
    private static final int PAID = 2;

    /**
     * One §8 indicator the export gives: its code, its numerator and denominator counters, and the
     * columns it needs (without them the fact is absent and no measurement is made).
     */
    record Indicator(String code, int numerator, int denominator, Predicate<DossierCsv> available) {
    }

    private static Predicate<DossierCsv> all(Column... columns) {
        return csv -> Arrays.stream(columns).allMatch(csv::has);
    }

    private static final Predicate<DossierCsv> TIMED =
            all(Column.PROCESSING_END_AT).and(csv -> csv.has(Column.DUE_AT) || csv.has(Column.LEGAL_MAX_TIME));
    private static final Predicate<DossierCsv> E_RESULT_COLUMNS =
            all(Column.REQUIRES_DOCUMENT_RESULT, Column.RESULT_CODE, Column.RESULT_FILE_URL);

    /** The indicators, in the order of §8. */
    static final List<Indicator> INDICATORS = List.of(
            new Indicator(Dossiers.SYNCED, SYNCED, RECEIVED, all(Column.SYNCED_TO_DVCQG)),
            new Indicator(Dossiers.ON_TIME, ON_TIME, RECEIVED, TIMED),
            new Indicator(Dossiers.FULL_ONLINE, FULL_ONLINE, FULL_ONLINE_ELIGIBLE,
                    all(Column.FULL_ONLINE_ELIGIBLE, Column.IS_FULL_ONLINE)),
            new Indicator(Dossiers.PROCEDURES_PAID_ONLINE, PROCEDURES_PAID, PROCEDURES_FEE,
                    all(Column.PROCEDURE_CODE, Column.FEE_NONZERO, Column.ONLINE_PAYMENT)),
            new Indicator(Dossiers.PAID_ONLINE, PAID_ONLINE, FEE_BEARING, all(Column.FEE_NONZERO, Column.ONLINE_PAYMENT)),
            new Indicator(Dossiers.E_RESULT, E_RESULT, WRITTEN_RESULT, E_RESULT_COLUMNS),
            new Indicator(Dossiers.DIGITISED, DIGITISED, RECEIVED, E_RESULT_COLUMNS.and(all(Column.HAS_COMPONENT_FILE))),
            new Indicator(Dossiers.REUSED_DATA, REUSED, RECEIVED, all(Column.REUSED_DIGITISED)),
            new Indicator(Dossiers.SHARED_FOR_REUSE, SHARED, RECEIVED, all(Column.FROM_PERSONAL_STORE)),
            new Indicator(Dossiers.POPULATION_DATA, POPULATION, RECEIVED,
                    csv -> csv.has(Column.VNEID_AUTHENTICATED) || csv.has(Column.POPULATION_DB_CODE)),
            new Indicator(Dossiers.NO_OVERDUE_OR_COMPLAINT, NO_OVERDUE_OR_COMPLAINT, RECEIVED,
                    TIMED.and(all(Column.COMPLAINT_OR_DISLIKE))));

    /** A unit's own dossiers in one period. */
    private static final class Bucket {
        final long[] n = new long[COUNTERS];
        /** Procedure code → FEE | PAID, for the procedure indicators. */
        Map<String, Integer> procedures;
    }

    private final LocalDate asOf;
    private final List<Map<Period, Bucket>> own;
    private final TreeSet<Period> periods = new TreeSet<>();

    Tally(int units, LocalDate asOf) {
        this.asOf = asOf;
        this.own = new ArrayList<>(units);
        for (int i = 0; i < units; i++) {
            own.add(new HashMap<>());
        }
    }

    /** Counts one dossier in its unit's month, quarter and year. */
    void add(Dossier d) {
        Period[] ps = Definitions.periods(d.received().toLocalDate());
        boolean finished = d.end() != null;
        boolean onTimeWhenFinished = finished && onTime(d, null);
        boolean eResult = Definitions.electronicResult(d.writtenResultRequired(), d.resultCode(), d.resultFileLink());
        boolean fee = Definitions.feeBearing(d.feeNonzero());
        boolean paid = fee && Definitions.paidOnline(d.onlinePayment());
        Map<Period, Bucket> unit = own.get(d.unit());
        for (Period p : ps) {
            Bucket b = unit.computeIfAbsent(p, k -> {
                periods.add(k);
                return new Bucket();
            });
            long[] n = b.n;
            boolean onTime = finished ? onTimeWhenFinished : onTime(d, Definitions.judgedAt(p, asOf));
            n[RECEIVED]++;
            count(n, SYNCED, d.synced());
            count(n, ON_TIME, onTime);
            count(n, FULL_ONLINE_ELIGIBLE, d.fullOnlineEligible());
            count(n, FULL_ONLINE, Definitions.fullOnline(d.fullOnlineEligible(), d.fullOnline()));
            count(n, FEE_BEARING, fee);
            count(n, PAID_ONLINE, paid);
            count(n, WRITTEN_RESULT, d.writtenResultRequired());
            count(n, E_RESULT, eResult);
            count(n, DIGITISED, Definitions.digitised(d.componentFile(), d.writtenResultRequired(), eResult));
            count(n, REUSED, Definitions.reusedData(d.reusedDigitised()));
            count(n, SHARED, Definitions.sharedForReuse(d.fromPersonalStore()));
            count(n, POPULATION, Definitions.populationData(d.vneidAuthenticated(), d.populationDbCode()));
            count(n, NO_OVERDUE_OR_COMPLAINT, Definitions.noOverdueOrComplaint(onTime, d.complaintOrDislike()));
            if (fee && !d.procedure().isEmpty()) {
                if (b.procedures == null) {
                    b.procedures = new HashMap<>();
                }
                b.procedures.merge(d.procedure(), paid ? FEE | PAID : FEE, (x, y) -> x | y);
            }
        }
    }

    private static void count(long[] n, int counter, boolean yes) {
        if (yes) {
            n[counter]++;
        }
    }

    /** Whether the dossier is on time, judged at {@code judgedAt} when unfinished. */
    private static boolean onTime(Dossier d, LocalDateTime judgedAt) {
        LocalDateTime end = Definitions.endOfProcessing(d.end(), judgedAt);
        return Definitions.onTime(d.received(), d.due(), d.legalMaxSeconds(),
                Definitions.adjustedEnd(end, d.supplementSeconds()), d.status(), d.supplementRequests());
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
