// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/** The event types of the facts contract (loại sự kiện), with their names in Vietnamese and English. */
@API(status = STABLE, since = "0.1")
public enum EventType {
    INSPECTION_PERIODIC("inspection.periodic", "kiểm tra định kỳ", "periodic inspection"),
    INSPECTION_SURPRISE("inspection.surprise", "kiểm tra đột xuất", "surprise inspection"),
    DIALOGUE("dialogue", "đối thoại với người dân, doanh nghiệp", "dialogue with citizens and businesses"),
    SURVEY_RESULTS_PUBLISHED("survey_results.published", "công khai kết quả khảo sát hài lòng",
            "publication of satisfaction survey results"),
    INITIATIVE("initiative", "sáng kiến, giải pháp cải tiến", "initiative"),
    PROPAGANDA_PRODUCT("propaganda.product", "sản phẩm, mô hình tuyên truyền", "outreach product"),
    REVIEW_CONFERENCE("review.conference", "hội nghị sơ kết, tổng kết", "review conference"),
    REPORT_SUBMITTED("report.submitted", "gửi báo cáo", "report submitted"),
    TASK_ASSIGNED("task.assigned", "nhiệm vụ được giao", "task assigned"),
    TASK_COMPLETED("task.completed", "nhiệm vụ hoàn thành", "task completed");

    private static final Map<String, EventType> BY_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(EventType::code, Function.identity()));

    private final String code;
    private final String vi;
    private final String en;

    EventType(String code, String vi, String en) {
        this.code = code;
        this.vi = vi;
        this.en = en;
    }

    /** The code used in facts, such as {@code inspection.surprise}. */
    public String code() {
        return code;
    }

    /** The name in Vietnamese. */
    public String vi() {
        return vi;
    }

    /** The name in English. */
    public String en() {
        return en;
    }

    /** The event type with this code, if the contract has one. */
    public static Optional<EventType> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
