package dev.tdeveloper.aws.testkit.s3;

/**
 * What a local S3 server supports beyond plain objects, as verified by aws-backend's tests: tests
 * of an optional feature run on the servers that have it and assert the refusal on the others.
 * Immutable and thread-safe.
 *
 * @param flexibleChecksums whether it stores and returns {@code x-amz-checksum-sha256}
 * @param objectLock whether it accepts Object Lock retention on put (and buckets with Object Lock)
 * @param serverSideEncryption whether it accepts SSE-S3 and SSE-KMS headers on put
 * @param multipartListing whether it lists incomplete multipart uploads
 */
public record S3Features(
    boolean flexibleChecksums,
    boolean objectLock,
    boolean serverSideEncryption,
    boolean multipartListing) {}
