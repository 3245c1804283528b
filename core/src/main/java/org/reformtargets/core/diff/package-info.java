// SPDX-License-Identifier: Apache-2.0
/**
 * Comparing rule sets: {@link org.reformtargets.core.diff.RuleSetDiff} matches the targets of two
 * rule sets (two years of a family, two versions of one year) by the part of their id after the
 * rule set's id and by level, and says for each whether its demand was added, removed, tightened,
 * loosened or changed otherwise, with the values on both sides: what {@code reform-targets diff}
 * prints.
 */
package org.reformtargets.core.diff;
