// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.reformtargets.core.Period;
import org.reformtargets.core.Problem;
import org.reformtargets.core.dossier.Definitions.EndStatus;

/**
 * One dossier of the export (§5 of the 766-index spec) read from its column values and judged by the
 * dossier-level definitions of §4: either its problems, or its unit, procedure and the §8 counts it
 * adds to in its month, quarter and year. {@link Dossiers#aggregate} reads every row of a CSV export
 * with it; a host reading dossiers another way (a database, Spark) reads each one with a
 * {@link Reader} and sums the counts per unit and period itself, and gets the same figures.
 * The duplicate-id check is across rows and so is the caller's.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DossierRow {

    /**
     * The counts of a unit's own dossiers in a period that one dossier can add 1 to: §8's numerators
     * and denominators but the two counted per procedure (procedures with a fee-bearing dossier, and
     * with one paid online: count the distinct {@link #procedure()}s of the dossiers with
     * {@link #FEE_BEARING}, and with {@link #PAID_ONLINE}, when the procedure is not empty). Only
     * {@link #ON_TIME} and {@link #NO_OVERDUE_OR_COMPLAINT} can differ between a dossier's periods
     * (an unfinished dossier is judged at the end of each).
     */
    public enum Count {
        /** Every dossier received. */
        RECEIVED,
        /** Synced to the national portal. */
        SYNCED,
        /** Finished on time, or unfinished and still within its time. */
        ON_TIME,
        /** Of a procedure eligible for full-online service. */
        FULL_ONLINE_ELIGIBLE,
        /** Eligible and through a full-online service. */
        FULL_ONLINE,
        /** Fee-bearing. */
        FEE_BEARING,
        /** Fee-bearing and paid online. */
        PAID_ONLINE,
        /** Of a procedure requiring a written result. */
        WRITTEN_RESULT,
        /** With an electronic result where a written one is required. */
        E_RESULT,
        /** Digitised (and with an electronic result where a written one is required). */
        DIGITISED,
        /** Reusing digitised data. */
        REUSED,
        /** From the citizen's personal store. */
        SHARED,
        /** Using population data. */
        POPULATION,
        /** Neither overdue nor complained of. */
        NO_OVERDUE_OR_COMPLAINT
    }

    private static final Count[] COUNTS = Count.values();
    private static final DossierColumn[] COLUMNS = DossierColumn.values();
    private static final long SECONDS_PER_DAY = 86_400L;
    /** The longest supplement time or legal maximum accepted, in days (about 270 years). */
    private static final long MAX_DAYS = 100_000L;

    private final String id;
    private final String unit;
    private final String procedure;
    private final Period[] periods;
    /** Per period, bit {@code Count.ordinal()} set where the dossier counts. */
    private final int[] masks;
    private final List<DossierColumn> problemColumns;
    private final List<String> problemMessages;

    private DossierRow(String id, String unit, String procedure, Period[] periods, int[] masks,
                       List<DossierColumn> problemColumns, List<String> problemMessages) {
        this.id = id;
        this.unit = unit;
        this.procedure = procedure;
        this.periods = periods;
        this.masks = masks;
        this.problemColumns = problemColumns;
        this.problemMessages = problemMessages;
    }

    /**
     * Reads dossiers of an export with the given columns, for the units of one facts document and its
     * date. Immutable, thread-safe and serialisable (a Spark executor can hold one).
     */
    public static final class Reader implements Serializable {

        private static final long serialVersionUID = 2L;

        private final boolean[] has = new boolean[COLUMNS.length];
        /** The units' ids, each mapped to itself: a row's {@link #unit()} is this one instance (its hash kept). */
        private final Map<String, String> units;
        private final LocalDate asOf;

        /**
         * @param columns the columns the export has (others are absent, whatever their values)
         * @param units   the ids of the units of the facts document
         * @param asOf    the facts' date: a dossier received later is refused, and an unfinished one is
         *                judged at the end of this day when its period is not over; {@code null} for none
         * @throws IllegalArgumentException when {@code columns} lacks dossier_id, unit_code or received_at
         */
        public Reader(Set<DossierColumn> columns, Set<String> units, LocalDate asOf) {
            this(columns, units, asOf, true);
        }

        /** {@code checked}: refuse columns without the required ones (the CSV reader reports them itself, located). */
        Reader(Set<DossierColumn> columns, Set<String> units, LocalDate asOf, boolean checked) {
            for (DossierColumn c : columns) {
                has[c.ordinal()] = true;
            }
            this.units = units.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(u -> u, u -> u));
            this.asOf = asOf;
            List<String> missing = DossierCsv.REQUIRED.stream().filter(c -> !has[c.ordinal()])
                    .map(DossierColumn::header).toList();
            if (checked && !missing.isEmpty()) {
                throw new IllegalArgumentException("an export without the column(s) " + String.join(", ", missing)
                        + " has no dossier to read; columns given: " + columns);
            }
        }

        /** Whether the export has the column. */
        public boolean has(DossierColumn column) {
            return has[column.ordinal()];
        }

        /**
         * Reads one dossier.
         *
         * @param values the values of the row by {@link DossierColumn#ordinal()}, as text (surrounding
         *               blanks ignored); {@code null} or empty where the row has none or the export lacks
         *               the column
         * @throws IllegalArgumentException when {@code values} has not one value per {@link DossierColumn}
         */
        public DossierRow read(String[] values) {
            return read((Object[]) values);
        }

        /**
         * Reads one dossier from values as a typed store holds them: each value is read as its text
         * ({@code toString()}) would be, with the same problems, but a {@link Boolean} flag, an
         * {@link Integer} or {@link Long} count or number of days, and a {@link LocalDate} or
         * {@link LocalDateTime} time are taken as they are, without being written and parsed again (Spark
         * hands a Parquet export's typed columns so: {@code boolean}, {@code int}, {@code timestamp_ntz}).
         *
         * @param values the values of the row by {@link DossierColumn#ordinal()}; {@code null} where the row has
         *               none or the export lacks the column
         * @throws IllegalArgumentException when {@code values} has not one value per {@link DossierColumn}
         */
        public DossierRow read(Object[] values) {
            if (values.length != COLUMNS.length) {
                throw new IllegalArgumentException("a row has one value per DossierColumn (" + COLUMNS.length
                        + "), not " + values.length);
            }
            return new Parse(this, values).row();
        }
    }

    /** The dossier id, stripped; {@code ""} when none. */
    public String id() {
        return id;
    }

    /**
     * Every problem of the row, in the order of {@link DossierColumn}: {@link Problem#path()} is the
     * column's header name, no line or column (the caller knows where the row was).
     */
    public List<Problem> problems() {
        List<Integer> order = new ArrayList<>(problemMessages.size());
        for (int i = 0; i < problemMessages.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> problemColumns.get(i).ordinal()));
        return order.stream().map(i -> new Problem(null, problemColumns.get(i).header(), 0, 0, problemMessages.get(i)))
                .toList();
    }

    /** The columns of {@link #problems()}, in their order. */
    List<DossierColumn> problemColumns() {
        return problemColumns;
    }

    /** The messages of {@link #problems()}, in their order. */
    List<String> problemMessages() {
        return problemMessages;
    }

    /**
     * Whether the dossier is counted: it has no problem and a unit and a reception date (a row without
     * a reception date is not a received dossier and is left out without a problem).
     */
    public boolean counted() {
        return periods.length > 0;
    }

    /** The unit's id; {@code null} when not {@link #counted()}. */
    public String unit() {
        return unit;
    }

    /** The procedure's code, {@code ""} when none; {@code null} when not {@link #counted()}. */
    public String procedure() {
        return procedure;
    }

    /** The periods the dossier belongs to: its month, quarter and year; none when not {@link #counted()}. */
    public List<Period> periods() {
        return List.of(periods);
    }

    /**
     * The counts the dossier adds 1 to in {@code period}, one of its {@link #periods()}.
     *
     * @throws IllegalArgumentException for another period
     */
    public Set<Count> counts(Period period) {
        for (int i = 0; i < periods.length; i++) {
            if (periods[i].equals(period)) {
                EnumSet<Count> out = EnumSet.noneOf(Count.class);
                for (Count c : COUNTS) {
                    if ((masks[i] >>> c.ordinal() & 1) != 0) {
                        out.add(c);
                    }
                }
                return out;
            }
        }
        throw new IllegalArgumentException("the dossier is not in " + period + ": its periods are " + periods());
    }

    /**
     * The counts in the {@code i}-th of {@link #periods()} as a bit mask, bit {@code Count.ordinal()} set
     * where the dossier counts: {@link #counts(Period)} without a set made, for a host summing millions of
     * dossiers.
     *
     * @throws IndexOutOfBoundsException when {@code i} is not an index of {@link #periods()}
     */
    public int mask(int i) {
        return masks[java.util.Objects.checkIndex(i, masks.length)];
    }

    /** One row being read: the checks of §5 in the order of the columns, then the §4 judgement. */
    private static final class Parse {
        private final Reader reader;
        private final Object[] values;
        private List<DossierColumn> problemColumns = List.of();
        private List<String> problemMessages = List.of();

        Parse(Reader reader, Object[] values) {
            this.reader = reader;
            this.values = values;
        }

        DossierRow row() {
            String id = text(DossierColumn.DOSSIER_ID);
            if (reader.has(DossierColumn.DOSSIER_ID) && id.isEmpty()) {
                bad(DossierColumn.DOSSIER_ID, "the dossier id is empty");
            }
            String unit = null;
            if (reader.has(DossierColumn.UNIT_CODE)) {
                String code = text(DossierColumn.UNIT_CODE);
                if (code.isEmpty()) {
                    bad(DossierColumn.UNIT_CODE, "the unit code is empty");
                } else {
                    unit = reader.units.get(code);
                    if (unit == null) {
                        bad(DossierColumn.UNIT_CODE, "unknown unit '" + code + "': not the id of a unit of the facts document");
                    }
                }
            }
            LocalDateTime received = time(DossierColumn.RECEIVED_AT, false);
            LocalDate asOf = reader.asOf;
            if (received != null && asOf != null && received.toLocalDate().isAfter(asOf)) {
                bad(DossierColumn.RECEIVED_AT, "'" + text(DossierColumn.RECEIVED_AT) + "' is after the facts' date (asOf "
                        + asOf + "): a dossier received later belongs to a later evaluation");
            }
            time(DossierColumn.SUBMITTED_AT, false);
            LocalDateTime due = time(DossierColumn.DUE_AT, true);
            LocalDateTime end = time(DossierColumn.PROCESSING_END_AT, false);
            EndStatus status = status(end);
            if (end != null && received != null && end.isBefore(received)) {
                bad(DossierColumn.PROCESSING_END_AT, "processing ends (" + text(DossierColumn.PROCESSING_END_AT)
                        + ") before the dossier was received (" + text(DossierColumn.RECEIVED_AT) + ")");
            }
            int requests = (int) whole(DossierColumn.SUPPLEMENT_REQUEST_COUNT, 1_000_000);
            long supplement = days(DossierColumn.SUPPLEMENT_DAYS);
            long legal = days(DossierColumn.LEGAL_MAX_TIME);
            Long legalMax = reader.has(DossierColumn.LEGAL_MAX_TIME) && !text(DossierColumn.LEGAL_MAX_TIME).isEmpty()
                    ? legal : null;
            if (!(value(DossierColumn.CHANNEL) instanceof Integer c && c >= 1 && c <= 3) // a typed 1, 2 or 3 reads as its text
                    && Definitions.channel(text(DossierColumn.CHANNEL)) < 0) {
                bad(DossierColumn.CHANNEL, "unknown channel code '" + text(DossierColumn.CHANNEL)
                        + "': use 1 (in person), 2 (online), 3 (postal) or leave it empty (in person)");
            }
            int payment = (int) whole(DossierColumn.ONLINE_PAYMENT, 1_000_000);
            boolean written = flag(DossierColumn.REQUIRES_DOCUMENT_RESULT);
            boolean eligible = flag(DossierColumn.FULL_ONLINE_ELIGIBLE);
            boolean fullOnline = flag(DossierColumn.IS_FULL_ONLINE);
            boolean synced = flag(DossierColumn.SYNCED_TO_DVCQG);
            boolean feeNonzero = flag(DossierColumn.FEE_NONZERO);
            boolean component = flag(DossierColumn.HAS_COMPONENT_FILE);
            boolean reused = flag(DossierColumn.REUSED_DIGITISED);
            boolean store = flag(DossierColumn.FROM_PERSONAL_STORE);
            boolean vneid = flag(DossierColumn.VNEID_AUTHENTICATED);
            boolean complaint = flag(DossierColumn.COMPLAINT_OR_DISLIKE);
            if (!problemMessages.isEmpty() || received == null || unit == null) {
                // with problems: listed; without a reception date: not received, in no count
                return new DossierRow(id, null, null, new Period[0], new int[0], problemColumns, problemMessages);
            }
            // §4, as Tally counts it
            Period[] ps = Definitions.periods(received.toLocalDate());
            boolean eResult = Definitions.electronicResult(written, !text(DossierColumn.RESULT_CODE).isEmpty(),
                    !text(DossierColumn.RESULT_FILE_URL).isEmpty());
            boolean fee = Definitions.feeBearing(feeNonzero);
            int common = bit(Count.RECEIVED, true)
                    | bit(Count.SYNCED, synced)
                    | bit(Count.FULL_ONLINE_ELIGIBLE, eligible)
                    | bit(Count.FULL_ONLINE, Definitions.fullOnline(eligible, fullOnline))
                    | bit(Count.FEE_BEARING, fee)
                    | bit(Count.PAID_ONLINE, fee && Definitions.paidOnline(payment))
                    | bit(Count.WRITTEN_RESULT, written)
                    | bit(Count.E_RESULT, eResult)
                    | bit(Count.DIGITISED, Definitions.digitised(component, written, eResult))
                    | bit(Count.REUSED, Definitions.reusedData(reused))
                    | bit(Count.SHARED, Definitions.sharedForReuse(store))
                    | bit(Count.POPULATION, Definitions.populationData(vneid,
                            !text(DossierColumn.POPULATION_DB_CODE).isEmpty()));
            boolean finished = end != null;
            boolean onTimeWhenFinished = finished && onTime(received, due, legalMax, end, null, supplement, status,
                    requests);
            int[] masks = new int[ps.length];
            for (int i = 0; i < ps.length; i++) {
                boolean onTime = finished ? onTimeWhenFinished : onTime(received, due, legalMax, null,
                        Definitions.judgedAt(ps[i], asOf), supplement, status, requests);
                masks[i] = common | bit(Count.ON_TIME, onTime)
                        | bit(Count.NO_OVERDUE_OR_COMPLAINT, Definitions.noOverdueOrComplaint(onTime, complaint));
            }
            return new DossierRow(id, unit, text(DossierColumn.PROCEDURE_CODE), ps, masks, problemColumns,
                    problemMessages);
        }

        private static int bit(Count c, boolean yes) {
            return yes ? 1 << c.ordinal() : 0;
        }

        /** Whether the dossier is on time, judged at {@code judgedAt} when unfinished ({@code end} null). */
        private static boolean onTime(LocalDateTime received, LocalDateTime due, Long legalMax, LocalDateTime end,
                                      LocalDateTime judgedAt, long supplement, EndStatus status, int requests) {
            LocalDateTime ended = Definitions.endOfProcessing(end, judgedAt);
            return Definitions.onTime(received, due, legalMax, Definitions.adjustedEnd(ended, supplement), status,
                    requests);
        }

        private void bad(DossierColumn c, String message) {
            if (problemMessages.isEmpty()) {
                problemColumns = new ArrayList<>(2);
                problemMessages = new ArrayList<>(2);
            }
            problemColumns.add(c);
            problemMessages.add(message);
        }

        /** The stripped value of the column, {@code ""} when the export lacks it. */
        private String text(DossierColumn c) {
            Object v = value(c);
            return v == null ? "" : v.toString().strip();
        }

        /** The value of the column, as given; {@code null} when none or the export lacks it. */
        private Object value(DossierColumn c) {
            return reader.has[c.ordinal()] ? values[c.ordinal()] : null;
        }

        /** A typed whole number as it is, when its text would be read as that number; else {@code -1}. */
        private long given(DossierColumn c, long max) {
            Object v = value(c);
            long n = v instanceof Integer i ? i : v instanceof Long l ? l : -1;
            return n <= max ? n : -1;
        }

        private EndStatus status(LocalDateTime end) {
            String s = text(DossierColumn.END_STATUS);
            EndStatus status = null;
            if (!s.isEmpty()) {
                try {
                    status = switch (s) { // the usual lower-case words without a new string each
                        case "processed" -> EndStatus.PROCESSED;
                        case "returned" -> EndStatus.RETURNED;
                        case "stopped" -> EndStatus.STOPPED;
                        case "refused" -> EndStatus.REFUSED;
                        case "withdrawn" -> EndStatus.WITHDRAWN;
                        case "supplement_requested" -> EndStatus.SUPPLEMENT_REQUESTED;
                        default -> EndStatus.valueOf(s.toUpperCase(Locale.ROOT));
                    };
                } catch (IllegalArgumentException e) {
                    bad(DossierColumn.END_STATUS, "unknown end status '" + s + "': use processed, returned, stopped, "
                            + "refused, withdrawn or supplement_requested (an open supplement request), or leave it empty");
                    return null;
                }
                if (end == null && reader.has(DossierColumn.PROCESSING_END_AT)
                        && text(DossierColumn.PROCESSING_END_AT).isEmpty()) {
                    bad(DossierColumn.END_STATUS, "end status '" + s + "' without a processing_end_at: give the time "
                            + "it ended, or leave both empty for an unfinished dossier");
                }
            } else if (end != null) {
                status = EndStatus.PROCESSED;
            }
            return status;
        }

        private boolean flag(DossierColumn c) {
            if (value(c) instanceof Boolean b) {
                return b; // as "true" or "false"
            }
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

        private long whole(DossierColumn c, long max) {
            long given = given(c, max);
            if (given >= 0) {
                return given;
            }
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

        /** A number of days, in seconds; 0 when empty. */
        private long days(DossierColumn c) {
            long given = given(c, MAX_DAYS);
            if (given >= 0) {
                return given * SECONDS_PER_DAY;
            }
            String s = text(c);
            if (s.isEmpty()) {
                return 0;
            }
            if (s.length() <= 6 && digits(s, 0, s.length())) {
                long v = num(s, 0, s.length()); // whole days, as the decimal below would make them
                if (v <= MAX_DAYS) {
                    return v * SECONDS_PER_DAY;
                }
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

        /**
         * A date ({@code 2025-07-03}) or a local date-time ({@code 2025-07-03T14:05}); a date alone is
         * the start of the day, or its end when {@code endOfDay} (a due date). {@code null} when empty.
         */
        private LocalDateTime time(DossierColumn c, boolean endOfDay) {
            Object v = value(c);
            LocalDateTime given = v instanceof LocalDateTime t ? t
                    : v instanceof LocalDate d ? (endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay()) : null;
            if (given != null && given.getYear() >= 1900 && given.getYear() <= 2999) {
                return given; // as its ISO text would be read; outside these years, the text's problem below
            }
            String s = text(c);
            if (s.isEmpty()) {
                return null;
            }
            LocalDateTime t = parseTime(s, endOfDay);
            if (t == null) {
                bad(c, "'" + s + "' is not a date: use ISO 8601, a date such as 2025-07-03 or a local date-time "
                        + "such as 2025-07-03T14:05");
            } else if (t.getYear() < 1900 || t.getYear() > 2999) {
                // as the facts reader: a period outside these years cannot be evaluated
                bad(c, "'" + s + "' is outside the years 1900 to 2999");
                return null;
            }
            return t;
        }
    }

    /** Parses an ISO date or local date-time; {@code null} when it is neither. */
    static LocalDateTime parseTime(String s, boolean endOfDay) {
        try {
            int n = s.length();
            if (n == 10 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-'
                    && digits(s, 8, 10)) {
                LocalDate d = LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
                return endOfDay ? d.atTime(LocalTime.MAX) : d.atStartOfDay();
            }
            if ((n == 16 || n == 19) && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7)
                    && s.charAt(7) == '-' && digits(s, 8, 10) && s.charAt(10) == 'T' && digits(s, 11, 13)
                    && s.charAt(13) == ':' && digits(s, 14, 16)
                    && (n == 16 || s.charAt(16) == ':' && digits(s, 17, 19))) {
                return LocalDateTime.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10), num(s, 11, 13), num(s, 14, 16),
                        n == 19 ? num(s, 17, 19) : 0);
            }
            if (n > 19 && n <= 29 && s.charAt(10) == 'T') {
                return LocalDateTime.parse(s); // fractions of a second
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
