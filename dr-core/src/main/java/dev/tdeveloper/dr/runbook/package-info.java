/**
 * Disaster-recovery runbooks: ordered steps with precondition, action, verification and rollback, a
 * dry run, an execution log to listeners (the audit hook), and a durable per-run journal from which
 * a run resumes after a crash.
 */
package dev.tdeveloper.dr.runbook;
