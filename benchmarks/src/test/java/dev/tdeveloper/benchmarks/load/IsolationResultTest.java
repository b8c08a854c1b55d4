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

  /**
   * A result of the standard roster where every tenant has {@code row} but tenant 0 {@code first}.
   */
  private static IsolationResult measured(long[] first, long[] row) {
    Roster roster = Roster.standard();
    long[][] usage = new long[roster.tenants().size()][];
    for (int i = 0; i < usage.length; i++) {
      usage[i] = i == 0 ? first : row;
    }
    return IsolationResult.of(roster, new IsolationChecker(roster, 10), usage);
  }

  @Test
  void countsExactMismatchedAndUncertainTenantsFromTheMeasuredUsage() {
    long[] exact = {12, 12, 0, 3, 3};
    assertThat(measured(exact, exact).passed()).isTrue();
    IsolationResult lost = measured(new long[] {12, 11, 0, 3, 3}, exact);
    assertThat(lost.passed()).isFalse();
    assertThat(lost.model())
        .containsEntry("usageExactTenants", 99L)
        .containsEntry("usageMismatchTenants", 1L)
        .containsEntry("usageUncertainTenants", 0L);
    IsolationResult doubleNote = measured(new long[] {12, 12, 0, 3, 4}, exact);
    assertThat(doubleNote.mismatchedTenants()).isEqualTo(1);
    // Two requests went unanswered: one of them was metered, which they allow, but is not exact.
    IsolationResult unanswered = measured(new long[] {12, 13, 2, 3, 3}, exact);
    assertThat(unanswered.passed()).isFalse();
    assertThat(unanswered.model())
        .containsEntry("usageMismatchTenants", 0L)
        .containsEntry("usageUncertainTenants", 1L);
    assertThat(measured(new long[] {12, 15, 2, 3, 3}, exact).mismatchedTenants()).isEqualTo(1);
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
