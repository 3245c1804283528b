// SPDX-License-Identifier: Apache-2.0
/**
 * Tools for policy authors (người soạn quy tắc): validate and lint rule-set folders
 * ({@link org.reformtargets.core.authoring.RuleSetValidator}), compare the levels of a target
 * ({@link org.reformtargets.core.authoring.Cascade}) and run the scenario tests kept beside the
 * rules ({@link org.reformtargets.core.authoring.ScenarioRunner}). Each returns a report with
 * every finding or failure and the exit status of the matching command ({@code reform-targets
 * validate PATH}, {@code reform-targets test PATH}). The guide is {@code docs/authoring.md}.
 */
package org.reformtargets.core.authoring;
