package dev.tdeveloper.compliance.audit.integrity;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The RFC 6962 hash functions: a leaf is {@code SHA-256(0x00 || data)} and an inner node is {@code
 * SHA-256(0x01 || left || right)}, so a leaf can never be passed off as a node. Thread-safe: each
 * thread reuses its own digest; hot loops (a tree's appends) pass their own digest and output array
 * to the package-private overloads instead.
 */
public final class MerkleHashes {
  /** Length of every hash: 32 bytes. */
  public static final int LENGTH = 32;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHashes::newDigest);

  private MerkleHashes() {}

  /** Returns the hash of an empty tree: {@code SHA-256()} of no bytes. */
  public static byte[] emptyRoot() {
    MessageDigest d = SHA256.get();
    d.reset();
    return d.digest();
  }

  /** Returns {@code SHA-256(0x00 || data)}. */
  public static byte[] leaf(byte[] data) {
    Objects.requireNonNull(data, "data");
    return leaf(data, 0, data.length);
  }

  /** Returns {@code SHA-256(0x00 || data[offset, offset + length))}. */
  public static byte[] leaf(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    MessageDigest d = SHA256.get();
    d.reset();
    d.update((byte) 0);
    d.update(data, offset, length);
    return d.digest();
  }

  /** Returns {@code SHA-256(0x01 || left || right)}; both must be 32 bytes. */
  public static byte[] node(byte[] left, byte[] right) {
    check("left", left);
    check("right", right);
    MessageDigest d = SHA256.get();
    d.reset();
    d.update((byte) 1);
    d.update(left);
    d.update(right);
    return d.digest();
  }

  /**
   * Writes {@code SHA-256(0x01 || left || right)} into {@code out[0, 32)} with {@code digest},
   * without allocating; {@code out} may be {@code right} or {@code left}. The caller owns the
   * digest (not shared between threads) and passes 32-byte hashes.
   */
  static void node(MessageDigest digest, byte[] left, byte[] right, byte[] out) {
    digest.update((byte) 1);
    digest.update(left, 0, LENGTH);
    digest.update(right, 0, LENGTH);
    try {
      digest.digest(out, 0, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 refused a 32-byte output", e);
    }
  }

  private static void check(String what, byte[] hash) {
    if (Objects.requireNonNull(hash, what).length != LENGTH) {
      throw new IllegalArgumentException(
          what + " hash must be " + LENGTH + " bytes, got " + hash.length);
    }
  }

  /** Returns a new SHA-256 digest, for a caller that keeps its own. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
