package dev.tdeveloper.dr.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 32-byte secret every scope's chunk key is derived from. Its bytes never leave this package
 * and never print: {@link #toString()} shows only {@link #id()}, a fingerprint that identifies the
 * key in logs and manifests without revealing it. Immutable and thread-safe.
 */
public final class MasterKey {
  /** Length of a master key in bytes: {@value}. */
  public static final int LENGTH = 32;

  private static final byte[] ID_SALT =
      "dev.tdeveloper.dr master-key id".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ID_INFO = "id v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] material;
  private final String id;

  private MasterKey(byte[] material) {
    this.material = material;
    this.id = HexFormat.of().formatHex(Hkdf.derive(ID_SALT, material, ID_INFO, 8));
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not {@value #LENGTH} bytes long (the
   *     message gives the length, never the bytes)
   */
  public static MasterKey of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "invalid master key length " + bytes.length + " bytes: expected " + LENGTH);
    }
    return new MasterKey(bytes.clone());
  }

  /** Returns a new random key from a {@link SecureRandom}. */
  public static MasterKey generate() {
    byte[] bytes = new byte[LENGTH];
    new SecureRandom().nextBytes(bytes);
    return new MasterKey(bytes);
  }

  /**
   * Returns a fingerprint of the key (16 hex characters, derived one-way): equal for equal keys,
   * safe to log.
   */
  public String id() {
    return id;
  }

  /** Returns a copy of the key bytes, for this package only. */
  byte[] material() {
    return material.clone();
  }

  /** Returns {@code MasterKey[id=...]}; never the key. */
  @Override
  public String toString() {
    return "MasterKey[id=" + id + "]";
  }
}
