// SPDX-License-Identifier: Apache-2.0
/**
 * Benchmarks of the library, kept out of it: a plain-Java reference evaluator of
 * {@code hcm-agri/2021} (the baseline and an oracle), a generator of nationwide-scale facts,
 * JMH benchmarks of loading, evaluation and JSON, probes of wall time and peak heap, and the 766
 * index of a country on Apache Spark ({@link org.reformtargets.benchmarks.CountryBenchmark}; Spark is
 * {@code provided}, not in the benchmark jar).
 */
package org.reformtargets.benchmarks;
