package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PostureScannerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock();
  private final List<PostureEvent> events = new ArrayList<>();

  private static Finding finding(String checkId, Severity severity, Subject subject) {
    return new Finding(
        checkId, severity, subject, "message about " + subject, "fix it", "bad", "good");
  }

  @Test
  void aThrowingCheckBecomesAFindingAndTheOthersStillRun() {
    PostureScanner scanner =
        PostureScanner.builder()
            .clock(clock)
            .check(
                PostureCheck.of(
                    "broken",
                    c -> {
                      throw new IllegalStateException("password=hunter2 in a message");
                    }))
            .check(PostureCheck.of("nulls", c -> null))
            .check(
                PostureCheck.of(
                    "spoof",
                    c -> List.of(finding("keys.too-old", Severity.LOW, Subject.tenant(ACME)))))
            .check(
                PostureCheck.of(
                    "ok", c -> List.of(finding("ok.thing", Severity.LOW, Subject.tenant(ACME)))))
            .build();

    PostureReport report = scanner.scan();

    assertThat(report.checks()).containsExactly("broken", "nulls", "spoof", "ok");
    assertThat(report.findings())
        .extracting(Finding::checkId, f -> f.subject().id(), Finding::severity)
        .containsExactly(
            tuple(PostureScanner.CHECK_FAILED, "broken", Severity.MEDIUM),
            tuple(PostureScanner.CHECK_FAILED, "nulls", Severity.MEDIUM),
            tuple(PostureScanner.CHECK_FAILED, "spoof", Severity.MEDIUM),
            tuple("ok.thing", "acme", Severity.LOW));
    assertThat(report.findings().get(0).message())
        .contains("java.lang.IllegalStateException")
        .doesNotContain("hunter2");
    assertThat(report.highestSeverity()).contains(Severity.MEDIUM);
    assertThat(report.count(Severity.MEDIUM)).isEqualTo(3);
  }

  @Test
  void publishesOpenedAndResolvedFindingsBetweenScans() {
    AtomicReference<List<Finding>> current =
        new AtomicReference<>(
            List.of(finding("keys.too-old", Severity.HIGH, Subject.tenant(ACME))));
    PostureScanner scanner =
        PostureScanner.builder()
            .clock(clock)
            .listener(events::add)
            .check(PostureCheck.of("keys", c -> current.get()))
            .build();

    PostureReport first = scanner.scan();
    current.set(List.of(finding("keys.too-old", Severity.HIGH, Subject.tenant(GLOBEX))));
    clock.advance(Duration.ofHours(1));
    PostureReport second = scanner.scan();

    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.at())
        .containsExactly(
            "FindingOpened " + first.scannedAt(),
            "ScanCompleted " + first.scannedAt(),
            "FindingOpened " + second.scannedAt(),
            "FindingResolved " + second.scannedAt(),
            "ScanCompleted " + second.scannedAt());
    assertThat(((PostureEvent.FindingResolved) events.get(3)).finding().subject())
        .isEqualTo(Subject.tenant(ACME));
    assertThat(scanner.lastReport()).contains(second);
  }

  @Test
  void eachScanUsesThePolicyInForceAndTheInjectedClock() {
    AtomicReference<SecurityPolicy> policy = new AtomicReference<>(SecurityPolicy.defaults());
    List<String> seen = new ArrayList<>();
    PostureScanner scanner =
        PostureScanner.builder()
            .clock(clock)
            .policy(policy::get)
            .check(
                PostureCheck.of(
                    "probe",
                    c -> {
                      seen.add(c.policy().keyMaximumAge().toDays() + "d at " + c.now());
                      return List.of();
                    }))
            .build();

    scanner.scan();
    policy.set(SecurityPolicy.builder().keyMaximumAge(Duration.ofDays(30)).build());
    scanner.scan();

    assertThat(seen).containsExactly("90d at " + clock.instant(), "30d at " + clock.instant());
  }

  @Test
  void findingsAboutATenantAreTheOnlyOnesItsViewHolds() {
    PostureScanner scanner =
        PostureScanner.builder()
            .check(
                PostureCheck.of(
                    "mixed",
                    c ->
                        List.of(
                            finding("mixed.a", Severity.HIGH, Subject.tenant(ACME)),
                            finding(
                                "mixed.b",
                                Severity.LOW,
                                Subject.ofTenant("secret", "tenant/acme/k", ACME)),
                            finding(
                                "mixed.c", Severity.CRITICAL, Subject.platform("tls", "https")))))
            .build();

    PostureReport report = scanner.scan();

    assertThat(report.forTenant(ACME))
        .extracting(Finding::checkId)
        .containsExactly("mixed.a", "mixed.b");
    assertThat(report.forTenant(GLOBEX)).isEmpty();
    assertThat(report.findings())
        .extracting(Finding::checkId)
        .containsExactly("mixed.c", "mixed.a", "mixed.b");
  }

  @Test
  void builderRefusesNoChecksDuplicateIdsAndBadFindings() {
    assertThatThrownBy(() -> PostureScanner.builder().build())
        .isInstanceOf(IllegalStateException.class);
    PostureScanner.Builder builder =
        PostureScanner.builder().check(PostureCheck.of("a", c -> List.of()));
    assertThatThrownBy(() -> builder.check(PostureCheck.of("a", c -> List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a check with id 'a' was already added");
    assertThatThrownBy(() -> PostureCheck.of("Bad Id", c -> List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> finding("x", Severity.LOW, Subject.platform("tls", "a\nb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id must be one line");
  }
}
