// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.spark.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.reformtargets.core.Period;

/**
 * One dossier row of the §5 export, read as the core's {@code DossierCsv} reads it and judged by the
 * core's {@code Definitions} (§4 of the 766-index spec): each valid dossier becomes three rows, one for
 * its month, quarter and year, with a 0/1 counter per §8 count, and each invalid one its problems.
 * Runs on the executors, row by row; the class is serialisable and holds only the column layout, the
 * unit ids and the facts' date.
 */
public final class DossierRows implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The columns of §5, in this order; the input is selected into this order, absent ones as null. */
    public static final List<String> COLUMNS = List.of("dossier_id", "unit_code", "procedure_code", "service_id",
            "submitted_at", "received_at", "due_at", "processing_end_at", "end_status", "supplement_request_count",
            "supplement_days", "processing_time", "processing_time_unit", "legal_max_time", "requires_document_result",
            "full_online_eligible", "channel", "is_full_online", "synced_to_dvcqg", "online_payment", "fee_nonzero",
            "result_code", "result_file_url", "has_component_file", "reused_digitised", "from_personal_store",
            "vneid_authenticated", "population_db_code", "complaint_or_dislike");

    // counters, in the order of Tally's
    public static final List<String> COUNTERS = List.of("received", "synced", "on_time", "full_online_eligible",
            "full_online", "fee_bearing", "paid_online", "written_result", "e_result", "digitised", "reused", "shared",
            "population", "no_overdue_or_complaint");

    /** Rows handed on per dossier and period. */
    public static final StructType PERIOD_ROWS;
    /** Rows handed on per problem. */
    public static final StructType PROBLEM_ROWS = new StructType(new StructField[] {
            DataTypes.createStructField("dossier_id", DataTypes.StringType, true),
            DataTypes.createStructField("column", DataTypes.StringType, true),
            DataTypes.createStructField("message", DataTypes.StringType, false)});

    static {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("unit", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("period", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("procedure", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("fee_procedure", DataTypes.BooleanType, false));
        for (String c : COUNTERS) {
            f.add(DataTypes.createStructField(c, DataTypes.IntegerType, false));
        }
        PERIOD_ROWS = new StructType(f.toArray(StructField[]::new));
    }

    private static final int ID = 0, UNIT = 1, PROCEDURE = 2, SUBMITTED = 4, RECEIVED = 5, DUE = 6, END = 7,
            STATUS = 8, REQUESTS = 9, SUPPLEMENT = 10, LEGAL = 13, WRITTEN = 14, ELIGIBLE = 15, CHANNEL = 16,
            FULL_ONLINE = 17, SYNCED = 18, PAYMENT = 19, FEE = 20, RESULT_CODE = 21, RESULT_URL = 22, COMPONENT = 23,
            REUSED = 24, STORE = 25, VNEID = 26, POPULATION_DB = 27, COMPLAINT = 28;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MAX_DAYS = 100_000L;
    private static final Set<String> STATUSES = Set.of("processed", "returned", "stopped", "refused", "withdrawn",
            "supplement_requested");

    private final boolean[] has;
    private final Set<String> units;
    private final LocalDate asOf;

    /**
     * @param has   whether the input has each of {@link #COLUMNS}
     * @param units the ids of the units of the facts
     * @param asOf  the facts' date, or {@code null}
     */
    public DossierRows(boolean[] has, Set<String> units, LocalDate asOf) {
        this.has = has.clone();
        this.units = Set.copyOf(units);
        this.asOf = asOf;
    }

    /** The function handing on three rows per valid dossier, none for an invalid one. */
    public FlatMapFunction<Row, Row> periods() {
        return row -> {
            Parsed d = new Parsed(row);
            return d.problems.isEmpty() && d.received != null && d.unit != null ? d.periodRows() : List.<Row>of().iterator();
        };
    }

    /** The function handing on the problems of each invalid dossier. */
    public FlatMapFunction<Row, Row> problems() {
        return row -> {
            Parsed d = new Parsed(row);
            List<Row> out = new ArrayList<>(d.problems.size());
            for (String[] p : d.problems) {
                out.add(RowFactory.create(d.text(ID), p[0], p[1]));
            }
            return out.iterator();
        };
    }

    /** One row, read. */
    private final class Parsed {
        final Row row;
        final List<String[]> problems = new ArrayList<>(0);
        String unit;
        LocalDateTime received;
        LocalDateTime due;
        LocalDateTime end;
        String status;
        int requests;
        long supplement;
        Long legal;
        boolean written, eligible, fullOnline, synced, fee, component, reused, store, vneid, complaint;
        int payment;

        Parsed(Row row) {
            this.row = row;
            String id = text(ID);
            if (has[ID] && id.isEmpty()) {
                bad(ID, "the dossier id is empty");
            }
            if (has[UNIT]) {
                String code = text(UNIT);
                if (code.isEmpty()) {
                    bad(UNIT, "the unit code is empty");
                } else if (!units.contains(code)) {
                    bad(UNIT, "unknown unit '" + code + "': not the id of a unit of the facts document");
                } else {
                    unit = code;
                }
            }
            received = time(RECEIVED, false);
            if (received != null && asOf != null && received.toLocalDate().isAfter(asOf)) {
                bad(RECEIVED, "'" + text(RECEIVED) + "' is after the facts' date (asOf " + asOf
                        + "): a dossier received later belongs to a later evaluation");
            }
            time(SUBMITTED, false);
            due = time(DUE, true);
            end = time(END, false);
            status(end);
            if (end != null && received != null && end.isBefore(received)) {
                bad(END, "processing ends (" + text(END) + ") before the dossier was received (" + text(RECEIVED) + ")");
            }
            requests = (int) whole(REQUESTS, 1_000_000);
            supplement = days(SUPPLEMENT);
            long legalDays = days(LEGAL);
            legal = has[LEGAL] && !text(LEGAL).isEmpty() ? legalDays : null;
            String ch = text(CHANNEL);
            if (!ch.isEmpty() && !ch.equals("1") && !ch.equals("2") && !ch.equals("3")) {
                bad(CHANNEL, "unknown channel code '" + ch
                        + "': use 1 (in person), 2 (online), 3 (postal) or leave it empty (in person)");
            }
            payment = (int) whole(PAYMENT, 1_000_000);
            written = flag(WRITTEN);
            eligible = flag(ELIGIBLE);
            fullOnline = flag(FULL_ONLINE);
            synced = flag(SYNCED);
            fee = flag(FEE);
            component = flag(COMPONENT);
            reused = flag(REUSED);
            store = flag(STORE);
            vneid = flag(VNEID);
            complaint = flag(COMPLAINT);
        }

        String text(int i) {
            if (!has[i]) {
                return "";
            }
            Object v = row.get(i);
            return v == null ? "" : v.toString().strip();
        }

        void bad(int column, String message) {
            problems.add(new String[] {COLUMNS.get(column), message});
        }

        Iterator<Row> periodRows() {
            LocalDate day = received.toLocalDate();
            int m = day.getMonthValue();
            Period[] ps = {Period.month(day.getYear(), m), Period.quarter(day.getYear(), (m - 1) / 3 + 1),
                    Period.year(day.getYear())};
            boolean finished = end != null;
            boolean onTimeWhenFinished = finished && onTime(null);
            boolean eResult = written && !text(RESULT_CODE).isEmpty() && !text(RESULT_URL).isEmpty();
            boolean paid = fee && (payment == 1 || payment == 2);
            boolean digitised = component && (!written || eResult);
            boolean population = vneid || !text(POPULATION_DB).isEmpty();
            String procedure = text(PROCEDURE);
            List<Row> out = new ArrayList<>(3);
            for (Period p : ps) {
                boolean onTime = finished ? onTimeWhenFinished : onTime(judgedAt(p));
                out.add(RowFactory.create(unit, p.toString(), procedure, fee && !procedure.isEmpty(),
                        1, n(synced), n(onTime), n(eligible), n(eligible && fullOnline), n(fee), n(paid), n(written),
                        n(eResult), n(digitised), n(reused), n(store), n(population), n(onTime && !complaint)));
            }
            return out.iterator();
        }

        /** Tally.onTime and Definitions.onTime: judged at {@code judgedAt} when unfinished. */
        boolean onTime(LocalDateTime judgedAt) {
            LocalDateTime adjusted = (end != null ? end : judgedAt).minusSeconds(supplement);
            if ("supplement_requested".equals(status) && requests > 1) {
                return false;
            }
            if (due != null) {
                return !adjusted.isAfter(due);
            }
            if (legal != null) {
                return received.until(adjusted, ChronoUnit.SECONDS) <= legal;
            }
            return true;
        }

        LocalDateTime judgedAt(Period period) {
            LocalDate day = asOf != null && asOf.isBefore(period.end()) ? asOf : period.end();
            return day.atTime(LocalTime.MAX);
        }

        void status(LocalDateTime end) {
            String s = text(STATUS);
            if (!s.isEmpty()) {
                String lower = s.toLowerCase(Locale.ROOT);
                if (!STATUSES.contains(lower)) {
                    bad(STATUS, "unknown end status '" + s + "': use processed, returned, stopped, refused, "
                            + "withdrawn or supplement_requested (an open supplement request), or leave it empty");
                    return;
                }
                status = lower;
                if (end == null && has[END] && text(END).isEmpty()) {
                    bad(STATUS, "end status '" + s + "' without a processing_end_at: give the time it ended, "
                            + "or leave both empty for an unfinished dossier");
                }
            } else if (end != null) {
                status = "processed";
            }
        }

        boolean flag(int c) {
            String s = text(c);
            switch (s) {
                case "", "0":
                    return false;
                case "1":
                    return true;
                default:
                    if (s.equalsIgnoreCase("true")) {
                        return true;
                    }
                    if (s.equalsIgnoreCase("false")) {
                        return false;
                    }
                    bad(c, "'" + s + "' is not a flag: use 1 or 0 (or true or false), or leave it empty");
                    return false;
            }
        }

        long whole(int c, long max) {
            String s = text(c);
            if (s.isEmpty()) {
                return 0;
            }
            if (s.length() <= 9 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                long v = Long.parseLong(s);
                if (v <= max) {
                    return v;
                }
            }
            bad(c, "'" + s + "' is not a whole number from 0 to " + String.format(Locale.ROOT, "%,d", max));
            return 0;
        }

        long days(int c) {
            String s = text(c);
            if (s.isEmpty()) {
                return 0;
            }
            try {
                BigDecimal d = new BigDecimal(s);
                if (d.signum() >= 0 && d.compareTo(BigDecimal.valueOf(MAX_DAYS)) <= 0) {
                    return d.multiply(BigDecimal.valueOf(SECONDS_PER_DAY)).setScale(0, RoundingMode.HALF_UP)
                            .longValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            bad(c, "'" + s + "' is not a number of days from 0 to " + String.format(Locale.ROOT, "%,d", MAX_DAYS)
                    + " (such as 2 or 1.5)");
            return 0;
        }

        LocalDateTime time(int c, boolean endOfDay) {
            String s = text(c);
            if (s.isEmpty()) {
                return null;
            }
            LocalDateTime t = parseTime(s, endOfDay);
            if (t == null) {
                bad(c, "'" + s + "' is not a date: use ISO 8601, a date such as 2025-07-03 or a local date-time "
                        + "such as 2025-07-03T14:05");
            } else if (t.getYear() < 1900 || t.getYear() > 2999) {
                bad(c, "'" + s + "' is outside the years 1900 to 2999");
                return null;
            }
            return t;
        }
    }

    private static int n(boolean b) {
        return b ? 1 : 0;
    }

    /** A date (the start of its day, or its end when {@code endOfDay}) or a local date-time; {@code null} when neither. */
    static LocalDateTime parseTime(String s, boolean endOfDay) {
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay();
            }
            if (s.length() >= 16 && s.length() <= 29 && s.charAt(10) == 'T' && s.chars().allMatch(
                    ch -> ch >= '0' && ch <= '9' || ch == '-' || ch == ':' || ch == 'T' || ch == '.')) {
                return LocalDateTime.parse(s);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
