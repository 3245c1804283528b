// SPDX-License-Identifier: Apache-2.0
/**
 * The reference host service: HTTP endpoints over the library ({@link org.reformtargets.service.EvaluationController},
 * {@link org.reformtargets.service.RuleSetController}), its rule sets with hot reload
 * ({@link org.reformtargets.service.RuleSets}), RFC 9457 problem details for every error
 * ({@link org.reformtargets.service.ProblemHandler}) and the upload page ({@link org.reformtargets.service.PageController}).
 */
package org.reformtargets.service;
