package dev.tdeveloper.observability.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootCauseHintTest {
  private final ManualClock clock = new ManualClock();
  private final DependencyGraph graph =
      DependencyGraph.builder()
          .dependsOn("checkout", "payments", "db")
          .dependsOn("payments", "db")
          .dependsOn("search", "index")
          .build();

  private Alert alert(String name, String service) {
    return Alert.firing(
        Labels.of("alertname", name, "severity", "error", "tenant", "acme", "service", service),
        Map.of(),
        clock.instant());
  }

  @Test
  void theMostUpstreamAlertIsTheHintEvenWhenItFiredLater() {
    IncidentCorrelator correlator =
        IncidentCorrelator.builder().clock(clock).dependencyGraph(graph).build();
    correlator.ingest(alert("CheckoutErrors", "checkout"));
    clock.advance(Duration.ofSeconds(10));
    correlator.ingest(alert("PaymentsErrors", "payments"));
    clock.advance(Duration.ofSeconds(20));
    Incident incident = correlator.ingest(alert("DbDown", "db")).orElseThrow();
    assertThat(incident.rootCause().alert().name()).isEqualTo("DbDown");
    assertThat(incident.rootCause().explanation())
        .isEqualTo(
            "DbDown on db started at 2026-01-01T00:00:30Z, and is the most upstream:"
                + " checkout, payments depend on db");
  }

  @Test
  void amongEquallyUpstreamAlertsTheEarliestIsTheHint() {
    IncidentCorrelator correlator =
        IncidentCorrelator.builder().clock(clock).dependencyGraph(graph).build();
    correlator.ingest(alert("SearchSlow", "search"));
    clock.advance(Duration.ofSeconds(5));
    correlator.ingest(alert("CheckoutErrors", "checkout"));
    clock.advance(Duration.ofSeconds(5));
    Incident incident = correlator.ingest(alert("Unrelated", "mailer")).orElseThrow();
    assertThat(incident.rootCause().alert().name()).isEqualTo("SearchSlow");
    assertThat(incident.rootCause().explanation())
        .contains("started first, at 2026-01-01T00:00:00Z")
        .contains("relates none of the 3 alerts");
  }

  @Test
  void anUpstreamAlertThatExplainsOthersBeatsAnEarlierUnrelatedOne() {
    IncidentCorrelator correlator =
        IncidentCorrelator.builder().clock(clock).dependencyGraph(graph).build();
    correlator.ingest(alert("MailerSlow", "mailer"));
    clock.advance(Duration.ofSeconds(5));
    correlator.ingest(alert("CheckoutErrors", "checkout"));
    Incident incident = correlator.ingest(alert("PaymentsDown", "payments")).orElseThrow();
    assertThat(incident.rootCause().alert().name()).isEqualTo("PaymentsDown");
    assertThat(incident.rootCause().explanation()).endsWith("checkout depends on payments");
  }

  @Test
  void theDependencyLabelPointsAtTheDependency() {
    Alert callsToDb =
        Alert.firing(
            Labels.of(
                "alertname",
                "DbCallErrors",
                "severity",
                "error",
                "service",
                "checkout",
                "dependency",
                "db"),
            Map.of(),
            clock.instant());
    assertThat(DependencyGraph.nodeOf(callsToDb)).contains("db");
    assertThat(DependencyGraph.nodeOf(alert("X", "checkout"))).contains("checkout");
  }

  @Test
  void aSingleAlertIsItsOwnHint() {
    Incident incident =
        IncidentCorrelator.builder().clock(clock).build().ingest(alert("A", "api")).orElseThrow();
    assertThat(incident.rootCause().explanation())
        .isEqualTo("A on api is the only alert, started at 2026-01-01T00:00:00Z");
  }

  @Test
  void theGraphIsTransitiveAndRejectsCyclesAndBadNames() {
    DependencyGraph g = DependencyGraph.builder().dependsOn("a", "b").dependsOn("b", "c").build();
    assertThat(g.dependsOn("a", "c")).isTrue();
    assertThat(g.dependsOn("c", "a")).isFalse();
    assertThat(g.services()).containsExactly("a", "b", "c");
    assertThatThrownBy(
            () -> DependencyGraph.builder().dependsOn("a", "b").dependsOn("b", "a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> DependencyGraph.builder().dependsOn("a", "a"))
        .hasMessageContaining("'a' cannot depend on itself");
    assertThatThrownBy(() -> DependencyGraph.builder().dependsOn("a b", "c"))
        .hasMessageContaining("'a b' is invalid");
  }
}
