/**
 * Contract test kits for cost-core's SPIs: extend {@link
 * dev.tdeveloper.cost.testkit.BillingImporterContract} to prove a {@link
 * dev.tdeveloper.cost.spi.BillingImporter}.
 */
package dev.tdeveloper.cost.testkit;
