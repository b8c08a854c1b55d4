package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Restores a source of a scope to an instant or a sequence number (as pgBackRest restores to a time
 * or an LSN): it picks the newest base backup at or before the target, restores it into an empty
 * directory, then replays the scope's journal records of that source from the base's {@link
 * BaseBackup#nextSequence} up to the target. A write replaces the file's whole content atomically;
 * a deletion removes the file and the parent directories it leaves empty.
 *
 * <p>It refuses, before changing anything: a target before the oldest base backup, a journal
 * truncated past the base (a gap, so changes would be lost), a sequence not journaled yet, and a
 * directory that is not empty. Thread-safe: recoveries into different directories may run at once.
 */
public final class PointInTimeRecovery {
  private final ChangeJournal journal;
  private final BaseBackups baseBackups;

  private PointInTimeRecovery(ChangeJournal journal, BaseBackups baseBackups) {
    this.journal = journal;
    this.baseBackups = baseBackups;
  }

  /** Returns a builder; both the journal and the base backups are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Recovers {@code source} of {@code scope} into {@code directory} as it was at {@code target}.
   *
   * @param directory an empty or missing directory (created if missing)
   * @throws IllegalArgumentException if the source name is invalid, the directory is not empty or
   *     is a file, or a sequence target has not been journaled yet; nothing changes
   * @throws DrException if no base backup is at or before the target, the journal has a gap after
   *     the base, or the base cannot be restored (the directory may then hold part of it)
   */
  public RecoveryResult recover(
      BackupScope scope, String source, RecoveryTarget target, Path directory) {
    Objects.requireNonNull(scope, "scope");
    ChangeArguments.checkSource(source);
    Objects.requireNonNull(target, "target");
    Path root = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    requireEmpty(root);
    long journalNext = journal.nextSequence(scope);
    if (target instanceof RecoveryTarget.AtSequence s && s.sequence() >= journalNext) {
      throw new IllegalArgumentException(
          "target sequence "
              + s.sequence()
              + " of scope "
              + scope
              + " has not been journaled yet; the next sequence is "
              + journalNext);
    }
    BaseBackup base = chooseBase(scope, source, target);
    checkJournalAfter(base, target, journalNext);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new DrException("cannot create recovery directory " + root + ": " + e, e);
    }
    baseBackups.restore(base, root);
    return new Replay(base, target, root).run();
  }

  private BaseBackup chooseBase(BackupScope scope, String source, RecoveryTarget target) {
    List<BaseBackup> bases = baseBackups.list(scope, source);
    for (BaseBackup base : bases) {
      if (!base.scope().equals(scope) || !base.source().equals(source)) {
        throw new DrException(
            "base backups of "
                + scope
                + "/"
                + source
                + " listed backup "
                + base.id()
                + " of "
                + base.scope()
                + "/"
                + base.source());
      }
    }
    Comparator<BaseBackup> newest =
        Comparator.comparingLong(BaseBackup::nextSequence)
            .thenComparing(BaseBackup::finishedAt)
            .thenComparing(BaseBackup::id);
    Optional<BaseBackup> chosen = bases.stream().filter(target::admits).max(newest);
    if (chosen.isPresent()) {
      return chosen.get();
    }
    Optional<BaseBackup> oldest = bases.stream().min(newest);
    throw new DrException(
        oldest
            .map(
                o ->
                    "target "
                        + target
                        + " is before the oldest base backup "
                        + o.id()
                        + " of "
                        + scope
                        + "/"
                        + source
                        + " (finished at "
                        + o.finishedAt()
                        + ", covering sequences below "
                        + o.nextSequence()
                        + ")")
            .orElse("no base backup of " + scope + "/" + source + " to recover from"));
  }

  /** Refuses a base the journal does not continue without a gap (it was truncated past it). */
  private void checkJournalAfter(BaseBackup base, RecoveryTarget target, long journalNext) {
    if (base.nextSequence() > journalNext) {
      throw new DrException(
          "base backup "
              + base.id()
              + " covers sequences below "
              + base.nextSequence()
              + " but the journal of "
              + base.scope()
              + " only reaches "
              + journalNext
              + "; is it the journal the backup was taken with?");
    }
    boolean needsRecords =
        !(target instanceof RecoveryTarget.AtSequence s && s.sequence() < base.nextSequence());
    if (base.nextSequence() == journalNext || !needsRecords) {
      return;
    }
    OptionalLong first = firstSequence(journal, base.scope(), base.nextSequence());
    if (first.isEmpty() || first.getAsLong() != base.nextSequence()) {
      throw gap(base, first.orElse(journalNext));
    }
  }

  static DrException gap(BaseBackup base, long found) {
    return new DrException(
        "the journal of "
            + base.scope()
            + " has a gap after base backup "
            + base.id()
            + ": records "
            + base.nextSequence()
            + " to "
            + (found - 1)
            + " are gone (truncated); recover from a later base backup or target");
  }

  private static void requireEmpty(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("recovery directory " + root + " is a file");
    }
    try (Stream<Path> children = Files.list(root)) {
      if (children.findAny().isPresent()) {
        throw new IllegalArgumentException(
            "recovery directory " + root + " is not empty; recover into an empty directory");
      }
    } catch (IOException e) {
      throw new DrException("cannot list recovery directory " + root + ": " + e, e);
    }
  }

  /** Returns the sequence of the scope's first record at or after {@code from}, if any. */
  private static OptionalLong firstSequence(ChangeJournal journal, BackupScope scope, long from) {
    long[] first = {-1};
    try {
      journal.read(
          scope,
          from,
          r -> {
            first[0] = r.sequence();
            throw Stop.INSTANCE;
          });
    } catch (Stop stop) {
      // read only the first
    }
    return first[0] < 0 ? OptionalLong.empty() : OptionalLong.of(first[0]);
  }

  /** Replays the journal after one base into one directory. */
  private final class Replay {
    private final BaseBackup base;
    private final RecoveryTarget target;
    private final Path root;
    private long expected;
    private long replayed;
    private OptionalLong lastSequence = OptionalLong.empty();
    private Optional<Instant> lastTime = Optional.empty();

    Replay(BaseBackup base, RecoveryTarget target, Path root) {
      this.base = base;
      this.target = target;
      this.root = root;
      this.expected = base.nextSequence();
    }

    RecoveryResult run() {
      try {
        journal.read(base.scope(), base.nextSequence(), this::apply);
      } catch (Stop stop) {
        // reached the target
      }
      return new RecoveryResult(base.id(), replayed, lastSequence, lastTime, target, root);
    }

    private void apply(ChangeRecord record) {
      if (!target.includes(record)) {
        throw Stop.INSTANCE;
      }
      if (record.sequence() != expected) {
        throw gap(base, record.sequence());
      }
      expected++;
      if (!record.source().equals(base.source())) {
        return;
      }
      Optional<byte[]> content = record.content();
      if (content.isPresent()) {
        FileChanges.write(root, record.path(), content.get());
      } else {
        FileChanges.delete(root, record.path());
      }
      replayed++;
      lastSequence = OptionalLong.of(record.sequence());
      lastTime = Optional.of(record.time());
    }
  }

  /** Ends a journal read early; carries no stack trace. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super("stop reading", null, false, false);
    }
  }

  /** Builds a {@link PointInTimeRecovery}; each setter at most once. Not thread-safe. */
  public static final class Builder {
    private ChangeJournal journal;
    private BaseBackups baseBackups;

    private Builder() {}

    /**
     * Sets the journal to replay.
     *
     * @throws IllegalStateException if set already
     */
    public Builder journal(ChangeJournal journal) {
      if (this.journal != null) {
        throw new IllegalStateException("journal is set already");
      }
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * Sets where base backups come from.
     *
     * @throws IllegalStateException if set already
     */
    public Builder baseBackups(BaseBackups baseBackups) {
      if (this.baseBackups != null) {
        throw new IllegalStateException("baseBackups is set already");
      }
      this.baseBackups = Objects.requireNonNull(baseBackups, "baseBackups");
      return this;
    }

    /**
     * Returns the recovery.
     *
     * @throws IllegalStateException if the journal or the base backups are not set
     */
    public PointInTimeRecovery build() {
      if (journal == null || baseBackups == null) {
        throw new IllegalStateException(
            "PointInTimeRecovery needs " + (journal == null ? "a journal" : "base backups"));
      }
      return new PointInTimeRecovery(journal, baseBackups);
    }
  }
}
