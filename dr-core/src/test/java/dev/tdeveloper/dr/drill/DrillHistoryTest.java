package dev.tdeveloper.dr.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillHistoryTest {
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir Path temp;

  static DrillResult passed(BackupScope scope, String source, int minute) {
    Instant started = T0.plus(Duration.ofMinutes(minute));
    return new DrillResult(
        scope,
        source,
        Optional.of("b-" + minute),
        DrillSelection.LATEST,
        started,
        started.plusSeconds(30),
        Duration.ofSeconds(25),
        true,
        true,
        "notes journal opens and has 12 notes",
        Optional.empty());
  }

  static DrillResult failed(BackupScope scope, String source, int minute) {
    Instant started = T0.plus(Duration.ofMinutes(minute));
    return new DrillResult(
        scope,
        source,
        Optional.empty(),
        DrillSelection.RANDOM,
        started,
        started,
        Duration.ZERO,
        false,
        false,
        "not run",
        Optional.of("no backup in the window"));
  }

  @Test
  void historySurvivesReopen() {
    Path file = temp.resolve("drills.log");
    List<DrillResult> written =
        List.of(
            passed(ACME, "notes", 1),
            failed(ACME, "notes", 2),
            passed(BackupScope.platform(), "config", 3));
    try (DrillHistory history = DrillHistory.open(file)) {
      written.forEach(history::record);
    }
    try (DrillHistory history = DrillHistory.open(file)) {
      assertThat(history.results(ACME, T0, T0.plus(Duration.ofDays(1))))
          .containsExactly(written.get(0), written.get(1));
      assertThat(history.results(BackupScope.platform(), T0, T0.plus(Duration.ofDays(1))))
          .containsExactly(written.get(2));
      assertThat(history.latest(ACME, "notes")).contains(written.get(1));
    }
  }

  @Test
  void resultsAreThoseOfTheScopeThatFinishedInTheHalfOpenRange() {
    try (DrillHistory history = DrillHistory.open(temp.resolve("drills.log"))) {
      DrillResult early = passed(ACME, "notes", 0);
      DrillResult edge = passed(ACME, "files", 10);
      DrillResult other = passed(GLOBEX, "notes", 5);
      history.record(edge);
      history.record(early);
      history.record(other);

      assertThat(history.results(ACME, early.finished(), edge.finished())).containsExactly(early);
      assertThat(history.results(ACME, T0, T0.plus(Duration.ofHours(1))))
          .containsExactly(early, edge);
      assertThat(history.results(GLOBEX, T0, T0.plus(Duration.ofHours(1)))).containsExactly(other);
    }
  }

  @Test
  void retentionKeepsTheNewestPerSourceSoOneTenantCannotEvictAnother() {
    Path file = temp.resolve("drills.log");
    DrillResult globexOnly = passed(GLOBEX, "notes", 0);
    try (DrillHistory history = DrillHistory.open(file, 3)) {
      history.record(globexOnly);
      for (int minute = 1; minute <= 150; minute++) {
        history.record(passed(ACME, "notes", minute));
      }
      assertThat(history.size()).isEqualTo(4);
    }
    try (DrillHistory history = DrillHistory.open(file, 3)) {
      Instant to = T0.plus(Duration.ofDays(1));
      assertThat(history.results(GLOBEX, T0, to)).containsExactly(globexOnly);
      assertThat(history.results(ACME, T0, to))
          .extracting(r -> r.backupId().orElseThrow())
          .containsExactly("b-148", "b-149", "b-150");
    }
  }

  @Test
  void compactionBoundsTheFile() throws Exception {
    Path file = temp.resolve("drills.log");
    try (DrillHistory history = DrillHistory.open(file, 2)) {
      history.record(passed(ACME, "notes", 0));
      long small = Files.size(file);
      for (int minute = 1; minute <= 300; minute++) {
        history.record(passed(ACME, "notes", minute));
      }
      assertThat(Files.size(file)).isLessThan(small * 100);
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> DrillHistory.open(temp.resolve("h"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keepPerSource must be 1 to 1000000, was 0");
    try (DrillHistory history = DrillHistory.open(temp.resolve("drills.log"))) {
      assertThatThrownBy(() -> history.results(ACME, T0, T0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be after from");
      assertThatThrownBy(() -> DrillHistory.open(temp.resolve("drills.log")))
          .isInstanceOf(DrException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void resultsThatContradictThemselvesCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                new DrillResult(
                    ACME,
                    "notes",
                    Optional.empty(),
                    DrillSelection.LATEST,
                    T0,
                    T0,
                    Duration.ZERO,
                    true,
                    true,
                    "ok",
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must name a backup");
  }
}
