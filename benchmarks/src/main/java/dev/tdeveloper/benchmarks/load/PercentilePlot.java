package dev.tdeveloper.benchmarks.load;

import java.util.List;
import java.util.Locale;

/**
 * Draws latency-by-percentile curves as an inline SVG: x is {@code log10(1 / (1 - p))} (so 90%,
 * 99%, 99.9% are evenly spaced, as in HdrHistogram's plots), y is latency in milliseconds.
 * Stateless.
 */
final class PercentilePlot {
  private static final int W = 720;
  private static final int H = 360;
  private static final int PAD = 80; // room for the latency labels left of the axis
  private static final double MAX_NINES = 5; // up to 99.999%
  private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd"};

  private PercentilePlot() {}

  static String svg(List<RunResult> runs) {
    double maxMs = 0.001;
    for (RunResult r : runs) {
      maxMs = Math.max(maxMs, r.latency().getMaxValue() / 1000.0);
    }
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
            W,
            H));
    s.append(line(PAD, H - PAD, W - PAD, H - PAD)).append(line(PAD, PAD, PAD, H - PAD));
    for (int nines = 0; nines <= MAX_NINES; nines++) {
      double x = x(nines);
      String label =
          nines == 0 ? "0%" : String.format(Locale.ROOT, "%s%%", 100 - 100 / Math.pow(10, nines));
      s.append(text(x, H - PAD + 16, label));
    }
    for (int i = 0; i <= 4; i++) {
      double ms = maxMs * i / 4;
      s.append(text(PAD - 75, y(ms, maxMs) + 4, String.format(Locale.ROOT, "%.1f ms", ms)));
    }
    for (int i = 0; i < runs.size(); i++) {
      RunResult r = runs.get(i);
      StringBuilder d = new StringBuilder();
      for (double[] p : LoadReport.points(r.latency())) {
        double nines =
            p[0] >= 100 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(100 / (100 - p[0])));
        d.append(d.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x(nines), y(p[1], maxMs)));
      }
      String colour = COLOURS[i % COLOURS.length];
      s.append("<path fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\" d=\"")
          .append(d)
          .append("\"/>");
      s.append("<text x=\"")
          .append(W - 170)
          .append("\" y=\"")
          .append(PAD + 16 * i)
          .append("\" fill=\"")
          .append(colour)
          .append("\" font-size=\"12\">")
          .append(LoadReport.escape(r.name()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static double x(double nines) {
    return PAD + (W - 2 * PAD) * nines / MAX_NINES;
  }

  private static double y(double ms, double maxMs) {
    return H - PAD - (H - 2 * PAD) * ms / maxMs;
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#333\"/>",
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(double x, double y, String t) {
    return String.format(
        Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">%s</text>", x, y, t);
  }
}
