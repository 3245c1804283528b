/**
 * The public API of reform-targets: facts (units, measurements, events, attestations),
 * rule sets, evaluation results and their JSON form.
 *
 * <p>A host loads a {@link org.reformtargets.core.RuleSet} once, reads a
 * {@link org.reformtargets.core.FactsDocument} with {@link org.reformtargets.core.ReformTargetsJson}
 * and calls {@link org.reformtargets.core.RuleSet#evaluate(FactsDocument)} as often as it likes,
 * from any number of threads. Every type here is immutable.
 */
package org.reformtargets.core;
