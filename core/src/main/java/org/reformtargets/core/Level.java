package org.reformtargets.core;

/** The level of a unit in the administrative hierarchy (cấp của đơn vị). */
public enum Level {
    /** Sở: a provincial department. */
    DEPARTMENT,
    /** Chi cục: a sub-department of a department. */
    SUB_DEPARTMENT,
    /** Phòng, trạm: a division or station. */
    OFFICE
}
