package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.optimize.Recommendation;
import dev.tdeveloper.cost.unit.UnitEconomicsReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a {@link FinOpsReport}. Title, currency and period are required; every other input is
 * optional and its section then reads "none". Each setter of a single value may be called once;
 * inputs are checked at {@link #build()}, which names the field, the value and what is allowed. Not
 * thread-safe.
 */
public final class FinOpsReportBuilder {
  /** The tenants drawn separately in the cost chart by default; the rest are "others": {@value}. */
  public static final int DEFAULT_TOP_TENANTS = 8;

  /** The explanation lines shown per tenant in the HTML page by default: {@value}. */
  public static final int DEFAULT_EXPLANATION_LINES = 200;

  /** The longest title accepted: {@value} characters. */
  public static final int MAX_TITLE_LENGTH = 200;

  String title;
  Currency currency;
  LocalDate start;
  LocalDate end;
  Integer topTenants;
  Integer explanationLines;
  final List<Map.Entry<LocalDate, Allocation>> allocations = new ArrayList<>();
  final List<BudgetStatus> budgets = new ArrayList<>();
  final List<CostAnomaly> anomalies = new ArrayList<>();
  final List<Recommendation> recommendations = new ArrayList<>();
  final List<UnitEconomicsReport> unitEconomics = new ArrayList<>();

  FinOpsReportBuilder() {}

  /**
   * Sets the title.
   *
   * @param title 1 to {@value #MAX_TITLE_LENGTH} characters, not blank
   * @return this builder
   */
  public FinOpsReportBuilder title(String title) {
    this.title = once(this.title, Objects.requireNonNull(title, "title"), "title");
    return this;
  }

  /**
   * Sets the currency every amount must be in.
   *
   * @param currency the currency
   * @return this builder
   */
  public FinOpsReportBuilder currency(Currency currency) {
    this.currency = once(this.currency, Objects.requireNonNull(currency, "currency"), "currency");
    return this;
  }

  /**
   * Sets the period reported, in UTC days.
   *
   * @param start the first day
   * @param endExclusive the first day after the period
   * @return this builder
   */
  public FinOpsReportBuilder period(LocalDate start, LocalDate endExclusive) {
    this.start = once(this.start, Objects.requireNonNull(start, "start"), "period");
    this.end = Objects.requireNonNull(endExclusive, "endExclusive");
    return this;
  }

  /**
   * Adds one day's allocation (the bill of that UTC day split among tenants).
   *
   * @param day the day, inside the period, once
   * @param allocation the allocation, in the report's currency
   * @return this builder
   */
  public FinOpsReportBuilder allocation(LocalDate day, Allocation allocation) {
    allocations.add(
        Map.entry(
            Objects.requireNonNull(day, "day"), Objects.requireNonNull(allocation, "allocation")));
    return this;
  }

  /**
   * Adds budget statuses, {@link dev.tdeveloper.cost.budget.BudgetMonitor#status()} for example.
   *
   * @param statuses the statuses
   * @return this builder
   */
  public FinOpsReportBuilder budgets(List<BudgetStatus> statuses) {
    budgets.addAll(List.copyOf(Objects.requireNonNull(statuses, "statuses")));
    return this;
  }

  /**
   * Adds anomalies, open or closed.
   *
   * @param list the anomalies
   * @return this builder
   */
  public FinOpsReportBuilder anomalies(List<CostAnomaly> list) {
    anomalies.addAll(List.copyOf(Objects.requireNonNull(list, "anomalies")));
    return this;
  }

  /**
   * Adds optimisation recommendations.
   *
   * @param list the recommendations
   * @return this builder
   */
  public FinOpsReportBuilder recommendations(List<Recommendation> list) {
    recommendations.addAll(List.copyOf(Objects.requireNonNull(list, "recommendations")));
    return this;
  }

  /**
   * Adds one month's unit economics; at most one report per month.
   *
   * @param report the month's report
   * @return this builder
   */
  public FinOpsReportBuilder unitEconomics(UnitEconomicsReport report) {
    unitEconomics.add(Objects.requireNonNull(report, "report"));
    return this;
  }

  /**
   * Sets how many tenants (the most expensive) the cost chart draws separately; the rest are drawn
   * as "others". Default {@value #DEFAULT_TOP_TENANTS}.
   *
   * @param count 1 to 20
   * @return this builder
   */
  public FinOpsReportBuilder topTenants(int count) {
    this.topTenants = once(this.topTenants, count, "topTenants");
    return this;
  }

  /**
   * Sets how many explanation lines the HTML page shows per tenant (the JSON has them all). Default
   * {@value #DEFAULT_EXPLANATION_LINES}.
   *
   * @param count 1 to 100000
   * @return this builder
   */
  public FinOpsReportBuilder explanationLines(int count) {
    this.explanationLines = once(this.explanationLines, count, "explanationLines");
    return this;
  }

  /**
   * Builds the report.
   *
   * @return the report
   * @throws IllegalStateException naming a required field that is not set
   * @throws IllegalArgumentException naming the field, the value and what is allowed: a blank or
   *     long title, an empty period, a day outside the period or given twice, an amount in another
   *     currency, two unit-economics reports of one month, a count out of range
   */
  public FinOpsReport build() {
    required(title, "title");
    required(currency, "currency");
    required(start, "period");
    if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "title: '" + title + "'; allowed: 1 to " + MAX_TITLE_LENGTH + " characters, not blank");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "period: end " + end + " is not after start " + start + "; allowed: start < end");
    }
    range("topTenants", topTenants, 1, 20);
    range("explanationLines", explanationLines, 1, 100_000);
    SortedMap<LocalDate, Allocation> days = new TreeMap<>();
    for (Map.Entry<LocalDate, Allocation> e : allocations) {
      LocalDate day = e.getKey();
      if (day.isBefore(start) || !day.isBefore(end)) {
        throw new IllegalArgumentException(
            "allocation day: " + day + "; allowed: days in [" + start + ", " + end + ")");
      }
      if (days.put(day, e.getValue()) != null) {
        throw new IllegalArgumentException(
            "allocation day: " + day + " given twice; allowed: one allocation per day");
      }
      same("allocation of " + day, e.getValue().total());
    }
    for (BudgetStatus b : budgets) {
      same("budget '" + b.budget().name() + "'", b.budget().amount());
    }
    for (CostAnomaly a : anomalies) {
      same("anomaly " + a.id(), a.actual());
    }
    for (Recommendation r : recommendations) {
      same("recommendation " + r.kind() + " in " + r.region(), r.monthlySavings());
    }
    Map<Object, UnitEconomicsReport> months = new TreeMap<>();
    for (UnitEconomicsReport u : unitEconomics) {
      if (months.put(u.month(), u) != null) {
        throw new IllegalArgumentException(
            "unitEconomics: month " + u.month() + " given twice; allowed: one report per month");
      }
      same("unit economics of " + u.month(), u.summary().totalCost());
      u.tenants().forEach(t -> same("unit target of " + u.month(), t.target()));
    }
    return new FinOpsReport(this, days);
  }

  int topTenantsOrDefault() {
    return topTenants == null ? DEFAULT_TOP_TENANTS : topTenants;
  }

  int explanationLinesOrDefault() {
    return explanationLines == null ? DEFAULT_EXPLANATION_LINES : explanationLines;
  }

  private void same(String what, Money m) {
    if (!m.currency().equals(currency)) {
      throw new IllegalArgumentException(
          what
              + ": currency "
              + m.currency().getCurrencyCode()
              + "; allowed: the report's currency "
              + currency.getCurrencyCode());
    }
  }

  private static void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new IllegalArgumentException(field + ": " + value + "; allowed: " + min + " to " + max);
    }
  }

  private static <T> T once(T current, T value, String field) {
    if (current != null) {
      throw new IllegalStateException(field + ": already set to " + current + "; allowed: once");
    }
    return value;
  }

  private static void required(Object value, String field) {
    if (value == null) {
      throw new IllegalStateException(field + ": not set; allowed: set it before build()");
    }
  }
}
