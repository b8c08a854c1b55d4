package dev.tdeveloper.dr.source;

import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.FileStamp;
import dev.tdeveloper.dr.spi.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backs up the regular files under a directory, sorted by path. Symbolic links and special files
 * are refused with an error naming them (skipping them would silently lose data); empty directories
 * are not recorded. A file whose size or modification time changes while it is read fails the
 * backup. On a file system with the {@code unix} attribute view (Linux, macOS) each entry carries
 * the file's {@link FileStamp} (inode and ctime, read with the size and modification time in one
 * call, before the content), so an incremental backup notices a file rewritten with its size and
 * modification time restored, or replaced by another. Immutable; reads may run one at a time or
 * concurrently.
 */
public final class DirectorySource implements BackupSource {
  private final String name;
  private final BackupScope scope;
  private final Path root;

  private DirectorySource(String name, BackupScope scope, Path root) {
    this.name = BackupManifest.requireSourceName(name);
    this.scope = Objects.requireNonNull(scope, "scope");
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** Returns a source named {@code name} over the files under {@code root}. */
  public static DirectorySource of(String name, BackupScope scope, Path root) {
    return new DirectorySource(name, scope, root);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public BackupScope scope() {
    return scope;
  }

  /** Returns the directory backed up. */
  public Path root() {
    return root;
  }

  @Override
  public void read(EntryConsumer consumer) throws IOException {
    Objects.requireNonNull(consumer, "consumer");
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("source '" + name + "': " + root + " is not a directory");
    }
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes attributes =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
          continue;
        }
        if (!attributes.isRegularFile()) {
          throw new IOException(
              "source '"
                  + name
                  + "': "
                  + path
                  + " is "
                  + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                  + "; only regular files can be backed up");
        }
        paths.add(relative(path));
      }
    }
    paths.sort(null);
    boolean unix = root.getFileSystem().supportedFileAttributeViews().contains("unix");
    for (String relative : paths) {
      Path file = root.resolve(relative);
      SourceEntry entry;
      try {
        entry = entry(relative, file, unix);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "source '" + name + "': cannot back up " + file + ": " + e.getMessage(), e);
      }
      try (InputStream in = new CheckedFileStream(file, entry)) {
        consumer.accept(entry, in);
      }
    }
  }

  /** Reads the file's entry: size, modification time and, with {@code unix}, its stamp. */
  private static SourceEntry entry(String relative, Path file, boolean unix) throws IOException {
    if (!unix) {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return new SourceEntry(
          relative, attributes.size(), attributes.lastModifiedTime().toInstant());
    }
    Map<String, Object> attributes =
        Files.readAttributes(
            file, "unix:size,lastModifiedTime,ino,ctime", LinkOption.NOFOLLOW_LINKS);
    return new SourceEntry(
        relative,
        (Long) attributes.get("size"),
        ((FileTime) attributes.get("lastModifiedTime")).toInstant(),
        Optional.of(
            new FileStamp(
                (Long) attributes.get("ino"), ((FileTime) attributes.get("ctime")).toInstant())));
  }

  private String relative(Path path) {
    StringBuilder text = new StringBuilder();
    for (Path segment : root.relativize(path)) {
      if (text.length() > 0) {
        text.append('/');
      }
      text.append(segment);
    }
    return text.toString();
  }
}
