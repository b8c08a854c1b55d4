package dev.tdeveloper.dr.objectives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.objectives.ObjectiveEvent.Objective;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.policy.TestPolicies;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RecoveryObjectivesMonitorTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<ObjectiveEvent> events = new CopyOnWriteArrayList<>();
  private final RecoveryObjectivesMonitor monitor =
      RecoveryObjectivesMonitor.builder()
          .clock(clock)
          .targets("notes", new RecoveryTargets(Duration.ofMinutes(15), Duration.ofMinutes(10)))
          .listener(events::add)
          .build();

  private Instant now() {
    return clock.instant();
  }

  @Test
  void liveRpoIsTheTimeSinceTheLastVerifiedRecoveryPoint() {
    monitor.recordRecoveryPoint(ACME, "notes", now(), true);
    clock.advance(Duration.ofMinutes(3));
    monitor.recordRecoveryPoint(ACME, "notes", now(), false);
    clock.advance(Duration.ofMinutes(2));

    ObjectiveStatus status = monitor.status().find(ACME, "notes").orElseThrow();

    assertThat(status.rpo()).contains(Duration.ofMinutes(5));
    assertThat(status.lastVerifiedPoint()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(status.rpoBreached()).isFalse();
  }

  @Test
  void unknownRpoAndRtoCountAsBreachedWhenThereIsATarget() {
    monitor.recordRecoveryPoint(ACME, "notes", now(), false);
    monitor.recordRecoveryPoint(ACME, "other", now(), false);

    ObjectiveStatus notes = monitor.status().find(ACME, "notes").orElseThrow();
    ObjectiveStatus other = monitor.status().find(ACME, "other").orElseThrow();

    assertThat(notes.rpo()).isEmpty();
    assertThat(notes.rpoBreached()).isTrue();
    assertThat(notes.rtoBreached()).isTrue();
    assertThat(other.targets()).isEmpty();
    assertThat(other.rpoBreached()).isFalse();
  }

  @Test
  void checkPublishesOnlyTransitions() {
    monitor.recordRecoveryPoint(ACME, "notes", now(), true);
    monitor.recordDrill(ACME, "notes", Duration.ofMinutes(4), true);

    monitor.check();
    assertThat(events).isEmpty();

    clock.advance(Duration.ofMinutes(16));
    monitor.check();
    monitor.check();
    assertThat(events).hasSize(1).first().isInstanceOf(ObjectiveEvent.RpoBreached.class);

    monitor.recordRecoveryPoint(ACME, "notes", now(), true);
    monitor.check();
    monitor.check();
    assertThat(events).hasSize(2);
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            ObjectiveEvent.Recovered.class,
            r -> assertThat(r.objective()).isEqualTo(Objective.RPO));
  }

  @Test
  void rtoIsTheLastSuccessfulDrillAndAFailedDrillBreachesUntilOneSucceeds() {
    monitor.recordRecoveryPoint(ACME, "notes", now(), true);
    monitor.recordDrill(ACME, "notes", Duration.ofMinutes(12), true);
    monitor.check();
    assertThat(events).singleElement().isInstanceOf(ObjectiveEvent.RtoBreached.class);

    monitor.recordDrill(ACME, "notes", Duration.ofMinutes(6), true);
    monitor.check();
    monitor.recordDrill(ACME, "notes", Duration.ofMinutes(1), false);
    ObjectiveStatus status = monitor.check().find(ACME, "notes").orElseThrow();

    assertThat(status.rto()).contains(Duration.ofMinutes(6));
    assertThat(status.lastDrillFailed()).isTrue();
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("RtoBreached", "Recovered", "RtoBreached");
  }

  @Test
  void oneTenantsBreachNeverShowsInOrAffectsAnothers() {
    monitor.recordRecoveryPoint(ACME, "notes", now(), true);
    monitor.recordDrill(ACME, "notes", Duration.ofMinutes(1), true);
    monitor.recordRecoveryPoint(GLOBEX, "notes", now().minus(Duration.ofHours(1)), true);
    monitor.recordDrill(GLOBEX, "notes", Duration.ofMinutes(1), true);

    monitor.check();

    assertThat(monitor.status(ACME).statuses())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.scope()).isEqualTo(ACME);
              assertThat(s.rpoBreached()).isFalse();
            });
    assertThat(monitor.status(GLOBEX).statuses()).singleElement().matches(s -> s.rpoBreached());
    assertThat(events).singleElement().matches(e -> e.scope().equals(GLOBEX));
  }

  @Test
  void targetsComeFromAPolicy() {
    BackupPolicy policy =
        TestPolicies.policy("p", "*/5 * * * *", Duration.ofMinutes(30), Duration.ofMinutes(20))
            .sources("files")
            .targetStore("local")
            .build();
    monitor.setTargets(policy);
    monitor.recordRecoveryPoint(ACME, "files", now(), true);

    assertThat(monitor.status().find(ACME, "files").orElseThrow().targets())
        .contains(new RecoveryTargets(Duration.ofMinutes(30), Duration.ofMinutes(20)));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertThatThrownBy(() -> monitor.recordRecoveryPoint(ACME, "notes", now().plusSeconds(1), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "recovery point 2026-01-01T00:00:01Z of tenant-acme/notes is after now,"
                + " 2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> monitor.recordDrill(ACME, "Notes!", Duration.ofMinutes(1), true))
        .hasMessage("source must be 1 to 64 of a-z, 0-9, '.', '_' or '-', was 'Notes!'");
    assertThatThrownBy(() -> monitor.recordDrill(ACME, "notes", Duration.ofMinutes(-1), true))
        .hasMessage("measuredRto must not be negative, was PT-1M for tenant-acme/notes");
    assertThatThrownBy(() -> new RecoveryTargets(Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessage("rpo target must be positive, was PT0S");

    assertThat(monitor.status().statuses()).isEmpty();
  }
}
