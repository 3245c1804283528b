// SPDX-License-Identifier: Apache-2.0
/**
 * The vocabulary rule files use: the unit a rule matches ({@link org.reformtargets.core.rule.UnitFacts}),
 * the one builder every consequence states its target with ({@link org.reformtargets.core.rule.Check}),
 * and exact arithmetic on shares ({@link org.reformtargets.core.rule.Ratio}).
 *
 * <p>A rule reads like the commitment it encodes:
 * <pre>{@code
 * rule "A department's citizens are satisfied in at least 91 % of survey forms"
 *     @target("hcm-agri/2021/satisfaction") @document("001_71801934a71350b6.txt") @clause("4")
 * when
 *     $unit : UnitFacts( level == Level.DEPARTMENT )
 * then
 *     Check.of(kcontext, $unit).ratio("satisfaction").atLeast("91");
 * end
 * }</pre>
 * The builder reads the facts the target needs, decides the status exactly, and writes the result
 * with its actual figure, threshold, gap, source and Vietnamese and English sentences. Consequences
 * never build results by hand.
 */
package org.reformtargets.core.rule;
