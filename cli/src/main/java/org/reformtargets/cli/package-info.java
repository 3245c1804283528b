/** The {@code reform-targets} command line. */
package org.reformtargets.cli;
