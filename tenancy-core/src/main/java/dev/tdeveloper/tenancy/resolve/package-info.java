/**
 * Finding out which tenant a request is for: {@link dev.tdeveloper.tenancy.resolve.TenantResolver}
 * over a framework-neutral {@link dev.tdeveloper.tenancy.resolve.RequestView}, with resolvers for
 * subdomains, headers, paths and verified token claims, and a composite that can demand they agree.
 */
package dev.tdeveloper.tenancy.resolve;
