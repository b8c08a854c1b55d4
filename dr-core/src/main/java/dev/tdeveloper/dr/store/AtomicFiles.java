package dev.tdeveloper.dr.store;

import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Crash-safe file writes for {@link LocalBackupStore}: content goes to a uniquely named temporary
 * file in the target's directory ({@code <name>.<16 hex>.tmp}), is forced to the device, renamed
 * into place atomically, and the directory is forced; or it is only {@link #stage staged} in the
 * temporary file, for the caller to make durable and rename in a batch. A crash leaves at most a
 * temporary file, which {@link #deleteTemporaryFiles} removes; never a torn file under its final
 * name. Stateless.
 */
final class AtomicFiles {
  static final String TEMP_SUFFIX = ".tmp";

  /** Step: half the content is in the temporary file, not forced. */
  static final String PARTIAL = "partial";

  /** Step: the temporary file is whole and forced, not renamed yet. */
  static final String FORCED = "forced";

  /** Step: renamed into place, directory not forced yet. */
  static final String RENAMED = "renamed";

  private AtomicFiles() {}

  /** Step: the temporary file is whole but not forced, and stays under its temporary name. */
  static final String STAGED = "staged";

  /**
   * Writes {@code bytes} as {@code target}, replacing nothing the caller has not checked; {@code
   * steps} hears {@link #PARTIAL}, {@link #FORCED} and {@link #RENAMED} (crash tests stop there).
   */
  static void write(Path target, byte[] bytes, Consumer<String> steps) throws IOException {
    Path temp = temporaryFor(target);
    try {
      writeTemporary(temp, bytes, steps, true);
      steps.accept(FORCED);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      steps.accept(RENAMED);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    DurableFiles.syncDirectory(target.getParent());
  }

  /**
   * Writes {@code bytes} to a new temporary file next to {@code target} without forcing it and
   * returns its path; {@code steps} hears {@link #PARTIAL} and {@link #STAGED}. The caller makes it
   * durable and renames it later (or deletes it); a crash before leaves only the temporary file.
   */
  static Path stage(Path target, byte[] bytes, Consumer<String> steps) throws IOException {
    Path temp = temporaryFor(target);
    try {
      writeTemporary(temp, bytes, steps, false);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    steps.accept(STAGED);
    return temp;
  }

  /** Forces {@code file}'s content (not its metadata) to the device. */
  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(false);
    }
  }

  private static Path temporaryFor(Path target) {
    return target.resolveSibling(
        target.getFileName()
            + "."
            + String.format("%016x", ThreadLocalRandom.current().nextLong())
            + TEMP_SUFFIX);
  }

  private static void writeTemporary(Path temp, byte[] bytes, Consumer<String> steps, boolean force)
      throws IOException {
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, bytes.length / 2);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      steps.accept(PARTIAL);
      buffer.limit(bytes.length);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (force) {
        channel.force(false);
      }
    }
  }

  /** Deletes {@code target} if it exists and forces its directory; returns whether it existed. */
  static boolean delete(Path target) throws IOException {
    boolean existed = Files.deleteIfExists(target);
    if (existed) {
      DurableFiles.syncDirectory(target.getParent());
    }
    return existed;
  }

  /**
   * Creates {@code directory} under {@code base} (and any missing directory between), forcing each
   * new entry's parent so the directory survives a crash.
   */
  static void createDirectories(Path base, Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path current = base;
    for (Path part : base.relativize(directory)) {
      current = current.resolve(part);
      if (!Files.isDirectory(current)) {
        try {
          Files.createDirectory(current);
        } catch (FileAlreadyExistsException e) {
          if (!Files.isDirectory(current)) {
            throw e;
          }
        }
        DurableFiles.syncDirectory(current.getParent());
      }
    }
  }

  /** Deletes every {@code *.tmp} file directly in {@code directory}; returns how many. */
  static int deleteTemporaryFiles(Path directory) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
      for (Path file : files) {
        if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (NoSuchFileException e) {
      return 0;
    }
    if (deleted > 0) {
      DurableFiles.syncDirectory(directory);
    }
    return deleted;
  }
}
