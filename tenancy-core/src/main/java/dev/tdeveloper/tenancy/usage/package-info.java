/**
 * Usage metering: validated {@link dev.tdeveloper.tenancy.usage.UsageEvent}s are deduplicated,
 * stored durably through a {@link dev.tdeveloper.tenancy.spi.UsageStore} and aggregated per tenant
 * into fixed time windows by a {@link dev.tdeveloper.tenancy.usage.UsageMeter}; closed windows are
 * exported for billing, for example as Stripe meter events.
 */
package dev.tdeveloper.tenancy.usage;
