package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a quota store directory and their crash recovery. Generation {@code g} is the
 * snapshot {@code snapshot-<g>.snap} ({@link CounterCodec#SNAPSHOT}: header magic {@code TDQS},
 * format 1, {@code long} record count; then framed records) plus the log {@code counters-<g>.log}
 * ({@link CounterCodec#LOG}: header magic {@code TDQL}, format 1; then framed records) of the
 * changes since that snapshot; {@code g} has 20 digits.
 *
 * <p>A snapshot is only ever written whole ({@link DurableFiles#replace}) and before the log of its
 * generation, so the newest snapshot is always complete and holds every change the older
 * generations hold: recovery loads it, replays its log (creating the log, or its header, if a crash
 * came first) and deletes the older generations.
 *
 * <p>Stateless; the store's directory lock keeps other processes away while it runs.
 */
final class QuotaFiles {
  static final int LOG_HEADER = RecordFormat.HEADER;
  static final int SNAPSHOT_HEADER = RecordFormat.HEADER + Long.BYTES; // the record count
  private static final Logger LOG = LoggerFactory.getLogger(FileQuotaStore.class);
  private static final Pattern LOG_NAME = Pattern.compile("counters-(\\d{20})\\.log");
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");

  private QuotaFiles() {}

  static Path log(Path directory, long generation) {
    return directory.resolve(String.format("counters-%020d.log", generation));
  }

  static Path snapshot(Path directory, long generation) {
    return directory.resolve(String.format("snapshot-%020d.snap", generation));
  }

  /** What recovery found: the current generation, where its log ends, its snapshot's size. */
  record Recovered(long generation, long logEnd, long snapshotBytes) {}

  /**
   * Loads the newest snapshot and replays its log into {@code counters}, truncating a torn tail of
   * the log, then deletes what interrupted compactions left behind.
   *
   * @throws CorruptQuotaStoreException naming the file and offset of damage that is not a tear
   */
  static Recovered recover(Path directory, Map<QuotaKey, Counter> counters) throws IOException {
    TreeSet<Long> snapshots = new TreeSet<>();
    TreeSet<Long> logs = new TreeSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        Matcher log = LOG_NAME.matcher(name);
        Matcher snapshot = SNAPSHOT_NAME.matcher(name);
        if (log.matches()) {
          logs.add(Long.parseLong(log.group(1)));
        } else if (snapshot.matches()) {
          snapshots.add(Long.parseLong(snapshot.group(1)));
        }
      }
    }
    if (snapshots.isEmpty() && !logs.isEmpty()) {
      throw new CorruptQuotaStoreException(
          log(directory, logs.last()),
          0,
          "its snapshot " + snapshot(directory, logs.last()) + " is missing");
    }
    long generation = snapshots.isEmpty() ? 1 : snapshots.last();
    if (!logs.isEmpty() && logs.last() > generation) {
      throw new CorruptQuotaStoreException(
          log(directory, logs.last()), 0, "log of a generation newer than the newest snapshot");
    }
    DurableFiles.deleteTemp(snapshot(directory, generation + 1)); // an interrupted compaction's
    long snapshotBytes =
        snapshots.isEmpty()
            ? writeSnapshot(directory, generation, Map.of())
            : readSnapshot(snapshot(directory, generation), counters);
    long logEnd = replayLog(log(directory, generation), counters);
    boolean deleted = false;
    for (long older : snapshots.headSet(generation)) {
      deleted |= Files.deleteIfExists(snapshot(directory, older));
    }
    for (long older : logs.headSet(generation)) {
      deleted |= Files.deleteIfExists(log(directory, older));
    }
    if (deleted) {
      LOG.info("quota store {}: removed generations older than {}", directory, generation);
      DurableFiles.syncDirectory(directory);
    }
    return new Recovered(generation, logEnd, snapshotBytes);
  }

  /**
   * Writes the snapshot of {@code generation} atomically and durably.
   *
   * @return its size in bytes
   */
  static long writeSnapshot(Path directory, long generation, Map<QuotaKey, Counter> live)
      throws IOException {
    long[] size = {SNAPSHOT_HEADER};
    DurableFiles.replace(
        snapshot(directory, generation),
        raw -> {
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 65536));
          out.write(CounterCodec.SNAPSHOT.header());
          out.writeLong(live.size());
          for (Map.Entry<QuotaKey, Counter> entry : live.entrySet()) {
            byte[] frame =
                CounterCodec.SNAPSHOT.frame(CounterCodec.encode(entry.getKey(), entry.getValue()));
            out.write(frame);
            size[0] += frame.length;
          }
          out.flush();
        });
    return size[0];
  }

  /** Creates the empty log of {@code generation}, forced with its directory entry. */
  static FileChannel createLog(Path directory, long generation) throws IOException {
    FileChannel channel =
        FileChannel.open(
            log(directory, generation),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    try {
      ByteBuffer header = ByteBuffer.wrap(CounterCodec.LOG.header());
      while (header.hasRemaining()) {
        channel.write(header, header.position());
      }
      channel.force(true);
      DurableFiles.syncDirectory(directory);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static long readSnapshot(Path file, Map<QuotaKey, Counter> counters) throws IOException {
    long size = Files.size(file);
    try (FrameReader reader = CounterCodec.SNAPSHOT.reader(file, size)) {
      ByteBuffer count =
          reader.readHeader() == null ? reader.readHeaderExtension(Long.BYTES) : null;
      if (count == null) {
        throw new CorruptQuotaStoreException(file, 0, "not a quota snapshot (bad header)");
      }
      long expected = count.getLong();
      Loaded loaded = load(file, reader, counters);
      FrameReader.Step step = loaded.end();
      if (step.kind() != FrameReader.Kind.END) {
        throw new CorruptQuotaStoreException(file, step.offset(), step.problem());
      }
      if (loaded.records() != expected) {
        throw new CorruptQuotaStoreException(
            file,
            step.offset(),
            "snapshot holds " + loaded.records() + " records, its header says " + expected);
      }
    }
    return size;
  }

  /** Replays the log into {@code counters}; returns the offset after its last valid record. */
  private static long replayLog(Path file, Map<QuotaKey, Counter> counters) throws IOException {
    long size = Files.exists(file) ? Files.size(file) : 0;
    try (FrameReader reader =
        CounterCodec.LOG.reader(createLogIfTorn(file, size), Math.max(size, LOG_HEADER))) {
      if (reader.readHeader() != null) {
        throw new CorruptQuotaStoreException(file, 0, "not a quota log (bad header)");
      }
      FrameReader.Step step = load(file, reader, counters).end();
      if (step.kind() == FrameReader.Kind.CORRUPT) {
        throw new CorruptQuotaStoreException(file, step.offset(), step.problem());
      }
      if (step.kind() == FrameReader.Kind.TORN && DurableFiles.zerosFrom(file, step.offset())) {
        LOG.debug("quota store: cutting the preallocated tail of {} at {}", file, step.offset());
        DurableFiles.truncate(file, step.offset());
      } else if (step.kind() == FrameReader.Kind.TORN) {
        LOG.warn(
            "quota store: truncating torn tail of {} at offset {} ({} bytes dropped): {}",
            file,
            step.offset(),
            size - step.offset(),
            step.problem());
        DurableFiles.truncate(file, step.offset());
      }
      return step.offset();
    }
  }

  /** How reading a file's records ended, and how many it read before. */
  private record Loaded(FrameReader.Step end, long records) {}

  /**
   * Puts the records {@code reader} reads into {@code counters}.
   *
   * @throws CorruptQuotaStoreException if an intact record cannot be decoded
   */
  private static Loaded load(Path file, FrameReader reader, Map<QuotaKey, Counter> counters)
      throws IOException {
    long records = 0;
    FrameReader.Step step = reader.next();
    for (; step.kind() == FrameReader.Kind.RECORD; step = reader.next()) {
      CounterCodec.Entry entry;
      try {
        entry = CounterCodec.decode(step.payload());
      } catch (IllegalArgumentException e) {
        throw new CorruptQuotaStoreException(file, step.offset(), e.getMessage());
      }
      counters.put(entry.key(), entry.counter());
      records++;
    }
    return new Loaded(step, records);
  }

  /** Creates the log, or rewrites a header cut short, when a crash came before it was whole. */
  private static Path createLogIfTorn(Path file, long size) throws IOException {
    if (size < LOG_HEADER) {
      if (size > 0) {
        LOG.warn("quota store: rewriting the torn header of {} ({} bytes)", file, size);
      }
      createLog(DurableFiles.parentOf(file), generationOf(file)).close();
    }
    return file;
  }

  private static long generationOf(Path file) {
    Matcher matcher = LOG_NAME.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a quota log: " + file);
    }
    return Long.parseLong(matcher.group(1));
  }
}
