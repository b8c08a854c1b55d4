package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A drill target over a list of candidates whose restore writes one file and takes set time. */
final class FakeTarget implements DrillTarget {
  final List<DrillCandidate> candidates = new CopyOnWriteArrayList<>();
  final List<Path> scratches = new CopyOnWriteArrayList<>();
  final List<String> restored = new CopyOnWriteArrayList<>();
  private final ManualClock clock;
  volatile Duration restoreTime = Duration.ofSeconds(42);
  volatile List<String> problems = List.of();
  volatile boolean failAfterWriting;

  FakeTarget(ManualClock clock) {
    this.clock = clock;
  }

  FakeTarget add(BackupScope scope, String source, String id, Duration age) {
    candidates.add(new DrillCandidate(scope, source, id, clock.instant().minus(age)));
    return this;
  }

  @Override
  public List<DrillCandidate> candidates(BackupScope scope, String source) {
    List<DrillCandidate> out = new ArrayList<>();
    for (DrillCandidate c : candidates) {
      if (c.scope().equals(scope) && c.source().equals(source)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public RestoredBackup restore(DrillCandidate candidate, Path scratch) {
    scratches.add(scratch);
    restored.add(candidate.backupId());
    try {
      Files.createDirectories(scratch.resolve("notes"));
      Files.writeString(scratch.resolve("notes/journal"), "restored " + candidate.backupId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    clock.advance(restoreTime);
    if (failAfterWriting) {
      throw new DrException("chunk 0a1b of backup " + candidate.backupId() + " is corrupt");
    }
    return new RestoredBackup(1, 20, 3, problems);
  }
}
