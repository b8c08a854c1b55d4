/**
 * A test double of AWS KMS and AWS Secrets Manager speaking AWS's JSON 1.1 protocol on loopback,
 * for the operations the AWS backend uses, so the real SDK clients can be tested without AWS.
 */
package dev.tdeveloper.aws.testkit.json;
