// SPDX-License-Identifier: Apache-2.0
/**
 * The supported entry point of the rules module's build step (precompiling the bundled rule sets to
 * the Drools executable model) and of its tests. Not for host applications: it may change in any
 * release.
 */
package org.reformtargets.core.build;
