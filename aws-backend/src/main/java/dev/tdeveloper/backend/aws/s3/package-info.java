/**
 * dr-core's {@link dev.tdeveloper.dr.spi.BackupStore} on S3: {@link
 * dev.tdeveloper.backend.aws.s3.S3BackupStore}, with server-side encryption and Object Lock options
 * shared with the audit checkpoint anchor.
 */
package dev.tdeveloper.backend.aws.s3;
