package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.KeyVersion;

/**
 * A tenant's key version and the KMS key (id or ARN) that holds its material. Immutable.
 *
 * @param meta the version as the SPI shows it
 * @param keyId the KMS key wrapping under this version; empty once KMS has deleted it
 */
record KmsVersion(KeyVersion meta, String keyId) {}
