// SPDX-License-Identifier: Apache-2.0
/**
 * The rules module's build step: precompiles the bundled rule sets to the Drools executable model.
 * Runs at build time only and is left out of the rules jar.
 */
package org.reformtargets.rules.build;
