/**
 * A servlet filter that writes one {@link dev.tdeveloper.compliance.audit.AuditEvent} per HTTP
 * request to a compliance-core {@link dev.tdeveloper.compliance.audit.AuditLogger}: who called
 * which path for which tenant, from where, and how it ended, including the requests the other
 * filters refused.
 */
package dev.tdeveloper.web.audit;
