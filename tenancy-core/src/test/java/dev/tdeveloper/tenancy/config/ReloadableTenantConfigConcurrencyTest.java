package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers always see one whole configuration, and a reload is visible to every thread. */
class ReloadableTenantConfigConcurrencyTest {
  private static final TenantId A = TenantId.of("a");
  private static final TenantId B = TenantId.of("b");
  private static final int VERSIONS = 40;

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Every layer and tenant carries the same version, so a mixed snapshot would show. */
  private static String version(long n) {
    return """
        defaults: { version: %d }
        plans: { free: { settings: { version: %d } } }
        tenants:
          a: { settings: { version: %d } }
          b: { settings: { version: %d } }
        """
        .formatted(n, n, n, n);
  }

  /** Replaces the file atomically, as a deployment tool should. */
  private static void write(Path file, String text) throws Exception {
    Path tmp = Files.createTempFile(file.getParent(), "tenants", ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void readersNeverSeeAMixOfTwoConfigurationsAndVersionsOnlyMoveForward() throws Exception {
    Path file = dir.resolve("tenants.yaml");
    write(file, version(0));
    ReloadableTenantConfig config = ReloadableTenantConfig.builder(file).build();
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      readers.add(
          pool.submit(
              () -> {
                start.await();
                long last = 0;
                long reads = 0;
                while (!done.get() || reads == 0) {
                  TenantConfig snapshot = config.current();
                  long a = snapshot.settingsFor(A).requireLong("version");
                  assertThat(snapshot.settingsFor(B).requireLong("version")).isEqualTo(a);
                  assertThat(snapshot.settingsForPlan("free").requireLong("version")).isEqualTo(a);
                  assertThat(a).isGreaterThanOrEqualTo(last);
                  last = a;
                  reads++;
                }
                return last;
              }));
    }
    start.countDown();
    for (long n = 1; n <= VERSIONS; n++) {
      write(file, version(n));
      assertThat(config.reload()).isInstanceOf(ReloadResult.Reloaded.class);
    }
    done.set(true);

    for (Future<Long> reader : readers) {
      assertThat(reader.get(10, TimeUnit.SECONDS)).isBetween(0L, (long) VERSIONS);
    }
    assertThat(config.current().settingsFor(A).requireLong("version")).isEqualTo(VERSIONS);
  }

  @Test
  void aReloadOnOneThreadIsVisibleToAnother() throws Exception {
    Path file = dir.resolve("tenants.yaml");
    write(file, version(1));
    ReloadableTenantConfig config = ReloadableTenantConfig.builder(file).build();
    CountDownLatch reloaded = new CountDownLatch(1);

    Future<Long> observer =
        pool.submit(
            () -> {
              reloaded.await();
              return config.current().settingsFor(A).requireLong("version");
            });
    pool.submit(
            () -> {
              write(file, version(2));
              config.reload();
              reloaded.countDown();
              return null;
            })
        .get(10, TimeUnit.SECONDS);

    assertThat(observer.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void concurrentPollingNeverSeesAHalfWrittenFileAndEndsOnTheLatest() throws Exception {
    Path file = dir.resolve("tenants.yaml");
    write(file, version(0));
    ReloadableTenantConfig config = ReloadableTenantConfig.builder(file).build();
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<?>> pollers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pollers.add(
          pool.submit(
              () -> {
                start.await();
                while (!done.get()) {
                  assertThat(config.reloadIfChanged()).isNotInstanceOf(ReloadResult.Rejected.class);
                }
                return null;
              }));
    }
    start.countDown();
    for (long n = 1; n <= VERSIONS; n++) {
      write(file, version(n));
    }
    done.set(true);
    for (Future<?> poller : pollers) {
      poller.get(10, TimeUnit.SECONDS);
    }

    config.reloadIfChanged();
    assertThat(config.current().settingsFor(B).requireLong("version")).isEqualTo(VERSIONS);
  }

  @Test
  void concurrentReloadsAreSerializedAndARejectedVersionNeverReachesAnyone() throws Exception {
    Path file = dir.resolve("tenants.yaml");
    write(file, version(1));
    ReloadableTenantConfig config =
        ReloadableTenantConfig.builder(file)
            .validator(
                "no multiples of 3",
                c -> {
                  TenantSettings free = c.settingsForPlan("free");
                  return free.requireLong("version") % 3 == 0
                      ? List.of(free.problem("version", "is a multiple of 3", "anything else"))
                      : List.of();
                })
            .build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<Long> applied = new CopyOnWriteArrayList<>();
    config.addApplier(
        "recorder",
        c -> {
          if (inside.incrementAndGet() != 1) {
            overlaps.incrementAndGet();
          }
          applied.add(c.settingsFor(A).requireLong("version"));
          inside.decrementAndGet();
        });
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<?>> reloaders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      reloaders.add(
          pool.submit(
              () -> {
                start.await();
                while (!done.get()) {
                  config.reload();
                  assertThat(config.current().settingsFor(B).requireLong("version") % 3)
                      .isNotZero();
                }
                return null;
              }));
    }
    start.countDown();
    for (long n = 2; n <= VERSIONS; n++) {
      write(file, version(n));
    }
    done.set(true);
    for (Future<?> reloader : reloaders) {
      reloader.get(10, TimeUnit.SECONDS);
    }
    config.reload();

    assertThat(overlaps).hasValue(0);
    assertThat(applied).isSorted().allSatisfy(v -> assertThat(v % 3).isNotZero());
    assertThat(applied).startsWith(1L).endsWith((long) VERSIONS);
    assertThat(config.current().settingsFor(A).requireLong("version")).isEqualTo(VERSIONS);
  }
}
