package dev.tdeveloper.cost.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A small writer of inline SVG: a plot area with a labelled value axis, rectangles, lines and
 * texts. Every text goes through {@link Markup#esc}, so a chart is well-formed XML whatever the
 * tenant, service or budget names contain. Coordinates are formatted independently of the locale.
 */
final class Svg {
  /** Distinct colours for series, colour-blind friendly first (Okabe-Ito), then muted ones. */
  static final String[] PALETTE = {
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
    "#8c564b", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
    "#7b4173", "#3182bd", "#e6550d", "#31a354"
  };

  static final double LEFT = 80;
  static final double RIGHT = 20;
  static final double TOP = 20;

  final StringBuilder b = new StringBuilder(8_192);
  final double width;
  final double height;

  Svg(double width, double height, String label) {
    this.width = width;
    this.height = height;
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(Markup.px(width))
        .append("\" height=\"")
        .append(Markup.px(height))
        .append("\" viewBox=\"0 0 ")
        .append(Markup.px(width))
        .append(' ')
        .append(Markup.px(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(Markup.esc(label))
        .append("\">");
  }

  /** The tick step of an axis from 0 to {@code max}: 1, 2 or 5 times a power of ten, exact. */
  static BigDecimal step(double max) {
    if (!(max > 0)) {
      return BigDecimal.ONE;
    }
    double raw = max / 5;
    int exp = (int) Math.floor(Math.log10(raw));
    double f = raw / Math.pow(10, exp);
    int nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return BigDecimal.valueOf(nice).scaleByPowerOfTen(exp);
  }

  /** The ticks from 0 to the first multiple of the step at or above {@code max}. */
  static List<BigDecimal> ticks(double max) {
    BigDecimal step = step(max);
    List<BigDecimal> ticks = new ArrayList<>();
    BigDecimal t = BigDecimal.ZERO;
    ticks.add(t);
    while (t.doubleValue() < max || ticks.size() < 2) {
      t = t.add(step);
      ticks.add(t);
    }
    return ticks;
  }

  /** Horizontal grid lines and labels of a vertical value axis; the label suffix is a unit. */
  void yAxis(List<BigDecimal> ticks, double plotTop, double plotBottom, String unit) {
    double top = ticks.get(ticks.size() - 1).doubleValue();
    for (BigDecimal t : ticks) {
      double y = plotBottom - (plotBottom - plotTop) * t.doubleValue() / top;
      line(LEFT, y, width - RIGHT, y, "#ddd", 1);
      text(LEFT - 6, y + 4, "end", t.stripTrailingZeros().toPlainString() + unit, 11);
    }
    line(LEFT, plotTop, LEFT, plotBottom, "#333", 1);
    line(LEFT, plotBottom, width - RIGHT, plotBottom, "#333", 1);
  }

  /** Labels under a category axis, thinned to at most about twelve. */
  void xLabels(List<String> labels, double plotBottom) {
    int n = labels.size();
    double slot = (width - LEFT - RIGHT) / Math.max(n, 1);
    int every = Math.max(1, (n + 11) / 12);
    for (int i = 0; i < n; i += every) {
      text(LEFT + slot * (i + 0.5), plotBottom + 16, "middle", labels.get(i), 11);
    }
  }

  /** A legend of colour swatches and names, wrapping to the width; see {@link #legendRows}. */
  void legend(List<String> names, List<String> colours, double y) {
    double x = LEFT;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      double w = swatchWidth(name);
      if (x + w > width - RIGHT && x > LEFT) {
        x = LEFT;
        y += 18;
      }
      rect(x, y - 10, 12, 12, colours.get(i), name);
      text(x + 16, y, "start", shorten(name, 30), 12);
      x += w;
    }
  }

  /** How many rows {@link #legend} takes for these names in a chart this wide. */
  static int legendRows(List<String> names, double width) {
    int rows = 1;
    double x = LEFT;
    for (String name : names) {
      double w = swatchWidth(name);
      if (x + w > width - RIGHT && x > LEFT) {
        x = LEFT;
        rows++;
      }
      x += w;
    }
    return rows;
  }

  private static double swatchWidth(String name) {
    return 24 + 7 * Math.min(name.codePointCount(0, name.length()), 30);
  }

  void rect(double x, double y, double w, double h, String fill, String title) {
    b.append("<rect x=\"")
        .append(Markup.px(x))
        .append("\" y=\"")
        .append(Markup.px(y))
        .append("\" width=\"")
        .append(Markup.px(Math.max(w, 0)))
        .append("\" height=\"")
        .append(Markup.px(Math.max(h, 0)))
        .append("\" fill=\"")
        .append(fill)
        .append("\"><title>")
        .append(Markup.esc(title))
        .append("</title></rect>");
  }

  void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    b.append("<line x1=\"")
        .append(Markup.px(x1))
        .append("\" y1=\"")
        .append(Markup.px(y1))
        .append("\" x2=\"")
        .append(Markup.px(x2))
        .append("\" y2=\"")
        .append(Markup.px(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(Markup.px(strokeWidth))
        .append("\"/>");
  }

  void text(double x, double y, String anchor, String text, int size) {
    b.append("<text x=\"")
        .append(Markup.px(x))
        .append("\" y=\"")
        .append(Markup.px(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"")
        .append(size)
        .append("\">")
        .append(Markup.esc(text))
        .append("</text>");
  }

  /** Appends raw markup built by a chart from escaped parts and numbers only. */
  void raw(String markup) {
    b.append(markup);
  }

  String close() {
    return b.append("</svg>").toString();
  }

  /** The text cut to {@code max} code points, with an ellipsis when cut. */
  static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
