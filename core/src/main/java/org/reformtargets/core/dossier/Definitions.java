// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.reformtargets.core.Period;

/**
 * The dossier-level definitions of §4 of the 766-index spec, one pure function each, quoted in
 * its Javadoc. The readings where §4 is silent are stated beside the function.
 */
final class Definitions {

    /** How a dossier ended, from the export's {@code end_status}. */
    enum EndStatus {
        /** Đã xử lý xong. */
        PROCESSED,
        /** Đã trả kết quả. */
        RETURNED,
        /** Stopped. */
        STOPPED,
        /** Refused (từ chối). */
        REFUSED,
        /** Withdrawn by the citizen: also terminal. */
        WITHDRAWN,
        /** Ends in an open supplement request (yêu cầu bổ sung): {@code supplement_requested}. */
        SUPPLEMENT_REQUESTED
    }

    private Definitions() {
    }

    /**
     * <b>Period</b>: "the dossier (hồ sơ) belongs to the period containing its reception date
     * (NgayTiepNhan)". Returns its month, quarter and year, in that order.
     */
    static Period[] periods(LocalDate received) {
        int m = received.getMonthValue();
        return new Period[] {Period.month(received.getYear(), m),
                Period.quarter(received.getYear(), (m - 1) / 3 + 1), Period.year(received.getYear())};
    }

    /**
     * The moment an unfinished dossier is judged at for a period: "Unfinished dossiers use the
     * last day of the period", to the end of that day. Reading: a period not yet over on the facts'
     * {@code asOf} is judged at the end of {@code asOf} instead, so that a dossier still within its
     * time is not counted late before its due date has come ({@code asOf} {@code null}: the period's end).
     */
    static LocalDateTime judgedAt(Period period, LocalDate asOf) {
        LocalDate day = asOf != null && asOf.isBefore(period.end()) ? asOf : period.end();
        return day.atTime(LocalTime.MAX);
    }

    /**
     * <b>End of processing</b> (NgayKetThucXuLy): "time of the terminal state … A dossier ending in
     * an open supplement request (yêu cầu bổ sung) ends at the request. Unfinished dossiers use the
     * last day of the period." {@code end} is the export's {@code processing_end_at} (already the
     * terminal state's time, or the open request's), {@code null} when unfinished.
     */
    static LocalDateTime endOfProcessing(LocalDateTime end, LocalDateTime judgedAt) {
        return end != null ? end : judgedAt;
    }

    /**
     * <b>Supplement time</b>: "(completed − requested) is subtracted from the end."
     * {@code supplementSeconds} is the export's {@code supplement_days} in seconds.
     */
    static LocalDateTime adjustedEnd(LocalDateTime end, long supplementSeconds) {
        return end.minusSeconds(supplementSeconds);
    }

    /**
     * <b>On time</b>: "adjusted end ≤ appointment date (NgayHenTra); without one, adjusted end −
     * reception ≤ the procedure's legal maximum. A dossier ending in an open request after more than
     * one request is late." Reading: a dossier with neither a due date nor a legal maximum has no
     * time to exceed and is on time; a date-only due date means the end of that day (§7 item 8).
     *
     * @param legalMaxSeconds the legal maximum ({@code legal_max_time}, calendar days) in seconds, or {@code null}
     * @param status          how it ended, {@code null} when unfinished
     */
    static boolean onTime(LocalDateTime received, LocalDateTime due, Long legalMaxSeconds,
                          LocalDateTime adjustedEnd, EndStatus status, int supplementRequests) {
        if (status == EndStatus.SUPPLEMENT_REQUESTED && supplementRequests > 1) {
            return false;
        }
        if (due != null) {
            return !adjustedEnd.isAfter(due);
        }
        if (legalMaxSeconds != null) {
            return received.until(adjustedEnd, ChronoUnit.SECONDS) <= legalMaxSeconds;
        }
        return true;
    }

    /** <b>Overdue</b>: "received − on time", so a dossier of the period that is not on time. */
    static boolean overdue(boolean onTime) {
        return !onTime;
    }

    /**
     * <b>Channel</b> (KenhThucHien): "1 in person (trực tiếp), 2 online (trực tuyến), 3 postal (bưu
     * chính công ích); missing = in person."
     *
     * @return 1, 2 or 3; -1 for any other code
     */
    static int channel(String code) {
        if (code.isEmpty()) {
            return 1;
        }
        return switch (code) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> -1;
        };
    }

    /**
     * <b>Online payment</b> (DuocThanhToanTrucTuyen): "1 via DVCQG, 2 via the ministry's or
     * province's gateway"; any other code, or none, is not paid online.
     */
    static boolean paidOnline(int code) {
        return code == 1 || code == 2;
    }

    /** <b>Fee-bearing</b>: "fee list (DanhSachPhiLePhi) has a non-zero price (Gia)": the export's {@code fee_nonzero}. */
    static boolean feeBearing(boolean feeNonzero) {
        return feeNonzero;
    }

    /**
     * <b>Electronic result</b>: "result code (MaKetQua) and file link (DuongDanTepTinKetQua) present;
     * counts only where a written result is required."
     */
    static boolean electronicResult(boolean writtenResultRequired, boolean resultCode, boolean resultFileLink) {
        return writtenResultRequired && resultCode && resultFileLink;
    }

    /**
     * Digitised dossier (§2 digitised-dossiers, with the <b>digitised component</b> of §4, "a file
     * attached to a component (thành phần hồ sơ, TaiLieuNop)"): "dossiers with a file on a component
     * AND, where a written result is required, an electronic result".
     */
    static boolean digitised(boolean componentFile, boolean writtenResultRequired, boolean electronicResult) {
        return componentFile && (!writtenResultRequired || electronicResult);
    }

    /**
     * <b>Reused data</b>: "HoSoCoThanhPhanSoHoa = 1 (synced dossiers) or TaiLieuNop.DuocSoHoa = 1
     * (portal dossiers)": the export's {@code reused_digitised}.
     */
    static boolean reusedData(boolean reusedDigitised) {
        return reusedDigitised;
    }

    /**
     * <b>Personal store</b>: "TaiLieuNop.DuocLayTuKhoDMQG = 1" (shared-for-reuse). Reading: the
     * export has no column for an e-result link pushed to the citizen's folder, so only the store counts.
     */
    static boolean sharedForReuse(boolean fromPersonalStore) {
        return fromPersonalStore;
    }

    /** <b>Population data</b>: "TaiKhoanDuocXacThucVoiVNeID = 1 or population-database code (MaCSDL)". */
    static boolean populationData(boolean vneidAuthenticated, boolean populationDbCode) {
        return vneidAuthenticated || populationDbCode;
    }

    /**
     * Full-online dossier (§2 full-online-dossiers): "dossiers through full-online services (DVCTT toàn
     * trình)" of "dossiers of procedures eligible for full-online": counted only among the eligible.
     */
    static boolean fullOnline(boolean eligible, boolean throughFullOnlineService) {
        return eligible && throughFullOnlineService;
    }

    /**
     * Dossier satisfaction (§2, §7 item 9): "denominator minus dossiers overdue or with a PAKN or
     * dislike", each dossier counted once.
     */
    static boolean noOverdueOrComplaint(boolean onTime, boolean complaintOrDislike) {
        return !overdue(onTime) && !complaintOrDislike;
    }
}
