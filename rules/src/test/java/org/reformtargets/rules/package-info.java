// SPDX-License-Identifier: Apache-2.0
/**
 * Given/then tests of the bundled rule sets: {@link org.reformtargets.testkit.RuleSetVerifier}
 * evaluates {@link org.reformtargets.testkit.Facts} and checks one target's result for one unit.
 */
package org.reformtargets.rules;
