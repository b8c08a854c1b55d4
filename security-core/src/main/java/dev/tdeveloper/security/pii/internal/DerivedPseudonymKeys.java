package dev.tdeveloper.security.pii.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.security.pii.PseudonymKeys;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-tenant keys derived as HMAC-SHA256(root, "tdeveloper-pii/v1/" + purpose + "/" + tenant +
 * 0x01), the single-block expand step of HKDF. Derived keys are cached (at most 10,000).
 * Thread-safe.
 */
public final class DerivedPseudonymKeys implements PseudonymKeys {
  private final byte[] root;
  private final Cache<String, SecretKey> cache = Caffeine.newBuilder().maximumSize(10_000).build();

  /** Creates the keys; the caller validated and this copies {@code root}. */
  public DerivedPseudonymKeys(byte[] root) {
    this.root = Arrays.copyOf(root, root.length);
  }

  @Override
  public SecretKey key(TenantId tenant, Purpose purpose) {
    String info = "tdeveloper-pii/v1/" + purpose.name().toLowerCase(java.util.Locale.ROOT) + "/";
    return cache.get(info + tenant.value(), this::derive);
  }

  private SecretKey derive(String info) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(root, "HmacSHA256"));
      mac.update(info.getBytes(StandardCharsets.UTF_8));
      byte[] okm = mac.doFinal(new byte[] {1});
      return new SecretKeySpec(okm, info.contains("/encryption/") ? "AES" : "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new SecurityCoreException("cannot derive a PII key: HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "PseudonymKeys[derived from a root secret of " + root.length + " bytes (not shown)]";
  }
}
