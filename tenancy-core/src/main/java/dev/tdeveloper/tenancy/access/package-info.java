/**
 * The tenant access guard: checks that a principal may use a permission in a tenant, by its roles
 * there or by an explicit, time-limited and audited operator grant, and refuses cross-tenant access
 * otherwise.
 */
package dev.tdeveloper.tenancy.access;
