// SPDX-License-Identifier: Apache-2.0
/**
 * Property tests of the hcm-agri/2021 rule set with QuickTheories: exact ratio decisions against an
 * independent BigInteger reference, independence from the order of facts, byte-identical output,
 * monotonicity, and one result per target, unit and field for random unit trees.
 */
package org.reformtargets.rules.properties;
