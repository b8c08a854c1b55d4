/**
 * The durable local audit sink: {@link dev.tdeveloper.compliance.audit.file.FileAuditSink} keeps
 * the log in segmented append-only files with group commit, crash recovery and retention, and
 * {@link dev.tdeveloper.compliance.audit.file.AuditVerifier} checks such a directory offline and
 * names the first bad index.
 */
package dev.tdeveloper.compliance.audit.file;
