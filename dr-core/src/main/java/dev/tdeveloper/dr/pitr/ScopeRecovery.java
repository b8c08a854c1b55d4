package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.JournalFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Opens a {@link ScopeLog} from its directory: reads the {@code start} file, finishes a truncation
 * a crash interrupted, reads every sealed segment strictly and the last one through {@link
 * JournalFile} (which cuts a torn tail), and checks that sequence numbers run on without a gap and
 * times never go back. Any other damage refuses the open, naming the file and offset.
 */
final class ScopeRecovery {
  static final String START = "start";

  private final ScopeLog log;
  private long expected = -1;
  private Instant lastTime = Instant.MIN;

  ScopeRecovery(ScopeLog log) {
    this.log = log;
  }

  /** Returns the {@code start} file's content: first visible sequence and last time. */
  static byte[] startLine(long start, Instant lastTime) {
    return (start + " " + lastTime.getEpochSecond() + " " + lastTime.getNano() + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  void run() throws IOException {
    Path directory = log.directory();
    Path startFile = directory.resolve(START);
    DurableFiles.deleteTemp(startFile);
    long start = 0;
    Instant markedTime = Instant.MIN;
    if (Files.exists(startFile)) {
      String line = Files.readString(startFile, StandardCharsets.US_ASCII).strip();
      String[] parts = line.split(" ");
      try {
        start = Long.parseLong(parts[0]);
        markedTime = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      } catch (RuntimeException e) {
        throw corrupt(startFile, 0, "unreadable start file '" + line + "'");
      }
    }
    TreeMap<Long, Path> segments = log.segments();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(ScopeLog::isSegment).forEach(f -> segments.put(ScopeLog.firstSequenceOf(f), f));
    }
    List<Long> firsts = new ArrayList<>(segments.keySet());
    for (int i = 0; i + 1 < firsts.size() && firsts.get(i + 1) <= start; i++) {
      Path leftover = segments.remove(firsts.get(i));
      Files.deleteIfExists(Path.of(leftover + ".lock"));
      Files.delete(leftover);
    }
    if (!segments.isEmpty() && segments.firstKey() > start) {
      throw corrupt(
          segments.firstEntry().getValue(),
          0,
          "records "
              + start
              + " to "
              + (segments.firstKey() - 1)
              + " are missing (the first segment starts at "
              + segments.firstKey()
              + ")");
    }
    JournalFile active = null;
    long end = start;
    for (Map.Entry<Long, Path> segment : segments.entrySet()) {
      if (expected >= 0 && segment.getKey() != expected) {
        throw corrupt(
            segment.getValue(),
            0,
            "segment starts at sequence "
                + segment.getKey()
                + " but the previous one ends before "
                + expected);
      }
      expected = segment.getKey();
      if (segment.getKey().equals(segments.lastKey())) {
        Path file = segment.getValue();
        active = ScopeLog.openActive(file, (offset, payload) -> accept(file, offset, payload));
      } else {
        readSealed(segment.getValue());
      }
      end = expected;
    }
    Instant last = lastTime.isAfter(markedTime) ? lastTime : markedTime;
    log.restored(start, Math.max(start, end), last, active);
  }

  private void readSealed(Path file) throws IOException {
    try (FrameReader reader = ScopeLog.FORMAT.reader(file, Files.size(file))) {
      FrameReader.Step header = reader.readHeader();
      if (header != null) {
        throw corrupt(file, 0, "not a change journal segment: " + header.problem());
      }
      FrameReader.Step step = reader.next();
      for (; step.kind() == FrameReader.Kind.RECORD; step = reader.next()) {
        accept(file, step.offset(), step.payload());
      }
      if (step.kind() != FrameReader.Kind.END) {
        throw corrupt(file, step.offset(), "sealed segment is damaged: " + step.problem());
      }
    }
  }

  private void accept(Path file, long offset, byte[] payload) {
    ChangeRecord record;
    try {
      record = ChangeCodec.decode(payload);
    } catch (IllegalArgumentException e) {
      throw corrupt(file, offset, e.getMessage());
    }
    if (record.sequence() != expected) {
      throw corrupt(
          file, offset, "record has sequence " + record.sequence() + ", expected " + expected);
    }
    if (record.time().isBefore(lastTime)) {
      throw corrupt(
          file, offset, "record time " + record.time() + " is before the previous " + lastTime);
    }
    expected++;
    lastTime = record.time();
  }

  private DrException corrupt(Path file, long offset, String problem) {
    return new DrException(
        "change journal of scope "
            + log.scope()
            + " is corrupt in "
            + file
            + " at offset "
            + offset
            + ": "
            + problem
            + "; refusing to open so that no acknowledged change is lost");
  }
}
