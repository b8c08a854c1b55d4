package dev.tdeveloper.compliance.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored audit entry as a sink sees it: its sequence number, the canonical encoding of the
 * (pseudonymized) event, the RFC 6962 leaf hash of that encoding and, when the log is keyed, the
 * keyed-chain value after this entry. Immutable and thread-safe: the byte arrays are copied in and
 * handed out as read-only views or copies.
 */
public final class AuditRecord {
  /** Length of a leaf hash and of a chain value: SHA-256 and HMAC-SHA256 output. */
  public static final int HASH_LENGTH = 32;

  private static final byte[] NO_CHAIN = new byte[0];

  private final long sequence;
  private final byte[] event;
  private final byte[] leafHash;
  private final byte[] chain;

  private AuditRecord(long sequence, byte[] event, byte[] leafHash, byte[] chain) {
    if (sequence < 0) {
      throw new IllegalArgumentException("AuditRecord.sequence must be >= 0, got " + sequence);
    }
    if (event.length == 0) {
      throw new IllegalArgumentException("AuditRecord.event must not be empty");
    }
    check("leafHash", leafHash);
    if (chain.length != 0) {
      check("chain", chain);
    }
    this.sequence = sequence;
    this.event = event;
    this.leafHash = leafHash;
    this.chain = chain;
  }

  /**
   * Creates a record of an unkeyed log.
   *
   * @param sequence the entry's index in the log, from 0
   * @param event the canonical encoding of the event, copied
   * @param leafHash {@code SHA-256(0x00 || event)}, 32 bytes, copied
   */
  public static AuditRecord of(long sequence, byte[] event, byte[] leafHash) {
    return new AuditRecord(
        sequence,
        Objects.requireNonNull(event, "event").clone(),
        Objects.requireNonNull(leafHash, "leafHash").clone(),
        NO_CHAIN);
  }

  /**
   * Creates a record of a keyed log.
   *
   * @param sequence the entry's index in the log, from 0
   * @param event the canonical encoding of the event, copied
   * @param leafHash {@code SHA-256(0x00 || event)}, 32 bytes, copied
   * @param chain the keyed-chain value after this entry, 32 bytes, copied
   */
  public static AuditRecord keyed(long sequence, byte[] event, byte[] leafHash, byte[] chain) {
    return new AuditRecord(
        sequence,
        Objects.requireNonNull(event, "event").clone(),
        Objects.requireNonNull(leafHash, "leafHash").clone(),
        Objects.requireNonNull(chain, "chain").clone());
  }

  private static void check(String field, byte[] hash) {
    if (hash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          "AuditRecord." + field + " must be " + HASH_LENGTH + " bytes, got " + hash.length);
    }
  }

  /** Returns the entry's index in the log, from 0. */
  public long sequence() {
    return sequence;
  }

  /** Returns a read-only view of the canonical event encoding. */
  public ByteBuffer event() {
    return ByteBuffer.wrap(event).asReadOnlyBuffer();
  }

  /** Returns a copy of the canonical event encoding. */
  public byte[] eventBytes() {
    return event.clone();
  }

  /** Returns the length of the canonical event encoding in bytes. */
  public int eventLength() {
    return event.length;
  }

  /** Returns a copy of the 32-byte leaf hash. */
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /** Returns whether the record carries a keyed-chain value. */
  public boolean hasChain() {
    return chain.length != 0;
  }

  /**
   * Returns a copy of the 32-byte keyed-chain value.
   *
   * @throws IllegalStateException if the record has none ({@link #hasChain()} is false)
   */
  public byte[] chain() {
    if (chain.length == 0) {
      throw new IllegalStateException("audit record " + sequence + " has no keyed-chain value");
    }
    return chain.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditRecord r
        && r.sequence == sequence
        && Arrays.equals(r.event, event)
        && Arrays.equals(r.leafHash, leafHash)
        && Arrays.equals(r.chain, chain);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(leafHash);
  }

  @Override
  public String toString() {
    return "AuditRecord[" + sequence + ", " + event.length + " bytes]";
  }
}
