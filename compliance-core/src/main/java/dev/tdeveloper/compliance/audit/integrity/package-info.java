/**
 * Tamper evidence for the audit log: the RFC 6962 Merkle tree with inclusion and consistency
 * proofs, the keyed chain, signed checkpoints in the C2SP signed-note format, and their anchoring
 * outside the log.
 */
package dev.tdeveloper.compliance.audit.integrity;
