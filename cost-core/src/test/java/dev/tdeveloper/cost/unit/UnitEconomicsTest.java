package dev.tdeveloper.cost.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.DailyCost;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnitEconomicsTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId INITECH = TenantId.of("initech");

  private static Money usd(String a) {
    return Money.of(a, "USD");
  }

  private static TenantEconomics of(UnitEconomicsReport r, TenantId t) {
    return r.tenants().stream().filter(e -> e.tenant().equals(t)).findFirst().orElseThrow();
  }

  @Test
  void costAboveTheDefaultHundredDollarsIsOverTarget() {
    UnitEconomicsReport r =
        UnitEconomics.withDefaultTarget()
            .evaluate(MARCH, Map.of(ACME, usd("100.00"), GLOBEX, usd("100.01")));
    assertThat(of(r, ACME).status()).isEqualTo(UnitStatus.WITHIN_TARGET);
    assertThat(of(r, GLOBEX).status()).isEqualTo(UnitStatus.OVER_TARGET);
    assertThat(of(r, GLOBEX).overTargetBy()).isEqualTo(usd("0.01"));
    assertThat(of(r, ACME).overTargetBy()).isEqualTo(usd("0"));
    assertThat(of(r, ACME).target()).isEqualTo(usd("100"));
    assertThat(r.summary().overTarget()).containsExactly(GLOBEX);
  }

  @Test
  void withoutRevenueThereIsNoMargin() {
    TenantEconomics e =
        of(UnitEconomics.withDefaultTarget().evaluate(MARCH, Map.of(ACME, usd("40"))), ACME);
    assertThat(e.revenue()).isEmpty();
    assertThat(e.margin()).isEmpty();
    assertThat(e.marginPercent()).isEmpty();
  }

  @Test
  void marginAndMarginPercentComeFromRevenue() {
    UnitEconomicsReport r =
        UnitEconomics.withTarget(usd("50"))
            .evaluate(
                MARCH,
                Map.of(ACME, usd("40.00"), GLOBEX, usd("90"), INITECH, usd("10")),
                Map.of(ACME, usd("120.00"), GLOBEX, usd("60"), INITECH, usd("0")));
    assertThat(of(r, ACME).margin()).contains(usd("80"));
    assertThat(of(r, ACME).marginPercent()).contains(new BigDecimal("66.67"));
    assertThat(of(r, GLOBEX).margin()).contains(usd("-30"));
    assertThat(of(r, GLOBEX).marginPercent()).contains(new BigDecimal("-50.00"));
    assertThat(of(r, INITECH).margin()).contains(usd("-10"));
    assertThat(of(r, INITECH).marginPercent()).isEmpty();
    assertThat(r.summary().totalRevenue()).contains(usd("180"));
    assertThat(r.summary().totalMargin()).contains(usd("40"));
  }

  @Test
  void summaryHasMedianAndNearestRankP90() {
    Map<TenantId, Money> costs = new LinkedHashMap<>();
    for (int i = 1; i <= 10; i++) {
      costs.put(TenantId.of("t" + i), usd(Integer.toString(i * 10)));
    }
    PortfolioSummary s = UnitEconomics.withDefaultTarget().evaluate(MARCH, costs).summary();
    assertThat(s.tenants()).isEqualTo(10);
    assertThat(s.medianCost()).isEqualTo(usd("55"));
    assertThat(s.p90Cost()).isEqualTo(usd("90"));
    assertThat(s.totalCost()).isEqualTo(usd("550"));
    assertThat(s.overTarget()).isEmpty(); // t10 costs exactly the target
    assertThat(s.totalRevenue()).isEmpty();
    assertThat(s.totalMargin()).isEmpty();
    costs.put(TenantId.of("t11"), usd("110"));
    PortfolioSummary odd = UnitEconomics.withDefaultTarget().evaluate(MARCH, costs).summary();
    assertThat(odd.medianCost()).isEqualTo(usd("60"));
    assertThat(odd.p90Cost()).isEqualTo(usd("100"));
    assertThat(odd.overTarget()).extracting(TenantId::value).containsExactly("t11");
  }

  @Test
  void tenantWithRevenueButNoCostCostsNothing() {
    UnitEconomicsReport r =
        UnitEconomics.withDefaultTarget()
            .evaluate(MARCH, Map.of(ACME, usd("5")), Map.of(GLOBEX, usd("20")));
    assertThat(of(r, GLOBEX).cost()).isEqualTo(usd("0"));
    assertThat(of(r, GLOBEX).margin()).contains(usd("20"));
  }

  @Test
  void badInputsAreNamed() {
    UnitEconomics u = UnitEconomics.withDefaultTarget();
    assertThatThrownBy(() -> u.evaluate(MARCH, Map.of(ACME, usd("-1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cost of tenant acme: USD -1 is negative");
    assertThatThrownBy(() -> u.evaluate(MARCH, Map.of(ACME, Money.of("1", "EUR"))))
        .hasMessageContaining(
            "cost of tenant acme: EUR 1 is not in the target's currency; allowed: USD");
    assertThatThrownBy(() -> u.evaluate(MARCH, Map.of(ACME, usd("1")), Map.of(ACME, usd("-2"))))
        .hasMessageContaining("revenue of tenant acme: USD -2 is negative");
    assertThatThrownBy(() -> u.evaluate(MARCH, Map.of()))
        .hasMessageContaining("costs of 2024-03: no tenant");
    assertThatThrownBy(() -> UnitEconomics.withTarget(usd("-100")))
        .hasMessageContaining("target: USD -100 is negative");
  }

  @Test
  void dailyCostsSumPerTenantPerMonthWithoutDoubleCountingAllServiceRows() {
    CostScope acme = CostScope.tenant(ACME);
    List<DailyCost> daily =
        List.of(
            new DailyCost(acme, "compute", LocalDate.of(2024, 3, 1), usd("1.10")),
            new DailyCost(acme, "storage", LocalDate.of(2024, 3, 1), usd("0.20")),
            new DailyCost(acme, "compute", LocalDate.of(2024, 3, 2), usd("9.99")),
            new DailyCost(acme, "*", LocalDate.of(2024, 3, 2), usd("2.00")),
            new DailyCost(acme, "*", LocalDate.of(2024, 4, 1), usd("3.00")),
            new DailyCost(CostScope.tenant(GLOBEX), "compute", LocalDate.of(2024, 3, 31), usd("7")),
            new DailyCost(
                CostScope.organisation("platform"), "*", LocalDate.of(2024, 3, 1), usd("99")));
    Map<YearMonth, Map<TenantId, Money>> m = UnitEconomics.monthlyCosts(daily);
    assertThat(m).containsOnlyKeys(MARCH, YearMonth.of(2024, 4));
    assertThat(m.get(MARCH))
        .containsOnly(Map.entry(ACME, usd("3.30")), Map.entry(GLOBEX, usd("7")));
    assertThat(m.get(YearMonth.of(2024, 4))).containsOnly(Map.entry(ACME, usd("3")));
  }

  /** Another tenant's cost and revenue never change a tenant's own figures. */
  @Property(tries = 100)
  void anotherTenantNeverChangesATenantsFigures(
      @ForAll @IntRange(min = 0, max = 100_000) int otherCents,
      @ForAll @IntRange(min = 0, max = 100_000) int otherRevenueCents) {
    UnitEconomics u = UnitEconomics.withDefaultTarget();
    TenantEconomics alone =
        of(u.evaluate(MARCH, Map.of(ACME, usd("123.45")), Map.of(ACME, usd("200"))), ACME);
    TenantEconomics together =
        of(
            u.evaluate(
                MARCH,
                Map.of(
                    ACME,
                    usd("123.45"),
                    GLOBEX,
                    Money.ofMinor(otherCents, alone.cost().currency())),
                Map.of(
                    ACME,
                    usd("200"),
                    GLOBEX,
                    Money.ofMinor(otherRevenueCents, alone.cost().currency()))),
            ACME);
    assertThat(together).isEqualTo(alone);
    assertThat(alone.margin()).isEqualTo(Optional.of(usd("76.55")));
  }
}
