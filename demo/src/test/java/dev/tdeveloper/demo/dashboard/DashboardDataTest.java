package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.demo.Json;
import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The document {@link DashboardData} builds, from an in-memory registry and fixed sources. */
class DashboardDataTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
  private final TrafficCounter traffic = new TrafficCounter(clock);

  private DashboardDataBuilder builder(DashboardSources sources) {
    return DashboardData.builder()
        .mapper(Json.MAPPER)
        .clock(clock)
        .registry(registry)
        .traffic(traffic)
        .sources(sources);
  }

  private void tenant(String id, String plan) {
    registry.create(Tenant.builder(id).plan(plan).status(TenantStatus.ACTIVE).build());
  }

  @Test
  void tenantsCarryPlanStatusAndTheirOwnTrafficOnly() {
    tenant("globex", "enterprise");
    tenant("acme", "pro");
    traffic.record(TenantId.of("acme"), 200);
    traffic.record(TenantId.of("acme"), 500);

    JsonNode doc = builder(UnwiredDashboardSources.INSTANCE).build().snapshot();

    JsonNode tenants = doc.path("tenants");
    assertThat(tenants).hasSize(2);
    assertThat(tenants.get(0).path("id").asText()).isEqualTo("acme");
    assertThat(tenants.get(0).path("plan").asText()).isEqualTo("pro");
    assertThat(tenants.get(0).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(tenants.get(0).path("traffic").path("requests").asLong()).isEqualTo(2);
    assertThat(tenants.get(0).path("traffic").path("errorRate").asDouble()).isEqualTo(0.5);
    assertThat(tenants.get(1).path("id").asText()).isEqualTo("globex");
    assertThat(tenants.get(1).path("traffic").path("requests").asLong()).isZero();
    assertThat(doc.path("generatedAt").asText()).isEqualTo(clock.instant().toString());
  }

  @Test
  void unwiredSourcesGiveEmptySloAlertAndIncidentLists() {
    JsonNode doc = builder(UnwiredDashboardSources.INSTANCE).build().snapshot();

    assertThat(doc.path("slos").isArray()).isTrue();
    assertThat(doc.path("slos")).isEmpty();
    assertThat(doc.path("alerts")).isEmpty();
    assertThat(doc.path("incidents")).isEmpty();
  }

  @Test
  void slosAlertsAndIncidentsHaveTheDocumentedShape() {
    Instant now = clock.instant();
    Alert page =
        Alert.firing(
            Labels.of("alertname", "ErrorBudgetBurn", "severity", "critical", "tenant", "acme"),
            Map.of("summary", "acme burns its budget 14x"),
            now.minus(Duration.ofMinutes(5)));
    Alert ticket =
        Alert.firing(Labels.of("alertname", "Slow", "severity", "warning"), Map.of(), now);
    Alert resolved =
        Alert.firing(Labels.of("alertname", "Gone", "severity", "critical"), Map.of(), now)
            .resolvedAt(now);
    SloView slo =
        new SloView(
            "availability",
            Optional.of("acme"),
            0.999,
            0.42,
            Map.of("5m", 14.4, "1h", 6.0),
            List.of(0.5, 1.0, 14.4),
            List.of("ErrorBudgetBurn"));
    IncidentView incident =
        new IncidentView(
            "inc-1",
            "acme unavailable",
            Optional.of("acme"),
            "critical",
            "triggered",
            now.minus(Duration.ofMinutes(5)),
            "ErrorBudgetBurn",
            2);
    DashboardSources sources =
        fixed(List.of(slo), List.of(ticket, resolved, page), List.of(incident));

    JsonNode doc = builder(sources).build().snapshot();

    JsonNode s = doc.path("slos").get(0);
    assertThat(s.path("id").asText()).isEqualTo("availability");
    assertThat(s.path("tenant").asText()).isEqualTo("acme");
    assertThat(s.path("objective").asDouble()).isEqualTo(0.999);
    assertThat(s.path("budgetRemaining").asDouble()).isEqualTo(0.42);
    assertThat(s.path("burnRates").path("5m").asDouble()).isEqualTo(14.4);
    assertThat(s.path("burnRates").path("1h").asDouble()).isEqualTo(6.0);
    assertThat(s.path("sparkline")).hasSize(3);
    assertThat(s.path("alerts").get(0).asText()).isEqualTo("ErrorBudgetBurn");
    JsonNode alerts = doc.path("alerts");
    assertThat(alerts).hasSize(2); // the resolved one is left out; critical first
    assertThat(alerts.get(0).path("alertname").asText()).isEqualTo("ErrorBudgetBurn");
    assertThat(alerts.get(0).path("severity").asText()).isEqualTo("critical");
    assertThat(alerts.get(0).path("tenant").asText()).isEqualTo("acme");
    assertThat(alerts.get(0).path("summary").asText()).isEqualTo("acme burns its budget 14x");
    assertThat(alerts.get(0).path("fingerprint").asText())
        .isEqualTo(page.labels().fingerprintHex());
    assertThat(alerts.get(1).path("tenant").isNull()).isTrue();
    JsonNode i = doc.path("incidents").get(0);
    assertThat(i.path("id").asText()).isEqualTo("inc-1");
    assertThat(i.path("rootCause").asText()).isEqualTo("ErrorBudgetBurn");
    assertThat(i.path("alertCount").asInt()).isEqualTo(2);
    assertThat(i.path("tenant").asText()).isEqualTo("acme");
  }

  @Test
  void aFailingSectionBecomesAnErrorAndTheRestStays() {
    tenant("acme", "pro");
    DashboardData data =
        builder(UnwiredDashboardSources.INSTANCE)
            .section("cost", () -> Map.of("total", "1.00"))
            .section(
                "backups",
                () -> {
                  throw new IllegalStateException("backup store unreadable");
                })
            .build();

    JsonNode doc = data.snapshot();

    assertThat(doc.path("backups").path("error").asText())
        .isEqualTo("IllegalStateException: backup store unreadable");
    assertThat(doc.path("cost").path("total").asText()).isEqualTo("1.00");
    assertThat(doc.path("tenants")).hasSize(1);
  }

  @Test
  void builderRejectsMissingRepeatedAndReservedSettings() {
    assertThatThrownBy(() -> DashboardData.builder().mapper(Json.MAPPER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock is required");
    assertThatThrownBy(() -> builder(UnwiredDashboardSources.INSTANCE).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> builder(UnwiredDashboardSources.INSTANCE).section("tenants", Map::of))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("section name: 'tenants'");
    assertThatThrownBy(
            () ->
                builder(UnwiredDashboardSources.INSTANCE)
                    .section("cost", Map::of)
                    .section("cost", Map::of))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("section 'cost' was already added");
  }

  static DashboardSources fixed(
      List<SloView> slos, List<Alert> alerts, List<IncidentView> incidents) {
    return new DashboardSources() {
      @Override
      public List<SloView> slos() {
        return slos;
      }

      @Override
      public List<Alert> alerts() {
        return alerts;
      }

      @Override
      public List<IncidentView> incidents() {
        return incidents;
      }
    };
  }
}
