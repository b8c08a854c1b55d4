package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a log directory to a consistent state when a sink opens it: deletes segments a crash left
 * behind after retention, reads every retained segment (frames intact, sequences contiguous from
 * the first retained one), cuts only a torn tail of the last segment, refuses any other damage, and
 * reconciles {@code leaves.hashes} with the segments. The caller holds the directory lock.
 */
final class LogRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

  /** The recovered log: its segments, oldest first (the last is the active one), state, leaves. */
  record Recovered(List<Segment> segments, LogState state, LeavesFile leaves) {}

  private LogRecovery() {}

  static Recovered recover(Path directory, InstantSource clock) throws IOException {
    Path segmentsDir = directory.resolve(SegmentFormat.DIRECTORY);
    Files.createDirectories(segmentsDir);
    DurableFiles.deleteTemp(directory.resolve(LogState.NAME));
    LogState state = LogState.read(directory);
    if (!Files.exists(directory.resolve(LogState.NAME))) {
      state.write(directory);
    }
    TreeMap<Long, Path> files = list(segmentsDir);
    for (Long first : new ArrayList<>(files.headMap(state.firstRetained()).keySet())) {
      LOG.warn("audit log {}: deleting segment {} left over by retention", directory, first);
      Files.delete(files.remove(first));
      DurableFiles.syncDirectory(segmentsDir);
    }
    LeavesFile leaves = LeavesFile.openForWriting(directory.resolve(LeavesFile.NAME));
    try {
      if (leaves.count() < state.firstRetained()) {
        throw new AuditLogCorruptException(
            "lists "
                + leaves.count()
                + " leaf hashes, but retention removed the events of the first "
                + state.firstRetained()
                + " entries: their hashes are lost",
            leaves.file(),
            LeavesFile.HEADER + 32 * leaves.count());
      }
      if (files.isEmpty()) {
        if (leaves.count() > state.firstRetained()) {
          throw new AuditLogCorruptException(
              "lists " + leaves.count() + " leaf hashes, but the log has no segment file",
              leaves.file(),
              LeavesFile.HEADER);
        }
        files.put(state.firstRetained(), createSegment(segmentsDir, state.firstRetained()));
      }
      List<Segment> segments = scanAll(files, state.firstRetained(), leaves);
      long size = segments.get(segments.size() - 1).end();
      if (leaves.count() > size) {
        LOG.warn(
            "audit log {}: cutting {} leaf hashes beyond the last entry",
            directory,
            leaves.count() - size);
        leaves.truncate(size);
      }
      leaves.force();
      return new Recovered(segments, sealUnsealed(directory, state, segments, clock), leaves);
    } catch (IOException | RuntimeException e) {
      leaves.close();
      throw e;
    }
  }

  /** Creates an empty segment starting at {@code first}, forced and with its directory entry. */
  static Path createSegment(Path segmentsDir, long first) throws IOException {
    Path file = segmentsDir.resolve(SegmentFormat.name(first));
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(SegmentFormat.FORMAT.header()));
      channel.force(true);
    }
    DurableFiles.syncDirectory(segmentsDir);
    return file;
  }

  static TreeMap<Long, Path> list(Path segmentsDir) throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (var stream = Files.list(segmentsDir)) {
      for (Path file : (Iterable<Path>) stream::iterator) {
        SegmentFormat.parseName(file.getFileName().toString())
            .ifPresent(first -> files.put(first, file));
      }
    }
    return files;
  }

  private static List<Segment> scanAll(TreeMap<Long, Path> files, long first, LeavesFile leaves)
      throws IOException {
    List<Segment> segments = new ArrayList<>();
    long expected = first;
    for (var entry : files.entrySet()) {
      boolean last = entry.getKey().equals(files.lastKey());
      if (entry.getKey() != expected) {
        throw new AuditLogCorruptException(
            "starts at entry "
                + entry.getKey()
                + ", but the entry after the previous segment is "
                + expected
                + " (a segment is missing or misnamed)",
            entry.getValue(),
            0);
      }
      Segment segment = scan(entry.getValue(), expected, last, leaves);
      if (segment.isEmpty() && !last) {
        throw new AuditLogCorruptException(
            "is a sealed segment without entries", entry.getValue(), RecordFormat.HEADER);
      }
      segments.add(segment);
      expected = segment.end();
    }
    return segments;
  }

  private static Segment scan(Path file, long first, boolean last, LeavesFile leaves)
      throws IOException {
    long size = Files.size(file);
    if (last && size < RecordFormat.HEADER) {
      byte[] start = Files.readAllBytes(file);
      if (!SegmentFormat.FORMAT.isHeaderPrefix(start)) {
        throw new AuditLogCorruptException("is not an audit segment (bad header)", file, 0);
      }
      Files.delete(file);
      createSegment(file.getParent(), first);
      return Segment.empty(file, first, RecordFormat.HEADER, new byte[0]);
    }
    long next = first;
    byte[] chain = new byte[0];
    SegmentIndex index = new SegmentIndex(first);
    try (FrameReader reader = SegmentFormat.FORMAT.reader(file, size)) {
      FrameReader.Step bad = reader.readHeader();
      if (bad != null) {
        throw new AuditLogCorruptException("is not an audit segment: " + bad.problem(), file, 0);
      }
      FrameReader.Step step = reader.next();
      for (; step.kind() == FrameReader.Kind.RECORD; step = reader.next()) {
        AuditRecord record = decode(file, step);
        if (record.sequence() != next) {
          throw new AuditLogCorruptException(
              "holds entry " + record.sequence() + " where entry " + next + " belongs",
              file,
              step.offset());
        }
        if (last && next < leaves.count() && !Arrays.equals(leaves.get(next), record.leafHash())) {
          // The active segment's leaf hashes are not forced with it: a power loss can leave
          // zeros or stale bytes there. The records are authoritative; rewrite from here on.
          LOG.warn(
              "audit log leaves file {}: rewriting unforced leaf hashes from entry {}",
              leaves.file(),
              next);
          leaves.truncate(next);
        }
        if (next == leaves.count()) {
          addMissingLeaf(file, step.offset(), record, leaves);
        }
        index.note(next, step.offset());
        chain = record.hasChain() ? record.chain() : new byte[0];
        next++;
      }
      if (step.kind() == FrameReader.Kind.CORRUPT
          || (!last && step.kind() != FrameReader.Kind.END)) {
        throw new AuditLogCorruptException(
            "is damaged ("
                + step.problem()
                + "); refusing to open so that no acknowledged entry"
                + " is dropped",
            file,
            step.offset());
      }
      if (step.kind() == FrameReader.Kind.TORN) {
        LOG.warn(
            "audit segment {}: cutting a torn tail of {} bytes at offset {} ({})",
            file,
            size - step.offset(),
            step.offset(),
            step.problem());
        DurableFiles.truncate(file, step.offset());
      }
      return new Segment(file, first, next, step.offset(), chain, index);
    }
  }

  private static AuditRecord decode(Path file, FrameReader.Step step) {
    try {
      return SegmentFormat.decode(step.payload());
    } catch (IllegalArgumentException e) {
      throw new AuditLogCorruptException(
          "holds a malformed entry: " + e.getMessage(), file, step.offset());
    }
  }

  private static void addMissingLeaf(Path file, long offset, AuditRecord record, LeavesFile leaves)
      throws IOException {
    byte[] leaf = record.leafHash();
    if (!MessageDigest.isEqual(leaf, MerkleHashes.leaf(record.eventBytes()))) {
      throw new AuditLogCorruptException(
          "holds entry " + record.sequence() + " whose leaf hash does not match its event",
          file,
          offset);
    }
    leaves.append(ByteBuffer.wrap(leaf));
  }

  /** Gives sealed segments that lack a seal time (a crash hit rotation) the time of this open. */
  private static LogState sealUnsealed(
      Path directory, LogState state, List<Segment> segments, InstantSource clock)
      throws IOException {
    TreeMap<Long, Instant> times = new TreeMap<>();
    for (Segment segment : segments.subList(0, segments.size() - 1)) {
      times.put(segment.first(), state.sealedAt().getOrDefault(segment.first(), clock.instant()));
    }
    LogState result = new LogState(state.firstRetained(), state.anchor(), times);
    if (!times.equals(state.sealedAt())) {
      result.write(directory);
    }
    return result;
  }
}
