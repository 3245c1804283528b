// SPDX-License-Identifier: Apache-2.0
/**
 * The dossier export (§5 of the 766-index spec) as an input: one CSV row per dossier (hồ sơ),
 * read as a stream and aggregated, by the dossier-level definitions of §4, into the ratio
 * measurements of §8 for every unit, and every unit above it, per month, quarter and year.
 *
 * <p>{@link org.reformtargets.core.dossier.Dossiers} is the entry point: give it the facts document
 * that names the units and the CSV, and it returns the same document with the counts added; a bad
 * export raises {@link org.reformtargets.core.dossier.InvalidDossiersException} listing every problem
 * with its line and column. {@link org.reformtargets.core.dossier.DossierRow} reads and judges one
 * dossier from its {@link org.reformtargets.core.dossier.DossierColumn} values, for hosts that read
 * dossiers another way (the Spark module reads every row with it).
 */
package org.reformtargets.core.dossier;
