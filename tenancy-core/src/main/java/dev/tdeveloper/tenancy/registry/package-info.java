/**
 * The {@link dev.tdeveloper.tenancy.spi.TenantRegistry} defaults for one machine: in memory (tests,
 * or until a shared backend is needed) and durable in a local journal ({@code file}), with their
 * providers.
 */
package dev.tdeveloper.tenancy.registry;
