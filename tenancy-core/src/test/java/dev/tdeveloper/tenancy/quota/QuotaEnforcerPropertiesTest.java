package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class QuotaEnforcerPropertiesTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("initech"));

  private static QuotaEnforcer enforcer(ManualClock clock, long limit) {
    return QuotaEnforcer.builder()
        .clock(clock)
        .policies(QuotaPolicies.of(List.of(QuotaPolicy.of("api-calls", limit, QuotaPeriod.HOUR))))
        .build();
  }

  @Property(tries = 300)
  void sumGrantedWithinAWindowNeverExceedsTheLimit(
      @ForAll @LongRange(min = 1, max = 200) long limit,
      @ForAll @Size(max = 60) List<@IntRange(min = 1, max = 50) Integer> amounts) {
    ManualClock clock = new ManualClock();
    QuotaEnforcer quotas = enforcer(clock, limit);
    TenantId tenant = TENANTS.get(0);
    long granted = 0;
    for (int amount : amounts) {
      long remainingBefore = limit - granted;
      QuotaDecision decision = quotas.tryConsume(tenant, "api-calls", amount);
      // All or nothing: granted exactly when it fits.
      assertThat(decision.isGranted()).isEqualTo(amount <= remainingBefore);
      if (decision.isGranted()) {
        granted += amount;
      }
      assertThat(decision.remaining()).isEqualTo(limit - granted);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(granted).isLessThanOrEqualTo(limit);
    assertThat(quotas.usage(tenant, "api-calls").used()).isEqualTo(granted);
  }

  /** One step of an interleaving: which tenant, whether it consumes or refunds, and how much. */
  record Step(int tenant, boolean refund, int amount) {}

  @Provide
  Arbitrary<List<Step>> interleavings() {
    return Combinators.combine(
            Arbitraries.integers().between(0, TENANTS.size() - 1),
            Arbitraries.of(false, false, false, true),
            Arbitraries.integers().between(1, 30))
        .as(Step::new)
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = 300)
  void tenantsNeverAffectEachOther(
      @ForAll("interleavings") List<Step> steps,
      @ForAll @LongRange(min = 1, max = 100) long limit) {
    QuotaEnforcer quotas = enforcer(new ManualClock(), limit);
    long[] model = new long[TENANTS.size()];
    for (Step step : steps) {
      TenantId tenant = TENANTS.get(step.tenant());
      long[] othersBefore = usages(quotas);
      if (step.refund()) {
        long used = quotas.refund(tenant, "api-calls", step.amount()).used();
        model[step.tenant()] = Math.max(0, model[step.tenant()] - step.amount());
        assertThat(used).isEqualTo(model[step.tenant()]);
      } else {
        QuotaDecision decision = quotas.tryConsume(tenant, "api-calls", step.amount());
        if (model[step.tenant()] + step.amount() <= limit) {
          assertThat(decision.isGranted()).isTrue();
          model[step.tenant()] += step.amount();
        } else {
          assertThat(decision.isGranted()).isFalse();
        }
      }
      long[] after = usages(quotas);
      for (int other = 0; other < TENANTS.size(); other++) {
        if (other != step.tenant()) {
          assertThat(after[other]).isEqualTo(othersBefore[other]);
        }
      }
      assertThat(after).containsExactly(model);
    }
  }

  private static long[] usages(QuotaEnforcer quotas) {
    long[] used = new long[TENANTS.size()];
    for (int i = 0; i < used.length; i++) {
      used[i] = quotas.usage(TENANTS.get(i), "api-calls").used();
    }
    return used;
  }
}
