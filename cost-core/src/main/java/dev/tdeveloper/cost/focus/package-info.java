/**
 * FOCUS 1.x (FinOps Open Cost and Usage Specification) in and out: {@link
 * dev.tdeveloper.cost.focus.FocusExporter} writes allocated cost lines as FOCUS CSV rows, and
 * {@link dev.tdeveloper.cost.focus.FocusCsvBillingImporter} reads FOCUS CSV bills as assets, the
 * default {@link dev.tdeveloper.cost.spi.BillingImporter}. Exported bills import back to the same
 * numbers.
 */
package dev.tdeveloper.cost.focus;
