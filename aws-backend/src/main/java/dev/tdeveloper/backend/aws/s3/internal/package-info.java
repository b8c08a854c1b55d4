/**
 * Implementation detail of the S3 adapters: object reads and writes with hashes, encryption, Object
 * Lock and conditional puts, and parallel multipart uploads under a memory budget. Not API: it may
 * change in any release.
 */
package dev.tdeveloper.backend.aws.s3.internal;
