package dev.tdeveloper.benchmarks.load.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantCostTest {
  private static final org.assertj.core.data.Offset<BigDecimal> CENT =
      org.assertj.core.data.Offset.offset(new BigDecimal("0.01"));

  private final SimInputs in = SimFixtures.inputs(100, 20, Duration.ofSeconds(3));

  @Test
  void billsTheFleetAtTheDemosPricesAndSharesItOverTheTenants() {
    TenantCost.Result r = TenantCost.allocate(in, 2);

    // 2 vCPU x 0.04 + 2 GB x 0.005 = 0.09 an hour; 2 instances x 730 h + the platform's 36.50.
    assertThat(r.currency()).isEqualTo("USD");
    assertThat(r.pricePerInstanceHour()).isEqualByComparingTo("0.09");
    assertThat(r.total()).isEqualByComparingTo("167.90");
    assertThat(r.perTenant()).isEqualByComparingTo("1.68");
    assertThat(r.priceInputs()).contains("0.0400", "0.0050", "local-1", "36.50");
    assertThat(r.plans())
        .extracting(TenantCost.PlanCost::plan, TenantCost.PlanCost::tenants)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("enterprise", 20),
            org.assertj.core.groups.Tuple.tuple("pro", 30),
            org.assertj.core.groups.Tuple.tuple("free", 50));
    for (TenantCost.PlanCost p : r.plans()) {
      // Equal traffic, equal cost: 1.679, each line rounded to cents by cost-core.
      assertThat(p.meanPerTenant()).isCloseTo(new BigDecimal("1.679"), CENT);
      assertThat(p.underTarget()).isEqualTo(p.tenants());
    }
  }

  @Test
  void chargesATenantInProportionToItsRequests() {
    List<SimInputs.TenantLoad> loads = new ArrayList<>(in.tenants());
    loads.set(0, new SimInputs.TenantLoad("lt-000", "enterprise", 99 * 20));
    SimInputs flooded = new SimInputs(2 * 99 * 20, 1000, 2, Duration.ofSeconds(3), loads);

    TenantCost.Result r = TenantCost.allocate(flooded, 2);

    // lt-000 sends half the traffic, so it pays half the bill.
    assertThat(r.plans().get(0).maxPerTenant()).isCloseTo(new BigDecimal("83.95"), CENT);
    // Each free tenant sends 1/198 of it.
    assertThat(r.plans().get(2).meanPerTenant()).isCloseTo(new BigDecimal("0.848"), CENT);
  }

  @Test
  void refusesAFleetWithoutInstances() {
    assertThatThrownBy(() -> TenantCost.allocate(in, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instances: 0.0");
  }
}
