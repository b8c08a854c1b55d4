package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.allocation.CostAllocator;
import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.allocation.IdleSharing;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.anomaly.RootCause;
import dev.tdeveloper.cost.budget.Budget;
import dev.tdeveloper.cost.budget.BudgetNotification;
import dev.tdeveloper.cost.budget.BudgetPeriod;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.budget.BudgetWindow;
import dev.tdeveloper.cost.budget.CostForecast;
import dev.tdeveloper.cost.budget.NotificationState;
import dev.tdeveloper.cost.budget.NotificationStatus;
import dev.tdeveloper.cost.budget.PredictionInterval;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.optimize.Capacity;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.optimize.RecommendationKind;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.unit.UnitEconomics;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Report inputs for the tests: five days of allocations of three tenants on two assets (idle kept
 * on even days, shared evenly on odd days), one budget, one anomaly, two recommendations and a
 * month of unit economics. Tenant ids are DNS labels and cannot carry markup, so hostile text comes
 * in through an asset id, a service name, an organisation scope and a budget name.
 */
final class Reports {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String QUOTES = "Storage &\"'";
  static final LocalDate START = LocalDate.of(2024, 3, 1);
  static final LocalDate END = LocalDate.of(2024, 4, 1);
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final TenantId INITECH = TenantId.of("initech");

  private Reports() {}

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  /** The allocation of day {@code i} (0 to 4) of March 2024. */
  static Allocation day(int i) {
    LocalDate day = START.plusDays(i);
    Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    CostPeriod p = CostPeriod.of(from, from.plusSeconds(86_400));
    List<Asset> assets =
        List.of(
            asset("node-1", "Amazon EC2", "24.00", "24", p),
            asset(SCRIPT, QUOTES, "10.0" + i, "10", p));
    List<UsageRecord> usage = new ArrayList<>();
    usage.add(use(ACME, "node-1", 6 + i, p));
    usage.add(use(GLOBEX, "node-1", 4, p));
    usage.add(use(INITECH, "node-1", 2, p));
    usage.add(use(ACME, SCRIPT, 3, p));
    CostAllocator allocator =
        CostAllocator.builder()
            .idleSharing(i % 2 == 0 ? IdleSharing.NONE : IdleSharing.EVEN)
            .build();
    return allocator.allocate(assets, usage);
  }

  private static Asset asset(String id, String service, String cost, String cap, CostPeriod p) {
    return Asset.of(
        id,
        service,
        "eu-west-1",
        ResourceType.VCPU,
        PricingModel.ON_DEMAND,
        p,
        usd(cost),
        new BigDecimal(cap));
  }

  private static UsageRecord use(TenantId t, String asset, int used, CostPeriod p) {
    BigDecimal u = BigDecimal.valueOf(used);
    return new UsageRecord(t, "api", asset, ResourceType.VCPU, p, u, u);
  }

  static BudgetStatus budget() {
    Budget b =
        Budget.builder()
            .name("team " + SCRIPT)
            .scope(CostScope.organisation(SCRIPT))
            .amount(usd("500.00"))
            .period(BudgetPeriod.MONTHLY)
            .notification(BudgetNotification.actualPercent("80"))
            .notification(BudgetNotification.forecastedPercent("100"))
            .build();
    Money actual = usd("171.00");
    CostForecast.Available f =
        new CostForecast.Available(
            actual,
            usd("1060.00"),
            new PredictionInterval(80, usd("980.00"), usd("1140.00")),
            new PredictionInterval(95, usd("930.00"), usd("1190.00")),
            usd("0.25"),
            5,
            26,
            false);
    BudgetNotification a = b.notifications().get(0);
    BudgetNotification fc = b.notifications().get(1);
    return new BudgetStatus(
        Instant.parse("2024-03-06T00:00:00Z"),
        b,
        new BudgetWindow(START, END),
        actual,
        f,
        List.of(
            new NotificationStatus(a, a.thresholdAmount(b.amount()), actual, NotificationState.OK),
            new NotificationStatus(
                fc, fc.thresholdAmount(b.amount()), f.total(), NotificationState.ALARM)));
  }

  static CostAnomaly anomaly() {
    CostScope scope = CostScope.tenant(ACME);
    return new CostAnomaly(
        "acme|" + QUOTES + "|2024-03-04",
        scope,
        QUOTES,
        CostAnomaly.Direction.INCREASE,
        LocalDate.of(2024, 3, 4),
        LocalDate.of(2024, 3, 5),
        Optional.empty(),
        2,
        usd("8.00"),
        usd("20.00"),
        usd("12.00"),
        Optional.of(new BigDecimal("150.00")),
        4.5,
        List.of(new RootCause(scope, QUOTES, usd("8.00"), usd("20.00"), usd("12.00"), hundred())));
  }

  private static BigDecimal hundred() {
    return new BigDecimal("100.00");
  }

  static List<Recommendation> recommendations() {
    long gib = Capacity.BYTES_PER_GIB;
    return List.of(
        new Recommendation(
            RecommendationKind.RIGHTSIZE,
            Optional.of(ACME),
            Optional.of("api " + SCRIPT),
            "eu-west-1",
            new Capacity(new BigDecimal("4"), 8 * gib),
            new Capacity(new BigDecimal("2"), 4 * gib),
            usd("70.08"),
            0.8,
            false,
            List.of("P99.5 CPU 1.6 cores + 20% headroom = 1.92 cores.")),
        new Recommendation(
            RecommendationKind.COMMITMENT,
            Optional.empty(),
            Optional.empty(),
            "eu-west-1",
            Capacity.ZERO,
            new Capacity(new BigDecimal("8"), 0),
            usd("120.45"),
            0.9,
            false,
            List.of("P10 vCPU baseline 8 cores over 30 days.")));
  }

  static UnitEconomicsReport unit(List<Allocation> days) {
    Map<TenantId, Money> costs = new TreeMap<>();
    for (Allocation a : days) {
      a.tenantTotals().forEach((t, m) -> costs.merge(t, m, Money::plus));
    }
    return UnitEconomics.withDefaultTarget()
        .evaluate(YearMonth.of(2024, 3), costs, Map.of(ACME, usd("150.00")));
  }

  /** The full report over five days. */
  static FinOpsReport full() {
    List<Allocation> days = new ArrayList<>();
    FinOpsReportBuilder b =
        FinOpsReport.builder()
            .title("FinOps " + SCRIPT)
            .currency(Money.currency("USD"))
            .period(START, END);
    for (int i = 0; i < 5; i++) {
      Allocation a = day(i);
      days.add(a);
      b.allocation(START.plusDays(i), a);
    }
    return b.budgets(List.of(budget()))
        .anomalies(List.of(anomaly()))
        .recommendations(recommendations())
        .unitEconomics(unit(days))
        .build();
  }

  /** A report without any input but its title, currency and period. */
  static FinOpsReport empty() {
    return FinOpsReport.builder()
        .title("Empty")
        .currency(Money.currency("USD"))
        .period(START, END)
        .build();
  }
}
