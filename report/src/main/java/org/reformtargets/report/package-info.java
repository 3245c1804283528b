// SPDX-License-Identifier: Apache-2.0
/**
 * Reports people hand in, and the spreadsheet they fill.
 *
 * <p>{@link org.reformtargets.report.ReportWriter} writes the scorecard of an evaluation as one
 * self-contained HTML file (opens from a mail attachment, prints on A4) or as an XLSX workbook
 * (streamed, so that 100,000 units stay in bounded memory). {@code ReformTargetsXlsx}
 * writes the XLSX facts template a sub-unit fills in, with the rule set's vocabulary as drop-down
 * lists, and reads a filled workbook back into the same {@link org.reformtargets.core.FactsDocument}
 * as the JSON reader gives, every problem located as {@code Sheet!C7}.
 *
 * <p>This module keeps the template engine (jte) and Apache POI out of the core.
 */
package org.reformtargets.report;
