/**
 * What a backend implements for compliance-core: where audit records are stored ({@code
 * AuditSink}), where checkpoints are anchored outside the log ({@code CheckpointAnchor}), the
 * systems that hold personal data ({@code PersonalDataConnector}, {@code ErasureHandler}) and the
 * sources of control evidence ({@code EvidenceCollector}).
 */
package dev.tdeveloper.compliance.spi;
