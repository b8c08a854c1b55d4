package dev.tdeveloper.compliance.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One stored entry as queries return it: its sequence number, the event as stored (with pseudonyms
 * in place of personal data) and its leaf hash. Immutable and thread-safe.
 *
 * @param sequence the entry's index in the log, from 0
 * @param event the stored event
 * @param leafHash the 32-byte RFC 6962 leaf hash of the event's canonical encoding (copied in and
 *     out)
 */
public record AuditEntry(long sequence, AuditEvent event, byte[] leafHash) {
  /** Checks the fields and copies the hash. */
  public AuditEntry {
    if (sequence < 0) {
      throw new IllegalArgumentException("AuditEntry.sequence must be >= 0, got " + sequence);
    }
    Objects.requireNonNull(event, "event");
    leafHash = Objects.requireNonNull(leafHash, "leafHash").clone();
    if (leafHash.length != 32) {
      throw new IllegalArgumentException(
          "AuditEntry.leafHash must be 32 bytes, got " + leafHash.length);
    }
  }

  /** Returns a copy of the leaf hash. */
  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntry e
        && e.sequence == sequence
        && e.event.equals(event)
        && Arrays.equals(e.leafHash, leafHash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(leafHash);
  }

  @Override
  public String toString() {
    return "AuditEntry["
        + sequence
        + ", "
        + event
        + ", "
        + HexFormat.of().formatHex(leafHash)
        + "]";
  }
}
