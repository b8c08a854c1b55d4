package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing side of a {@link FileAuditSink}: appends frames to the active segment, rotates it,
 * applies retention and publishes a {@link LogView} for readers after each change. A failed write
 * it cannot account for makes it refuse further writes; reopening the sink recovers. Not
 * thread-safe: the sink calls it under its monitor.
 */
final class SegmentWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

  private final Path directory;
  private final Path segmentsDir;
  private final InstantSource clock;
  private final RetentionSettings retention;
  private final List<Segment> sealed;
  private List<Segment> sealedSnapshot;
  private Segment active;
  private FileChannel channel;
  private LogState state;
  private volatile LogView view;
  private boolean dirty;
  private boolean broken;

  SegmentWriter(
      Path directory, LogRecovery.Recovered recovered, InstantSource clock, RetentionSettings r)
      throws IOException {
    this.directory = directory;
    this.segmentsDir = directory.resolve(SegmentFormat.DIRECTORY);
    this.clock = clock;
    this.retention = r;
    List<Segment> segments = recovered.segments();
    this.sealed = new ArrayList<>(segments.subList(0, segments.size() - 1));
    this.active = segments.get(segments.size() - 1);
    this.state = recovered.state();
    this.channel = FileChannel.open(active.file(), StandardOpenOption.WRITE);
    publish();
  }

  LogView view() {
    return view;
  }

  void append(List<AuditRecord> records, long segmentBytes, LeavesFile leaves) {
    List<byte[]> frames = validate(records);
    requireUsable();
    try {
      ByteArrayOutputStream pending = new ByteArrayOutputStream();
      ByteBuffer hashes = ByteBuffer.allocate(records.size() * AuditRecord.HASH_LENGTH);
      long end = active.end();
      byte[] chain = active.lastChain();
      for (int i = 0; i < frames.size(); i++) {
        byte[] frame = frames.get(i);
        boolean hasEntries = end > active.first();
        if (hasEntries && active.bytes() + pending.size() + frame.length > segmentBytes) {
          write(pending, end, chain);
          leaves.append(hashes.flip());
          hashes.clear();
          rotate(leaves);
          chain = active.lastChain();
        }
        active.index().note(end, active.bytes() + pending.size());
        pending.write(frame, 0, frame.length);
        AuditRecord record = records.get(i);
        hashes.put(record.leafHash());
        chain = record.hasChain() ? record.chain() : new byte[0];
        end++;
      }
      write(pending, end, chain);
      leaves.append(hashes.flip());
      dirty = true;
      publish();
    } catch (IOException e) {
      broken = true;
      throw new ComplianceException(
          "cannot append to audit log " + directory + " (reopen it to recover): " + e, e);
    }
  }

  private List<byte[]> validate(List<AuditRecord> records) {
    List<byte[]> frames = new ArrayList<>(records.size());
    long expected = active.end();
    for (AuditRecord record : records) {
      Objects.requireNonNull(record, "records element");
      if (record.sequence() != expected) {
        throw new IllegalArgumentException(
            "audit record sequence must continue the log: expected "
                + expected
                + ", got "
                + record.sequence()
                + "; nothing was appended");
      }
      if (record.eventLength() > SegmentFormat.MAX_EVENT_BYTES) {
        throw new IllegalArgumentException(
            "audit record "
                + expected
                + " has an event of "
                + record.eventLength()
                + " bytes; at most "
                + SegmentFormat.MAX_EVENT_BYTES
                + " allowed; nothing was appended");
      }
      frames.add(SegmentFormat.FORMAT.frame(SegmentFormat.payload(record)));
      expected++;
    }
    return frames;
  }

  private void write(ByteArrayOutputStream pending, long end, byte[] chain) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
    long position = active.bytes();
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    active = active.grown(end, position, chain);
    pending.reset();
  }

  /**
   * Seals the active segment and forces it with the leaf hashes of all its entries, starts the next
   * one, then applies retention. After a rotation only the active segment's leaf hashes can be
   * unforced, which is what recovery rechecks.
   */
  private void rotate(LeavesFile leaves) throws IOException {
    channel.force(false);
    leaves.force();
    Path next = LogRecovery.createSegment(segmentsDir, active.end());
    FileChannel old = channel;
    channel = FileChannel.open(next, StandardOpenOption.WRITE);
    old.close();
    sealed.add(active);
    active =
        Segment.empty(next, active.end(), SegmentFormat.FORMAT.header().length, active.lastChain());
    state = state.sealed(sealed.get(sealed.size() - 1).first(), clock.instant());
    state.write(directory);
    pruneOldSegments();
  }

  int applyRetention() {
    requireUsable();
    try {
      return pruneOldSegments();
    } catch (IOException e) {
      broken = true;
      throw new ComplianceException(
          "cannot apply retention to audit log " + directory + " (reopen it to recover): " + e, e);
    }
  }

  private int pruneOldSegments() throws IOException {
    int count = retention.prunable(sealed, active.bytes(), state.sealedAt(), clock.instant());
    if (count == 0) {
      return 0;
    }
    List<Segment> doomed = new ArrayList<>(sealed.subList(0, count));
    Segment lastDoomed = doomed.get(count - 1);
    state = state.pruned(lastDoomed.end(), lastDoomed.lastChain());
    state.write(directory);
    sealed.subList(0, count).clear();
    sealedSnapshot = null;
    publish();
    for (Segment segment : doomed) {
      Files.deleteIfExists(segment.file());
    }
    DurableFiles.syncDirectory(segmentsDir);
    LOG.info(
        "audit log {}: retention deleted {} segments; entries from {} are retained",
        directory,
        count,
        state.firstRetained());
    return count;
  }

  /**
   * Forces the active segment: one {@code fsync} per group commit. The leaf hashes are forced at
   * rotation and close only; after a power loss, recovery rechecks the active segment's ones
   * against its records and rewrites what the device lost.
   */
  void sync() {
    requireUsable();
    if (!dirty) {
      return;
    }
    try {
      channel.force(false);
      dirty = false;
    } catch (IOException e) {
      broken = true;
      throw new ComplianceException(
          "cannot force audit log " + directory + " (reopen it to recover): " + e, e);
    }
  }

  void close() throws IOException {
    channel.close();
  }

  private void publish() {
    if (sealedSnapshot == null || sealedSnapshot.size() != sealed.size()) {
      sealedSnapshot = List.copyOf(sealed);
    }
    view = new LogView(sealedSnapshot, active, state.firstRetained());
  }

  private void requireUsable() {
    if (broken) {
      throw new ComplianceException(
          "audit log " + directory + " failed a write earlier; reopen it to recover");
    }
  }
}
