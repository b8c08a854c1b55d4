package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link AuditLogger#log} returns at once: the entry's sequence number, its leaf hash ({@link
 * MerkleHashes#leaf} of the canonical encoding) and a future that completes when the entry is as
 * durable as the logger's {@link Durability} requires, or exceptionally with an {@link
 * AuditWriteException} if the write failed. Immutable and thread-safe.
 *
 * <p>The future completes on the logger's writer thread: attach slow callbacks with the {@code
 * *Async} variants so they do not hold up later entries.
 */
public final class AuditReceipt {
  private final long sequence;
  private final byte[] leafHash;
  private final CompletableFuture<Void> durable;

  AuditReceipt(long sequence, byte[] leafHash, CompletableFuture<Void> durable) {
    this.sequence = sequence;
    this.leafHash = leafHash.clone();
    this.durable = durable;
  }

  /** Returns the entry's index in the log, from 0. */
  public long sequence() {
    return sequence;
  }

  /** Returns a copy of the entry's 32-byte RFC 6962 leaf hash. */
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /**
   * Returns a future that completes when the entry is durable, or exceptionally with an {@link
   * AuditWriteException}. Each call returns a new copy: completing or cancelling it does not affect
   * the logger or other callers.
   */
  public CompletableFuture<Void> durable() {
    return durable.copy();
  }

  /** Returns whether the entry is already durable (its future completed normally). */
  public boolean isDurable() {
    return durable.isDone() && !durable.isCompletedExceptionally();
  }

  @Override
  public String toString() {
    return "AuditReceipt[" + sequence + ", " + HexFormat.of().formatHex(leafHash) + "]";
  }
}
