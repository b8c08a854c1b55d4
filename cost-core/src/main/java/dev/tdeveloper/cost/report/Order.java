package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Comparator;

/** The orders the report lists its inputs in, so that the same input gives the same bytes. */
final class Order {
  static final Comparator<BudgetStatus> BUDGETS =
      Comparator.comparing((BudgetStatus b) -> b.budget().name())
          .thenComparing(b -> b.budget().scope().kind())
          .thenComparing(b -> b.budget().scope().id())
          .thenComparing(b -> b.window().start());

  static final Comparator<CostAnomaly> ANOMALIES =
      Comparator.comparing(CostAnomaly::start)
          .thenComparing(a -> a.scope().kind())
          .thenComparing(a -> a.scope().id())
          .thenComparing(CostAnomaly::service)
          .thenComparing(CostAnomaly::id)
          .thenComparing(CostAnomaly::lastDay);

  static final Comparator<Recommendation> RECOMMENDATIONS =
      Comparator.comparing(Recommendation::monthlySavings, Comparator.reverseOrder())
          .thenComparing(Recommendation::kind)
          .thenComparing(r -> r.tenant().map(TenantId::value).orElse(""))
          .thenComparing(r -> r.workload().orElse(""))
          .thenComparing(Recommendation::region)
          .thenComparing(r -> r.proposed().cpuCores())
          .thenComparingLong(r -> r.proposed().memoryBytes());

  private Order() {}
}
