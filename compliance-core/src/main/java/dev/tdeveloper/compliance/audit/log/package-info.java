/**
 * The audit log wired: {@link dev.tdeveloper.compliance.audit.log.AuditLog} puts the logger, the
 * local file sink (or any other {@code AuditSink}), the Merkle tree, signed checkpoints and an
 * optional external anchor together, serves inclusion and consistency proofs, per-tenant exports
 * that carry their own proofs ({@link dev.tdeveloper.compliance.audit.log.AuditExports}) and
 * verification.
 */
package dev.tdeveloper.compliance.audit.log;
