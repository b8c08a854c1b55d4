/**
 * The tenant filter: resolves the tenant of each HTTP request, checks it in the registry, binds it
 * to {@link dev.tdeveloper.tenancy.context.TenantContext} for the rest of the chain, and answers
 * requests it cannot admit with an RFC 9457 problem.
 */
package dev.tdeveloper.web.tenant;
