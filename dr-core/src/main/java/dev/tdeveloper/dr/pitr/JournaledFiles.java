package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one backed-up source, changed through the {@link ChangeJournal} so that
 * point-in-time recovery can replay them: {@link #write} and {@link #delete} append the change to
 * the journal first and only then change the file (atomically), as a write-ahead log does. A crash
 * in between leaves a journaled change the file never got: the caller was never told it succeeded,
 * so either outcome is allowed, and recovery to a later instant shows it. The other order could
 * show readers a change that no recovery brings back. Paths follow {@link
 * dev.tdeveloper.dr.spi.SourceEntry}'s rules; a deletion also removes the directories it empties.
 *
 * <p>Times come from the injected clock but never go back for this instance (a clock stepped back
 * repeats the last time). Thread-safe: changes are serialised, so the journal's order is the files'
 * order. All changes of the source must go through one instance.
 */
public final class JournaledFiles {
  private final Path root;
  private final ChangeJournal journal;
  private final BackupScope scope;
  private final String source;
  private final InstantSource clock;
  private Instant lastTime = Instant.MIN;

  private JournaledFiles(Builder builder) {
    this.root = builder.root.toAbsolutePath().normalize();
    this.journal = builder.journal;
    this.scope = builder.scope;
    this.source = builder.source;
    this.clock = builder.clock;
  }

  /** Returns a builder; every setting is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the root directory of the source's files. */
  public Path root() {
    return root;
  }

  /**
   * Journals and then writes the whole content of the file at {@code path}.
   *
   * @throws IllegalArgumentException if the path is invalid or the content too large; nothing
   *     changes
   * @throws DrException if the journal or the file cannot be written
   */
  public synchronized ChangeRecord write(String path, byte[] content) {
    Objects.requireNonNull(content, "content");
    ChangeRecord record = journal.append(scope, now(), source, path, Optional.of(content.clone()));
    lastTime = record.time();
    FileChanges.write(root, path, content);
    return record;
  }

  /**
   * Journals and then deletes the file at {@code path} (journaled even if it does not exist).
   *
   * @throws IllegalArgumentException if the path is invalid; nothing changes
   * @throws DrException if the journal cannot be written, the path is a directory or the file
   *     cannot be deleted
   */
  public synchronized ChangeRecord delete(String path) {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(FileChanges.resolve(root, path))) {
      throw new DrException("cannot delete " + path + " under " + root + ": it is a directory");
    }
    ChangeRecord record = journal.append(scope, now(), source, path, Optional.empty());
    lastTime = record.time();
    FileChanges.delete(root, path);
    return record;
  }

  /**
   * Returns the content of the file at {@code path}, if it exists.
   *
   * @throws DrException if it cannot be read
   */
  public Optional<byte[]> read(String path) {
    Path file = FileChanges.resolve(root, Objects.requireNonNull(path, "path"));
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new DrException("cannot read " + file + ": " + e, e);
    }
  }

  private Instant now() {
    Instant now = clock.instant();
    return now.isBefore(lastTime) ? lastTime : now;
  }

  /** Builds {@link JournaledFiles}; each setter at most once. Not thread-safe. */
  public static final class Builder {
    private Path root;
    private ChangeJournal journal;
    private BackupScope scope;
    private String source;
    private InstantSource clock;

    private Builder() {}

    /** Sets the directory holding the source's files (created on the first write). */
    public Builder root(Path root) {
      this.root = once(this.root, Objects.requireNonNull(root, "root"), "root");
      return this;
    }

    /** Sets the journal the changes go to. */
    public Builder journal(ChangeJournal journal) {
      this.journal = once(this.journal, Objects.requireNonNull(journal, "journal"), "journal");
      return this;
    }

    /** Sets whose data the files are. */
    public Builder scope(BackupScope scope) {
      this.scope = once(this.scope, Objects.requireNonNull(scope, "scope"), "scope");
      return this;
    }

    /**
     * Sets the source's name (as its backups know it).
     *
     * @throws IllegalArgumentException if it is not 1 to 64 of a-z, 0-9, '.', '_' or '-'
     */
    public Builder source(String source) {
      this.source = once(this.source, ChangeArguments.checkSource(source), "source");
      return this;
    }

    /** Sets the clock that times the changes. */
    public Builder clock(InstantSource clock) {
      this.clock = once(this.clock, Objects.requireNonNull(clock, "clock"), "clock");
      return this;
    }

    /**
     * Returns the files.
     *
     * @throws IllegalStateException naming the first setting missing
     */
    public JournaledFiles build() {
      String missing =
          root == null
              ? "root"
              : journal == null
                  ? "journal"
                  : scope == null
                      ? "scope"
                      : source == null ? "source" : clock == null ? "clock" : "";
      if (!missing.isEmpty()) {
        throw new IllegalStateException("JournaledFiles needs " + missing);
      }
      return new JournaledFiles(this);
    }

    private static <T> T once(T current, T value, String name) {
      if (current != null) {
        throw new IllegalStateException(name + " is set already");
      }
      return value;
    }
  }
}
