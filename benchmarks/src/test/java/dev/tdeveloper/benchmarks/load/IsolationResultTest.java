package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationResultTest {
  private static Map<String, Object> tenant(
      String id, long expected, long metered, long uncertain) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("expectedRequests", expected);
    t.put("meteredRequests", metered);
    t.put("uncertainRequests", uncertain);
    t.put("expectedNotes", 3L);
    t.put("meteredNotes", 3L);
    t.put("exact", expected == metered && uncertain == 0);
    return t;
  }

  private static IsolationResult result(long violations, List<Map<String, Object>> tenants) {
    return new IsolationResult(
        Map.of("notesChecked", 10L),
        violations,
        violations == 0 ? List.of() : List.of("note 3 of lt-002 listed as lt-001"),
        tenants);
  }

  @Test
  void passesWithoutViolationsAndWithExactUsage() {
    IsolationResult r = result(0, List.of(tenant("lt-001", 5, 5, 0), tenant("lt-002", 7, 7, 0)));
    assertThat(r.passed()).isTrue();
    assertThat(r.model()).containsEntry("isolationPercent", 100).containsEntry("violations", 0L);
  }

  @Test
  void failsOnAnyViolation() {
    IsolationResult r = result(1, List.of(tenant("lt-001", 5, 5, 0)));
    assertThat(r.passed()).isFalse();
    assertThat(r.model()).containsEntry("isolationPercent", 0);
    String html = IsolationResult.html(Map.of("isolation", r.model()));
    assertThat(html).contains("0%", "violation: note 3 of lt-002 listed as lt-001");
  }

  @Test
  void failsOnALostOrDoubleCountedEvent() {
    assertThat(result(0, List.of(tenant("lt-001", 5, 4, 0))).passed()).isFalse();
    assertThat(result(0, List.of(tenant("lt-001", 5, 6, 0))).passed()).isFalse();
  }

  @Test
  void failsWhenARequestsMeteringCannotBeTold() {
    IsolationResult r = result(0, List.of(tenant("lt-001", 5, 5, 1)));
    assertThat(r.passed()).isFalse();
    assertThat(r.exactTenants()).isZero();
  }

  @Test
  void htmlListsEveryTenantsUsageAndIsEmptyWithoutTheSection() {
    IsolationResult r = result(0, List.of(tenant("lt-001", 5, 5, 0)));
    assertThat(IsolationResult.html(Map.of("isolation", r.model())))
        .contains("Isolation under load: 100%", "<td>lt-001</td>");
    assertThat(IsolationResult.html(Map.of())).isEmpty();
  }

  @Test
  void generatorRequestsAreMeteredWhenTheHandlerAnswered() {
    assertThat(TenantClient.Metering.of(Outcome.OK)).isEqualTo(TenantClient.Metering.METERED);
    assertThat(TenantClient.Metering.of(Outcome.QUOTA_EXCEEDED))
        .isEqualTo(TenantClient.Metering.METERED);
    for (Outcome o :
        List.of(
            Outcome.RATE_LIMITED,
            Outcome.SHIELD_REFUSED,
            Outcome.OVERLOADED,
            Outcome.WAF_BLOCKED)) {
      assertThat(TenantClient.Metering.of(o))
          .as(o.name())
          .isEqualTo(TenantClient.Metering.NOT_METERED);
    }
    assertThat(TenantClient.Metering.of(Outcome.FAILED)).isEqualTo(TenantClient.Metering.UNCERTAIN);
  }
}
