package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Naming, listing, reading and crash recovery of the segment files of a store directory: {@code
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

  /**
   * Lists the segments of {@code directory} by index, failing if one is missing in between or, when
   * segments up to {@code compactedThrough} were compacted away, right after them; a negative
   * {@code compactedThrough} lists without checking.
   */
  static List<Path> list(Path directory, long compactedThrough) throws IOException {
    List<Path> segments;
    try (Stream<Path> files = Files.list(directory)) {
      segments =
          new ArrayList<>(
              files
                  .filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                  .sorted(Comparator.comparingLong(SegmentFiles::index))
                  .toList());
    }
    long previous = compactedThrough;
    for (Path segment : compactedThrough < 0 ? List.<Path>of() : segments) {
      long index = index(segment);
      if (previous > 0 && index != previous + 1) {
        throw new CorruptUsageStoreException(
            path(directory, previous + 1), 0, "segment file is missing (the next one exists)");
      }
      previous = index;
    }
    return segments;
  }

  /** Lists the segments of a directory that was never compacted, as {@link #list(Path, long)}. */
  static List<Path> list(Path directory) throws IOException {
    return list(directory, 0);
  }

  /**
   * Checks every record of every segment. Damage in the last segment that no valid record follows
   * is a torn write: the file is cut there (and logged). Any other damage throws.
   *
   * @return the latest event timestamp of each segment, {@link Instant#MIN} for an empty one
   * @throws CorruptUsageStoreException naming the file and offset of damage that is not a tear
   */
  static List<Instant> recover(List<Path> segments) throws IOException {
    List<Instant> newest = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      Path segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      Instant[] latest = {Instant.MIN};
      FrameReader.Step end =
          read(
              segment,
              Files.size(segment),
              e -> latest[0] = e.timestamp().isAfter(latest[0]) ? e.timestamp() : latest[0]);
      if (end.kind() == FrameReader.Kind.TORN && last) {
        cut(segment, end, DurableFiles.zerosFrom(segment, end.offset()));
      } else if (end.kind() != FrameReader.Kind.END) {
        throw new CorruptUsageStoreException(
            segment,
            end.offset(),
            end.problem() + (last ? "" : " (in a segment that is not the last)"));
      }
      newest.add(latest[0]);
    }
    return newest;
  }

  /**
   * Passes the events of {@code segment} up to byte {@code limit} to {@code consumer} and returns
   * how reading ended: at the end, or at damage (torn or corrupt).
   *
   * @throws CorruptUsageStoreException if an intact record cannot be decoded
   */
  static FrameReader.Step read(Path segment, long limit, Consumer<? super UsageEvent> consumer)
      throws IOException {
    try (FrameReader reader = EventCodec.FORMAT.reader(segment, limit)) {
      FrameReader.Step step = reader.readHeader();
      if (step != null) {
        return step;
      }
      for (step = reader.next(); step.kind() == FrameReader.Kind.RECORD; step = reader.next()) {
        try {
          consumer.accept(EventCodec.decode(step.payload()));
        } catch (IllegalArgumentException e) {
          throw new CorruptUsageStoreException(segment, step.offset(), e.getMessage());
        }
      }
      return step;
    }
  }

  /**
   * Replays the segments from {@code first} (read again when a segment is missing: one compacted
   * away meanwhile held only events older than the horizon) to {@code last}, read up to {@code
   * lastLimit}.
   */
  static void replay(
      Path directory,
      LongSupplier first,
      long last,
      long lastLimit,
      Consumer<? super UsageEvent> consumer) {
    for (long i = first.getAsLong(); i <= last; i++) {
      Path segment = path(directory, i);
      try {
        FrameReader.Step end = read(segment, i == last ? lastLimit : Files.size(segment), consumer);
        if (end.kind() != FrameReader.Kind.END) {
          throw new CorruptUsageStoreException(segment, end.offset(), end.problem());
        }
      } catch (NoSuchFileException e) {
        if (i >= first.getAsLong()) {
          throw new UsageStoreException("usage store segment " + segment + " vanished", e);
        }
      } catch (IOException e) {
        throw new UsageStoreException("cannot read usage store segment " + segment, e);
      }
    }
  }

  /**
   * Cuts {@code segment} at the damage {@code step} found: quietly when the rest is {@code zeros}
   * (the preallocated tail of a store that was not closed, see {@link SegmentWriter}), else logged
   * as a torn write.
   */
  private static void cut(Path segment, FrameReader.Step step, boolean zeros) throws IOException {
    long size = Files.size(segment);
    long at = step.offset() < RecordFormat.HEADER ? 0 : step.offset();
    if (zeros) {
      LOG.debug("usage store: cutting the preallocated tail of {} at offset {}", segment, at);
    } else {
      LOG.warn(
          "usage store: truncating torn tail of {} at offset {} ({} bytes dropped): {}",
          segment,
          at,
          size - at,
          step.problem());
    }
    DurableFiles.truncate(segment, at);
  }
}
