/**
 * The tamper-evident audit log: {@link dev.tdeveloper.compliance.audit.AuditEvent}s appended by an
 * {@code AuditLogger} with the {@link dev.tdeveloper.compliance.audit.Durability} you choose, kept
 * as leaves of an RFC 6962 Merkle tree with signed checkpoints, queried and exported per tenant and
 * verified offline. Personal data goes through a {@link
 * dev.tdeveloper.compliance.audit.Pseudonymizer} before it is written.
 */
package dev.tdeveloper.compliance.audit;
