package org.reformtargets.report;

/** The language a report is written in: Vietnamese (the default) or English. */
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
