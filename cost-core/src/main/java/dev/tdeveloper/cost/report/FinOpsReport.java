package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The FinOps report of a period: one {@link Allocation} per day, budget statuses, anomalies,
 * recommendations and unit economics, with the sums that tie them together. It is written as JSON
 * ({@link #toJson()}) and as one self-contained HTML page with inline SVG charts ({@link
 * #toHtml()}); both are deterministic (the same input gives the same bytes) and give every amount
 * as an exact decimal string, so every figure can be traced to the cost lines that explain it.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class FinOpsReport {
  final String title;
  final Currency currency;
  final LocalDate start;
  final LocalDate end;
  final SortedMap<LocalDate, Allocation> allocations;
  final List<BudgetStatus> budgets;
  final List<CostAnomaly> anomalies;
  final List<Recommendation> recommendations;
  final List<UnitEconomicsReport> unitEconomics;
  final int topTenants;
  final int explanationLines;
  final Totals totals;

  FinOpsReport(FinOpsReportBuilder b, SortedMap<LocalDate, Allocation> days) {
    this.title = b.title;
    this.currency = b.currency;
    this.start = b.start;
    this.end = b.end;
    this.allocations = Collections.unmodifiableSortedMap(new TreeMap<>(days));
    this.budgets = sorted(b.budgets, Order.BUDGETS);
    this.anomalies = sorted(b.anomalies, Order.ANOMALIES);
    this.recommendations = sorted(b.recommendations, Order.RECOMMENDATIONS);
    this.unitEconomics = sorted(b.unitEconomics, Comparator.comparing(UnitEconomicsReport::month));
    this.topTenants = b.topTenantsOrDefault();
    this.explanationLines = b.explanationLinesOrDefault();
    this.totals = Totals.of(allocations, currency);
  }

  /**
   * A builder; title, currency and period are required.
   *
   * @return a new builder
   */
  public static FinOpsReportBuilder builder() {
    return new FinOpsReportBuilder();
  }

  /**
   * The title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The currency of every amount.
   *
   * @return the currency
   */
  public Currency currency() {
    return currency;
  }

  /**
   * The first day of the period (UTC).
   *
   * @return the first day
   */
  public LocalDate start() {
    return start;
  }

  /**
   * The first day after the period (UTC): the period is {@code [start, end)}.
   *
   * @return the end, exclusive
   */
  public LocalDate end() {
    return end;
  }

  /**
   * The headline numbers over the period.
   *
   * @return the summary
   */
  public FinOpsSummary summary() {
    return totals.summary;
  }

  /**
   * The report as JSON text. Field names are stable; amounts are exact decimal strings without
   * exponent (in {@code currency}); absent values are {@code null}; days are ISO-8601, period ends
   * exclusive; lists are sorted as in the HTML page. Top-level fields:
   *
   * <ul>
   *   <li>{@code title}, {@code currency}, {@code periodStart}, {@code periodEnd};
   *   <li>{@code summary}: {@code total}, {@code allocatedToTenants}, {@code idleShared}, {@code
   *       idle}, {@code unallocated}, {@code idleSharePercent}, {@code reconciled}, {@code days}
   *       (see {@link FinOpsSummary}); {@code allocatedToTenants + idle + unallocated == total};
   *   <li>{@code days}: per day with an allocation, the same figures for that day;
   *   <li>{@code tenants}: per tenant (by id) {@code total}, {@code usage}, {@code idleShare},
   *       {@code sharedShare} and {@code daily} ({@code day}, {@code cost});
   *   <li>{@code services}: per service (by name) {@code service}, {@code cost};
   *   <li>{@code budgets}: name, scope, service, period window, {@code amount}, {@code actual},
   *       {@code forecast} (with {@code interval80} and {@code interval95}, or a {@code reason}),
   *       {@code state} (ALARM when any notification is) and the notifications;
   *   <li>{@code anomalies}: id, scope, service, direction, {@code status} (OPEN or CLOSED), days,
   *       expected, actual, impact, {@code impactPercent} and {@code rootCauses};
   *   <li>{@code recommendations}: kind, tenant, workload, region, current and proposed capacity,
   *       {@code monthlySavings}, {@code confidence}, {@code performanceRisk}, {@code reasons}; and
   *       {@code savingsByKind} (savings add up within a kind only);
   *   <li>{@code unitEconomics}: per month the tenants' cost against the target, margin, and the
   *       portfolio summary;
   *   <li>{@code explanations}: per tenant every cost line ({@code day}, {@code kind}, {@code
   *       asset}, {@code service}, {@code rule}, {@code share}, {@code quantity}, {@code amount},
   *       {@code explanation}).
   * </ul>
   *
   * @return the JSON text
   */
  public String toJson() {
    return JsonWriter.write(this);
  }

  /**
   * The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no external
   * resources (a Content-Security-Policy forbids them), every text escaped. Sections: summary, cost
   * per tenant over time, idle share over time, cost by service, budgets, anomalies,
   * recommendations, unit economics, and how each tenant's cost was split.
   *
   * @return the HTML text
   */
  public String toHtml() {
    return HtmlWriter.write(this);
  }

  @Override
  public String toString() {
    return "FinOpsReport[" + title + ", " + start + " to " + end + ", " + summary() + "]";
  }

  private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return List.copyOf(copy);
  }
}
