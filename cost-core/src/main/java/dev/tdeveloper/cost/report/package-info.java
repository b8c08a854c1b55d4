/**
 * The FinOps report: allocations over time, budgets, anomalies, recommendations and unit economics
 * in one {@link dev.tdeveloper.cost.report.FinOpsReport}, written as JSON and as a self-contained
 * HTML page with inline SVG charts, every number traceable to the cost lines that explain it.
 */
package dev.tdeveloper.cost.report;
