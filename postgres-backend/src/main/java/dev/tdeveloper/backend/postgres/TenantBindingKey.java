package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that proves a tenant binding to PostgreSQL. Setting {@code app.tenant_id} is open to
 * any SQL the application runs ({@code SET app.tenant_id = 'other'} needs no privilege), so the
 * row-level security policies do not trust it alone: with each transaction the {@link
 * TenantDataSource} also sets {@code app.tenant_token}, an HMAC-SHA256 of the tenant id under this
 * key, and the policies accept the tenant only when the SHA-256 of that token matches the hash that
 * {@link TenantStorage} registered for the tenant. SQL injected into one tenant's request therefore
 * cannot read another tenant's rows: it never sees another tenant's token.
 *
 * <p>Keep the key with the application's other secrets; the database holds only token hashes.
 * Changing the key changes every token: re-run {@link TenantStorage#provision} for every tenant.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 */
public final class TenantBindingKey {
  /** The shortest key accepted, in bytes: {@value}. */
  public static final int MIN_LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] LABEL =
      "dev.tdeveloper.backend.postgres tenant binding v1:".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;

  private TenantBindingKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * Returns the key made of {@code secret} (copied).
   *
   * @throws NullPointerException if {@code secret} is null
   * @throws IllegalArgumentException if it is shorter than {@value #MIN_LENGTH} bytes
   */
  public static TenantBindingKey of(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "secret must be at least " + MIN_LENGTH + " bytes, was " + secret.length);
    }
    return new TenantBindingKey(secret.clone());
  }

  /** Returns a new random key of {@value #MIN_LENGTH} bytes, for tests and first installs. */
  public static TenantBindingKey generate() {
    byte[] secret = new byte[MIN_LENGTH];
    new SecureRandom().nextBytes(secret);
    return new TenantBindingKey(secret);
  }

  /** Returns the token that binds a connection to {@code tenant}: URL-safe base64, 43 chars. */
  public String token(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(LABEL);
      byte[] tag = mac.doFinal(tenant.value().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Returns the SHA-256 of {@link #token(TenantId)}, which is what the database stores. */
  public byte[] tokenHash(TenantId tenant) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(token(tenant).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "TenantBindingKey[hidden]";
  }
}
