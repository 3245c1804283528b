// SPDX-License-Identifier: Apache-2.0
/**
 * The 766 index and any rule set on Apache Spark: {@link org.reformtargets.spark.ReformTargetsSpark}
 * aggregates dossier exports into measurements and evaluates facts, distributed by unit tree.
 */
package org.reformtargets.spark;
