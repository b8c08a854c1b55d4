/**
 * The AWS backend against local servers: {@code KmsKeyManager}'s data-key cache against a KMS call
 * per encryption (aws-testkit's KMS double), and {@code S3BackupStore} under dr-core's backup
 * engine against the SDK's {@code S3TransferManager} (Adobe S3Mock).
 */
package dev.tdeveloper.benchmarks.aws;
