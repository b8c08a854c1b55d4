package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaPolicyTest {
  @Test
  void namesFieldValueAndRuleForABadLimit() {
    assertThatThrownBy(() -> QuotaPolicy.of("api-calls", 0, QuotaPeriod.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit")
        .hasMessageContaining("api-calls")
        .hasMessageContaining("at least 1, was 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "API", "-calls", "a b", "calls/day", "\u0430pi"})
  void rejectsResourcesThatAreNotTokens(String resource) {
    assertThatThrownBy(() -> QuotaPolicy.of(resource, 10, QuotaPeriod.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource must be a token")
        .hasMessageContaining("allowed:");
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> QuotaPolicy.of(null, 1, QuotaPeriod.DAY))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resource");
    assertThatThrownBy(() -> QuotaPolicy.of("api-calls", 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("period");
  }

  @Test
  void perPlanPoliciesFollowTheTenantsPlan() {
    QuotaPolicy free = QuotaPolicy.of("api-calls", 100, QuotaPeriod.DAY);
    QuotaPolicy pro = QuotaPolicy.of("api-calls", 10_000, QuotaPeriod.DAY);
    QuotaPolicies policies =
        QuotaPolicies.perPlan(
            id -> id.value().startsWith("pro") ? "pro" : "free",
            Map.of("free", List.of(free), "pro", List.of(pro)));
    assertThat(policies.find(TenantId.of("acme"), "api-calls")).contains(free);
    assertThat(policies.find(TenantId.of("pro-acme"), "api-calls")).contains(pro);
    assertThat(policies.find(TenantId.of("acme"), "exports")).isEmpty();
  }

  @Test
  void unknownPlanHasNoQuota() {
    QuotaPolicies policies =
        QuotaPolicies.perPlan(
            id -> "enterprise",
            Map.of("free", List.of(QuotaPolicy.of("api-calls", 1, QuotaPeriod.DAY))));
    assertThat(policies.find(TenantId.of("acme"), "api-calls")).isEmpty();
  }

  @Test
  void rejectsTwoPoliciesForOneResource() {
    List<QuotaPolicy> twice =
        List.of(
            QuotaPolicy.of("api-calls", 1, QuotaPeriod.DAY),
            QuotaPolicy.of("api-calls", 2, QuotaPeriod.HOUR));
    assertThatThrownBy(() -> QuotaPolicies.of(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'api-calls' twice");
    assertThatThrownBy(() -> QuotaPolicies.perPlan(id -> "free", Map.of("free", twice)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plan 'free'");
  }
}
