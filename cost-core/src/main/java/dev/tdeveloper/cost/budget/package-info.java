/**
 * Budgets with forecasts, after AWS Budgets: a {@link dev.tdeveloper.cost.budget.Budget} per tenant
 * or organisation for a month, quarter or year, ACTUAL and FORECASTED notifications with percentage
 * or absolute thresholds, a period-end {@link dev.tdeveloper.cost.budget.CostForecaster forecast}
 * (robust trend plus weekly season, with prediction intervals) and a {@link
 * dev.tdeveloper.cost.budget.BudgetMonitor} that moves each notification between OK and ALARM and
 * publishes an alert on every transition, never twice.
 */
package dev.tdeveloper.cost.budget;
