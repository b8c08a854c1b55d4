/**
 * {@link dev.tdeveloper.security.spi.KeyManager} on AWS KMS: tenants' key encryption key versions
 * as KMS keys (one per tenant version) or as one shared KMS key whose encryption context binds the
 * tenant.
 */
package dev.tdeveloper.backend.aws.kms;
