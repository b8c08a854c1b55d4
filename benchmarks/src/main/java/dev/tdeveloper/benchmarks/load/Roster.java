package dev.tdeveloper.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenants of the load and the share of the rate each gets. Of {@value #TENANTS} tenants, 20%
 * are on {@code enterprise}, 30% on {@code pro} and 50% on {@code free} (limits as in the demo's
 * {@code tenants.yaml}); half are named by subdomain, half by header. {@value #OVER_LIMIT_TENANTS}
 * free tenants are driven at {@value #OVER_LIMIT_FACTOR}x their limit, one free tenant floods with
 * {@value #FLOOD_SHARE} of the rate, {@value #ATTACK_SHARE} of the rate carries attacks, and the
 * rest is spread over the normal tenants in proportion to their limits. Immutable.
 */
public final class Roster {
  /** The number of tenants. */
  public static final int TENANTS = 100;

  /** Free tenants driven over their rate limit. */
  public static final int OVER_LIMIT_TENANTS = 3;

  /** How many times its limit an over-limit tenant is driven at. */
  public static final int OVER_LIMIT_FACTOR = 3;

  /** The number (1-based) of the flooding tenant, a free one. */
  static final int FLOOD_TENANT = 6;

  /** The flooding tenant's share of the whole rate. */
  public static final double FLOOD_SHARE = 0.10;

  /** The share of the rate that carries attack payloads. */
  public static final double ATTACK_SHARE = 0.03;

  /** Sustained requests per second per plan, as the demo's {@code tenants.yaml} sets them. */
  static final Map<String, Integer> PLAN_LIMITS = Map.of("free", 5, "pro", 50, "enterprise", 500);

  private final List<LoadTenant> tenants;

  private Roster(List<LoadTenant> tenants) {
    this.tenants = List.copyOf(tenants);
  }

  /** Returns the standard roster of {@value #TENANTS} tenants. */
  public static Roster standard() {
    List<LoadTenant> tenants = new ArrayList<>();
    int overLimit = 0;
    for (int i = 1; i <= TENANTS; i++) {
      int decile = (i - 1) % 10;
      String plan = decile < 2 ? "enterprise" : decile < 5 ? "pro" : "free";
      LoadTenant.Role role = LoadTenant.Role.NORMAL;
      if (i == FLOOD_TENANT) {
        role = LoadTenant.Role.FLOOD;
      } else if (plan.equals("free") && overLimit < OVER_LIMIT_TENANTS) {
        role = LoadTenant.Role.OVER_LIMIT;
        overLimit++;
      }
      tenants.add(
          new LoadTenant(
              String.format("lt-%03d", i), plan, PLAN_LIMITS.get(plan), i % 2 == 0, role));
    }
    return new Roster(tenants);
  }

  /** Returns the tenants, in id order. */
  public List<LoadTenant> tenants() {
    return tenants;
  }

  /**
   * Returns each tenant's requests per second at a total of {@code rate}, in {@link #tenants()}
   * order (attacks, {@value #ATTACK_SHARE} of the rate, come on top of these and are not counted).
   *
   * @throws IllegalArgumentException if the rate is too low to give the over-limit tenants their
   *     share
   */
  public double[] ratesAt(double rate) {
    double fixed = 0;
    double normalLimits = 0;
    for (LoadTenant t : tenants) {
      switch (t.role()) {
        case FLOOD -> fixed += FLOOD_SHARE * rate;
        case OVER_LIMIT -> fixed += OVER_LIMIT_FACTOR * t.rateLimit();
        case NORMAL -> normalLimits += t.rateLimit();
      }
    }
    double normal = rate * (1 - ATTACK_SHARE) - fixed;
    if (normal <= 0) {
      double overLimit = fixed - FLOOD_SHARE * rate;
      throw new IllegalArgumentException(
          "rate must leave room for the normal tenants next to the flood and over-limit tenants;"
              + " was "
              + rate
              + " requests/s, allowed: more than "
              + Math.ceil(overLimit / (1 - ATTACK_SHARE - FLOOD_SHARE)));
    }
    double[] rates = new double[tenants.size()];
    for (int i = 0; i < rates.length; i++) {
      LoadTenant t = tenants.get(i);
      rates[i] =
          switch (t.role()) {
            case FLOOD -> FLOOD_SHARE * rate;
            case OVER_LIMIT -> OVER_LIMIT_FACTOR * t.rateLimit();
            case NORMAL -> normal * t.rateLimit() / normalLimits;
          };
    }
    return rates;
  }
}
