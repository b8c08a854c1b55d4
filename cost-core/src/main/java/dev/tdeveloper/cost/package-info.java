/**
 * Cost management: price books ({@code price}), usage ingestion ({@code usage}), per-tenant cost
 * allocation that reconciles to the cent ({@code allocation}), FOCUS export and import, budgets,
 * anomaly detection, optimisation recommendations, unit economics and the FinOps report. Money is
 * {@link dev.tdeveloper.cost.money.Money}: a {@code BigDecimal} with a currency. Backends implement
 * {@code spi}; {@code internal} is not API.
 */
package dev.tdeveloper.cost;
