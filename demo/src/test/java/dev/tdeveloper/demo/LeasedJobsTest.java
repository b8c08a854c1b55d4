package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.lease.InProcessJobLease;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scheduled jobs under a lease: with two instances on one real Redis, one runs a job at a time. */
@ExtendWith(LocalRedisExtension.class)
class LeasedJobsTest {
  private DemoBackends first;
  private DemoBackends second;

  @BeforeEach
  void open(URI redis) {
    DemoBackendOptions options =
        new DemoBackendOptions(
            Optional.of(new DemoBackendOptions.Redis(redis + "/14")), Optional.empty());
    first = DemoBackends.open(options, new ManualClock());
    second = DemoBackends.open(options, new ManualClock());
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void aJobRunningOnOneInstanceIsSkippedByTheOtherUntilItEnds() throws Exception {
    LeasedJobs a = first.jobs();
    LeasedJobs b = second.jobs();
    assertThat(a.holder()).isNotEqualTo(b.holder());
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicInteger runsOnB = new AtomicInteger();
    AtomicInteger otherJobOnB = new AtomicInteger();
    Thread onA =
        new Thread(
            a.leased(
                "nightly-backup",
                () -> {
                  running.countDown();
                  try {
                    finish.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    onA.start();
    running.await();

    b.leased("nightly-backup", runsOnB::incrementAndGet).run();
    b.leased("cost-allocation", otherJobOnB::incrementAndGet).run();
    assertThat(runsOnB).hasValue(0);
    assertThat(otherJobOnB).hasValue(1);

    finish.countDown();
    onA.join();
    b.leased("nightly-backup", runsOnB::incrementAndGet).run();
    assertThat(runsOnB).hasValue(1);
  }

  @Test
  void aJobThatFailsReleasesItsLeaseForTheNextRun() {
    LeasedJobs a = first.jobs();
    Runnable failing =
        a.leased(
            "rotation",
            () -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(failing::run).hasMessage("boom");
    AtomicInteger runs = new AtomicInteger();
    second.jobs().leased("rotation", runs::incrementAndGet).run();
    assertThat(runs).hasValue(1);
  }

  @Test
  void embeddedEveryRunGetsTheInProcessLease() {
    LeasedJobs jobs = new LeasedJobs(InProcessJobLease.create(), "solo");
    AtomicInteger runs = new AtomicInteger();
    Runnable job = jobs.leased("cost-allocation", runs::incrementAndGet);
    job.run();
    job.run();
    assertThat(runs).hasValue(2);
  }
}
