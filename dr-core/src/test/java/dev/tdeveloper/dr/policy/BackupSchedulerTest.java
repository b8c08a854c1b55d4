package dev.tdeveloper.dr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackupSchedulerTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(START);
  private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
  private final List<Instant> ran = new CopyOnWriteArrayList<>();

  /** Released once per finished run: the scheduler publishes Completed/Failed after it is idle. */
  private final Semaphore finished = new Semaphore(0);

  private static BackupPolicy hourly(Duration startWindow) {
    return TestPolicies.policy("hourly", "0 * * * *", Duration.ofHours(2), Duration.ofHours(1))
        .sources("notes")
        .targetStore("local")
        .startWindow(startWindow)
        .build();
  }

  private BackupScheduler scheduler(BackupPolicy policy, BackupJob job) {
    return builder(policy, job).build();
  }

  private BackupScheduler scheduler(BackupPolicy policy, BackupJob job, ExecutorService jobs) {
    return builder(policy, job).jobExecutor(jobs).build();
  }

  private BackupSchedulerBuilder builder(BackupPolicy policy, BackupJob job) {
    return BackupScheduler.builder()
        .policy(policy)
        .job(job)
        .clock(clock)
        .listener(
            event -> {
              events.add(event);
              if (event instanceof SchedulerEvent.Completed
                  || event instanceof SchedulerEvent.Failed) {
                finished.release();
              }
            });
  }

  private BackupJob recording() {
    return (policy, scheduledFor) -> {
      ran.add(scheduledFor);
      return new BackupOutcome.Completed(List.of("b-" + scheduledFor.getEpochSecond()));
    };
  }

  /**
   * A job that records its fire time, counts {@code started} down, then waits for {@code release}.
   */
  private BackupJob blocking(CountDownLatch started, CountDownLatch release) {
    return (policy, at) -> {
      ran.add(at);
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new BackupOutcome.Completed(List.of());
    };
  }

  @Test
  void runsThePolicyOnceItsFireTimeHasPassed() {
    BackupScheduler scheduler = scheduler(hourly(Duration.ofMinutes(10)), recording());

    assertThat(scheduler.runDue(Instant.parse("2026-01-01T00:59:59Z"))).isEmpty();
    List<SchedulerEvent> decided = scheduler.runDue(Instant.parse("2026-01-01T01:00:05Z"));
    scheduler.runDue(Instant.parse("2026-01-01T01:00:06Z"));

    Instant fire = Instant.parse("2026-01-01T01:00:00Z");
    assertThat(ran).containsExactly(fire);
    assertThat(decided)
        .containsExactly(
            new SchedulerEvent.Started("hourly", fire, Instant.parse("2026-01-01T01:00:05Z")));
    assertThat(events)
        .contains(
            new SchedulerEvent.Completed("hourly", fire, List.of("b-" + fire.getEpochSecond())));
    assertThat(scheduler.lastFire("hourly")).contains(fire);
  }

  @Test
  void runPastItsStartWindowIsSkippedNamingTheMissedTime() {
    BackupScheduler scheduler = scheduler(hourly(Duration.ofMinutes(10)), recording());

    List<SchedulerEvent> decided = scheduler.runDue(Instant.parse("2026-01-01T01:10:01Z"));

    Instant fire = Instant.parse("2026-01-01T01:00:00Z");
    assertThat(ran).isEmpty();
    assertThat(decided)
        .containsExactly(
            new SchedulerEvent.Skipped(
                "hourly",
                fire,
                fire,
                "the start window of PT10M had passed at 2026-01-01T01:10:01Z"));
    assertThat(scheduler.runDue(Instant.parse("2026-01-01T01:30:00Z"))).isEmpty();
  }

  @Test
  void runAtTheEdgeOfTheStartWindowStillStarts() {
    BackupScheduler scheduler = scheduler(hourly(Duration.ofMinutes(10)), recording());

    scheduler.runDue(Instant.parse("2026-01-01T01:10:00Z"));

    assertThat(ran).containsExactly(Instant.parse("2026-01-01T01:00:00Z"));
  }

  @Test
  void afterDowntimeOnlyTheLatestFireRunsAndEarlierOnesAreReportedSuperseded() {
    BackupScheduler scheduler = scheduler(hourly(Duration.ofMinutes(10)), recording());

    List<SchedulerEvent> decided = scheduler.runDue(Instant.parse("2026-01-01T04:05:00Z"));

    assertThat(ran).containsExactly(Instant.parse("2026-01-01T04:00:00Z"));
    assertThat(decided.get(0))
        .isEqualTo(
            new SchedulerEvent.Skipped(
                "hourly",
                Instant.parse("2026-01-01T01:00:00Z"),
                Instant.parse("2026-01-01T03:00:00Z"),
                "superseded by the run for 2026-01-01T04:00:00Z"));
  }

  @Test
  void jobThatThrowsIsReportedAsFailedAndTheNextFireStillRuns() {
    BackupScheduler scheduler =
        scheduler(
            hourly(Duration.ofMinutes(10)),
            (policy, at) -> {
              ran.add(at);
              if (ran.size() == 1) {
                throw new IllegalStateException("disk full");
              }
              return new BackupOutcome.Failed("store unreachable");
            });

    scheduler.runDue(Instant.parse("2026-01-01T01:00:00Z"));
    scheduler.runDue(Instant.parse("2026-01-01T02:00:00Z"));

    assertThat(events)
        .filteredOn(SchedulerEvent.Failed.class::isInstance)
        .extracting(e -> ((SchedulerEvent.Failed) e).reason())
        .containsExactly("java.lang.IllegalStateException: disk full", "store unreachable");
    assertThat(scheduler.isRunning("hourly")).isFalse();
  }

  @Test
  void neverRunsThePolicyTwiceConcurrentlyAndStartsTheWaitingFireWhenTheRunEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstStarted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      BackupScheduler scheduler =
          scheduler(hourly(Duration.ofMinutes(30)), blocking(firstStarted, release), pool);

      scheduler.runDue(Instant.parse("2026-01-01T01:00:00Z"));
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.runDue(Instant.parse("2026-01-01T02:00:00Z"))).isEmpty();
      assertThat(scheduler.runDue(Instant.parse("2026-01-01T02:10:00Z"))).isEmpty();
      assertThat(ran).hasSize(1);

      release.countDown();
      awaitRunFinished(scheduler);
      scheduler.runDue(Instant.parse("2026-01-01T02:20:00Z"));
      awaitRunFinished(scheduler);

      assertThat(ran)
          .containsExactly(
              Instant.parse("2026-01-01T01:00:00Z"), Instant.parse("2026-01-01T02:00:00Z"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fireThatWaitedForARunningRunPastItsWindowIsSkipped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      BackupScheduler scheduler =
          scheduler(hourly(Duration.ofMinutes(10)), blocking(new CountDownLatch(1), release), pool);

      scheduler.runDue(Instant.parse("2026-01-01T01:00:00Z"));
      List<SchedulerEvent> decided = scheduler.runDue(Instant.parse("2026-01-01T02:11:00Z"));

      assertThat(decided)
          .containsExactly(
              new SchedulerEvent.Skipped(
                  "hourly",
                  Instant.parse("2026-01-01T02:00:00Z"),
                  Instant.parse("2026-01-01T02:00:00Z"),
                  "the previous run was still running and the start window of PT10M had passed"
                      + " at 2026-01-01T02:11:00Z"));
      release.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran).hasSize(1);
  }

  @Test
  void startTicksWithTheClockAndCloseStopsTheTicks() throws Exception {
    CountDownLatch didRun = new CountDownLatch(1);
    var executor = Executors.newSingleThreadScheduledExecutor();
    try {
      BackupScheduler scheduler =
          scheduler(
              hourly(Duration.ofMinutes(10)),
              (policy, at) -> {
                ran.add(at);
                didRun.countDown();
                return new BackupOutcome.Completed(List.of());
              });
      clock.setTo(Instant.parse("2026-01-01T01:00:30Z"));
      scheduler.start(executor);

      assertThat(didRun.await(10, TimeUnit.SECONDS)).isTrue();
      scheduler.close();
      scheduler.close();
      assertThat(ran).containsExactly(Instant.parse("2026-01-01T01:00:00Z"));
    } finally {
      executor.shutdownNow();
    }
  }

  /** Waits for the next run to finish; the scheduler is idle by the time it says so. */
  private void awaitRunFinished(BackupScheduler scheduler) throws InterruptedException {
    assertThat(finished.tryAcquire(10, TimeUnit.SECONDS)).as("a run finished").isTrue();
    assertThat(scheduler.isRunning("hourly")).isFalse();
  }
}
