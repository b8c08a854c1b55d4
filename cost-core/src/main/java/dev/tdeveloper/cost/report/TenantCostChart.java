package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stacked bars of each day's bill: the most expensive tenants over the period one colour each, the
 * other tenants together as "others", then the idle cost kept and the unallocated cost, so every
 * bar is as tall as that day's bill.
 */
final class TenantCostChart {
  private static final double WIDTH = 900;
  private static final double PLOT_HEIGHT = 260;

  private TenantCostChart() {}

  static String draw(Totals totals, int topN, String currency) {
    List<TenantTotals> top = new ArrayList<>(totals.tenants);
    top.sort(
        Comparator.comparing(TenantTotals::total, Comparator.reverseOrder())
            .thenComparing(TenantTotals::tenant));
    if (top.size() > topN) {
      top = top.subList(0, topN);
    }
    List<String> names = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      names.add(top.get(i).tenant().value());
      colours.add(Svg.PALETTE[i % Svg.PALETTE.length]);
    }
    names.add("others");
    colours.add("#b0b0b0");
    names.add("idle (kept)");
    colours.add("#f4a6a6");
    names.add("unallocated");
    colours.add("#6b6b6b");
    int legendRows = Svg.legendRows(names, WIDTH);
    double plotBottom = Svg.TOP + PLOT_HEIGHT;
    Svg svg =
        new Svg(WIDTH, plotBottom + 36 + 18 * legendRows, "Cost per tenant per day, " + currency);
    double max = 0;
    for (DayTotals d : totals.days) {
      max = Math.max(max, d.total().amount().doubleValue());
    }
    List<BigDecimal> ticks = Svg.ticks(max);
    double scale = PLOT_HEIGHT / ticks.get(ticks.size() - 1).doubleValue();
    svg.yAxis(ticks, Svg.TOP, plotBottom, "");
    int n = totals.days.size();
    double slot = (WIDTH - Svg.LEFT - Svg.RIGHT) / Math.max(n, 1);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DayTotals d = totals.days.get(i);
      LocalDate day = d.day();
      labels.add(day.toString().substring(5));
      List<Money> parts = new ArrayList<>();
      Money topSum = Money.zero(d.total().currency());
      for (TenantTotals t : top) {
        Money m = t.daily().getOrDefault(day, Money.zero(d.total().currency()));
        parts.add(m);
        topSum = topSum.plus(m);
      }
      parts.add(d.tenants().minus(topSum));
      parts.add(d.idle());
      parts.add(d.unallocated());
      double y = plotBottom;
      for (int p = 0; p < parts.size(); p++) {
        double h = parts.get(p).amount().doubleValue() * scale;
        if (h <= 0) {
          continue;
        }
        y -= h;
        svg.rect(
            Svg.LEFT + slot * i + slot * 0.1,
            y,
            slot * 0.8,
            h,
            colours.get(p),
            day + " " + names.get(p) + ": " + Markup.money(parts.get(p)));
      }
    }
    if (n == 0) {
      svg.text(WIDTH / 2, Svg.TOP + PLOT_HEIGHT / 2, "middle", "No allocation in the period", 14);
    }
    svg.xLabels(labels, plotBottom);
    svg.legend(names, colours, plotBottom + 40);
    return svg.close();
  }
}
