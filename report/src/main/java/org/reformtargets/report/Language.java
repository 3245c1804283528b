// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The language a report is written in: Vietnamese (the default) or English. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Language {
    /** Tiếng Việt: labels and sentences as a civil servant writes them. */
    VI,
    /** English. */
    EN;

    /** {@code true} for {@link #VI}. */
    public boolean vietnamese() {
        return this == VI;
    }
}
