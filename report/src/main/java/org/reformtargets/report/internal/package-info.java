// SPDX-License-Identifier: Apache-2.0
/**
 * How the reports are drawn: the data a report shows ({@link org.reformtargets.report.internal.ReportData}),
 * the HTML scorecard's templates and charts, the XLSX scorecard, and the XLSX facts template and reader.
 * Not API: used only by {@link org.reformtargets.report}.
 */
package org.reformtargets.report.internal;
