package dev.tdeveloper.distribution.routing;

/**
 * Envoy's priority load: how much of the traffic (in integer percent) each priority level takes,
 * from each level's health. A level's health is {@code min(100, 140 * available / total)} (the
 * overprovisioning factor 1.4, so a level with 72% of its endpoints available still counts as fully
 * healthy); the levels' healths are summed and capped at 100 (the normalized total health); each
 * level in order then takes {@code health * 100 / normalizedTotal}, capped by what the levels
 * before it left. The integer remainder goes to the first level with any health, as Envoy's {@code
 * distributeLoad} does.
 *
 * <p>Stateless and thread-safe.
 */
final class PriorityLoad {
  /** The overprovisioning factor in percent: {@value} (Envoy's default, 1.4). */
  static final int OVERPROVISIONING_PERCENT = 140;

  private PriorityLoad() {}

  /**
   * Returns a level's health score.
   *
   * @param available endpoints of the level that take traffic
   * @param total endpoints of the level
   * @return 0 to 100
   */
  static int health(int available, int total) {
    if (total <= 0) {
      return 0;
    }
    return (int) Math.min(100, (long) OVERPROVISIONING_PERCENT * available / total);
  }

  /**
   * Returns each level's load in percent, summing to 100, or all zeros when every level has health
   * 0 (Envoy then panics; the caller decides).
   *
   * @param health each level's health score, highest priority first
   * @return each level's load
   */
  static int[] loads(int[] health) {
    int sum = 0;
    for (int h : health) {
      sum += h;
    }
    int normalized = Math.min(100, sum);
    int[] load = new int[health.length];
    if (normalized == 0) {
      return load;
    }
    int remaining = 100;
    int first = -1;
    for (int i = 0; i < health.length; i++) {
      if (first < 0 && health[i] > 0) {
        first = i;
      }
      load[i] = Math.min(remaining, health[i] * 100 / normalized);
      remaining -= load[i];
    }
    load[first] += remaining;
    return load;
  }
}
