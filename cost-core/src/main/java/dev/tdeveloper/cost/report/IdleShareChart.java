package dev.tdeveloper.cost.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of each day's idle share: idle cost (kept or shared to tenants) as a percentage of that
 * day's bill.
 */
final class IdleShareChart {
  private static final double WIDTH = 900;
  private static final double PLOT_HEIGHT = 180;

  private IdleShareChart() {}

  static String draw(Totals totals) {
    double plotBottom = Svg.TOP + PLOT_HEIGHT;
    Svg svg = new Svg(WIDTH, plotBottom + 30, "Idle share of the bill per day, percent");
    double max = 0;
    for (DayTotals d : totals.days) {
      max = Math.max(max, d.idleSharePercent().doubleValue());
    }
    List<BigDecimal> ticks = Svg.ticks(Math.max(max, 10));
    double top = ticks.get(ticks.size() - 1).doubleValue();
    svg.yAxis(ticks, Svg.TOP, plotBottom, "%");
    int n = totals.days.size();
    double slot = (WIDTH - Svg.LEFT - Svg.RIGHT) / Math.max(n, 1);
    StringBuilder points = new StringBuilder();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DayTotals d = totals.days.get(i);
      double x = Svg.LEFT + slot * (i + 0.5);
      double y = plotBottom - PLOT_HEIGHT * d.idleSharePercent().doubleValue() / top;
      points.append(i == 0 ? "" : " ").append(Markup.px(x)).append(',').append(Markup.px(y));
      labels.add(d.day().toString().substring(5));
    }
    if (n > 0) {
      svg.raw(
          "<polyline fill=\"none\" stroke=\"#d55e00\" stroke-width=\"2\" points=\""
              + points
              + "\"/>");
    }
    for (int i = 0; i < n; i++) {
      DayTotals d = totals.days.get(i);
      double x = Svg.LEFT + slot * (i + 0.5);
      double y = plotBottom - PLOT_HEIGHT * d.idleSharePercent().doubleValue() / top;
      svg.raw(
          "<circle cx=\""
              + Markup.px(x)
              + "\" cy=\""
              + Markup.px(y)
              + "\" r=\"3\" fill=\"#d55e00\"><title>"
              + Markup.esc(
                  d.day()
                      + ": "
                      + Markup.percent(d.idleSharePercent())
                      + " idle ("
                      + Markup.money(d.idleShared().plus(d.idle()))
                      + " of "
                      + Markup.money(d.total())
                      + ")")
              + "</title></circle>");
    }
    if (n == 0) {
      svg.text(WIDTH / 2, Svg.TOP + PLOT_HEIGHT / 2, "middle", "No allocation in the period", 14);
    }
    svg.xLabels(labels, plotBottom);
    return svg.close();
  }
}
