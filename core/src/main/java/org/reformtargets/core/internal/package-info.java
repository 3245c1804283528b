// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation: rule-set compilation, facts validation and indexing, the per-evaluation run and
 * message wording. Not an API: anything here may change in any release.
 */
package org.reformtargets.core.internal;
