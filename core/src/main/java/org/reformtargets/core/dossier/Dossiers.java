// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.InvalidFactsException;
import org.reformtargets.core.Measurement;
import org.reformtargets.core.Unit;

/**
 * Aggregates a dossier export (§5 of the 766-index spec) into the ratio measurements of §8, by the
 * dossier-level definitions of §4, for every unit of a facts document with dossiers of its own or
 * below it, and for every month, quarter and year a dossier was received in.
 *
 * <p>A unit's figure is its own measurement where the facts give one (it wins, and is not
 * repeated), else the counts of its own dossiers plus the figures of the units right below it; a
 * unit with no dossier in a period gets {@code 0} of {@code 0} there. An indicator whose columns the
 * export lacks is not measured. The CSV is read as a stream; memory grows with the units, periods and
 * procedures, and by about 30 bytes a dossier for the ids kept to find duplicates.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Dossiers {

    /** {@code dossiers.synced}: synced to the national portal / dossiers received. */
    public static final String SYNCED = "dossiers.synced";
    /** {@code dossiers.on_time_or_within}: finished on time or still within time / dossiers received. */
    public static final String ON_TIME = "dossiers.on_time_or_within";
    /** {@code dossiers.full_online}: through full-online services / of procedures eligible for it. */
    public static final String FULL_ONLINE = "dossiers.full_online";
    /** {@code procedures.paid_online}: procedures with a dossier paid online / with fee-bearing dossiers. */
    public static final String PROCEDURES_PAID_ONLINE = "procedures.paid_online";
    /** {@code dossiers.paid_online}: paid online / fee-bearing dossiers. */
    public static final String PAID_ONLINE = "dossiers.paid_online";
    /** {@code dossiers.e_result}: with an electronic result / of procedures requiring a written result. */
    public static final String E_RESULT = "dossiers.e_result";
    /** {@code dossiers.digitised_with_result}: digitised (and e-result where required) / dossiers received. */
    public static final String DIGITISED = "dossiers.digitised_with_result";
    /** {@code dossiers.reused_data}: reusing digitised data / dossiers received. */
    public static final String REUSED_DATA = "dossiers.reused_data";
    /** {@code dossiers.shared_for_reuse}: from the citizen's portal store / dossiers received. */
    public static final String SHARED_FOR_REUSE = "dossiers.shared_for_reuse";
    /** {@code dossiers.population_data}: using population data / dossiers received. */
    public static final String POPULATION_DATA = "dossiers.population_data";
    /** {@code dossiers.no_overdue_or_complaint}: neither overdue nor complained of / dossiers received. */
    public static final String NO_OVERDUE_OR_COMPLAINT = "dossiers.no_overdue_or_complaint";

    private Dossiers() {
    }

    /** The indicator codes an export can give, in the order of §8. */
    public static List<String> indicators() {
        return Tally.INDICATORS.stream().map(Tally.Indicator::code).toList();
    }

    /**
     * A §8 indicator as dossiers give it: its code, and the names of the counters whose sums over a unit's
     * dossiers (and the units below it) are its numerator and denominator: a {@link DossierRow.Count}'s
     * name in lower case ({@code on_time}, {@code received}…), or {@code procedures_fee} and
     * {@code procedures_paid}, the distinct procedures with a fee-bearing dossier and with one paid online.
     *
     * @param code        the indicator's code, such as {@link #ON_TIME}
     * @param numerator   the numerator's counter
     * @param denominator the denominator's counter
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Indicator(String code, String numerator, String denominator) {
    }

    /**
     * The indicators an export with these columns gives, in the order of §8: one is left out when a column
     * it needs is missing (its fact is absent, not zero). {@link #aggregate} measures these; a host summing
     * {@link DossierRow}s itself (Spark) makes the same measurements from them.
     */
    public static List<Indicator> indicators(Set<DossierColumn> columns) {
        Set<DossierColumn> has = Set.copyOf(columns);
        return Tally.INDICATORS.stream().filter(i -> i.available().test(has)).map(Tally.Indicator::named).toList();
    }

    /**
     * Aggregates the export in {@code csv} (UTF-8, a BOM allowed) into {@code facts}.
     *
     * @throws InvalidDossiersException listing every problem of the export, with line and column
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static FactsDocument aggregate(FactsDocument facts, Path csv) {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return aggregate(facts, in, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Aggregates the export read from {@code csv} into {@code facts}: the same document with the
     * measurements added after its own. The reader is read to its end, not closed; give one that
     * reports malformed input (as {@link Files#newBufferedReader} does) to have bad bytes refused.
     *
     * @param source the name problems are reported with, such as the file name; may be {@code null}
     * @throws InvalidDossiersException listing every problem of the export, with line and column
     */
    public static FactsDocument aggregate(FactsDocument facts, Reader csv, String source) {
        List<Unit> units = facts.units();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>(units.size());
        for (Unit u : units) {
            index.putIfAbsent(u.id(), ids.size());
            ids.add(u.id());
        }
        int[] parents = new int[units.size()];
        for (int i = 0; i < parents.length; i++) {
            String parent = units.get(i).parent();
            Integer p = parent == null ? null : index.get(parent);
            parents[i] = p == null || p == i ? -1 : p;
        }
        DossierCsv.Report report = new DossierCsv.Report(source, InvalidFactsException.MAX_LISTED);
        DossierCsv reader = new DossierCsv(index, report, facts.asOf());
        Tally tally = new Tally(units.size());
        reader.read(csv, tally::add);
        if (report.total() > 0) {
            throw report.exception(null);
        }
        Map<String, Measurement> given = new HashMap<>();
        for (Measurement m : facts.measurements()) {
            if (m.field() == null && m.unit() != null && m.indicator() != null && m.period() != null) {
                given.put(Tally.key(m.unit(), m.indicator(), m.period()), m);
            }
        }
        Set<DossierColumn> has = java.util.EnumSet.noneOf(DossierColumn.class);
        for (DossierColumn c : DossierColumn.values()) {
            if (reader.has(c)) {
                has.add(c);
            }
        }
        List<Tally.Indicator> available = Tally.INDICATORS.stream().filter(i -> i.available().test(has)).toList();
        List<Measurement> all = new ArrayList<>(facts.measurements());
        all.addAll(tally.measurements(ids, parents, available, given));
        return new FactsDocument(facts.ruleSet(), facts.asOf(), units, all, facts.events(), facts.attestations());
    }
}
