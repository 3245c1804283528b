// SPDX-License-Identifier: Apache-2.0
/**
 * Reliability of reading and evaluating: a corpus of malformed documents, the reader's limits,
 * a document of more than 50 MB, and evaluations while a rule set reloads.
 */
package org.reformtargets.core.reliability;
