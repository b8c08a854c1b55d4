package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.tenancy.TenantId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The KMS encryption context of a wrapped data key: the tenant, the key version and a SHA-256 of
 * the associated data. KMS binds it to the ciphertext (and logs it in CloudTrail, which is why the
 * associated data goes in as a hash: it is the core's data key id, not a secret, but the hash keeps
 * the context small and printable).
 */
final class EncryptionContexts {
  static final String TENANT = "tdeveloper:tenant";
  static final String VERSION = "tdeveloper:key-version";
  static final String AAD = "tdeveloper:aad-sha256";

  private EncryptionContexts() {}

  static Map<String, String> of(TenantId tenant, int version, byte[] associatedData) {
    return Map.of(
        TENANT, tenant.value(), VERSION, Integer.toString(version), AAD, sha256(associatedData));
  }

  static String sha256(byte[] bytes) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
