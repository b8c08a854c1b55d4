package dev.tdeveloper.scaling.predictive;

/**
 * Additive double-seasonal Holt-Winters without trend (Taylor 2003), on one series. The state is
 * the level, a daily season of {@code s1} buckets and, when enabled, a weekly season of {@code s2}
 * buckets that holds what the week adds to the daily shape. Not thread-safe; pure functions.
 */
final class HoltWinters {
  private HoltWinters() {}

  /** The model state after a pass: what forecasts are made from. */
  static final class State {
    double level;
    double lastError;
    final double[] daily;
    final double[] weekly;

    State(int s1, int s2) {
      daily = new double[s1];
      weekly = new double[Math.max(1, s2)];
    }
  }

  /**
   * Runs the smoothing over {@code y} and returns the fitting loss: the mean of the squared
   * one-step errors and the squared {@code h}-step errors, counted after the initial season.
   *
   * @param out when not null, receives the final state
   * @param residuals when not null, receives the one-step errors
   */
  static double run(
      double[] y, int s1, int s2, SmoothingParameters p, int h, State out, double[] residuals) {
    int n = y.length;
    State st = out == null ? new State(s1, s2) : out;
    int initLen = initialize(y, s1, s2, st);
    double a = p.level();
    double d = p.daily();
    double w = s2 > 0 ? p.weekly() : 0;
    double[] levels = new double[h + 1];
    double l = st.level;
    double loss = 0;
    int counted = 0;
    int countFrom = Math.min(initLen, Math.max(0, n - s1));
    double e = 0;
    for (int t = 0; t < n; t++) {
      int j = t % s1;
      int k = s2 > 0 ? t % s2 : 0;
      double season = st.daily[j] + st.weekly[k];
      e = y[t] - (l + season);
      if (residuals != null) {
        residuals[t] = e;
      }
      if (t >= countFrom) {
        double eh = t >= h ? y[t] - (levels[(t - h) % (h + 1)] + season) : e;
        loss += e * e + eh * eh;
        counted++;
      }
      double nl = a * (y[t] - season) + (1 - a) * l;
      double dj = st.daily[j];
      st.daily[j] = d * (y[t] - nl - st.weekly[k]) + (1 - d) * dj;
      if (s2 > 0) {
        st.weekly[k] = w * (y[t] - nl - dj) + (1 - w) * st.weekly[k];
      }
      l = nl;
      levels[t % (h + 1)] = l;
    }
    st.level = l;
    st.lastError = e;
    return counted == 0 ? 0 : loss / counted;
  }

  /**
   * Sets the initial level and seasons from the first week (or the first days); returns its length.
   */
  private static int initialize(double[] y, int s1, int s2, State st) {
    int days = s2 > 0 ? s2 / s1 : Math.min(7, y.length / s1);
    double[] dayMean = new double[days];
    for (int k = 0; k < days; k++) {
      double s = 0;
      for (int j = 0; j < s1; j++) {
        s += y[k * s1 + j];
      }
      dayMean[k] = s / s1;
    }
    java.util.Arrays.fill(st.daily, 0);
    for (int k = 0; k < days; k++) {
      for (int j = 0; j < s1; j++) {
        st.daily[j] += (y[k * s1 + j] - dayMean[k]) / days;
      }
    }
    java.util.Arrays.fill(st.weekly, 0);
    if (s2 == 0) {
      st.level = dayMean[0];
      return days * s1;
    }
    double weekMean = 0;
    for (double m : dayMean) {
      weekMean += m / days;
    }
    st.level = weekMean;
    // What the week adds, smoothed over +-30 minutes: weekly shapes are smooth, the sharp
    // recurring features live in the daily season, and one week's noise must not become a pattern.
    int half = s1 / 48;
    double[] raw = new double[s2];
    for (int t = 0; t < s2; t++) {
      raw[t] = y[t] - weekMean - st.daily[t % s1];
    }
    for (int t = 0; t < s2; t++) {
      double s = 0;
      int c = 0;
      for (int i = Math.max(0, t - half); i <= Math.min(s2 - 1, t + half); i++) {
        s += raw[i];
        c++;
      }
      st.weekly[t] = s / c;
    }
    return s2;
  }

  /**
   * Forecasts {@code horizon} buckets after a series of length {@code n} from a final state.
   *
   * @param phi the error carry
   */
  static double[] forecast(State st, int n, int s1, int s2, double phi, int horizon) {
    double[] f = new double[horizon];
    double carry = st.lastError;
    for (int h = 1; h <= horizon; h++) {
      int t = n - 1 + h;
      carry *= phi;
      double v = st.level + st.daily[t % s1] + (s2 > 0 ? st.weekly[t % s2] : 0) + carry;
      f[h - 1] = Math.max(0, v);
    }
    return f;
  }
}
