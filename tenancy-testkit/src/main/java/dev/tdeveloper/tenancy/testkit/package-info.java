/**
 * Contract test kits for the SPIs of tenancy-core, and the manual clock they run on. A backend
 * proves itself by extending a kit ({@link dev.tdeveloper.tenancy.testkit.TenantRegistryContract},
 * {@link dev.tdeveloper.tenancy.testkit.QuotaStoreContract}, ...) in its tests; the embedded
 * defaults pass the same kits.
 */
package dev.tdeveloper.tenancy.testkit;
