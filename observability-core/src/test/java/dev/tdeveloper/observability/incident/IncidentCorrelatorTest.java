package dev.tdeveloper.observability.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentCorrelatorTest {
  private final ManualClock clock = new ManualClock();
  private final List<IncidentEvent> events = new ArrayList<>();
  private final IncidentCorrelator correlator =
      IncidentCorrelator.builder().clock(clock).listener(events::add).build();

  private Alert alert(String... labels) {
    return Alert.firing(Labels.of(labels), Map.of(), clock.instant());
  }

  private Incident ingest(Alert alert) {
    return correlator.ingest(alert).orElseThrow();
  }

  @Test
  void alertsOfOneTenantWithinTheWindowJoinOneIncident() {
    Incident first =
        ingest(alert("alertname", "HighErrorRate", "severity", "error", "tenant", "acme"));
    clock.advance(Duration.ofMinutes(4));
    Incident second =
        ingest(alert("alertname", "HighLatency", "severity", "warning", "tenant", "acme"));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.alerts()).hasSize(2);
    assertThat(second.correlationKey()).isEqualTo(Labels.of("tenant", "acme"));
    assertThat(second.tenant()).contains("acme");
    assertThat(second.title()).isEqualTo("HighErrorRate [tenant=acme]");
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(IncidentEvent.Opened.class);
    assertThat(events.get(1)).isInstanceOf(IncidentEvent.AlertAdded.class);
  }

  @Test
  void anAlertOfTheSameTenantAfterTheWindowOpensANewIncident() {
    Incident first = ingest(alert("alertname", "A", "severity", "error", "tenant", "acme"));
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    Incident second = ingest(alert("alertname", "B", "severity", "error", "tenant", "acme"));
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(correlator.openIncidents())
        .extracting(Incident::id)
        .containsExactly(first.id(), second.id());
  }

  @Test
  void theWindowSlidesWithEachAlertThatJoins() {
    Incident first = ingest(alert("alertname", "A", "severity", "error", "dependency", "db"));
    clock.advance(Duration.ofMinutes(4));
    ingest(alert("alertname", "B", "severity", "error", "dependency", "db"));
    clock.advance(Duration.ofMinutes(4));
    assertThat(ingest(alert("alertname", "C", "severity", "error", "dependency", "db")).id())
        .isEqualTo(first.id());
  }

  @Test
  void alertsAboutOneDependencyJoinOneIncidentAndOthersDoNot() {
    Incident db =
        ingest(
            alert(
                "alertname",
                "DbErrors",
                "severity",
                "error",
                "service",
                "api",
                "dependency",
                "db"));
    Incident db2 =
        ingest(
            alert(
                "alertname",
                "DbSlow",
                "severity",
                "warning",
                "service",
                "web",
                "dependency",
                "db"));
    Incident cache =
        ingest(alert("alertname", "CacheDown", "severity", "error", "dependency", "cache"));
    assertThat(db2.id()).isEqualTo(db.id());
    assertThat(db2.correlationKey()).isEqualTo(Labels.of("dependency", "db"));
    assertThat(cache.id()).isNotEqualTo(db.id());
    clock.advance(Duration.ofMinutes(6));
    assertThat(
            ingest(alert("alertname", "DbDown", "severity", "critical", "dependency", "db")).id())
        .isNotEqualTo(db.id());
  }

  @Test
  void correlationLabelsAreConfigurableInOrder() {
    IncidentCorrelator byCluster =
        IncidentCorrelator.builder()
            .clock(clock)
            .correlationLabels(List.of("cluster", "dependency"))
            .build();
    Incident a =
        byCluster
            .ingest(
                alert("alertname", "A", "severity", "error", "cluster", "eu1", "dependency", "db"))
            .orElseThrow();
    Incident b =
        byCluster
            .ingest(
                alert("alertname", "B", "severity", "error", "cluster", "eu1", "dependency", "mq"))
            .orElseThrow();
    Incident c =
        byCluster
            .ingest(alert("alertname", "C", "severity", "error", "dependency", "db"))
            .orElseThrow();
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(a.correlationKey()).isEqualTo(Labels.of("cluster", "eu1"));
    assertThat(c.id()).isNotEqualTo(a.id());
  }

  @Test
  void anAlertWithoutCorrelationLabelsIsAnIncidentOfItsOwn() {
    Incident a = ingest(alert("alertname", "DiskFull", "severity", "warning", "host", "h1"));
    Incident b = ingest(alert("alertname", "DiskFull", "severity", "warning", "host", "h2"));
    Incident again = ingest(alert("alertname", "DiskFull", "severity", "warning", "host", "h1"));
    assertThat(b.id()).isNotEqualTo(a.id());
    assertThat(again.id()).isEqualTo(a.id());
    assertThat(again.alerts()).hasSize(1);
  }

  @Test
  void acmesIncidentNeverAbsorbsGlobexsAlerts() {
    Incident acme =
        ingest(
            alert(
                "alertname",
                "DbErrors",
                "severity",
                "error",
                "tenant",
                "acme",
                "dependency",
                "db"));
    Incident globex =
        ingest(
            alert(
                "alertname",
                "DbErrors",
                "severity",
                "error",
                "tenant",
                "globex",
                "dependency",
                "db"));
    Incident shared =
        ingest(alert("alertname", "DbDown", "severity", "critical", "dependency", "db"));
    assertThat(globex.id()).isNotEqualTo(acme.id());
    assertThat(shared.id()).isNotIn(acme.id(), globex.id());
    assertThat(correlator.get(acme.id()).orElseThrow().alerts())
        .allSatisfy(a -> assertThat(a.tenant()).contains("acme"));
    correlator.acknowledge(acme.id(), "alice");
    assertThat(correlator.get(globex.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.TRIGGERED);
  }

  @Test
  void resolvesWhenAllItsAlertsResolveAndTellsListenersEachStep() {
    Alert a = alert("alertname", "A", "severity", "error", "tenant", "acme");
    Alert b = alert("alertname", "B", "severity", "critical", "tenant", "acme");
    Incident incident = ingest(a);
    ingest(b);
    Incident acked = correlator.acknowledge(incident.id(), "alice").orElseThrow();
    assertThat(acked.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(acked.acknowledgedBy()).contains("alice");
    assertThat(acked.severity()).isEqualTo(dev.tdeveloper.observability.alert.Severity.CRITICAL);
    clock.advance(Duration.ofMinutes(1));
    Incident half = ingest(a.resolvedAt(clock.instant()));
    assertThat(half.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(half.firingAt(clock.instant())).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    Incident resolved = ingest(b.resolvedAt(clock.instant()));
    assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).contains(clock.instant());
    assertThat(correlator.openIncidents()).isEmpty();
    assertThat(correlator.resolvedIncidents())
        .extracting(Incident::id)
        .containsExactly(incident.id());
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Opened", "AlertAdded", "Acknowledged", "Resolved");
    assertThat(events).allSatisfy(e -> assertThat(e.incident().id()).isEqualTo(incident.id()));
  }

  @Test
  void aResentFiringAlertUpdatesTheIncidentWithoutAnEvent() {
    Alert a = alert("alertname", "A", "severity", "error", "tenant", "acme");
    Incident incident = ingest(a);
    clock.advance(Duration.ofMinutes(30));
    assertThat(ingest(a).id()).isEqualTo(incident.id());
    assertThat(events).hasSize(1);
  }

  @Test
  void aResolvedAlertNoIncidentHoldsChangesNothing() {
    Alert a = alert("alertname", "A", "severity", "error", "tenant", "acme");
    assertThat(correlator.ingest(a.resolvedAt(clock.instant()))).isEmpty();
    assertThat(correlator.openIncidents()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aManuallyResolvedIncidentTakesNoMoreAlerts() {
    Incident incident = ingest(alert("alertname", "A", "severity", "error", "tenant", "acme"));
    assertThat(correlator.resolve(incident.id()).orElseThrow().status())
        .isEqualTo(IncidentStatus.RESOLVED);
    assertThat(correlator.resolve(incident.id())).isEmpty();
    assertThat(correlator.acknowledge(incident.id(), "bob")).isEmpty();
    assertThat(ingest(alert("alertname", "A", "severity", "error", "tenant", "acme")).id())
        .isNotEqualTo(incident.id());
  }

  @Test
  void idsAreUniqueAndSortByOpeningTime() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(ingest(alert("alertname", "A", "severity", "error", "tenant", "t" + i)).id());
      if (i % 10 == 0) {
        clock.advance(Duration.ofMillis(1));
      }
    }
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}"));
  }

  @Test
  void oneTenantsStormCannotExhaustAnothersIncidents() {
    IncidentCorrelator small =
        IncidentCorrelator.builder().clock(clock).maxOpenIncidentsPerTenant(3).build();
    for (int i = 0; i < 5; i++) {
      small.ingest(alert("alertname", "A" + i, "severity", "error", "tenant", "acme"));
      clock.advance(Duration.ofMinutes(6));
    }
    assertThat(small.openIncidents()).hasSize(3);
    assertThat(small.ingest(alert("alertname", "A", "severity", "error", "tenant", "globex")))
        .isPresent();
    assertThat(small.openIncidents()).hasSize(4);
  }

  @Test
  void resolvedIncidentsAreKeptUpToACountPerTenantAndAnAge() {
    IncidentCorrelator small =
        IncidentCorrelator.builder()
            .clock(clock)
            .maxResolvedPerTenant(2)
            .resolvedRetention(Duration.ofHours(1))
            .build();
    Incident globex =
        small
            .ingest(alert("alertname", "G", "severity", "error", "tenant", "globex"))
            .orElseThrow();
    small.resolve(globex.id());
    for (int i = 0; i < 4; i++) {
      Incident acme =
          small
              .ingest(alert("alertname", "A" + i, "severity", "error", "tenant", "acme"))
              .orElseThrow();
      small.resolve(acme.id());
      clock.advance(Duration.ofMinutes(6));
    }
    assertThat(small.resolvedIncidents()).hasSize(3);
    assertThat(small.get(globex.id())).isPresent();
    clock.advance(Duration.ofHours(1));
    assertThat(small.resolvedIncidents()).isEmpty();
    assertThat(small.get(globex.id())).isEmpty();
  }

  @Test
  void anIncidentHoldsAtMostItsAlertLimit() {
    IncidentCorrelator small =
        IncidentCorrelator.builder().clock(clock).maxAlertsPerIncident(2).build();
    small.ingest(alert("alertname", "A", "severity", "error", "tenant", "acme"));
    small.ingest(alert("alertname", "B", "severity", "error", "tenant", "acme"));
    assertThat(small.ingest(alert("alertname", "C", "severity", "error", "tenant", "acme")))
        .isEmpty();
    assertThat(small.openIncidents().get(0).alerts()).hasSize(2);
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> IncidentCorrelator.builder().window(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window PT0S")
        .hasMessageContaining("PT1S to PT24H");
    assertThatThrownBy(
            () -> IncidentCorrelator.builder().correlationLabels(List.of("tenant")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tenant'");
    assertThatThrownBy(
            () -> IncidentCorrelator.builder().correlationLabels(List.of("bad-label")).build())
        .hasMessageContaining("'bad-label'");
    assertThatThrownBy(() -> IncidentCorrelator.builder().maxAlertsPerIncident(0).build())
        .hasMessageContaining("maxAlertsPerIncident 0")
        .hasMessageContaining("1 or more");
    assertThatThrownBy(() -> IncidentCorrelator.builder().clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clock was already set");
    assertThatThrownBy(() -> correlator.acknowledge("X", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'by' is blank");
  }

  @Test
  void aListenerThatThrowsNeverBreaksIngestion() {
    IncidentCorrelator failing =
        IncidentCorrelator.builder()
            .clock(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    Optional<Incident> incident =
        failing.ingest(alert("alertname", "A", "severity", "error", "tenant", "acme"));
    assertThat(incident).isPresent();
    assertThat(failing.openIncidents()).hasSize(1);
  }
}
