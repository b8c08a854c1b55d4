package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's journal in its own directory: segment files {@code <20-digit first sequence>.seg} in
 * {@link #FORMAT}, the last one active (a {@link JournalFile}: forced appends, torn tail cut on
 * open), the others sealed (read strictly: any damage refuses the open), and a {@code start} file
 * holding the first visible sequence and the last time, written atomically by {@link
 * #truncateBefore} before it deletes whole segments below that sequence. A crash between the two
 * leaves segments that are hidden, then deleted on the next open.
 *
 * <p>Thread-safe: calls are serialised on this object; {@link #readers} opens the files to read
 * under the lock so that a later truncation cannot pull them away (deleted files stay readable
 * while open on POSIX systems).
 */
final class ScopeLog {
  static final RecordFormat FORMAT =
      RecordFormat.crc32c("DRCJ0001".getBytes(StandardCharsets.US_ASCII), 1 << 30);
  private static final Logger LOG = LoggerFactory.getLogger(ScopeLog.class);
  private static final String SUFFIX = ".seg";
  private static final String WHAT = "change journal segment";
  private static final Instant NO_TIME = Instant.MIN;

  private final Path directory;
  private final BackupScope scope;
  private final long segmentBytes;
  private final TreeMap<Long, Path> segments = new TreeMap<>();
  private JournalFile active;
  private long start;
  private long next;
  private Instant lastTime = NO_TIME;
  private boolean closed;

  private ScopeLog(Path directory, BackupScope scope, long segmentBytes) {
    this.directory = directory;
    this.scope = scope;
    this.segmentBytes = segmentBytes;
  }

  /** Opens the scope's journal in {@code directory}, which need not exist yet. */
  static ScopeLog open(Path directory, BackupScope scope, long segmentBytes) {
    ScopeLog log = new ScopeLog(directory, scope, segmentBytes);
    if (Files.isDirectory(directory)) {
      try {
        new ScopeRecovery(log).run();
      } catch (IOException e) {
        log.closeQuietly();
        throw new DrException("cannot open change journal " + directory + ": " + e, e);
      } catch (RuntimeException e) {
        log.closeQuietly();
        throw e;
      }
    }
    return log;
  }

  synchronized ChangeRecord append(ChangeRecord unnumbered) {
    requireOpen();
    ChangeArguments.checkTimeOrder(scope, unnumbered.time(), lastTime);
    ChangeRecord record =
        new ChangeRecord(
            next, unnumbered.time(), unnumbered.source(), unnumbered.path(), unnumbered.content());
    byte[] payload = ChangeCodec.encode(record);
    if (active != null && next > segments.lastKey() && active.size() >= segmentBytes) {
      seal();
    }
    if (active == null) {
      startSegment();
    }
    active.append(payload);
    next++;
    lastTime = record.time();
    return record;
  }

  synchronized long nextSequence() {
    requireOpen();
    return next;
  }

  /** Opens, under the lock, a reader of each segment holding records at or after {@code from}. */
  synchronized Snapshot readers(long from) throws IOException {
    requireOpen();
    long first = Math.max(from, start);
    List<Snapshot.Part> parts = new ArrayList<>();
    try {
      for (Map.Entry<Long, Path> segment : segments.entrySet()) {
        Long following = segments.higherKey(segment.getKey());
        long end = following == null ? next : following;
        if (end > first && segment.getKey() < next) {
          Path file = segment.getValue();
          long limit = following == null && active != null ? active.size() : Files.size(file);
          parts.add(new Snapshot.Part(file, FORMAT.reader(file, limit)));
        }
      }
    } catch (IOException | RuntimeException e) {
      new Snapshot(parts, first, next).close();
      throw e;
    }
    return new Snapshot(parts, first, next);
  }

  synchronized void truncateBefore(long sequence) {
    requireOpen();
    ChangeArguments.checkTruncation(scope, sequence, next);
    if (sequence <= start) {
      return;
    }
    try {
      DurableFiles.replace(
          directory.resolve(ScopeRecovery.START),
          out -> out.write(ScopeRecovery.startLine(sequence, lastTime)));
    } catch (IOException e) {
      throw new DrException("cannot truncate change journal " + directory + ": " + e, e);
    }
    start = sequence;
    deleteSegmentsBelow(sequence);
  }

  /** Deletes the segments whose records all lie below {@code sequence}; failures only warn. */
  void deleteSegmentsBelow(long sequence) {
    for (Long first : new ArrayList<>(segments.keySet())) {
      Long following = segments.higherKey(first);
      long end = following == null ? next : following;
      if (end > sequence) {
        break;
      }
      Path file = segments.get(first);
      try {
        if (following == null && active != null) {
          active.close();
          active = null;
        }
        Files.deleteIfExists(Path.of(file + ".lock"));
        Files.delete(file);
        segments.remove(first);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot delete truncated change journal segment {}; retried on open", file, e);
        break;
      }
    }
    DurableFiles.syncDirectory(directory);
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (active != null) {
      active.close();
    }
  }

  // --- used by ScopeRecovery while opening ---

  Path directory() {
    return directory;
  }

  BackupScope scope() {
    return scope;
  }

  TreeMap<Long, Path> segments() {
    return segments;
  }

  void restored(long start, long next, Instant lastTime, JournalFile active) {
    this.start = start;
    this.next = next;
    this.lastTime = lastTime;
    this.active = active;
  }

  static Path segmentFile(Path directory, long first) {
    return directory.resolve(String.format("%020d", first) + SUFFIX);
  }

  static long firstSequenceOf(Path file) {
    String name = file.getFileName().toString();
    String digits = name.substring(0, name.length() - SUFFIX.length());
    return digits.length() == 20 && digits.chars().allMatch(Character::isDigit)
        ? Long.parseLong(digits)
        : -1;
  }

  static boolean isSegment(Path file) {
    return file.getFileName().toString().endsWith(SUFFIX) && firstSequenceOf(file) >= 0;
  }

  static JournalFile openActive(Path file, JournalFile.Replay replay) {
    return JournalFile.open(file, FORMAT, WHAT, replay, DrException::new);
  }

  private void seal() {
    Path file = segments.lastEntry().getValue();
    active.close();
    active = null;
    try {
      Files.deleteIfExists(Path.of(file + ".lock"));
    } catch (IOException e) {
      LOG.debug("cannot delete the lock file of sealed segment {}", file, e);
    }
  }

  private void startSegment() {
    try {
      if (!Files.isDirectory(directory)) {
        Files.createDirectories(directory);
        DurableFiles.syncDirectory(DurableFiles.parentOf(directory));
      }
    } catch (IOException e) {
      throw new DrException("cannot create change journal directory " + directory + ": " + e, e);
    }
    Path file = segmentFile(directory, next);
    active = openActive(file, (offset, payload) -> {});
    segments.put(next, file);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("change journal of scope " + scope + " is closed");
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.debug("cannot close change journal {} after a failed open", directory, e);
    }
  }

  /** The files of a read, opened under the lock, and the sequence range to hand over. */
  record Snapshot(List<Part> parts, long from, long until) implements AutoCloseable {
    /** One opened segment. */
    record Part(Path file, FrameReader reader) {}

    @Override
    public void close() {
      for (Part part : parts) {
        try {
          part.reader().close();
        } catch (IOException e) {
          LOG.debug("cannot close {}", part.file(), e);
        }
      }
    }
  }
}
