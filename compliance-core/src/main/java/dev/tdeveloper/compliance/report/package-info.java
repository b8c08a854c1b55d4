/**
 * Compliance reports: a {@link dev.tdeveloper.compliance.report.ComplianceReport} renders a control
 * assessment as OSCAL-shaped assessment-results JSON and as a self-contained HTML page.
 */
package dev.tdeveloper.compliance.report;
