package dev.tdeveloper.compliance.audit.file;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read-only view of a log directory that {@link LogCheck}s get, once the verifier's own checks
 * passed: every entry's leaf hash agrees with its stored event, and the chain, if keyed, verified.
 * Valid only during the check; not thread-safe.
 */
public interface VerifiedLog {
  /** Returns the log directory. */
  Path directory();

  /** Returns how many entries the log holds, all with a leaf hash in {@code leaves.hashes}. */
  long size();

  /** Returns the first entry whose event is still stored. */
  long firstRetained();

  /**
   * Hands the 32-byte leaf hashes of entries {@code [from, to)} to {@code consumer} in order,
   * reusing one array.
   *
   * @throws IllegalArgumentException if the range is outside {@code [0, size()]}
   */
  void readLeafHashes(long from, long to, Consumer<byte[]> consumer);

  /** Returns the intact signed checkpoints of {@code checkpoints.log}, oldest first. */
  List<String> checkpoints();
}
