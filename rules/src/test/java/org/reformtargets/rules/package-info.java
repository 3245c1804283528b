/**
 * Given/then tests of the bundled rule sets: {@link org.reformtargets.rules.RuleSetVerifier}
 * evaluates {@link org.reformtargets.rules.Facts} and checks one target's result for one unit.
 */
package org.reformtargets.rules;
