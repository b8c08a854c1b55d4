package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link AbuseShield} looks at in a request. The API key is held in memory and named in
 * events, so pass its public identifier, or a {@link #fingerprint} of the secret — never the secret
 * itself. Immutable.
 *
 * @param clientIp the client address, already resolved (see {@link ClientIpResolver})
 * @param tenant the tenant, if known at this point
 * @param apiKey the API key's identifier (1 to {@value #MAX_API_KEY_LENGTH} characters), if any
 */
public record ShieldRequest(
    IpAddress clientIp, Optional<TenantId> tenant, Optional<String> apiKey) {
  /** The longest API key identifier accepted: {@value} characters. */
  public static final int MAX_API_KEY_LENGTH = 128;

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException if the API key identifier is empty or too long (the message
   *     gives its length, not its value)
   */
  public ShieldRequest {
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isPresent()) {
      int length = apiKey.get().length();
      if (length < 1 || length > MAX_API_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "apiKey must be 1 to "
                + MAX_API_KEY_LENGTH
                + " characters (an identifier or fingerprint, not the secret), was "
                + length
                + " characters");
      }
    }
  }

  /** Returns a request from {@code clientIp} without tenant or API key. */
  public static ShieldRequest of(IpAddress clientIp) {
    return new ShieldRequest(clientIp, Optional.empty(), Optional.empty());
  }

  /** Returns a request from {@code clientIp} for {@code tenant}. */
  public static ShieldRequest of(IpAddress clientIp, TenantId tenant) {
    return new ShieldRequest(clientIp, Optional.of(tenant), Optional.empty());
  }

  /** Returns a request from {@code clientIp} for {@code tenant} with API key id {@code apiKey}. */
  public static ShieldRequest of(IpAddress clientIp, TenantId tenant, String apiKey) {
    return new ShieldRequest(clientIp, Optional.of(tenant), Optional.of(apiKey));
  }

  /**
   * Returns a stable identifier of a secret API key that reveals nothing of it: {@code sha256:} and
   * the first 128 bits of its SHA-256, in hex (39 characters).
   */
  public static String fingerprint(String secret) {
    Objects.requireNonNull(secret, "secret");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
