package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.metrics.BusinessMetrics;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BusinessMetricsBridgeTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TenantCardinalityGuard guard =
      TenantCardinalityGuard.builder().topTenants(1).clock(new ManualClock()).build();
  private final BusinessMetrics business =
      BusinessMetrics.builder()
          .guard(guard)
          .counter("signups_total", "Sign-ups", "signups")
          .gauge("active_users", "Users active now", "users")
          .build();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry).tenantGuard(guard).build();

  @Test
  void seriesAreMirroredWithTheirValuesAndTenantTags() {
    business.increment("signups_total", TenantId.of("acme"), 2);
    metrics.bind(business);
    business.increment("signups_total", TenantId.of("acme"));
    business.add("active_users", TenantId.of("globex"), 4);
    assertThat(registry.get("signups_total").tag("tenant", "acme").functionCounter().count())
        .isEqualTo(3);
    assertThat(registry.get("active_users").tag("tenant", "other").gauge().value()).isEqualTo(4);
    assertThat(registry.get("signups_total").meter().getId().getBaseUnit()).isEqualTo("signups");
  }

  @Test
  void aDemotedTenantsSeriesLeavesTheRegistryAndItsValueShowsUnderOther() {
    metrics.bind(business);
    business.increment("signups_total", TenantId.of("acme"), 5);
    for (int i = 0; i < 10; i++) {
      business.increment("signups_total", TenantId.of("globex"));
    }
    guard.rerank();
    assertThat(registry.find("signups_total").tag("tenant", "acme").functionCounter()).isNull();
    assertThat(registry.get("signups_total").tag("tenant", "other").functionCounter().count())
        .isEqualTo(15);
    business.increment("signups_total", TenantId.of("globex"));
    assertThat(registry.get("signups_total").tag("tenant", "globex").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.find("signups_total").functionCounters()).hasSize(2);
  }
}
