package dev.tdeveloper.scaling.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthCheckRegistryBuilderTest {
  private static final HealthCheck OK = HealthResult::up;

  @Test
  void rejectsCheckNamesOutsideLowercaseDigitsAndHyphens() {
    assertThatThrownBy(() -> HealthCheckRegistry.builder().check("Db_Main", OK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("check name: 'Db_Main' is not allowed; allowed: [a-z0-9-]+");
    assertThatThrownBy(() -> HealthCheckRegistry.builder().check("", OK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HealthCheckRegistry.builder().group("Ready", "db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group name: 'Ready'");
  }

  @Test
  void aGroupListingAnUnregisteredCheckFailsTheBuild() {
    HealthCheckRegistryBuilder builder =
        HealthCheckRegistry.builder().check("db", OK).readiness("db", "queue");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group 'readiness' lists unknown check 'queue'; registered checks: [db]");
  }

  @Test
  void eachCheckAndGroupIsSetOnce() {
    HealthCheckRegistryBuilder builder = HealthCheckRegistry.builder().check("db", OK).liveness();
    assertThatThrownBy(() -> builder.check("db", OK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("check 'db' is already registered");
    assertThatThrownBy(() -> builder.group("liveness", "db"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("group 'liveness' is already set");
    assertThatThrownBy(() -> builder.readiness("db", "db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lists check 'db' twice");
    try (HealthCheckRegistry registry = builder.readiness("db").build()) {
      assertThat(registry.report("readiness").components()).containsOnlyKeys("db");
    }
  }

  @Test
  void probeGroupsExistEvenWhenNotConfigured() {
    try (HealthCheckRegistry registry =
        HealthCheckRegistry.builder().check("db", OK).group("deep", "db").build()) {
      assertThat(registry.groups()).containsExactly("liveness", "readiness", "startup", "deep");
      assertThat(registry.report("liveness").status()).isEqualTo(HealthStatus.UP);
    }
  }

  @Test
  void reportOnAnUnknownGroupNamesTheGroupsThereAre() {
    try (HealthCheckRegistry registry = HealthCheckRegistry.builder().build()) {
      assertThatThrownBy(() -> registry.report("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("group: 'nope' is unknown; allowed: [liveness, readiness, startup]");
    }
  }
}
