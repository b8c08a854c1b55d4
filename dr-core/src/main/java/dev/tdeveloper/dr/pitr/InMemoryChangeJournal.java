package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link ChangeJournal} in memory, for tests and for services that keep no history across
 * restarts: it behaves like {@link FileChangeJournal} (same checks, same numbering) but loses
 * everything when the process ends. Thread-safe: calls are serialised, and {@link #read} hands over
 * a copy taken under the lock, so its consumer may append.
 */
public final class InMemoryChangeJournal implements ChangeJournal {
  private final Map<BackupScope, Scope> scopes = new HashMap<>();
  private boolean closed;

  /** Creates an empty journal. */
  public InMemoryChangeJournal() {}

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if the source is not a valid source name, the path not a
   *     valid relative path, or the content longer than {@value
   *     FileChangeJournal#MAX_CONTENT_BYTES} bytes
   */
  @Override
  public synchronized ChangeRecord append(
      BackupScope scope, Instant time, String source, String path, Optional<byte[]> content) {
    ChangeRecord unnumbered =
        ChangeArguments.record(
            0, scope, time, source, path, content, FileChangeJournal.MAX_CONTENT_BYTES);
    Scope state = scope(scope);
    ChangeArguments.checkTimeOrder(scope, time, state.lastTime);
    ChangeRecord record = new ChangeRecord(state.next, time, source, path, unnumbered.content());
    state.records.add(record);
    state.next++;
    state.lastTime = time;
    return record;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code from} is negative
   */
  @Override
  public void read(BackupScope scope, long from, Consumer<ChangeRecord> consumer) {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSequence("from", from);
    Objects.requireNonNull(consumer, "consumer");
    List<ChangeRecord> copy;
    synchronized (this) {
      Scope state = scope(scope);
      int skip = (int) Math.min(state.records.size(), Math.max(0, from - state.start));
      copy = List.copyOf(state.records.subList(skip, state.records.size()));
    }
    copy.forEach(consumer);
  }

  @Override
  public synchronized long nextSequence(BackupScope scope) {
    return scope(Objects.requireNonNull(scope, "scope")).next;
  }

  /**
   * {@inheritDoc} A sequence at or below the scope's first kept record does nothing.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative or past {@link #nextSequence}
   */
  @Override
  public synchronized void truncateBefore(BackupScope scope, long sequence) {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSequence("sequence", sequence);
    Scope state = scope(scope);
    ChangeArguments.checkTruncation(scope, sequence, state.next);
    if (sequence > state.start) {
      state.records.subList(0, (int) (sequence - state.start)).clear();
      state.start = sequence;
    }
  }

  /** Marks the journal closed (every later call fails); idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  private Scope scope(BackupScope scope) {
    if (closed) {
      throw new IllegalStateException("in-memory change journal is closed");
    }
    return scopes.computeIfAbsent(scope, s -> new Scope());
  }

  /** One scope's records from {@code start} on. */
  private static final class Scope {
    final List<ChangeRecord> records = new ArrayList<>();
    long start;
    long next;
    Instant lastTime = Instant.MIN;
  }
}
