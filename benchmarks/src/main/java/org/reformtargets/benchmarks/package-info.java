// SPDX-License-Identifier: Apache-2.0
/**
 * Benchmarks of the library, kept out of it: a plain-Java reference evaluator of
 * {@code hcm-agri/2021} (the baseline and an oracle), a generator of nationwide-scale facts,
 * JMH benchmarks of loading, evaluation and JSON, and a probe of wall time and peak heap.
 */
package org.reformtargets.benchmarks;
