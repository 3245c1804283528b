// SPDX-License-Identifier: Apache-2.0
/**
 * Test helpers for host applications and rule authors, used with test scope:
 * {@link org.reformtargets.testkit.RuleSetVerifier} and {@link org.reformtargets.testkit.Facts} for
 * given/then tests of targets; {@link org.reformtargets.testkit.ScenarioGenerator} for seeded random
 * facts documents biased toward each target's thresholds, also as a QuickTheories generator
 * ({@link org.reformtargets.testkit.ScenarioGen}) and as JUnit 5 arguments
 * ({@link org.reformtargets.testkit.GeneratedScenarios}); and
 * {@link org.reformtargets.testkit.RuleSetProperties}, the properties every rule set must keep.
 */
package org.reformtargets.testkit;
