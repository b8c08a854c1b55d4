package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.budget.BudgetStatus;
import dev.tdeveloper.cost.budget.CostForecast;
import dev.tdeveloper.cost.budget.PredictionInterval;
import java.math.BigDecimal;
import java.util.List;

/**
 * One horizontal bar per budget: the budget amount as a light bar, the actual cost over it (red in
 * alarm, green otherwise), and the forecast total as a diamond with whiskers for its 95% interval
 * and a thicker segment for its 80% interval.
 */
final class BudgetChart {
  private static final double WIDTH = 900;
  private static final double LABEL = 200;
  private static final double ROW = 30;

  private BudgetChart() {}

  static String draw(List<BudgetStatus> budgets, String currency) {
    double plotTop = Svg.TOP;
    double plotBottom = plotTop + ROW * Math.max(budgets.size(), 1);
    Svg svg = new Svg(WIDTH, plotBottom + 64, "Budgets: amount, actual and forecast, " + currency);
    double max = 0;
    for (BudgetStatus b : budgets) {
      max = Math.max(max, b.budget().amount().amount().doubleValue());
      max = Math.max(max, b.actual().amount().doubleValue());
      if (b.forecast() instanceof CostForecast.Available a) {
        max = Math.max(max, a.interval95().upper().amount().doubleValue());
        max = Math.max(max, a.total().amount().doubleValue());
      }
    }
    List<BigDecimal> ticks = Svg.ticks(max);
    double top = ticks.get(ticks.size() - 1).doubleValue();
    double x0 = LABEL;
    double span = WIDTH - Svg.RIGHT - x0;
    for (BigDecimal t : ticks) {
      double x = x0 + span * t.doubleValue() / top;
      svg.line(x, plotTop, x, plotBottom, "#ddd", 1);
      svg.text(x, plotBottom + 16, "middle", t.stripTrailingZeros().toPlainString(), 11);
    }
    svg.line(x0, plotTop, x0, plotBottom, "#333", 1);
    svg.line(x0, plotBottom, x0 + span, plotBottom, "#333", 1);
    svg.text(x0 + span / 2, plotBottom + 34, "middle", currency, 12);
    for (int i = 0; i < budgets.size(); i++) {
      BudgetStatus b = budgets.get(i);
      double y = plotTop + ROW * i;
      String name = b.budget().name();
      svg.text(x0 - 8, y + 19, "end", Svg.shorten(name, 26), 12);
      svg.rect(
          x0,
          y + 6,
          span * b.budget().amount().amount().doubleValue() / top,
          18,
          "#dde6f0",
          name + " amount: " + Markup.money(b.budget().amount()));
      svg.rect(
          x0,
          y + 10,
          span * b.actual().amount().doubleValue() / top,
          10,
          b.inAlarm() ? "#d62728" : "#2ca02c",
          name + " actual: " + Markup.money(b.actual()) + (b.inAlarm() ? " (ALARM)" : " (OK)"));
      if (b.forecast() instanceof CostForecast.Available a) {
        double mid = y + 15;
        whisker(svg, a.interval95(), x0, span, top, mid, 1);
        whisker(svg, a.interval80(), x0, span, top, mid, 3);
        double fx = x0 + span * a.total().amount().doubleValue() / top;
        svg.raw(
            "<path d=\"M"
                + Markup.px(fx)
                + " "
                + Markup.px(mid - 6)
                + " l6 6 l-6 6 l-6 -6 z\" fill=\"#333\"><title>"
                + Markup.esc(name + " forecast: " + a.explanation())
                + "</title></path>");
      }
    }
    if (budgets.isEmpty()) {
      svg.text(WIDTH / 2, plotTop + ROW / 2 + 4, "middle", "No budgets", 14);
    }
    svg.legend(
        List.of("amount", "actual (OK)", "actual (ALARM)", "forecast, 80% and 95% interval"),
        List.of("#dde6f0", "#2ca02c", "#d62728", "#333333"),
        plotBottom + 52);
    return svg.close();
  }

  private static void whisker(
      Svg svg, PredictionInterval i, double x0, double span, double top, double mid, double w) {
    double lo = x0 + span * i.lower().amount().doubleValue() / top;
    double hi = x0 + span * i.upper().amount().doubleValue() / top;
    svg.line(lo, mid, hi, mid, "#333", w);
    svg.line(lo, mid - 4, lo, mid + 4, "#333", 1);
    svg.line(hi, mid - 4, hi, mid + 4, "#333", 1);
  }
}
