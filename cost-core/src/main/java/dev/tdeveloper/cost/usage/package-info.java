/**
 * Usage ingestion: {@link dev.tdeveloper.cost.usage.UsageRecord} (what a tenant's workload used of
 * an asset over a period) and adapters from tenancy-core's usage metering.
 */
package dev.tdeveloper.cost.usage;
