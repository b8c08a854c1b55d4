package dev.tdeveloper.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Draws the requests of the load from a seeded random stream: a tenant in proportion to its rate
 * ({@link Roster#ratesAt}), {@value Roster#ATTACK_SHARE} attacks, and for normal and over-limit
 * tenants 80% note reads, 15% note writes and 5% usage reads. The same seed gives the same
 * sequence, so the full chain and the bare demo see the same requests. Not thread-safe.
 */
public final class Mix {
  /** The percentage of note reads in a tenant's traffic. */
  public static final int READ_PERCENT = 80;

  /** The percentage of note writes in a tenant's traffic. */
  public static final int WRITE_PERCENT = 15;

  /** The attack payloads, as query strings the WAF's OWASP CRS rules refuse at paranoia level 1. */
  static final String[] ATTACKS = {
    "?id=1%27%20OR%20%271%27%3D%271", // SQL injection
    "?q=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E", // XSS
    "?file=..%2F..%2F..%2Fetc%2Fpasswd", // path traversal
    "?id=1%20UNION%20SELECT%20password%20FROM%20users--", // SQL injection
  };

  /**
   * One planned request.
   *
   * @param tenant index into the roster's tenants
   * @param kind what the report counts it as
   * @param operation what is sent: {@link RequestKind#READ}, {@link RequestKind#WRITE}, {@link
   *     RequestKind#USAGE} or {@link RequestKind#ATTACK}
   * @param attack index into the attack payloads (for attacks)
   */
  public record Planned(int tenant, RequestKind kind, RequestKind operation, int attack) {}

  private final Roster roster;
  private final double[] cumulative;
  private final SplittableRandom random;

  /** A mix over {@code roster} at a total of {@code rate} requests per second. */
  public Mix(Roster roster, double rate, long seed) {
    this.roster = roster;
    double[] rates = roster.ratesAt(rate);
    double total = rate * (1 - Roster.ATTACK_SHARE);
    cumulative = new double[rates.length];
    double sum = 0;
    for (int i = 0; i < rates.length; i++) {
      sum += rates[i] / total;
      cumulative[i] = sum;
    }
    this.random = new SplittableRandom(seed);
  }

  /** Draws the next request. */
  public Planned next() {
    if (random.nextDouble() < Roster.ATTACK_SHARE) {
      return new Planned(
          random.nextInt(cumulative.length),
          RequestKind.ATTACK,
          RequestKind.ATTACK,
          random.nextInt(ATTACKS.length));
    }
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int tenant = 0;
    while (tenant < cumulative.length - 1 && cumulative[tenant] <= u) {
      tenant++;
    }
    LoadTenant t = roster.tenants().get(tenant);
    if (t.role() == LoadTenant.Role.FLOOD) {
      return new Planned(tenant, RequestKind.FLOOD, RequestKind.READ, 0);
    }
    int p = random.nextInt(100);
    RequestKind operation =
        p < READ_PERCENT
            ? RequestKind.READ
            : p < READ_PERCENT + WRITE_PERCENT ? RequestKind.WRITE : RequestKind.USAGE;
    RequestKind kind = t.role() == LoadTenant.Role.OVER_LIMIT ? RequestKind.OVER_LIMIT : operation;
    return new Planned(tenant, kind, operation, 0);
  }
}
