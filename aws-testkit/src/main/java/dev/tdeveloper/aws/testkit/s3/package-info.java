/**
 * Local S3-compatible servers for tests: Adobe S3Mock (a child JVM) and s3rver (Node.js), each on
 * loopback on a free port in a temporary directory, stopped with the test JVM; SDK clients for
 * them; and {@link dev.tdeveloper.aws.testkit.s3.S3ServerKind} to run a test against both. A
 * missing prerequisite fails naming what to install; nothing skips.
 */
package dev.tdeveloper.aws.testkit.s3;
