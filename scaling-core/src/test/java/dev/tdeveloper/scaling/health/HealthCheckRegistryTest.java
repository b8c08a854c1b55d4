package dev.tdeveloper.scaling.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCheckRegistryTest {
  private final ManualClock clock = new ManualClock();

  private HealthCheckRegistryBuilder builder() {
    return HealthCheckRegistry.builder().ticker(clock).clock(clock);
  }

  private static HealthCheck fixed(HealthStatus status) {
    return () -> HealthResult.of(status);
  }

  @ParameterizedTest
  @CsvSource({
    "UP, UP, UP",
    "UP, DOWN, DOWN",
    "OUT_OF_SERVICE, DOWN, DOWN",
    "UP, OUT_OF_SERVICE, OUT_OF_SERVICE",
    "UNKNOWN, OUT_OF_SERVICE, OUT_OF_SERVICE",
    "UNKNOWN, UP, UP",
    "UNKNOWN, UNKNOWN, UNKNOWN",
    "DOWN, UNKNOWN, DOWN"
  })
  void groupTakesTheMostSevereStatusDownOutOfServiceUpUnknown(
      HealthStatus first, HealthStatus second, HealthStatus expected) {
    try (HealthCheckRegistry registry =
        builder().check("a", fixed(first)).check("b", fixed(second)).readiness("a", "b").build()) {
      assertThat(registry.report("readiness").status()).isEqualTo(expected);
    }
  }

  @Test
  void anEmptyGroupIsUp() {
    try (HealthCheckRegistry registry = builder().group("empty").build()) {
      HealthReport report = registry.report("empty");
      assertThat(report.status()).isEqualTo(HealthStatus.UP);
      assertThat(report.components()).isEmpty();
    }
  }

  @Test
  void aDownNonCriticalCheckLeavesTheGroupUpAndDegraded() {
    CheckSettings optional = CheckSettings.defaults().withCriticality(Criticality.NON_CRITICAL);
    try (HealthCheckRegistry registry =
        builder()
            .check("db", fixed(HealthStatus.UP))
            .check("cache", fixed(HealthStatus.DOWN), optional)
            .check("search", fixed(HealthStatus.OUT_OF_SERVICE), optional)
            .readiness("db", "cache", "search")
            .build()) {
      HealthReport report = registry.report("readiness");
      assertThat(report.status()).isEqualTo(HealthStatus.UP);
      assertThat(report.degraded()).containsExactly("cache", "search");
      assertThat(report.components().get("cache").status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void aNonCriticalCheckNeverHidesACriticalFailure() {
    CheckSettings optional = CheckSettings.defaults().withCriticality(Criticality.NON_CRITICAL);
    try (HealthCheckRegistry registry =
        builder()
            .check("db", fixed(HealthStatus.OUT_OF_SERVICE))
            .check("cache", fixed(HealthStatus.DOWN), optional)
            .readiness("db", "cache")
            .build()) {
      assertThat(registry.report("readiness").status()).isEqualTo(HealthStatus.OUT_OF_SERVICE);
    }
  }

  @Test
  void aThrowingCheckIsDownWithItsExceptionAndNeverThrows() {
    try (HealthCheckRegistry registry =
        builder()
            .check(
                "db",
                () -> {
                  throw new IllegalStateException("connection refused");
                })
            .check("nil", () -> null)
            .liveness("db", "nil")
            .build()) {
      HealthReport report = registry.report("liveness");
      assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(report.components().get("db").error())
          .contains("java.lang.IllegalStateException: connection refused");
      assertThat(report.components().get("nil").error()).contains("check 'nil' returned null");
    }
  }

  @Test
  void aResultYoungerThanItsTtlIsServedWithoutRunningTheCheck() {
    AtomicInteger runs = new AtomicInteger();
    HealthCheck counted = () -> HealthResult.up().withDetail("run", runs.incrementAndGet());
    try (HealthCheckRegistry registry =
        builder()
            .check("db", counted, CheckSettings.defaults().withCacheTtl(Duration.ofSeconds(10)))
            .readiness("db")
            .build()) {
      registry.report("readiness");
      clock.advance(Duration.ofMillis(9_999));
      assertThat(registry.report("readiness").components().get("db").details())
          .containsEntry("run", 1);
      clock.advance(Duration.ofMillis(1));
      assertThat(registry.report("readiness").components().get("db").details())
          .containsEntry("run", 2);
      assertThat(runs).hasValue(2);
    }
  }

  @Test
  void withoutATtlEveryReportRunsTheCheck() {
    AtomicInteger runs = new AtomicInteger();
    try (HealthCheckRegistry registry =
        builder()
            .check(
                "db",
                () -> {
                  runs.incrementAndGet();
                  return HealthResult.up();
                })
            .readiness("db")
            .build()) {
      registry.report("readiness");
      registry.report("readiness");
      assertThat(runs).hasValue(2);
    }
  }

  @Test
  void theDurationOfTheRunIsReported() {
    try (HealthCheckRegistry registry =
        builder()
            .check(
                "db",
                () -> {
                  clock.advance(Duration.ofMillis(42));
                  return HealthResult.up();
                })
            .readiness("db")
            .build()) {
      assertThat(registry.report("readiness").components().get("db").duration())
          .isEqualTo(Duration.ofMillis(42));
    }
  }

  @Test
  void theStartupGroupStaysUpOnceItHasBeenUp() {
    AtomicReference<HealthStatus> warm = new AtomicReference<>(HealthStatus.DOWN);
    AtomicInteger runs = new AtomicInteger();
    try (HealthCheckRegistry registry =
        builder()
            .check(
                "warm",
                () -> {
                  runs.incrementAndGet();
                  return HealthResult.of(warm.get());
                })
            .startup("warm")
            .readiness("warm")
            .build()) {
      assertThat(registry.report("startup").status()).isEqualTo(HealthStatus.DOWN);
      warm.set(HealthStatus.UP);
      assertThat(registry.report("startup").status()).isEqualTo(HealthStatus.UP);
      warm.set(HealthStatus.DOWN);
      HealthReport latched = registry.report("startup");
      assertThat(latched.status()).isEqualTo(HealthStatus.UP);
      assertThat(latched.startupLatched()).isTrue();
      assertThat(runs).hasValue(2);
      assertThat(registry.report("readiness").status()).isEqualTo(HealthStatus.DOWN);
    }
  }

  @Test
  void publishesOnlyStatusTransitionsOfChecksAndGroups() {
    List<HealthChanged> events = new CopyOnWriteArrayList<>();
    AtomicReference<HealthStatus> db = new AtomicReference<>(HealthStatus.UP);
    try (HealthCheckRegistry registry =
        builder()
            .check("db", () -> HealthResult.of(db.get()))
            .readiness("db")
            .listener(
                event -> {
                  throw new IllegalStateException("a broken listener must not break reports");
                })
            .listener(events::add)
            .build()) {
      registry.report("readiness");
      registry.report("readiness");
      db.set(HealthStatus.DOWN);
      registry.report("readiness");
      registry.report("readiness");
    }
    assertThat(events)
        .extracting(e -> e.kind() + " " + e.name() + " " + e.previous() + "->" + e.current())
        .containsExactly(
            "CHECK db UNKNOWN->UP",
            "GROUP readiness UNKNOWN->UP",
            "CHECK db UP->DOWN",
            "GROUP readiness UP->DOWN");
    assertThat(events).allMatch(e -> e.at().equals(clock.instant()));
  }

  @Test
  void aFinishedRunNeverBlocksTheNextReport() {
    // Regression: the run used to free its check only after waking the caller, so an immediate
    // second report saw the check as still running and answered DOWN.
    try (HealthCheckRegistry registry =
        builder().check("db", fixed(HealthStatus.UP)).liveness("db").build()) {
      for (int i = 0; i < 200; i++) {
        assertThat(registry.report("liveness").status()).isEqualTo(HealthStatus.UP);
      }
    }
  }

  @Test
  void aClosedRegistryReportsItsChecksDownInsteadOfThrowing() {
    HealthCheckRegistry registry =
        builder().check("db", fixed(HealthStatus.UP)).readiness("db").build();
    registry.close();
    HealthReport report = registry.report("readiness");
    assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(report.components().get("db").error())
        .hasValueSatisfying(error -> assertThat(error).contains("executor rejected the run"));
  }
}
