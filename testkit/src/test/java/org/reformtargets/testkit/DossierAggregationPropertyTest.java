// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Period;
import org.reformtargets.core.Unit;
import org.reformtargets.core.dossier.Dossiers;

/**
 * Over generated dossier exports: the aggregation equals figures counted by hand, straight from the
 * rows and the wording of §4 (written here again, independently of the library), and every unit's
 * figure is its own dossiers' count plus its children's figures.
 */
class DossierAggregationPropertyTest {

    private static final List<Unit> UNITS = List.of(
            Unit.root("p", "Tỉnh A", Level.PROVINCE),
            new Unit("d1", "Sở Tư pháp", Level.DEPARTMENT, "p"),
            new Unit("o1", "Phòng Hành chính tư pháp", Level.OFFICE, "d1"),
            new Unit("d2", "Sở Xây dựng", Level.DEPARTMENT, "p"),
            new Unit("c1", "Xã Một", Level.COMMUNE, "p"),
            new Unit("c2", "Xã Hai", Level.COMMUNE, "p"),
            Unit.root("m", "Bộ khác", Level.MINISTRY));
    private static final LocalDate[] AS_OF = {null, LocalDate.of(2025, 8, 20), LocalDate.of(2026, 3, 1)};

    @Test
    void aggregationEqualsHandCountsAndRollsUp() {
        qt().withExamples(30).withShrinkCycles(10)
                .forAll(longs().all(), integers().between(0, 300), integers().between(0, 2), integers().between(1, 6))
                .checkAssert((seed, count, asOfIndex, unitCount) -> check(seed, count, AS_OF[asOfIndex], unitCount));
    }

    private static void check(long seed, int count, LocalDate asOf, int unitCount) {
        List<String> ids = UNITS.subList(0, unitCount).stream().map(Unit::id).toList();
        // dossiers are received up to the facts' date at the latest: one received later is refused
        LocalDate last = asOf != null && asOf.isBefore(LocalDate.of(2026, 1, 10)) ? asOf : LocalDate.of(2026, 1, 10);
        DossierGenerator g = new DossierGenerator(seed, ids, LocalDate.of(2025, 6, 20), last);
        List<Map<String, String>> rows = new ArrayList<>();
        StringWriter csv = new StringWriter();
        csv.write(DossierGenerator.line(DossierGenerator.COLUMNS, ';'));
        for (int i = 0; i < count; i++) {
            Map<String, String> row = g.next();
            rows.add(row);
            csv.write(DossierGenerator.line(row.values(), ';'));
        }
        PERIODS.clear();
        FactsDocument facts = new FactsDocument(null, asOf, UNITS, null, null, null);
        FactsDocument out = Dossiers.aggregate(facts, new StringReader(csv.toString()), "generated.csv");

        Map<String, Measurement> got = new HashMap<>();
        for (Measurement m : out.measurements()) {
            got.put(m.unit() + " " + m.indicator() + " " + m.period(), m);
        }
        Set<Period> periods = new TreeSet<>();
        for (Map<String, String> r : rows) {
            periods.addAll(periodsOf(r));
        }
        int expectedCount = 0;
        for (Unit u : UNITS) {
            boolean covered = rows.stream().anyMatch(r -> within(r.get("unit_code"), u.id()));
            for (Period p : periods) {
                long[] ownFig = null;
                for (String code : Dossiers.indicators()) {
                    Measurement m = got.get(u.id() + " " + code + " " + p);
                    if (!covered) {
                        assertEquals(null, m, u.id() + " has no dossiers, yet " + code + " " + p);
                        continue;
                    }
                    expectedCount++;
                    long[] subtree = count(rows, r -> within(r.get("unit_code"), u.id()), code, p, asOf);
                    assertEquals(List.of(subtree[0], subtree[1]), List.of(m.numerator(), m.denominator()),
                            () -> u.id() + " " + code + " " + p + " seed " + seed);
                    // roll-up: own dossiers + the children's figures
                    long[] own = count(rows, r -> r.get("unit_code").equals(u.id()), code, p, asOf);
                    long num = own[0];
                    long den = own[1];
                    for (Unit c : UNITS) {
                        if (u.id().equals(c.parent())) {
                            Measurement cm = got.get(c.id() + " " + code + " " + p);
                            num += cm == null ? 0 : cm.numerator();
                            den += cm == null ? 0 : cm.denominator();
                        }
                    }
                    assertEquals(List.of(num, den), List.of(m.numerator(), m.denominator()));
                }
            }
        }
        assertEquals(expectedCount, out.measurements().size());
    }

    /** Whether {@code unit} is {@code top} or below it. */
    private static boolean within(String unit, String top) {
        for (String u = unit; u != null; u = PARENTS.get(u)) {
            if (u.equals(top)) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, String> PARENTS = new HashMap<>();

    static {
        for (Unit u : UNITS) {
            if (u.parent() != null) {
                PARENTS.put(u.id(), u.parent());
            }
        }
    }

    private static final Map<Map<String, String>, List<Period>> PERIODS = new java.util.IdentityHashMap<>();

    private static LocalDateTime received(Map<String, String> r) {
        return LocalDateTime.parse(r.get("received_at"));
    }

    private static List<Period> periodsOf(Map<String, String> r) {
        return PERIODS.computeIfAbsent(r, DossierAggregationPropertyTest::computePeriods);
    }

    private static List<Period> computePeriods(Map<String, String> r) {
        LocalDate d = received(r).toLocalDate();
        return List.of(Period.month(d.getYear(), d.getMonthValue()),
                Period.quarter(d.getYear(), (d.getMonthValue() + 2) / 3), Period.year(d.getYear()));
    }

    private static boolean yes(Map<String, String> r, String column) {
        return r.get(column).equals("1");
    }

    /** On time, by §4, judged at the end of {@code p} (or of asOf, when earlier) when unfinished. */
    private static boolean onTime(Map<String, String> r, Period p, LocalDate asOf) {
        if (r.get("end_status").equals("supplement_requested")
                && Integer.parseInt(r.get("supplement_request_count")) > 1) {
            return false;
        }
        LocalDateTime end = r.get("processing_end_at").isEmpty()
                ? (asOf != null && asOf.isBefore(p.end()) ? asOf : p.end()).plusDays(1).atStartOfDay().minusNanos(1)
                : LocalDateTime.parse(r.get("processing_end_at"));
        String supplement = r.get("supplement_days");
        LocalDateTime adjusted = end.minusDays(supplement.isEmpty() ? 0 : Long.parseLong(supplement));
        if (!r.get("due_at").isEmpty()) {
            return !adjusted.toLocalDate().isAfter(LocalDate.parse(r.get("due_at")));
        }
        return ChronoUnit.SECONDS.between(received(r), adjusted) <= Long.parseLong(r.get("legal_max_time")) * 86_400;
    }

    private static boolean eResult(Map<String, String> r) {
        return yes(r, "requires_document_result") && !r.get("result_code").isEmpty()
                && !r.get("result_file_url").isEmpty();
    }

    private static boolean paid(Map<String, String> r) {
        return yes(r, "fee_nonzero") && (r.get("online_payment").equals("1") || r.get("online_payment").equals("2"));
    }

    /** Numerator and denominator of {@code code} over the rows {@code in} selects, in period {@code p}. */
    private static long[] count(List<Map<String, String>> rows, Predicate<Map<String, String>> in, String code,
                                Period p, LocalDate asOf) {
        long num = 0;
        long den = 0;
        if (code.equals(Dossiers.PROCEDURES_PAID_ONLINE)) {
            // distinct procedures per unit, summed over the units
            Map<String, Set<String>> fee = new LinkedHashMap<>();
            Map<String, Set<String>> paid = new LinkedHashMap<>();
            for (Map<String, String> r : rows) {
                if (in.test(r) && periodsOf(r).contains(p) && yes(r, "fee_nonzero")) {
                    fee.computeIfAbsent(r.get("unit_code"), k -> new HashSet<>()).add(r.get("procedure_code"));
                    if (paid(r)) {
                        paid.computeIfAbsent(r.get("unit_code"), k -> new HashSet<>()).add(r.get("procedure_code"));
                    }
                }
            }
            return new long[] {paid.values().stream().mapToLong(Set::size).sum(),
                    fee.values().stream().mapToLong(Set::size).sum()};
        }
        for (Map<String, String> r : rows) {
            if (!in.test(r) || !periodsOf(r).contains(p)) {
                continue;
            }
            boolean[] nd = switch (code) {
                case Dossiers.SYNCED -> new boolean[] {yes(r, "synced_to_dvcqg"), true};
                case Dossiers.ON_TIME -> new boolean[] {onTime(r, p, asOf), true};
                case Dossiers.FULL_ONLINE -> new boolean[] {yes(r, "full_online_eligible") && yes(r, "is_full_online"),
                        yes(r, "full_online_eligible")};
                case Dossiers.PAID_ONLINE -> new boolean[] {paid(r), yes(r, "fee_nonzero")};
                case Dossiers.E_RESULT -> new boolean[] {eResult(r), yes(r, "requires_document_result")};
                case Dossiers.DIGITISED -> new boolean[] {yes(r, "has_component_file")
                        && (!yes(r, "requires_document_result") || eResult(r)), true};
                case Dossiers.REUSED_DATA -> new boolean[] {yes(r, "reused_digitised"), true};
                case Dossiers.SHARED_FOR_REUSE -> new boolean[] {yes(r, "from_personal_store"), true};
                case Dossiers.POPULATION_DATA -> new boolean[] {yes(r, "vneid_authenticated")
                        || !r.get("population_db_code").isEmpty(), true};
                case Dossiers.NO_OVERDUE_OR_COMPLAINT -> new boolean[] {onTime(r, p, asOf)
                        && !yes(r, "complaint_or_dislike"), true};
                default -> throw new AssertionError("no hand count for " + code);
            };
            num += nd[0] ? 1 : 0;
            den += nd[1] ? 1 : 0;
        }
        return new long[] {num, den};
    }
}
