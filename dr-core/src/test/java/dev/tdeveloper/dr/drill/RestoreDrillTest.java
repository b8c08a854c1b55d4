package dev.tdeveloper.dr.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreDrillTest {
  static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  @TempDir Path temp;
  final ManualClock clock = new ManualClock();
  final FakeTarget target = new FakeTarget(clock);
  final List<DrillEvent> events = new CopyOnWriteArrayList<>();
  DrillHistory history;

  @BeforeEach
  void openHistory() {
    history = DrillHistory.open(temp.resolve("drills.log"));
  }

  @AfterEach
  void closeHistory() {
    history.close();
  }

  /** Returns a drill builder over {@code on} with the test's scratch root, history and clock. */
  RestoreDrillBuilder builder(DrillTarget on, DrillValidation validation) {
    return RestoreDrill.builder(on)
        .scratchRoot(temp.resolve("scratch"))
        .validation(validation)
        .history(history)
        .clock(clock)
        .ticker(clock);
  }

  RestoreDrill drill(DrillValidation validation, long seed) {
    return builder(target, validation).random(new Random(seed)).listener(events::add).build();
  }

  RestoreDrill drill() {
    return drill(
        (backup, restored) ->
            ValidationResult.passed(
                "journal holds " + Files.readString(restored.resolve("notes/journal"))),
        1);
  }

  @Test
  void latestRestoresTheNewestBackupInTheWindow() {
    target
        .add(ACME, "notes", "b1", Duration.ofDays(3))
        .add(ACME, "notes", "b3", Duration.ofHours(1))
        .add(ACME, "notes", "b2", Duration.ofDays(1))
        .add(GLOBEX, "notes", "g9", Duration.ofMinutes(1));

    DrillResult result = drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.succeeded()).as(result.toString()).isTrue();
    assertThat(result.backupId()).contains("b3");
    assertThat(result.selection()).isEqualTo(DrillSelection.LATEST);
    assertThat(result.checksumsOk()).isTrue();
    assertThat(result.validationOk()).isTrue();
    assertThat(result.validationMessage()).isEqualTo("journal holds restored b3");
  }

  @Test
  void randomPicksOnlyBackupsInsideTheWindowAndIsRepeatableWithASeed() {
    for (int day = 0; day < 12; day++) {
      target.add(ACME, "notes", "d" + day, Duration.ofDays(day).plusHours(1));
    }
    RestoreDrill drill = drill(DrillValidation.checksumsOnly(), 7);
    Set<String> chosen = new HashSet<>();
    List<String> first = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 60; i++) {
      DrillResult result = drill.run(ACME, "notes", DrillSelection.RANDOM);
      chosen.add(result.backupId().orElseThrow());
      first.add(result.backupId().orElseThrow());
    }
    assertThat(chosen).hasSizeGreaterThan(1).isSubsetOf("d0", "d1", "d2", "d3", "d4", "d5", "d6");

    target.restored.clear();
    RestoreDrill again = drill(DrillValidation.checksumsOnly(), 7);
    for (int i = 0; i < 60; i++) {
      again.run(ACME, "notes", DrillSelection.RANDOM);
    }
    assertThat(target.restored).containsExactlyElementsOf(first);
  }

  @Test
  void noBackupInTheWindowIsAFailedResultNamingTheNewest() {
    target.add(ACME, "notes", "old", Duration.ofDays(9));

    DrillResult result = drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.backupId()).isEmpty();
    assertThat(result.failureReason().orElseThrow())
        .contains("no backup of tenant-acme/notes", "drill window", "the newest is from");
    assertThat(target.restored).isEmpty();
    assertThat(events).last().isInstanceOf(DrillEvent.Failed.class);
    assertThat(history.latest(ACME, "notes")).contains(result);
  }

  @Test
  void sourceWithoutAnyBackupFailsSayingSo() {
    DrillResult result = drill().run(ACME, "notes", DrillSelection.RANDOM);

    assertThat(result.failureReason().orElseThrow()).contains("there is no earlier backup");
  }

  @Test
  void measuredRtoIsTheRestoreTimeOnTheTicker() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));
    target.restoreTime = Duration.ofSeconds(93);

    DrillResult result = drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.measuredRto()).isEqualTo(Duration.ofSeconds(93));
    assertThat(Duration.between(result.started(), result.finished()))
        .isEqualTo(Duration.ofSeconds(93));
  }

  @Test
  void scratchDirectoryIsDeletedAfterASuccessfulDrill() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));

    drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(target.scratches).hasSize(1);
    assertThat(target.scratches.get(0)).doesNotExist();
    assertThat(target.scratches.get(0).getParent()).isEqualTo(temp.resolve("scratch"));
    assertThat(temp.resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void scratchDirectoryIsDeletedWhenTheRestoreFails() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));
    target.failAfterWriting = true;

    DrillResult result = drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.backupId()).contains("b1");
    assertThat(result.failureReason().orElseThrow()).contains("chunk 0a1b of backup b1 is corrupt");
    assertThat(result.measuredRto()).isEqualTo(Duration.ofSeconds(42));
    assertThat(target.scratches.get(0)).doesNotExist();
  }

  @Test
  void scratchDirectoryIsDeletedWhenTheValidationThrows() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));

    DrillResult result =
        drill(
                (backup, restored) -> {
                  throw new IllegalStateException("journal header unreadable");
                },
                1)
            .run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.validationOk()).isFalse();
    assertThat(result.validationMessage()).contains("journal header unreadable");
    assertThat(target.scratches.get(0)).doesNotExist();
  }

  @Test
  void failedValidationIsRecordedWithItsMessage() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));

    DrillResult result =
        drill((backup, restored) -> ValidationResult.failed("notes journal has 0 notes"), 1)
            .run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.checksumsOk()).isTrue();
    assertThat(result.validationOk()).isFalse();
    assertThat(result.validationMessage()).isEqualTo("notes journal has 0 notes");
    assertThat(result.failureReason()).contains("validation failed: notes journal has 0 notes");
    assertThat(history.latest(ACME, "notes")).contains(result);
  }

  @Test
  void checksumProblemsFailTheDrillWithoutRunningTheValidation() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));
    target.problems = List.of("chunk 77ab missing");
    List<String> validated = new CopyOnWriteArrayList<>();

    DrillResult result =
        drill(
                (backup, restored) -> {
                  validated.add(backup.backupId());
                  return ValidationResult.passed("fine");
                },
                1)
            .run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.checksumsOk()).isFalse();
    assertThat(result.failureReason().orElseThrow()).contains("chunk 77ab missing");
    assertThat(validated).isEmpty();
  }

  @Test
  void candidateOfAnotherTenantIsNeverRestored() {
    DrillTarget leaky =
        new DrillTarget() {
          @Override
          public List<DrillCandidate> candidates(BackupScope scope, String source) {
            return List.of(new DrillCandidate(GLOBEX, "notes", "g1", clock.instant()));
          }

          @Override
          public RestoredBackup restore(DrillCandidate candidate, Path scratch) {
            throw new AssertionError("restored " + candidate);
          }
        };
    RestoreDrill drill = builder(leaky, DrillValidation.checksumsOnly()).build();

    DrillResult result = drill.run(ACME, "notes", DrillSelection.LATEST);

    assertThat(result.failureReason().orElseThrow()).contains("refusing to restore another scope");
  }

  @Test
  void eachDrillPublishesStartedThenItsOutcome() {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));

    DrillResult result = drill().run(ACME, "notes", DrillSelection.LATEST);

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(DrillEvent.Started.class);
    assertThat(events.get(1)).isEqualTo(new DrillEvent.Passed(result));
  }

  @Test
  void scheduledDrillsRunOnTheExecutorAndRecordTheirResults() throws Exception {
    target.add(ACME, "notes", "b1", Duration.ofHours(2));
    CountDownLatch three = new CountDownLatch(3);
    RestoreDrill drill =
        builder(target, DrillValidation.checksumsOnly())
            .listener(
                e -> {
                  if (e instanceof DrillEvent.Passed) {
                    three.countDown();
                  }
                })
            .build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> future =
          drill.schedule(executor, Duration.ofMillis(1), ACME, "notes", DrillSelection.LATEST);
      assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
      future.cancel(false);
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(history.size()).isGreaterThanOrEqualTo(3);
    assertThatThrownBy(
            () -> drill.schedule(executor, Duration.ZERO, ACME, "notes", DrillSelection.LATEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be positive, was PT0S");
  }

  @Test
  void badSettingsAndInputAreRefusedClearly() {
    assertThatThrownBy(() -> RestoreDrill.builder(target).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RestoreDrill needs scratchRoot, validation, history");
    assertThatThrownBy(() -> RestoreDrill.builder(target).window(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be positive");
    assertThatThrownBy(() -> RestoreDrill.builder(target).clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> drill().run(ACME, "Notes!", DrillSelection.LATEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source 'Notes!' is not a source name");
    assertThat(history.size()).isZero();
  }
}
