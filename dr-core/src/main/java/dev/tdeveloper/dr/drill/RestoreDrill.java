package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restore testing, as AWS Backup does it: restores the latest backup of a source, or a random one
 * created within a window, into a fresh scratch directory, verifies its checksums (through the
 * restore) and a user {@link DrillValidation}, measures the recovery time, deletes the scratch
 * directory (also on failure), records the {@link DrillResult} in a {@link DrillHistory} and
 * publishes {@link DrillEvent}s. A drill that finds no backup in its window fails; it never passes
 * silently.
 *
 * <p>The measured RTO is the {@link Ticker} time of the restore call, which includes the checksum
 * verification; the user validation and clean-up are not part of it. Wall-clock {@code started} and
 * {@code finished} come from the {@link InstantSource}.
 *
 * <p>Thread-safe: drills of the same or different sources may run at once, each in its own scratch
 * directory.
 */
public final class RestoreDrill {
  private static final Logger LOG = LoggerFactory.getLogger(RestoreDrill.class);
  private static final int MAX_REASON = 2000;

  private final DrillTarget target;
  private final Path scratchRoot;
  private final DrillValidation validation;
  private final DrillHistory history;
  private final Duration window;
  private final InstantSource clock;
  private final Ticker ticker;
  private final Random random;
  private final Listeners<DrillEvent> listeners;

  RestoreDrill(RestoreDrillBuilder b) {
    this.target = b.target;
    this.scratchRoot = b.scratchRoot;
    this.validation = b.validation;
    this.history = b.history;
    this.window = b.window;
    this.clock = b.clock;
    this.ticker = b.ticker;
    this.random = b.random;
    this.listeners = Listeners.of(b.listeners);
  }

  /** Returns a builder of drills against {@code target}. */
  public static RestoreDrillBuilder builder(DrillTarget target) {
    return new RestoreDrillBuilder(target);
  }

  /** Returns the window a drill selects backups from. */
  public Duration window() {
    return window;
  }

  /**
   * Runs one drill of {@code source} in {@code scope} and records its result. Failures of the
   * target or the validation become a failed result; only a failure to record it is thrown.
   *
   * @throws IllegalArgumentException if the source name is malformed
   * @throws dev.tdeveloper.dr.DrException if the result cannot be recorded in the history
   */
  public DrillResult run(BackupScope scope, String source, DrillSelection selection) {
    Objects.requireNonNull(scope, "scope");
    DrillNames.requireSource(source);
    Objects.requireNonNull(selection, "selection");
    Attempt attempt = new Attempt(scope, source, selection, clock.instant());
    listeners.publish(new DrillEvent.Started(scope, source, selection, attempt.started));
    try {
      drill(attempt);
    } catch (RuntimeException e) {
      attempt.fail("drill failed: " + e);
    }
    DrillResult result = attempt.result(clock.instant());
    history.record(result);
    listeners.publish(
        result.succeeded() ? new DrillEvent.Passed(result) : new DrillEvent.Failed(result));
    return result;
  }

  /**
   * Runs a drill of {@code source} every {@code period} (the first after one period) on {@code
   * executor} until the returned future is cancelled. A drill that cannot even record its result is
   * logged and the schedule goes on.
   *
   * @throws IllegalArgumentException if the period is not positive or the source name is malformed
   */
  public ScheduledFuture<?> schedule(
      ScheduledExecutorService executor,
      Duration period,
      BackupScope scope,
      String source,
      DrillSelection selection) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(scope, "scope");
    DrillNames.requireSource(source);
    Objects.requireNonNull(selection, "selection");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    long nanos = period.toNanos();
    Runnable task =
        () -> {
          try {
            run(scope, source, selection);
          } catch (RuntimeException e) {
            LOG.error("scheduled restore drill of {}/{} failed", scope, source, e);
          }
        };
    return executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private void drill(Attempt a) {
    Instant now = a.started;
    Instant from = now.minus(window);
    List<DrillCandidate> all = target.candidates(a.scope, a.source);
    for (DrillCandidate c : all) {
      if (!c.scope().equals(a.scope) || !c.source().equals(a.source)) {
        a.fail(
            "drill target listed backup "
                + c.backupId()
                + " of "
                + c.scope()
                + "/"
                + c.source()
                + " when asked for "
                + a.scope
                + "/"
                + a.source
                + "; refusing to restore another scope's or source's data");
        return;
      }
    }
    List<DrillCandidate> inWindow =
        all.stream()
            .filter(c -> !c.created().isBefore(from) && !c.created().isAfter(now))
            .sorted(
                Comparator.comparing(DrillCandidate::created)
                    .thenComparing(DrillCandidate::backupId))
            .toList();
    if (inWindow.isEmpty()) {
      a.fail(
          "no backup of "
              + a.scope
              + "/"
              + a.source
              + " was created in the drill window ["
              + from
              + ", "
              + now
              + "]; "
              + all.stream()
                  .map(DrillCandidate::created)
                  .filter(c -> !c.isAfter(now))
                  .max(Comparator.naturalOrder())
                  .map(newest -> "the newest is from " + newest)
                  .orElse("there is no earlier backup"));
      return;
    }
    DrillCandidate chosen =
        a.selection == DrillSelection.LATEST
            ? inWindow.get(inWindow.size() - 1)
            : inWindow.get(pick(inWindow.size()));
    a.backupId = Optional.of(chosen.backupId());
    Path scratch = newScratch(a);
    try {
      restoreAndValidate(a, chosen, scratch);
    } finally {
      deleteScratch(scratch);
    }
  }

  private void restoreAndValidate(Attempt a, DrillCandidate chosen, Path scratch) {
    RestoredBackup restored;
    long start = ticker.read();
    try {
      restored = target.restore(chosen, scratch);
    } finally {
      a.rto = Duration.ofNanos(Math.max(0, ticker.read() - start));
    }
    a.checksumsOk = restored.checksumsOk();
    if (!a.checksumsOk) {
      a.validationMessage = "not run: checksums did not verify";
      a.fail("checksum verification failed: " + String.join("; ", restored.problems()));
      return;
    }
    try {
      ValidationResult v = Objects.requireNonNull(validation.validate(chosen, scratch), "result");
      a.validationOk = v.ok();
      a.validationMessage = v.message();
      if (!v.ok()) {
        a.fail("validation failed: " + v.message());
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      a.validationMessage = clip("validation threw " + e);
      a.fail(a.validationMessage);
    }
  }

  private int pick(int bound) {
    synchronized (random) {
      return random.nextInt(bound);
    }
  }

  private Path newScratch(Attempt a) {
    try {
      Files.createDirectories(scratchRoot);
      return Files.createTempDirectory(
          scratchRoot, "drill-" + a.scope.key() + "-" + a.source + "-");
    } catch (IOException e) {
      throw new DrException("cannot create a scratch directory under " + scratchRoot + ": " + e, e);
    }
  }

  private static void deleteScratch(Path scratch) {
    try (var paths = Files.walk(scratch)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot delete drill scratch directory {}; delete it by hand", scratch, e);
    }
  }

  static String clip(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
  }

  /** What one drill found so far; confined to the thread running it. */
  private static final class Attempt {
    final BackupScope scope;
    final String source;
    final DrillSelection selection;
    final Instant started;
    Optional<String> backupId = Optional.empty();
    Duration rto = Duration.ZERO;
    boolean checksumsOk;
    boolean validationOk;
    String validationMessage = "not run";
    Optional<String> failure = Optional.empty();

    Attempt(BackupScope scope, String source, DrillSelection selection, Instant started) {
      this.scope = scope;
      this.source = source;
      this.selection = selection;
      this.started = started;
    }

    void fail(String reason) {
      if (failure.isEmpty()) {
        failure = Optional.of(clip(reason));
      }
    }

    DrillResult result(Instant finished) {
      return new DrillResult(
          scope,
          source,
          backupId,
          selection,
          started,
          finished.isBefore(started) ? started : finished,
          rto,
          checksumsOk,
          validationOk,
          validationMessage,
          failure);
    }
  }
}
