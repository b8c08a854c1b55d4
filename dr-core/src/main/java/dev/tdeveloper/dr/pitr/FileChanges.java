package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Applies one change to a directory tree: a write replaces the file's whole content atomically (a
 * uniquely named temporary file in the same directory, forced, then renamed over it); a deletion
 * removes the file and then every parent directory it leaves empty, up to the root, since a backup
 * holds only files and a directory exists only to hold them. Stateless and thread-safe; callers
 * serialise changes to one path.
 */
final class FileChanges {
  private FileChanges() {}

  /** Returns the file of a validated relative {@code path} under {@code root}. */
  static Path resolve(Path root, String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("path '" + path + "' leaves the root " + root);
    }
    return file;
  }

  static void write(Path root, String path, byte[] content) {
    Path file = resolve(root, path);
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), ".pitr-", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      DurableFiles.syncDirectory(file.getParent());
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new DrException("cannot write " + file + ": " + e, e);
    }
  }

  static void delete(Path root, String path) {
    Path file = resolve(root, path);
    try {
      if (Files.isDirectory(file)) {
        throw new DrException("cannot delete " + file + ": it is a directory, not a file");
      }
      Files.deleteIfExists(file);
      for (Path parent = file.getParent(); !parent.equals(root); parent = parent.getParent()) {
        try {
          Files.deleteIfExists(parent);
        } catch (DirectoryNotEmptyException e) {
          DurableFiles.syncDirectory(parent);
          return;
        }
      }
      DurableFiles.syncDirectory(root);
    } catch (IOException e) {
      throw new DrException("cannot delete " + file + ": " + e, e);
    }
  }

  private static void deleteQuietly(Path temp, IOException failure) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
