/**
 * What a backend implements to hold tenancy state elsewhere (registry, quotas, usage, billing
 * export, tenant data stores, job leases), and {@link dev.tdeveloper.tenancy.spi.ProviderSelector},
 * the one rule every module uses to pick a backend found through {@link java.util.ServiceLoader}.
 */
package dev.tdeveloper.tenancy.spi;
