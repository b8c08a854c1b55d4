package dev.tdeveloper.tenancy.usage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Naming, listing and crash recovery of the segment files of a store directory: {@code
 * segment-<20-digit index>.log}, numbered consecutively.
 *
 * <p>Stateless; the store's directory lock keeps other processes away while it runs.
 */
final class SegmentFiles {
  private static final Logger LOG = LoggerFactory.getLogger(FileUsageStore.class);
  private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");

  private SegmentFiles() {}

  static Path path(Path directory, long index) {
    return directory.resolve(String.format("segment-%020d.log", index));
  }

  static long index(Path segment) {
    Matcher matcher = NAME.matcher(segment.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a segment file: " + segment);
    }
    return Long.parseLong(matcher.group(1));
  }

  /** Lists the segments of {@code directory} by index, failing if one is missing in between. */
  static List<Path> list(Path directory) throws IOException {
    List<Path> segments;
    try (Stream<Path> files = Files.list(directory)) {
      segments =
          new ArrayList<>(
              files
                  .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                  .sorted(Comparator.comparingLong(SegmentFiles::index))
                  .toList());
    }
    for (int i = 1; i < segments.size(); i++) {
      long previous = index(segments.get(i - 1));
      if (index(segments.get(i)) != previous + 1) {
        throw new CorruptUsageStoreException(
            path(directory, previous + 1), 0, "segment file is missing (the next one exists)");
      }
    }
    return segments;
  }

  /**
   * Checks every record of every segment. Damage in the last segment that no valid record follows
   * is a torn write: the file is cut there (and logged). Any other damage throws.
   *
   * @return how many valid records the segments hold
   * @throws CorruptUsageStoreException naming the file and offset of damage that is not a tear
   */
  static long recover(List<Path> segments) throws IOException {
    long records = 0;
    for (int i = 0; i < segments.size(); i++) {
      Path segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      try (SegmentReader reader = new SegmentReader(segment, Files.size(segment))) {
        SegmentReader.Step step = reader.readHeader();
        while (step == null || step.kind() == SegmentReader.Kind.RECORD) {
          if (step != null) {
            decode(segment, step);
            records++;
          }
          step = reader.next();
        }
        if (step.kind() == SegmentReader.Kind.TORN && last) {
          cut(segment, step);
        } else if (step.kind() != SegmentReader.Kind.END) {
          throw new CorruptUsageStoreException(
              segment,
              step.offset(),
              step.problem() + (last ? "" : " (in a segment that is not the last)"));
        }
      }
    }
    return records;
  }

  /** Decodes a record read back, turning an undecodable payload into corruption. */
  static dev.tdeveloper.tenancy.usage.UsageEvent decode(Path segment, SegmentReader.Step step) {
    try {
      return EventCodec.decode(step.payload());
    } catch (IllegalArgumentException e) {
      throw new CorruptUsageStoreException(segment, step.offset(), e.getMessage());
    }
  }

  private static void cut(Path segment, SegmentReader.Step step) throws IOException {
    long size = Files.size(segment);
    long at = step.offset() < SegmentReader.HEADER ? 0 : step.offset();
    LOG.warn(
        "usage store: truncating torn tail of {} at offset {} ({} bytes dropped): {}",
        segment,
        at,
        size - at,
        step.problem());
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(at);
      channel.force(true);
    }
  }
}
