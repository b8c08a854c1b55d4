package dev.tdeveloper.tenancy.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe file operations shared by the local-file stores: replacing a file atomically (a crash
 * leaves either the old or the new content, never a mix), making directory entries durable, and
 * preallocating append-only files. Stateless and thread-safe.
 */
public final class DurableFiles {
  private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

  /** Suffix of the temporary file {@link #replace} writes before renaming it: {@value}. */
  public static final String TEMP_SUFFIX = ".tmp";

  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024); // only read

  private DurableFiles() {}

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything to {@code out}; do not close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Replaces {@code target} with what {@code content} writes: into {@code target + ".tmp"} first,
   * forced to disk, then renamed over {@code target} atomically and the directory forced. A crash
   * at any point leaves {@code target} whole, old or new; a stale temporary file is overwritten by
   * the next call (or may be deleted with {@link #deleteTemp}).
   *
   * @throws IOException if writing, forcing or renaming fails; {@code target} is then unchanged
   */
  public static void replace(Path target, Content content) throws IOException {
    Path temp = tempOf(target);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = Channels.newOutputStream(channel);
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(parentOf(target));
  }

  /** Cuts {@code file} to {@code length} bytes (a torn tail, say) and forces it to the device. */
  public static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(true);
    }
  }

  /**
   * Preallocates an append-only file: writes zeros from {@code from} (its current size) to {@code
   * to} and forces the data and the new size, so that later writes below {@code to} change no
   * metadata and a data-only force ({@code FileChannel.force(false)}, {@code fdatasync}) makes them
   * durable without a file-system journal commit. Readers must take a zero record length as the end
   * of the records ({@link #zerosFrom}).
   */
  public static void appendZeros(FileChannel channel, long from, long to) throws IOException {
    for (long at = from; at < to; ) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), to - at));
      at += channel.write(zeros, at);
    }
    channel.force(true);
  }

  /** Whether every byte of {@code file} from {@code offset} on is zero (a preallocated tail). */
  public static boolean zerosFrom(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      for (long at = offset; channel.read(buffer.clear(), at) > 0; at += buffer.position()) {
        for (int i = 0; i < buffer.position(); i++) {
          if (buffer.get(i) != 0) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Returns the temporary file {@link #replace} uses for {@code target}. */
  public static Path tempOf(Path target) {
    return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
  }

  /** Deletes a temporary file a crash left behind next to {@code target}, if any. */
  public static void deleteTemp(Path target) throws IOException {
    Files.deleteIfExists(tempOf(target));
  }

  /**
   * Forces the directory's entries (new, renamed or deleted files) to disk where the platform
   * allows it; a platform that cannot is logged at debug level and otherwise ignored.
   */
  public static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot force directory {} (not supported on this platform)", directory, e);
    }
  }

  /** Returns the absolute parent directory of {@code file}. */
  public static Path parentOf(Path file) {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    return parent == null ? absolute : parent;
  }
}
