package dev.tdeveloper.scaling.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.CircuitBreakerOpenException;
import dev.tdeveloper.scaling.resilience.ResilienceEvent.BreakerTransition;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.NoTenantBoundException;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DependencyPoliciesTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");

  private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();

  private static final Duration IDLE = Duration.ofHours(1);

  private DependencyPolicies policies(boolean perTenant, ManualClock clock) {
    return DependencyPolicies.builder()
        .policy(
            DependencyPolicy.builder("payments")
                .circuitBreaker(CircuitBreakerSettings.consecutiveFailures(3))
                .perTenant(perTenant)
                .build())
        .listener(events::add)
        .idleTenantExpiry(IDLE)
        .ticker(clock)
        .build();
  }

  private static void fail(ResilientCall call, int times) {
    for (int i = 0; i < times; i++) {
      assertThatThrownBy(() -> call.get(() -> failing())).isInstanceOf(IllegalStateException.class);
    }
  }

  private static String failing() {
    throw new IllegalStateException("downstream 503");
  }

  @Test
  void oneTenantsFailuresNeverOpenAnotherTenantsBreaker() {
    DependencyPolicies policies = policies(true, new ManualClock());

    fail(policies.call("payments", A), 3);

    assertThatThrownBy(() -> policies.call("payments", A).get(() -> "ok"))
        .isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(policies.call("payments", B).<String>get(() -> "ok")).isEqualTo("ok");
    assertThat(policies.status())
        .containsExactly(
            new BreakerStatus("payments", Optional.of(A), BreakerState.OPEN, 3, 0),
            new BreakerStatus("payments", Optional.of(B), BreakerState.CLOSED, 0, 1));
    assertThat(events)
        .containsExactly(
            new BreakerTransition(
                "payments", Optional.of(A), BreakerState.CLOSED, BreakerState.OPEN));
  }

  @Test
  void sharedBreakerOpensForEveryTenant() {
    DependencyPolicies policies = policies(false, new ManualClock());

    fail(policies.call("payments", A), 3);

    assertThatThrownBy(() -> policies.call("payments", B).get(() -> "ok"))
        .isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(policies.status())
        .extracting(BreakerStatus::tenant, BreakerStatus::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.empty(), BreakerState.OPEN));
  }

  @Test
  void boundTenantPicksThePerTenantCall() {
    DependencyPolicies policies = policies(true, new ManualClock());

    ResilientCall bound = TenantContext.get(A, () -> policies.call("payments"));

    assertThat(bound).isSameAs(policies.call("payments", A));
    assertThat(bound.tenant()).contains(A);
    assertThatThrownBy(() -> policies.call("payments")).isInstanceOf(NoTenantBoundException.class);
  }

  @Test
  void sharedPolicyIgnoresTheTenant() {
    DependencyPolicies policies = policies(false, new ManualClock());

    assertThat(policies.call("payments", A)).isSameAs(policies.call("payments"));
    assertThat(policies.call("payments").tenant()).isEmpty();
  }

  @Test
  void idleTenantExpiresAndRestartsWithAClosedBreaker() {
    ManualClock clock = new ManualClock();
    DependencyPolicies policies = policies(true, clock);
    fail(policies.call("payments", A), 3);
    assertThat(policies.call("payments", A).breakerState()).contains(BreakerState.OPEN);

    clock.advance(IDLE.plusSeconds(1));

    assertThat(policies.status()).isEmpty();
    assertThat(policies.call("payments", A).<String>get(() -> "ok")).isEqualTo("ok");
    assertThat(policies.call("payments", A).breakerState()).contains(BreakerState.CLOSED);
  }

  @Test
  void withoutIdleExpiryAnIdleTenantKeepsItsOpenBreaker() {
    ManualClock clock = new ManualClock();
    DependencyPolicies policies =
        DependencyPolicies.builder()
            .policy(
                DependencyPolicy.builder("payments")
                    .circuitBreaker(CircuitBreakerSettings.consecutiveFailures(3))
                    .perTenant(true)
                    .build())
            .ticker(clock)
            .build();
    fail(policies.call("payments", A), 3);

    clock.advance(Duration.ofDays(30));

    assertThat(policies.call("payments", A).breakerState()).contains(BreakerState.OPEN);
  }

  @Test
  void unknownDependencyNamesTheKnownOnes() {
    DependencyPolicies policies = policies(false, new ManualClock());

    assertThatThrownBy(() -> policies.call("paymnets"))
        .isInstanceOf(UnknownDependencyException.class)
        .hasMessage(
            "no policy for dependency 'paymnets'; the dependencies with a policy are [payments]");
    assertThat(policies.dependencies()).containsExactly("payments");
    assertThat(policies.policy("payments")).isPresent();
    assertThat(policies.policy("other")).isEmpty();
  }

  @Test
  void rejectsBadRegistryConfiguration() {
    DependencyPolicy payments = DependencyPolicy.builder("payments").build();
    DependencyPolicies.Builder builder = DependencyPolicies.builder().policy(payments);

    assertThatThrownBy(() -> builder.policy(payments))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("dependency 'payments' has two policies");
    assertThatThrownBy(() -> builder.maxTenantsPerDependency(0))
        .hasMessage("maxTenantsPerDependency is 0; allowed: at least 1");
    assertThatThrownBy(() -> builder.idleTenantExpiry(Duration.ZERO))
        .hasMessage("idleTenantExpiry is PT0S; allowed: a positive duration");
    assertThatThrownBy(() -> DependencyPolicies.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no dependency policy was added");
  }

  @Test
  void unprotectedDependencyCallsThrough() {
    DependencyPolicies policies =
        DependencyPolicies.builder().policy(DependencyPolicy.builder("cache").build()).build();

    assertThat(policies.call("cache").<Integer>get(() -> 42)).isEqualTo(42);
    assertThat(policies.call("cache").breakerState()).isEmpty();
    assertThat(policies.status()).isEmpty();
  }
}
