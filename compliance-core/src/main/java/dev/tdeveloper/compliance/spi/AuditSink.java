package dev.tdeveloper.compliance.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an audit logger stores its entries: an append-only sequence of {@link AuditRecord}s
 * numbered from 0 without gaps, plus the signed checkpoints of the log. The logger calls {@link
 * #append} and {@link #sync} from one writer thread; readers may call the read methods
 * concurrently, so implementations must be thread-safe.
 *
 * <p>Retention may remove old entries' events, but never their leaf hashes: {@link #readLeafHashes}
 * answers for every entry ever appended, so the Merkle tree, its proofs and the consistency of old
 * and new checkpoints survive retention.
 */
public interface AuditSink extends AutoCloseable {
  /** Returns how many entries were ever appended: the sequence number the next entry gets. */
  long size();

  /**
   * Returns the first sequence number whose event is still stored; equal to {@link #size()} when
   * retention removed every event, 0 when it removed none.
   */
  long firstRetained();

  /**
   * Appends entries. Their sequence numbers must continue at {@link #size()} without gaps. Returns
   * once they are handed to the storage (readable, and safe from a crash of this process), but not
   * necessarily forced to the device: see {@link #sync}.
   *
   * @throws IllegalArgumentException if a sequence number does not follow on; nothing is appended
   * @throws dev.tdeveloper.compliance.ComplianceException if the storage fails
   */
  void append(List<AuditRecord> records);

  /**
   * Forces every appended entry to stable storage, so it survives a power loss.
   *
   * @throws dev.tdeveloper.compliance.ComplianceException if the storage fails
   */
  void sync();

  /**
   * Hands the retained entries with {@code from <= sequence < to} to {@code consumer} in order.
   *
   * @throws IllegalArgumentException if the range is outside {@code [firstRetained(), size()]}
   */
  void read(long from, long to, Consumer<AuditRecord> consumer);

  /**
   * Hands the 32-byte leaf hashes of the entries with {@code from <= sequence < to} to {@code
   * consumer} in order, including entries whose events retention removed. The array passed may be
   * reused between calls: copy it to keep it.
   *
   * @throws IllegalArgumentException if the range is outside {@code [0, size()]}
   */
  void readLeafHashes(long from, long to, Consumer<byte[]> consumer);

  /**
   * Stores a signed checkpoint (a signed note naming a tree size and root) durably, after the
   * entries it covers.
   */
  void storeCheckpoint(String signedNote);

  /** Returns the stored signed checkpoints, oldest first. */
  List<String> checkpoints();

  /** Returns the newest stored signed checkpoint, if any. */
  default Optional<String> latestCheckpoint() {
    List<String> all = checkpoints();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Releases the storage; later calls fail. Idempotent. */
  @Override
  void close();
}
