package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRouterIsolationAndInputTest {
  private final ManualClock clock = new ManualClock();
  private final RecordingNotifier ops = new RecordingNotifier("ops");

  private AlertRouter router(InhibitRule... rules) {
    AlertRouterBuilder b =
        AlertRouter.builder()
            .route(Route.builder().receiver("ops").groupBy("alertname").build())
            .receiver("ops", ops)
            .clock(clock);
    for (InhibitRule r : rules) {
      b.inhibitRule(r);
    }
    return b.build();
  }

  private Alert alert(String name, String tenant, String severity) {
    return Alert.firing(
        Labels.of("alertname", name, "tenant", tenant, "severity", severity),
        Map.of(),
        clock.instant());
  }

  @Test
  void aTenantsSilenceNeverMutesAnotherTenant() {
    AlertRouter router = router();
    router.addSilence(
        List.of(Matcher.equal("alertname", "SloBurnRate")),
        clock.instant(),
        clock.instant().plus(Duration.ofHours(1)),
        "acme-admin",
        "our maintenance",
        Optional.of("acme"));
    router.receive(alert("SloBurnRate", "acme", "critical"));
    router.receive(alert("SloBurnRate", "globex", "critical"));
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.summary()).isEqualTo("[FIRING:1] SloBurnRate tenant=globex"));
    assertThat(router.alerts("globex"))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AlertStatus.State.ACTIVE));
    assertThat(router.alerts("acme"))
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(AlertStatus.State.SUPPRESSED));
  }

  @Test
  void groupsNeverMixTenantsAndInhibitionStaysWithinATenant() {
    AlertRouter router = router(InhibitRule.of("severity=\"critical\"", "severity=\"warning\""));
    router.receive(alert("Down", "acme", "critical"));
    router.receive(alert("Slow", "acme", "warning"));
    router.receive(alert("Slow", "globex", "warning"));
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    assertThat(ops.drain())
        .extracting(n -> n.summary())
        .containsExactlyInAnyOrder("[FIRING:1] Down tenant=acme", "[FIRING:1] Slow tenant=globex");
  }

  @Test
  void aRouteForOneTenantDoesNotCatchAnother() {
    RecordingNotifier acmePager = new RecordingNotifier("acme-pager");
    AlertRouter router =
        AlertRouter.builder()
            .route(
                Route.builder()
                    .receiver("ops")
                    .child(Route.builder().matcher("tenant=\"acme\"").receiver("acme"))
                    .build())
            .receiver("ops", ops)
            .receiver("acme", acmePager)
            .clock(clock)
            .build();
    router.receive(alert("X", "acme", "critical"));
    router.receive(alert("X", "globex", "critical"));
    clock.advance(Duration.ofSeconds(30));
    router.tick();
    assertThat(acmePager.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.summary()).contains("acme"));
    assertThat(ops.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.summary()).contains("globex"));
  }

  @Test
  void rejectsBadInputWithClearMessages() {
    assertThatThrownBy(() -> Matcher.parse("a=~\"(\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid regular expression '('");
    assertThatThrownBy(
            () ->
                AlertRouter.builder()
                    .route(
                        Route.builder()
                            .receiver("ops")
                            .child(Route.builder().matcher("team=\"db\"").receiver("dba"))
                            .build())
                    .receiver("ops", ops)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names receiver 'dba', which is not defined; defined: [ops]");
    assertThatThrownBy(() -> Route.builder().groupInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group_interval: PT0S is not positive");
    assertThatThrownBy(() -> Route.builder().repeatInterval(Duration.ofSeconds(-1)))
        .hasMessageContaining("repeat_interval");
    assertThatThrownBy(() -> AlertRouter.builder().resolveTimeout(Duration.ZERO))
        .hasMessageContaining("resolve_timeout: PT0S is not positive");
    assertThatThrownBy(() -> Route.builder().groupBy("...", "tenant"))
        .hasMessageContaining("cannot be combined");
    assertThatThrownBy(() -> Route.builder().matcher("x=\"1\"").receiver("ops").build())
        .hasMessageContaining("root route: must not have matchers");
    assertThatThrownBy(() -> Route.builder().receiver("a").receiver("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("receiver: already set");
  }

  @Test
  void rejectsBadSilencesWithoutAddingThem() {
    AlertRouter router = router();
    assertThatThrownBy(
            () ->
                router.addSilence(
                    List.of(Matcher.regex("alertname", ".*")),
                    clock.instant(),
                    clock.instant().plusSeconds(60),
                    "alice",
                    "all",
                    Optional.empty()))
        .hasMessageContaining("all match the empty string");
    assertThatThrownBy(
            () ->
                router.addSilence(
                    List.of(Matcher.equal("alertname", "X")),
                    clock.instant(),
                    clock.instant(),
                    "alice",
                    "zero",
                    Optional.empty()))
        .hasMessageContaining("is not after startsAt");
    assertThatThrownBy(() -> router.expireSilence("nope"))
        .hasMessageContaining("no silence with id 'nope'");
    assertThat(router.silences()).isEmpty();
  }
}
