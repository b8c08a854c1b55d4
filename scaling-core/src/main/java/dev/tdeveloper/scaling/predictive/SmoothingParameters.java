package dev.tdeveloper.scaling.predictive;

/**
 * The smoothing parameters of the double-seasonal Holt-Winters model (Taylor 2003): how fast the
 * level and the two seasons follow new observations, and how much of the last one-step error is
 * carried into the next forecasts.
 *
 * @param level alpha, in (0, 1]
 * @param daily delta, the daily season's weight, in [0, 1]
 * @param weekly omega, the weekly season's weight, in [0, 1] (unused while the model is daily only)
 * @param errorCarry phi, the AR(1) factor of the residual added as {@code phi^h x e} at horizon
 *     {@code h}, in [0, 1)
 */
public record SmoothingParameters(double level, double daily, double weekly, double errorCarry) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the parameter, its value and the allowed range
   */
  public SmoothingParameters {
    if (!(level > 0 && level <= 1)) {
      throw new IllegalArgumentException("level (alpha): " + level + "; allowed: (0, 1]");
    }
    check("daily (delta)", daily);
    check("weekly (omega)", weekly);
    if (!(errorCarry >= 0 && errorCarry < 1)) {
      throw new IllegalArgumentException("errorCarry (phi): " + errorCarry + "; allowed: [0, 1)");
    }
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + ": " + v + "; allowed: [0, 1]");
    }
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "alpha=%.2f delta=%.2f omega=%.2f phi=%.2f",
        level,
        daily,
        weekly,
        errorCarry);
  }
}
