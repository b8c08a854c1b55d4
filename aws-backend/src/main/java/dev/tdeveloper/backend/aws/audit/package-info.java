/**
 * compliance-core's audit SPIs on AWS: {@link
 * dev.tdeveloper.backend.aws.audit.S3AuditCheckpointAnchor} publishes signed audit-log checkpoints
 * to S3, with Object Lock as the option that puts them beyond an insider's reach.
 */
package dev.tdeveloper.backend.aws.audit;
