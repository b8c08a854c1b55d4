/**
 * The in-process {@link dev.tdeveloper.tenancy.spi.TenantRegistry} default and its {@code
 * in-memory} provider. Use it on one machine, in tests, or until a shared backend is needed.
 */
package dev.tdeveloper.tenancy.registry;
