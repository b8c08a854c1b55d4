package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An entry accepted by the logger and waiting for the writer: its sequence number, its content and
 * the future its receipt holds. The content is either already encoded and hashed on the caller's
 * thread ({@link AuditLogger#log}) or the stored event itself, encoded and hashed by the writer
 * ({@link AuditLogger#submit}); both give the same bytes and leaf hash for the same event.
 */
record PendingEntry(long sequence, Content content, CompletableFuture<Void> durable) {

  PendingEntry {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(durable, "durable");
  }

  /** Returns the entry's canonical encoding and leaf hash, computing them if deferred. */
  Encoded encoded() {
    return content instanceof Encoded e ? e : Encoded.of(((Deferred) content).event());
  }

  /** What an accepted entry holds. */
  sealed interface Content permits Encoded, Deferred {}

  /**
   * The canonical encoding of the stored (pseudonymized) event and its leaf hash; the arrays are
   * not shared with anyone else.
   */
  record Encoded(byte[] event, byte[] leafHash) implements Content {
    /** Encodes {@code stored} and hashes the encoding, as {@link AuditLogger#log} does. */
    static Encoded of(AuditEvent stored) {
      byte[] bytes = AuditEventCodec.encode(stored);
      return new Encoded(bytes, MerkleHashes.leaf(bytes));
    }
  }

  /** The stored (already pseudonymized, immutable) event, encoded and hashed by the writer. */
  record Deferred(AuditEvent event) implements Content {}
}
