// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * A seeded generator of dossier exports (the CSV of §5 of the 766-index spec), with the proportions
 * of a real one-stop office: most dossiers finished on time, about half submitted online, a few with
 * supplement requests, some unfinished, a third of procedures fee-bearing. The same seed gives the
 * same rows on every JVM.
 *
 * <pre>{@code
 * DossierGenerator g = new DossierGenerator(42, List.of("so-tu-phap", "xa-an-binh"),
 *         LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30));
 * g.write(writer, 3000);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DossierGenerator {

    /** The columns written, in order: every column of §5. */
    public static final List<String> COLUMNS = List.of("dossier_id", "unit_code", "procedure_code", "service_id",
            "submitted_at", "received_at", "due_at", "processing_end_at", "end_status", "supplement_request_count",
            "supplement_days", "processing_time", "processing_time_unit", "legal_max_time", "requires_document_result",
            "full_online_eligible", "channel", "is_full_online", "synced_to_dvcqg", "online_payment", "fee_nonzero",
            "result_code", "result_file_url", "has_component_file", "reused_digitised", "from_personal_store",
            "vneid_authenticated", "population_db_code", "complaint_or_dislike");

    /** A procedure's attributes, fixed for all its dossiers. */
    private record Procedure(String code, int legalMaxDays, boolean written, boolean eligible, boolean fee) {
    }

    private final SplittableRandom random;
    private final List<String> units;
    private final LocalDate from;
    private final int days;
    private final List<Procedure> procedures = new ArrayList<>();
    private long next = 1;

    /**
     * A generator of dossiers of {@code units} (ids of a facts document; repeat an id to give it
     * more dossiers) received from {@code from} to {@code to}, both included.
     */
    public DossierGenerator(long seed, List<String> units, LocalDate from, LocalDate to) {
        if (units.isEmpty() || to.isBefore(from)) {
            throw new IllegalArgumentException("give at least one unit and a period that is not empty");
        }
        this.random = new SplittableRandom(seed);
        this.units = List.copyOf(units);
        this.from = from;
        this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int n = 20 + random.nextInt(41);
        for (int i = 1; i <= n; i++) {
            procedures.add(new Procedure(String.format("1.%06d", 1000 + i), 1 + random.nextInt(20),
                    chance(70), chance(40), chance(35)));
        }
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    /** The next dossier: column → value, in the order of {@link #COLUMNS}. */
    public Map<String, String> next() {
        Map<String, String> row = new LinkedHashMap<>();
        Procedure p = procedures.get(random.nextInt(procedures.size()));
        LocalDateTime received = from.plusDays(random.nextInt(days)).atTime(7 + random.nextInt(10), random.nextInt(60));
        boolean withDue = chance(90);
        LocalDate due = received.toLocalDate().plusDays(p.legalMaxDays());
        int supplementDays = 0;
        int requests = 0;
        String status;
        LocalDateTime end;
        int roll = random.nextInt(100);
        if (roll < 6) {
            status = "";
            end = null; // unfinished
        } else if (roll < 8) {
            status = "supplement_requested";
            requests = chance(40) ? 2 : 1;
            end = received.plusHours(1 + random.nextInt(24 * Math.max(1, p.legalMaxDays())));
        } else {
            if (chance(8)) {
                requests = 1;
                supplementDays = 1 + random.nextInt(5);
            }
            boolean late = chance(10);
            long minutes = late ? (p.legalMaxDays() + 1 + random.nextInt(10)) * 1440L + random.nextInt(600)
                    : random.nextInt(Math.max(1, p.legalMaxDays()) * 1440);
            end = received.plusMinutes(minutes + supplementDays * 1440L);
            int s = random.nextInt(100);
            status = s < 80 ? "processed" : s < 93 ? "returned" : s < 97 ? "refused" : s < 99 ? "stopped" : "withdrawn";
        }
        int c = random.nextInt(100);
        String channel = c < 45 ? "2" : c < 48 ? "3" : c < 50 ? "" : "1";
        boolean online = p.eligible() && channel.equals("2") && chance(75);
        String payment = p.fee() && chance(45) ? (chance(70) ? "1" : "2") : p.fee() ? "0" : "";
        boolean eResult = p.written() && end != null && chance(80);
        row.put("dossier_id", "HS-" + String.format("%08d", next++));
        row.put("unit_code", units.get(random.nextInt(units.size())));
        row.put("procedure_code", p.code());
        row.put("service_id", p.eligible() ? "DV" + p.code() : "");
        row.put("submitted_at", received.minusHours(random.nextInt(48)).toString());
        row.put("received_at", received.toString());
        row.put("due_at", withDue ? due.toString() : "");
        row.put("processing_end_at", end == null ? "" : end.toString());
        row.put("end_status", status);
        row.put("supplement_request_count", Integer.toString(requests));
        row.put("supplement_days", supplementDays == 0 ? "" : Integer.toString(supplementDays));
        row.put("processing_time", end == null ? "" : Long.toString(ChronoUnit.DAYS.between(received, end)));
        row.put("processing_time_unit", end == null ? "" : "ngày");
        row.put("legal_max_time", Integer.toString(p.legalMaxDays()));
        row.put("requires_document_result", flag(p.written()));
        row.put("full_online_eligible", flag(p.eligible()));
        row.put("channel", channel);
        row.put("is_full_online", flag(online));
        row.put("synced_to_dvcqg", flag(chance(94)));
        row.put("online_payment", payment);
        row.put("fee_nonzero", flag(p.fee()));
        row.put("result_code", eResult ? "KQ-" + row.get("dossier_id") : "");
        row.put("result_file_url", eResult ? "https://dichvucong.example/kq/" + row.get("dossier_id") + ".pdf" : "");
        row.put("has_component_file", flag(chance(85)));
        row.put("reused_digitised", flag(chance(55)));
        row.put("from_personal_store", flag(chance(12)));
        row.put("vneid_authenticated", flag(chance(50)));
        row.put("population_db_code", chance(20) ? "CSDLQGDC" : "");
        row.put("complaint_or_dislike", flag(chance(2)));
        return row;
    }

    /** Writes the header and {@code count} dossiers, comma-separated, {@code \n} line ends. */
    public void write(Writer out, long count) {
        try {
            out.write(line(COLUMNS, ','));
            for (long i = 0; i < count; i++) {
                out.write(line(next().values(), ','));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line of {@code values} with its line end, quoting (RFC 4180) the values that need it. */
    public static String line(Iterable<String> values, char separator) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String v : values) {
            if (!first) {
                b.append(separator);
            }
            first = false;
            if (v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append('\n').toString();
    }
}
