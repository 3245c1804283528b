// SPDX-License-Identifier: Apache-2.0
/**
 * Reliability of the bundled rule sets: the testkit's properties on every one of them, mutation
 * fuzzing of the example documents, counts near {@code Long.MAX_VALUE}, and one rule set shared
 * by many threads.
 */
package org.reformtargets.rules.reliability;
