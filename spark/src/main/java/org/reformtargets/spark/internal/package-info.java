// SPDX-License-Identifier: Apache-2.0
/** Internals of the Spark integration: the per-row dossier reading, the unit tree, the per-tree evaluation. */
package org.reformtargets.spark.internal;
