/**
 * Local servers for testing code that talks to AWS without AWS: S3-compatible servers started on
 * loopback and a server speaking AWS's JSON protocol for the KMS and Secrets Manager operations the
 * AWS backend uses.
 */
package dev.tdeveloper.aws.testkit;
