/**
 * {@link dev.tdeveloper.security.spi.SecretStore} on AWS Secrets Manager: our versions and labels
 * are Secrets Manager's versions and staging labels, so our rotator and AWS's rotation Lambdas
 * understand each other's rotations.
 */
package dev.tdeveloper.backend.aws.secrets;
