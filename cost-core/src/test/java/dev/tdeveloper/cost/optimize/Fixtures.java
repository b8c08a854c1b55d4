package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.price.PriceKey;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prices, windows and samples shared by the optimizer tests. */
final class Fixtures {
  static final String REGION = "eu-west-1";
  static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  static final long GIB = 1L << 30;
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  private Fixtures() {}

  /** vCPU 0.04 on-demand and 0.025 committed, RAM 0.005 per GiB-hour, USD. */
  static PriceBook prices(boolean withCommitted) {
    Map<PriceKey, Money> m = new HashMap<>();
    m.put(PriceKey.of(REGION, ResourceType.VCPU, PricingModel.ON_DEMAND), usd("0.04"));
    m.put(PriceKey.of(REGION, ResourceType.RAM, PricingModel.ON_DEMAND), usd("0.005"));
    if (withCommitted) {
      m.put(PriceKey.of(REGION, ResourceType.VCPU, PricingModel.COMMITTED), usd("0.025"));
    }
    Map<PriceKey, Money> book = Map.copyOf(m);
    return new PriceBook() {
      @Override
      public Currency currency() {
        return Currency.getInstance("USD");
      }

      @Override
      public Optional<Money> unitPrice(PriceKey key) {
        return Optional.ofNullable(book.get(key));
      }

      @Override
      public Set<PriceKey> keys() {
        return book.keySet();
      }
    };
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static CostPeriod hours(long n) {
    return CostPeriod.of(T0, T0.plus(Duration.ofHours(n)));
  }

  static UtilizationSample sample(
      TenantId tenant,
      String workload,
      long hour,
      String cpuUsed,
      String cpuRequested,
      long memUsed,
      long memRequested) {
    return new UtilizationSample(
        tenant,
        workload,
        REGION,
        T0.plus(Duration.ofHours(hour)).plusSeconds(60),
        new BigDecimal(cpuUsed),
        new BigDecimal(cpuRequested),
        memUsed,
        memRequested);
  }

  static UsageRecord requests(TenantId tenant, String workload, long hour, long count) {
    Instant start = T0.plus(Duration.ofHours(hour));
    return new UsageRecord(
        tenant,
        workload,
        "lb-1",
        ResourceType.REQUESTS,
        CostPeriod.of(start, start.plus(Duration.ofHours(1))),
        BigDecimal.ZERO,
        BigDecimal.valueOf(count));
  }
}
