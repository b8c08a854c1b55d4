/**
 * The shared tenant vocabulary of the suite: {@link dev.tdeveloper.tenancy.TenantId}, {@link
 * dev.tdeveloper.tenancy.Tenant} and its lifecycle, and the module's exception hierarchy rooted in
 * {@link dev.tdeveloper.tenancy.TenancyException}. Every other core depends on these types.
 */
package dev.tdeveloper.tenancy;
