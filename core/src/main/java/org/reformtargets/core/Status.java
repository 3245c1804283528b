// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The verdict on one target for one unit, period and field. */
@API(status = STABLE, since = "0.1")
public enum Status {
    /** Đạt: the facts meet the target. */
    MET("đạt", "met"),
    /** Chưa đạt: the facts fall short of the target. */
    NOT_MET("chưa đạt", "not met"),
    /** Thiếu dữ liệu: facts the target needs are missing. */
    INSUFFICIENT_DATA("thiếu dữ liệu", "insufficient data"),
    /** Không áp dụng: zero denominator, absent premise, or not a target of this level. */
    NOT_APPLICABLE("không áp dụng", "not applicable");

    private final String vi;
    private final String en;

    Status(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** The status in Vietnamese, lower case, as used in messages. */
    public String vi() {
        return vi;
    }

    /** The status in English, lower case, as used in messages. */
    public String en() {
        return en;
    }
}
