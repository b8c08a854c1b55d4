package dev.tdeveloper.compliance.audit.integrity;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash chain over the log's leaf hashes: {@code c(-1) = 32 zero bytes} and {@code c(i) =
 * HMAC-SHA256(key, c(i-1) || i as 8 bytes big-endian || leafHash(i))}. The Merkle tree proves that
 * the log did not change since a checkpoint, but anyone who can write the files can also recompute
 * a tree; without the key nobody can recompute the chain, so an insider who edits an entry and
 * rebuilds the hashes is still caught. Immutable and thread-safe.
 */
public final class KeyedChain {
  /** The chain value before the first entry: 32 zero bytes. */
  private static final byte[] START = new byte[32];

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final ThreadLocal<Hmac> macs;

  private KeyedChain(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.macs = ThreadLocal.withInitial(() -> new Hmac(newMac()));
  }

  /**
   * Creates a chain with a key.
   *
   * @param key the HMAC key, at least 32 bytes (copied); keep it outside the log directory
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public static KeyedChain withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "the audit chain key must be at least 32 bytes, got " + key.length);
    }
    return new KeyedChain(key.clone());
  }

  /** Returns the chain value before the first entry (32 zero bytes). */
  public static byte[] start() {
    return START.clone();
  }

  /**
   * Returns the chain value after entry {@code sequence}.
   *
   * @param previous the chain value after entry {@code sequence - 1} (or {@link #start()})
   * @param sequence the entry's index
   * @param leafHash the entry's 32-byte leaf hash
   */
  public byte[] next(byte[] previous, long sequence, byte[] leafHash) {
    if (previous.length != 32 || leafHash.length != 32) {
      throw new IllegalArgumentException("chain value and leaf hash must be 32 bytes each");
    }
    Hmac h = macs.get();
    h.mac.update(previous);
    for (int i = 0; i < 8; i++) {
      h.sequence[i] = (byte) (sequence >>> (56 - 8 * i));
    }
    h.mac.update(h.sequence);
    h.mac.update(leafHash);
    return h.mac.doFinal();
  }

  /** Returns whether {@code actual} equals the expected chain value, in constant time. */
  public boolean matches(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK cannot run " + ALGORITHM, e);
    }
  }

  /** One thread's MAC and the buffer it encodes sequence numbers into. */
  private static final class Hmac {
    final Mac mac;
    final byte[] sequence = new byte[8];

    Hmac(Mac mac) {
      this.mac = mac;
    }
  }

  @Override
  public String toString() {
    return "KeyedChain[key hidden]";
  }
}
