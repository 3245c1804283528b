/**
 * The {@code reform-targets} command line: {@code evaluate} reads a facts document, evaluates it
 * against a bundled rule set or one in a folder, and prints a scorecard table or the JSON result
 * document. Exit status 0 when the evaluation ran, 2 for anything the user must fix.
 */
package org.reformtargets.cli;
