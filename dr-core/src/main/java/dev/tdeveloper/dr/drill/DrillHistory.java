package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable record of drill results, so they survive restarts: the compliance evidence "backups
 * restore-tested recently" and the RTO monitor read it. Each result is one framed, checksummed
 * record appended and forced to disk before {@link #record} returns; a torn tail left by a crash is
 * cut off on open.
 *
 * <p>Retention is bounded per scope and source: the newest {@code keepPerSource} results of each
 * are kept, so one tenant's frequent drills never evict another tenant's evidence. The file is
 * compacted (atomically rewritten) once it holds twice what is kept.
 *
 * <p>Thread-safe. One process opens a file at a time (it is locked while open).
 */
public final class DrillHistory implements AutoCloseable {
  /** Results kept per scope and source unless configured: {@value}. */
  public static final int DEFAULT_KEEP_PER_SOURCE = 1000;

  /** The most results per scope and source that may be kept: {@value}. */
  public static final int MAX_KEEP_PER_SOURCE = 1_000_000;

  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("DRDRILL1".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
  private static final String WHAT = "drill history";

  private final int keepPerSource;
  private final Map<String, Deque<DrillResult>> bySource = new LinkedHashMap<>();
  private final JournalFile journal;
  private long records;
  private long kept;

  private DrillHistory(Path file, int keepPerSource) {
    this.keepPerSource = keepPerSource;
    this.journal =
        JournalFile.open(
            file,
            FORMAT,
            WHAT,
            (offset, payload) -> {
              try {
                keep(DrillRecords.decode(payload));
              } catch (IllegalArgumentException e) {
                throw new DrException(
                    WHAT
                        + " "
                        + file
                        + " has a malformed record at offset "
                        + offset
                        + ": "
                        + e.getMessage(),
                    e);
              }
              records++;
            },
            DrException::new);
  }

  /**
   * Opens (or creates) the history in {@code file}, keeping {@value #DEFAULT_KEEP_PER_SOURCE}
   * results per scope and source.
   *
   * @throws DrException if the file is open elsewhere, corrupt or unreadable, or its directory does
   *     not exist
   */
  public static DrillHistory open(Path file) {
    return open(file, DEFAULT_KEEP_PER_SOURCE);
  }

  /**
   * Opens (or creates) the history in {@code file}, keeping the newest {@code keepPerSource}
   * results of each scope and source.
   *
   * @throws IllegalArgumentException if {@code keepPerSource} is not in 1 to {@value
   *     #MAX_KEEP_PER_SOURCE}
   * @throws DrException if the file is open elsewhere, corrupt or unreadable, or its directory does
   *     not exist
   */
  public static DrillHistory open(Path file, int keepPerSource) {
    Objects.requireNonNull(file, "file");
    if (keepPerSource < 1 || keepPerSource > MAX_KEEP_PER_SOURCE) {
      throw new IllegalArgumentException(
          "keepPerSource must be 1 to " + MAX_KEEP_PER_SOURCE + ", was " + keepPerSource);
    }
    return new DrillHistory(file, keepPerSource);
  }

  /**
   * Appends a result durably: when this returns it survives a crash.
   *
   * @throws DrException if it cannot be written (it is then not recorded)
   * @throws IllegalStateException if the history is closed
   */
  public synchronized void record(DrillResult result) {
    Objects.requireNonNull(result, "result");
    journal.append(DrillRecords.encode(result));
    records++;
    keep(result);
    if (records >= 2L * kept + 64) {
      List<byte[]> payloads = new ArrayList<>();
      bySource.values().forEach(q -> q.forEach(r -> payloads.add(DrillRecords.encode(r))));
      journal.rewrite(payloads, step -> {});
      records = payloads.size();
    }
  }

  /**
   * Returns the results of every source of {@code scope} that finished in {@code [from, to)},
   * oldest first.
   *
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public synchronized List<DrillResult> results(BackupScope scope, Instant from, Instant to) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
    }
    List<DrillResult> out = new ArrayList<>();
    for (Deque<DrillResult> results : bySource.values()) {
      for (DrillResult r : results) {
        if (r.scope().equals(scope) && !r.finished().isBefore(from) && r.finished().isBefore(to)) {
          out.add(r);
        }
      }
    }
    out.sort(Comparator.comparing(DrillResult::finished));
    return List.copyOf(out);
  }

  /** Returns the newest result of {@code source} in {@code scope}, if any was recorded. */
  public synchronized Optional<DrillResult> latest(BackupScope scope, String source) {
    Deque<DrillResult> results = bySource.get(key(scope, DrillNames.requireSource(source)));
    return results == null ? Optional.empty() : Optional.of(results.peekLast());
  }

  /** Returns how many results are kept, over every scope and source. */
  public synchronized long size() {
    return kept;
  }

  /** Closes the file and releases its lock; idempotent. */
  @Override
  public synchronized void close() {
    journal.close();
  }

  private void keep(DrillResult result) {
    Deque<DrillResult> results =
        bySource.computeIfAbsent(key(result.scope(), result.source()), k -> new ArrayDeque<>());
    results.addLast(result);
    kept++;
    if (results.size() > keepPerSource) {
      results.removeFirst();
      kept--;
    }
  }

  private static String key(BackupScope scope, String source) {
    return scope.key() + "/" + source;
  }
}
