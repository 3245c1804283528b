// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code reform-targets} command line. {@code evaluate} reads a facts document, evaluates it
 * against a bundled rule set or one in a folder, and prints a scorecard table or the JSON result
 * document. For choosing and authoring rule sets: {@code rulesets} lists the bundled ones,
 * {@code describe} prints what each target demands per level in Vietnamese and English,
 * {@code diff} compares two rule sets target by target, {@code validate} compiles and lints
 * rule-set folders (and prints the cascade between levels), and {@code test} runs their scenario
 * files. {@code evaluate --audit FILE} writes an audit record atomically, never over an input, signed
 * with HMAC-SHA256 when {@code REFORM_TARGETS_AUDIT_KEY} is set; {@code audit verify} re-derives it
 * and lists every field that differs. Exit status 0 when the command did its work, 1 when
 * {@code validate} or {@code test} found something or {@code audit verify} a mismatch, 2 for
 * anything the user must fix in the command or its inputs.
 */
package org.reformtargets.cli;
