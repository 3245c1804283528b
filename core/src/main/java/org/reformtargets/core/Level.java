// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The level of a unit in the administrative hierarchy (cấp của đơn vị), by its code.
 *
 * <p>A level is a value: any code of the form {@code [A-Z][A-Z0-9_]*} makes one, and two levels are
 * equal when their codes are. Which levels exist, what they are called and which level stands under
 * which is the rule set's {@link Vocabulary} ({@link Vocabulary#levels()}), not this class; the
 * constants here are the levels of the standard vocabulary, for code and rules that name them.
 * Levels sort in the standard order ({@link #MINISTRY} … {@link #OFFICE}, so {@code DEPARTMENT <
 * SUB_DEPARTMENT < OFFICE}), and any other level after them by code.
 */
@API(status = STABLE, since = "0.1")
public final class Level implements Comparable<Level> {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Bộ: a ministry. */
    public static final Level MINISTRY = new Level("MINISTRY");
    /** Tỉnh, thành phố: a province or centrally-run city. */
    public static final Level PROVINCE = new Level("PROVINCE");
    /** Sở: a provincial department. */
    public static final Level DEPARTMENT = new Level("DEPARTMENT");
    /** Chi cục: a sub-department of a department. */
    public static final Level SUB_DEPARTMENT = new Level("SUB_DEPARTMENT");
    /** Huyện, quận: a district. */
    public static final Level DISTRICT = new Level("DISTRICT");
    /** Xã, phường: a commune or ward. */
    public static final Level COMMUNE = new Level("COMMUNE");
    /** Phòng, trạm: a division or station. */
    public static final Level OFFICE = new Level("OFFICE");

    private static final List<Level> STANDARD =
            List.of(MINISTRY, PROVINCE, DEPARTMENT, SUB_DEPARTMENT, DISTRICT, COMMUNE, OFFICE);

    private final String code;

    private Level(String code) {
        this.code = code;
    }

    /**
     * The level with this code: the standard constant when it is one.
     *
     * @throws IllegalArgumentException when the code is not of the form {@code [A-Z][A-Z0-9_]*}
     * @throws NullPointerException     when it is {@code null}
     */
    @JsonCreator
    public static Level of(String code) {
        Objects.requireNonNull(code, "code");
        for (Level l : STANDARD) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        if (!isCode(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a level code: use capital letters, digits"
                    + " and _, starting with a letter, such as COMMUNE");
        }
        return new Level(code);
    }

    /** Whether this text is a well-formed level code ({@code [A-Z][A-Z0-9_]*}). */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The levels of the standard vocabulary, in the standard order. */
    public static List<Level> standard() {
        return STANDARD;
    }

    /** The levels of the standard vocabulary, in the standard order (as the former enum's {@code values()}). */
    public static Level[] values() {
        return STANDARD.toArray(new Level[0]);
    }

    /** The same as {@link #of(String)}, for code written against the former enum. */
    public static Level valueOf(String code) {
        return of(code);
    }

    /** Whether this level is one of the standard vocabulary's. */
    public boolean isStandard() {
        return STANDARD.contains(this);
    }

    /** The code, such as {@code DEPARTMENT}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The code, as the former enum's {@code name()}. */
    public String name() {
        return code;
    }

    /** Standard levels first in the standard order, then the others by code. */
    @Override
    public int compareTo(Level o) {
        int a = STANDARD.indexOf(this);
        int b = STANDARD.indexOf(o);
        a = a < 0 ? STANDARD.size() : a;
        b = b < 0 ? STANDARD.size() : b;
        return a != b ? Integer.compare(a, b) : code.compareTo(o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Level l && l.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }
}
