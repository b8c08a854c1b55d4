package dev.tdeveloper.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessMetricsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final TenantCardinalityGuard guard =
      TenantCardinalityGuard.builder().topTenants(2).clock(clock).build();
  private final List<BusinessMetricEvent> events = new ArrayList<>();
  private final BusinessMetrics metrics =
      BusinessMetrics.builder()
          .guard(guard)
          .clock(clock)
          .counter("signups_total", "Tenants' sign-ups", "signups")
          .counter("revenue_total", "Revenue in euro cents", "eur_cents")
          .gauge("active_users", "Users active now", "users")
          .listener(events::add)
          .build();

  private double value(String metric, String tag) {
    return metrics.value(metric, tag).orElseThrow();
  }

  @Test
  void countersAndGaugesAccumulatePerTenant() {
    metrics.increment("signups_total", ACME);
    metrics.increment("signups_total", ACME);
    metrics.increment("revenue_total", GLOBEX, 1999);
    metrics.add("active_users", ACME, 3);
    metrics.add("active_users", ACME, -1);
    assertThat(value("signups_total", "acme")).isEqualTo(2);
    assertThat(value("revenue_total", "globex")).isEqualTo(1999);
    assertThat(value("active_users", "acme")).isEqualTo(2);
    assertThat(metrics.value("signups_total", "globex")).isEmpty();
  }

  @Test
  void oneTenantsRecordingsNeverShowUnderAnother() {
    metrics.increment("signups_total", ACME, 5);
    metrics.increment("signups_total", GLOBEX, 7);
    metrics.increment("signups_total", TenantId.of("initech"), 11);
    MetricsSnapshot.Metric signups = metrics.snapshot().metric("signups_total").orElseThrow();
    assertThat(signups.value("acme")).hasValue(5);
    assertThat(signups.value("globex")).hasValue(7);
    assertThat(signups.value("other")).hasValue(11);
  }

  @Test
  void aDemotedTenantsValueIsFoldedIntoOtherAndTheTotalIsKept() {
    metrics.increment("revenue_total", ACME, 100);
    metrics.add("active_users", ACME, 4);
    for (int i = 0; i < 5; i++) {
      metrics.increment("revenue_total", GLOBEX, 40);
    }
    TenantId hot = TenantId.of("hot");
    for (int i = 0; i < 50; i++) {
      metrics.increment("revenue_total", hot, 1);
    }
    guard.rerank();
    assertThat(guard.taggedTenants()).containsExactlyInAnyOrder(hot, GLOBEX);
    assertThat(metrics.value("revenue_total", "acme")).isEmpty();
    MetricsSnapshot.Metric revenue = metrics.snapshot().metric("revenue_total").orElseThrow();
    assertThat(revenue.series().stream().mapToDouble(MetricsSnapshot.Series::value).sum())
        .isEqualTo(350);
    assertThat(revenue.value("other")).as("acme 100 + hot before promotion 50").hasValue(150);
    assertThat(revenue.value("globex")).hasValue(200);
    assertThat(value("active_users", "other")).isEqualTo(4);
    assertThat(events)
        .contains(new BusinessMetricEvent.SeriesRemoved(metrics.definitions().get(1), "acme", 100));
    metrics.increment("revenue_total", hot, 5);
    assertThat(value("revenue_total", "hot")).as("a promoted tenant starts at zero").isEqualTo(5);
  }

  @Test
  void badInputIsRejectedByNameAndRecordsNothing() {
    metrics.increment("signups_total", ACME);
    String before = metrics.snapshotJson();
    assertThatThrownBy(() -> metrics.increment("nope_total", ACME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown metric 'nope_total'")
        .hasMessageContaining("signups_total");
    assertThatThrownBy(() -> metrics.increment("signups_total", ACME, -1))
        .hasMessageContaining("increment -1 for tenant acme is negative");
    assertThatThrownBy(() -> metrics.add("active_users", ACME, Double.NaN))
        .hasMessageContaining("delta NaN");
    assertThatThrownBy(() -> metrics.add("active_users", ACME, Double.POSITIVE_INFINITY))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> metrics.add("signups_total", ACME, 1))
        .hasMessageContaining("'signups_total' is a counter");
    assertThatThrownBy(() -> metrics.increment("active_users", ACME))
        .hasMessageContaining("'active_users' is a gauge");
    metrics.add("active_users", GLOBEX, Double.MAX_VALUE);
    String withHuge = metrics.snapshotJson();
    assertThatThrownBy(() -> metrics.add("active_users", GLOBEX, Double.MAX_VALUE))
        .hasMessageContaining("overflows");
    assertThat(metrics.snapshotJson()).isEqualTo(withHuge).isNotEqualTo(before);
    assertThat(value("signups_total", "acme")).isEqualTo(1);
  }

  @Test
  void snapshotJsonHasTheDocumentedShape() throws Exception {
    metrics.increment("signups_total", ACME, 3);
    metrics.add("active_users", GLOBEX, 2.5);
    metrics.increment("signups_total", TenantId.of("initech"));
    JsonNode json = new ObjectMapper().readTree(metrics.snapshotJson());
    assertThat(json.get("at").asText()).isEqualTo("2025-01-01T00:00:00Z");
    JsonNode signups = json.get("metrics").get(0);
    assertThat(signups.get("name").asText()).isEqualTo("signups_total");
    assertThat(signups.get("type").asText()).isEqualTo("counter");
    assertThat(signups.get("unit").asText()).isEqualTo("signups");
    assertThat(signups.get("description").asText()).isEqualTo("Tenants' sign-ups");
    assertThat(signups.get("series").toString())
        .isEqualTo("[{\"tenant\":\"acme\",\"value\":3},{\"tenant\":\"other\",\"value\":1}]");
    JsonNode active = json.get("metrics").get(2);
    assertThat(active.get("type").asText()).isEqualTo("gauge");
    assertThat(active.get("series").toString())
        .isEqualTo("[{\"tenant\":\"globex\",\"value\":2.5}]");
    assertThat(json.get("metrics").get(1).get("series").size()).isZero();
  }

  @Test
  void tenThousandTenantsKeepEachMetricWithinNPlusOneSeries() {
    for (int i = 0; i < 10_000; i++) {
      TenantId tenant = TenantId.of("t-" + i);
      metrics.increment("signups_total", tenant);
      metrics.add("active_users", tenant, 1);
      if (i % 1_000 == 0) {
        clock.advance(java.time.Duration.ofMinutes(1));
      }
    }
    for (MetricsSnapshot.Metric metric : metrics.snapshot().metrics()) {
      assertThat(metric.series()).hasSizeLessThanOrEqualTo(guard.maxTagValues());
    }
    MetricsSnapshot.Metric signups = metrics.snapshot().metric("signups_total").orElseThrow();
    assertThat(signups.series().stream().mapToDouble(MetricsSnapshot.Series::value).sum())
        .isEqualTo(10_000);
  }

  @Test
  void invalidDefinitionsAreRejectedByName() {
    assertThatThrownBy(() -> BusinessMetrics.builder().counter("signups-total", "x", "signups"))
        .hasMessageContaining("metric name: 'signups-total' is invalid");
    assertThatThrownBy(() -> BusinessMetrics.builder().counter("__x", "x", "signups"))
        .hasMessageContaining("'__x'");
    assertThatThrownBy(() -> BusinessMetrics.builder().counter("a_total", " ", "signups"))
        .hasMessageContaining("'a_total' description");
    assertThatThrownBy(() -> BusinessMetrics.builder().gauge("a", "x", "Users"))
        .hasMessageContaining("unit: 'Users'");
    assertThatThrownBy(() -> BusinessMetrics.builder().gauge("a", "x", "u").counter("a", "y", "u"))
        .hasMessageContaining("'a' is already defined");
    assertThatThrownBy(() -> BusinessMetrics.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
