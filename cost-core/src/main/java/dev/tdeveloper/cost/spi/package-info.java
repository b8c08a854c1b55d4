/**
 * What a cloud implements for cost-core: {@link dev.tdeveloper.cost.spi.BillingImporter} (its bill
 * as {@link dev.tdeveloper.cost.allocation.Asset}s, e.g. from a FOCUS export). The default reads
 * FOCUS CSV files.
 */
package dev.tdeveloper.cost.spi;
