// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The measurement indicators of the facts contract (chỉ số đo), with the words used to explain
 * results in Vietnamese and English.
 */
@API(status = STABLE, since = "0.1")
public enum Indicator {
    DOSSIERS_ON_TIME("dossiers.on_time", true,
            "hồ sơ được giải quyết đúng hạn", "hồ sơ đã giải quyết",
            "dossiers resolved on time", "dossiers resolved"),
    DOSSIERS_ON_TIME_PORTAL("dossiers.on_time_portal", true,
            "hồ sơ giải quyết đúng hạn trên Cổng dịch vụ công", "hồ sơ đã giải quyết trên Cổng",
            "dossiers resolved on time on the portal", "dossiers resolved on the portal"),
    DOSSIERS_EARLY("dossiers.early", true,
            "hồ sơ được giải quyết trước hạn", "hồ sơ đã giải quyết",
            "dossiers resolved early", "dossiers resolved"),
    DOSSIERS_ONLINE("dossiers.online", true,
            "hồ sơ tiếp nhận trực tuyến mức độ 3, 4", "hồ sơ của thủ tục có dịch vụ công trực tuyến",
            "dossiers received online (level 3/4)", "dossiers of procedures offered online"),
    DOSSIERS_POSTAL("dossiers.postal", true,
            "hồ sơ tiếp nhận, trả kết quả qua bưu chính công ích", "hồ sơ",
            "dossiers received or returned by public postal service", "dossiers"),
    DOSSIERS_LATE_WITH_APOLOGY("dossiers.late_with_apology", true,
            "hồ sơ trễ hạn có thư xin lỗi", "hồ sơ trễ hạn",
            "late dossiers with an apology letter", "late dossiers"),
    DOSSIERS_SURVEYED("dossiers.surveyed", true,
            "hồ sơ được lấy ý kiến đánh giá", "hồ sơ",
            "dossiers with a satisfaction evaluation", "dossiers"),
    DOSSIERS_NO_RESUBMISSION("dossiers.no_resubmission", true,
            "hồ sơ không phải cung cấp lại thông tin, giấy tờ, tài liệu đã được chấp nhận", "hồ sơ",
            "dossiers needing no information or documents supplied again", "dossiers"),
    DOSSIERS_ELECTRONIC_TRANSFER("dossiers.electronic_transfer", true,
            "hồ sơ luân chuyển điện tử giữa các cơ quan", "hồ sơ luân chuyển",
            "dossiers passed between agencies electronically", "dossiers passed"),
    DOSSIERS_DIGITIZED("dossiers.digitized", true,
            "hồ sơ đã giải quyết được số hóa", "hồ sơ đã giải quyết",
            "resolved dossiers digitised", "resolved dossiers"),
    DOSSIERS_PAPER_FOR_ONLINE_PROCEDURES("dossiers.paper_for_online_procedures", false,
            "hồ sơ giấy tiếp nhận cho thủ tục đã có dịch vụ trực tuyến", null,
            "paper dossiers accepted for procedures offered online", null),
    SATISFACTION("satisfaction", true,
            "phiếu khảo sát hài lòng", "phiếu khảo sát",
            "satisfied survey forms", "survey forms"),
    FEEDBACK_HANDLED("feedback.handled", true,
            "phản ánh, kiến nghị được xử lý kịp thời và công khai", "phản ánh, kiến nghị đã nhận",
            "feedback and petitions handled in time and published", "feedback and petitions received"),
    RECEIVING_UNITS_SURVEYING("receiving_units.surveying", true,
            "bộ phận tiếp nhận thực hiện khảo sát hài lòng", "bộ phận tiếp nhận",
            "receiving desks running satisfaction surveys", "receiving desks"),
    DOCUMENTS_ELECTRONIC("documents.electronic", true,
            "văn bản trao đổi dưới dạng điện tử", "văn bản trao đổi (trừ văn bản mật)",
            "documents exchanged electronically", "documents exchanged (secret excluded)"),
    STAFF_OFFICIAL_EMAIL("staff.official_email", true,
            "công chức sử dụng thư điện tử công vụ thường xuyên", "công chức",
            "staff using official e-mail regularly", "staff"),
    STAFF_MEETING_STANDARDS("staff.meeting_standards", true,
            "công chức đạt chuẩn ngạch, chức danh", "công chức",
            "staff meeting grade and title standards", "staff"),
    /** The staffing quota assigned (biên chế được giao), not everyone on the payroll. */
    STAFF_HEADCOUNT("staff.headcount", false,
            "biên chế được giao", null,
            "assigned staffing quota", null),
    UNITS_JOB_POSITION_STRUCTURE("units.job_position_structure", true,
            "đơn vị bố trí theo đề án vị trí việc làm", "đơn vị",
            "units staffed per the approved job-position scheme", "units"),
    TASKS_COMPLETED_BY_DEADLINE("tasks.completed_by_deadline", true,
            "nhiệm vụ cải cách hoàn thành đúng hạn", "nhiệm vụ được giao",
            "reform tasks completed by their deadline", "tasks assigned"),
    PROCEDURES_ONLINE("procedures.online", false,
            "thủ tục hành chính cung cấp trực tuyến mức độ 3, 4", null,
            "procedures offered online at level 3/4", null),
    PROCEDURES_PUBLIC("procedures.public", true,
            "thủ tục hành chính được công khai đầy đủ", "thủ tục hành chính",
            "procedures published in full", "procedures"),
    PROCEDURES_FORMS_TEMPLATED("procedures.forms_templated", true,
            "biểu mẫu thủ tục được mẫu hóa, có hướng dẫn kê khai", "biểu mẫu",
            "procedure forms templated with filling guides", "forms"),
    PROCESSES_ELECTRONIC("processes.electronic", true,
            "quy trình giải quyết thủ tục thực hiện điện tử", "quy trình",
            "procedure workflows run electronically", "workflows"),
    ONLINE_SERVICES_MOBILE("online_services.mobile", true,
            "dịch vụ công mức độ 4 dùng được trên thiết bị di động", "dịch vụ công mức độ 4",
            "level-4 online services usable on mobile devices", "level-4 services"),
    WORK_RECORDS_ONLINE("work_records.online", true,
            "hồ sơ công việc xử lý trên môi trường mạng", "hồ sơ công việc (trừ hồ sơ mật)",
            "work records processed online", "work records (secret excluded)"),
    TRAINING_ATTENDANCE("training.attendance", true,
            "lớp tập huấn được tham dự", "lớp tập huấn được mời",
            "training classes attended", "classes invited to"),
    PUBLIC_SERVICE_UNITS_E_PAYMENT("public_service_units.e_payment", true,
            "đơn vị sự nghiệp công lập ứng dụng thanh toán điện tử", "đơn vị sự nghiệp công lập",
            "public service units using e-payment", "public service units");

    private static final Map<String, Indicator> BY_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Indicator::code, Function.identity()));

    private final String code;
    private final boolean ratio;
    private final String viCounted;
    private final String viOutOf;
    private final String enCounted;
    private final String enOutOf;

    Indicator(String code, boolean ratio, String viCounted, String viOutOf, String enCounted, String enOutOf) {
        this.code = code;
        this.ratio = ratio;
        this.viCounted = viCounted;
        this.viOutOf = viOutOf;
        this.enCounted = enCounted;
        this.enOutOf = enOutOf;
    }

    /** The code used in facts, such as {@code dossiers.on_time}. */
    public String code() {
        return code;
    }

    /** Whether the indicator is a ratio (numerator/denominator) rather than a value. */
    public boolean isRatio() {
        return ratio;
    }

    /** What the numerator (or the value) counts, in Vietnamese. */
    public String viCounted() {
        return viCounted;
    }

    /** What the denominator counts, in Vietnamese; {@code null} for a value indicator. */
    public String viOutOf() {
        return viOutOf;
    }

    /** What the numerator (or the value) counts, in English. */
    public String enCounted() {
        return enCounted;
    }

    /** What the denominator counts, in English; {@code null} for a value indicator. */
    public String enOutOf() {
        return enOutOf;
    }

    /** The indicator with this code, if the contract has one. */
    public static Optional<Indicator> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
