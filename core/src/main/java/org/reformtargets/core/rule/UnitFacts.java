// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.reformtargets.core.Level;
import org.reformtargets.core.Period;

/**
 * One unit and everything the facts document says about it, for the year the rule set
 * evaluates: the fact every rule matches on. Rules constrain it on its level (and, where a
 * target needs it, on its sub-units) and hand it to {@link Check}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UnitFacts {

    /** The unit's id. */
    String getId();

    /** The unit's display name. */
    String getName();

    /** The unit's level. */
    Level getLevel();

    /**
     * The code of the unit's level, such as {@code COMMUNE}: what a rule's condition on a level of the
     * rule set's own vocabulary is compiled to (authors write {@code level == Level.X}).
     */
    default String getLevelCode() {
        Level level = getLevel();
        return level == null ? null : level.code();
    }

    /** The parent unit's id, or {@code null}. */
    String getParent();

    /**
     * The parent unit's level, or {@code null} without a parent: {@code parentLevel == Level.DEPARTMENT}
     * binds the offices directly under a department, not the stations of a sub-department.
     */
    default Level getParentLevel() {
        return null;
    }

    /** The code of the parent unit's level, or {@code null}: as {@link #getLevelCode()} for {@link #getParentLevel()}. */
    default String getParentLevelCode() {
        Level level = getParentLevel();
        return level == null ? null : level.code();
    }

    /** How many units have this one as their parent. */
    int getSubUnitCount();

    /** The period the rule set evaluates, such as the year 2021. */
    Period getPeriod();
}
