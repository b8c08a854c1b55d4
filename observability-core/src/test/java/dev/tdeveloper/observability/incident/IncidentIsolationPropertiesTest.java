package dev.tdeveloper.observability.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IncidentIsolationPropertiesTest {
  private static final String[] TENANTS = {"acme", "globex", ""};
  private static final String[] DEPENDENCIES = {"db", "cache", ""};

  @Property(tries = 200)
  void noIncidentEverHoldsAlertsOfTwoTenantsAndAcknowledgingOneLeavesOthersTriggered(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 26) Integer> steps) {
    ManualClock clock = new ManualClock();
    IncidentCorrelator correlator =
        IncidentCorrelator.builder().clock(clock).maxOpenIncidentsPerTenant(5).build();
    List<Incident> seen = new ArrayList<>();
    for (int step : steps) {
      String tenant = TENANTS[step % 3];
      String dependency = DEPENDENCIES[(step / 3) % 3];
      List<String> labels =
          new ArrayList<>(List.of("alertname", "A" + step % 2, "severity", "error"));
      if (!tenant.isEmpty()) {
        labels.addAll(List.of("tenant", tenant));
      }
      if (!dependency.isEmpty()) {
        labels.addAll(List.of("dependency", dependency));
      }
      Alert alert =
          Alert.firing(Labels.of(labels.toArray(String[]::new)), Map.of(), clock.instant());
      correlator
          .ingest(step % 5 == 4 ? alert.resolvedAt(clock.instant()) : alert)
          .ifPresent(seen::add);
      clock.advance(Duration.ofMinutes(step / 9));
    }
    for (Incident incident : correlator.openIncidents()) {
      Optional<String> tenant = incident.tenant();
      assertThat(incident.alerts()).allSatisfy(a -> assertThat(a.tenant()).isEqualTo(tenant));
    }
    List<Incident> open = correlator.openIncidents();
    if (!open.isEmpty()) {
      Incident first = open.get(0);
      correlator.acknowledge(first.id(), "ops");
      assertThat(correlator.openIncidents())
          .filteredOn(i -> !i.id().equals(first.id()))
          .allSatisfy(i -> assertThat(i.status()).isEqualTo(IncidentStatus.TRIGGERED));
    }
    assertThat(seen)
        .allSatisfy(
            i ->
                assertThat(i.alerts())
                    .allSatisfy(a -> assertThat(a.tenant()).isEqualTo(i.tenant())));
  }
}
