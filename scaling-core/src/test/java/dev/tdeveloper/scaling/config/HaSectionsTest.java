package dev.tdeveloper.scaling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.health.CheckSettings;
import dev.tdeveloper.scaling.health.Criticality;
import dev.tdeveloper.scaling.health.HealthCheck;
import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.health.HealthResult;
import dev.tdeveloper.scaling.resilience.DependencyPolicies;
import dev.tdeveloper.scaling.resilience.DependencyPolicy;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaSectionsTest {
  @Test
  void healthSectionGivesCheckSettingsAndGroups() {
    HealthSettings health = ScalingConfigLoaderTest.example().health();
    assertThat(health.settings("database"))
        .isEqualTo(
            new CheckSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Criticality.CRITICAL));
    assertThat(health.settings("cache").criticality()).isEqualTo(Criticality.NON_CRITICAL);
    assertThat(health.settings("process")).isEqualTo(CheckSettings.defaults());
    assertThat(health.groups()).containsEntry("readiness", List.of("database", "cache"));
  }

  @Test
  void healthSettingsRegisterTheProvidedChecks() {
    HealthSettings health = ScalingConfigLoaderTest.example().health();
    HealthCheck up = HealthResult::up;
    try (HealthCheckRegistry registry =
        health
            .configure(
                HealthCheckRegistry.builder(), Map.of("database", up, "cache", up, "process", up))
            .build()) {
      assertThat(registry).isNotNull();
    }
    assertThatThrownBy(() -> health.configure(HealthCheckRegistry.builder(), Map.of("cache", up)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[database, process]");
  }

  @Test
  void dependenciesSectionBuildsThePolicies() {
    ScalingConfig config = ScalingConfigLoaderTest.example();
    assertThat(config.dependencyNames()).containsExactly("payments", "search");
    DependencyPolicy payments = config.dependency("payments").build();
    assertThat(payments.perTenant()).isTrue();
    assertThat(payments.timeout()).contains(Duration.ofSeconds(2));
    assertThat(payments.circuitBreaker().orElseThrow().failures()).isEqualTo(5);
    assertThat(payments.retry().orElseThrow().maxDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(payments.bulkhead().orElseThrow().maxConcurrency()).isEqualTo(20);
    assertThat(config.dependency("search").build().circuitBreaker().orElseThrow().rateBased())
        .isTrue();
    DependencyPolicies policies = config.dependencyPolicies().build();
    assertThat(policies.dependencies()).containsExactlyInAnyOrder("payments", "search");
  }

  @Test
  void badHealthAndDependencyValuesAreAllLocated() {
    List<ConfigProblem> p =
        ScalingConfigErrorsTest.problems(
            """
            health:
              checks:
                database: {timeout: 2s, criticality: vital}
              groups:
                readiness: [Database]
            dependencies:
              payments:
                retry: {maxAttempts: 1, initialDelay: 100ms}
                circuitBreaker: {failures: 5, executions: 3}
                bulkhead: {maxConcurrency: 0}
            """);
    assertThat(p)
        .extracting(ConfigProblem::path)
        .containsExactly(
            "health.checks.database.criticality",
            "health.groups.readiness",
            "dependencies.payments.retry.maxAttempts",
            "dependencies.payments.circuitBreaker.executions",
            "dependencies.payments.bulkhead.maxConcurrency");
    assertThat(p.get(0).message()).contains("[critical, non-critical]");
    assertThat(p.get(1).message()).contains("[a-z0-9-]+");
  }
}
