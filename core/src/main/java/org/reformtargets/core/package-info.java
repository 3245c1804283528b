// SPDX-License-Identifier: Apache-2.0
/**
 * The public API of reform-targets: facts (units, measurements, events, attestations),
 * rule sets, evaluation results and their JSON form.
 *
 * <p>A host loads a {@link org.reformtargets.core.RuleSet} once, reads a
 * {@link org.reformtargets.core.FactsDocument} with {@link org.reformtargets.core.ReformTargetsJson}
 * and calls {@link org.reformtargets.core.RuleSet#evaluate(FactsDocument)} as often as it likes,
 * from any number of threads. Every value type here (facts, results, rule-set descriptions, audit
 * records) is immutable. One type has state that changes: a
 * {@link org.reformtargets.core.ReloadingRuleSet} swaps in a new version of its rule set when its
 * folder changes; it is thread-safe, and each evaluation sees one whole version. Its
 * {@link org.reformtargets.core.ReloadingRuleSet.Builder} is mutable and not thread-safe.
 */
package org.reformtargets.core;
