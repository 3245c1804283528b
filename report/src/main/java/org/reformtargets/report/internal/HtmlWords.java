// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The fixed words of the HTML scorecard (headings, column headers), each in Vietnamese and English.
 * Every other word of the page comes from the rule set's vocabulary and the results' messages.
 */
@API(status = INTERNAL, since = "0.1")
public enum HtmlWords {
    SCORECARD("Bảng kết quả thực hiện chỉ tiêu cải cách hành chính", "Administrative reform scorecard"),
    RULE_SET("Bộ chỉ tiêu", "Rule set"),
    VERSION("Phiên bản", "Version"),
    AS_OF("Số liệu đến ngày", "Figures as of"),
    OVERVIEW("Tổng quan", "Overview"),
    ALL_UNITS("Toàn bộ đơn vị", "All units"),
    NOT_MET_TARGETS("Chỉ tiêu chưa đạt", "Targets not met"),
    NONE_NOT_MET("Không có chỉ tiêu chưa đạt.", "No target is unmet."),
    OUTLOOK("Triển vọng cả năm", "Outlook for the year"),
    SCORE("Điểm", "Score"),
    CONTENTS("Mục lục", "Contents"),
    UNIT("Đơn vị", "Unit"),
    TARGET("Chỉ tiêu", "Target"),
    FIELD("Lĩnh vực", "Field"),
    STATUS("Kết quả", "Status"),
    ACTUAL("Thực hiện", "Actual"),
    THRESHOLD("Yêu cầu", "Threshold"),
    GAP("Còn thiếu", "Gap"),
    SOURCE("Căn cứ", "Source"),
    CLAUSE("mục", "clause"),
    EXPLANATION("Giải thích", "Explanation"),
    MEASURED("Kỳ đo", "Measured"),
    POINTS("Điểm", "Points"),
    PERIOD("Kỳ", "Period"),
    TOTAL("Tổng điểm", "Total"),
    GROUP("Nhóm", "Group"),
    NOT_FINAL("chưa chốt", "not final"),
    NOT_APPLICABLE("không áp dụng", "not applicable"),
    NO_RESULTS("Không có kết quả cho đơn vị này.", "No result for this unit."),
    EXPECTED("Dự kiến còn", "Still expected"),
    REQUIRED("Cần đạt", "Required"),
    REQUIRED_RATE("Tỷ lệ cần đạt", "Required rate"),
    INCOMPLETE("thiếu số liệu, tính 0 điểm", "figures missing, counted as 0"),
    ON_TRACK("Đúng hướng", "On track"),
    AT_RISK("Có nguy cơ không đạt", "At risk"),
    OUT_OF_REACH("Không thể đạt", "Out of reach"),
    AUDIT("Mã kiểm tra", "Audit hashes");

    private final String vi;
    private final String en;

    HtmlWords(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** The word in Vietnamese when {@code vietnamese}, else in English. */
    public String in(boolean vietnamese) {
        return vietnamese ? vi : en;
    }
}
