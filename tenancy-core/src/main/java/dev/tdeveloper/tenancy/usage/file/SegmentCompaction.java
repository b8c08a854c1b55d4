package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash-safe deletion of a store's oldest segments. The marker file {@value #MARKER} records,
 * atomically ({@link DurableFiles#replace}), the highest index dropped; only then are the segments
 * deleted, lowest first. A crash before the marker is written leaves every segment; a crash after
 * it leaves a marker naming segments that may still exist, and the next open deletes them before
 * reading, so either way the store reopens to the segments before or after the compaction, never to
 * a mix. The marker also tells a compacted prefix from a lost segment: the first segment must
 * follow it.
 *
 * <p>Stateless; the store's directory lock keeps other processes away.
 */
final class SegmentCompaction {
  /** The marker file's name: {@value}. */
  static final String MARKER = "compacted-through";

  /** Step: the segments to drop are chosen; nothing is written yet. */
  static final String CHOSEN = "segments-chosen";

  /** Step: the marker is durable; no segment is deleted yet. */
  static final String MARKER_WRITTEN = "marker-written";

  /** Step: the first segment is deleted. */
  static final String SEGMENT_DELETED = "segment-deleted";

  private static final Logger LOG = LoggerFactory.getLogger(FileUsageStore.class);
  private static final Pattern CONTENT = Pattern.compile("TDUS compacted-through (\\d{1,19})\n");

  private SegmentCompaction() {}

  /**
   * Reads the marker and deletes the segments it covers that an interrupted compaction left.
   *
   * @return the highest index compacted away; 0 if the store was never compacted
   * @throws CorruptUsageStoreException if the marker is damaged
   */
  static long finishInterrupted(Path directory) throws IOException {
    Path marker = directory.resolve(MARKER);
    DurableFiles.deleteTemp(marker);
    if (!Files.exists(marker)) {
      return 0;
    }
    String content = Files.readString(marker, StandardCharsets.US_ASCII);
    Matcher matcher = CONTENT.matcher(content);
    if (!matcher.matches()) {
      throw new CorruptUsageStoreException(marker, 0, "not a compaction marker");
    }
    long through = Long.parseLong(matcher.group(1));
    boolean deleted = false;
    for (Path segment : SegmentFiles.list(directory, -1)) {
      if (SegmentFiles.index(segment) <= through) {
        Files.delete(segment);
        deleted = true;
      }
    }
    if (deleted) {
      LOG.warn("usage store {}: finished a compaction interrupted by a crash", directory);
      DurableFiles.syncDirectory(directory);
    }
    return through;
  }

  /** Drops segments {@code from} to {@code through}, telling {@code hook} each step. */
  static void drop(Path directory, long from, long through, Consumer<String> hook)
      throws IOException {
    String content = "TDUS compacted-through " + through + "\n";
    DurableFiles.replace(
        directory.resolve(MARKER), out -> out.write(content.getBytes(StandardCharsets.US_ASCII)));
    hook.accept(MARKER_WRITTEN);
    for (long i = from; i <= through; i++) {
      Files.deleteIfExists(SegmentFiles.path(directory, i));
      if (i == from) {
        hook.accept(SEGMENT_DELETED);
      }
    }
    DurableFiles.syncDirectory(directory);
  }
}
