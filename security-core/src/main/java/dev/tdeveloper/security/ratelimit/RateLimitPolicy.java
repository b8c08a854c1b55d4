package dev.tdeveloper.security.ratelimit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a rate limiter enforces: one or more {@link Bandwidth}s that must all allow a request (for
 * example 100/s with bursts of 200 <em>and</em> 10,000/hour), under a name that appears in the
 * {@code RateLimit-Policy} header and in events. Immutable.
 *
 * @param name a token naming the policy, usually the plan ({@code free}, {@code pro})
 * @param bandwidths 1 to {@value #MAX_BANDWIDTHS} distinct bandwidths
 */
public record RateLimitPolicy(String name, List<Bandwidth> bandwidths) {
  /** The most bandwidths a policy may have. */
  public static final int MAX_BANDWIDTHS = 8;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException for a bad name, no bandwidths, too many or duplicate ones
   */
  public RateLimitPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bandwidths, "bandwidths");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}, was '" + name + "'");
    }
    bandwidths = List.copyOf(bandwidths);
    if (bandwidths.isEmpty() || bandwidths.size() > MAX_BANDWIDTHS) {
      throw new IllegalArgumentException(
          "policy '"
              + name
              + "' must have 1 to "
              + MAX_BANDWIDTHS
              + " bandwidths, had "
              + bandwidths.size());
    }
    Set<Bandwidth> seen = new HashSet<>();
    for (int i = 0; i < bandwidths.size(); i++) {
      if (!seen.add(bandwidths.get(i))) {
        throw new IllegalArgumentException(
            "policy '"
                + name
                + "' lists bandwidth "
                + bandwidths.get(i)
                + " twice (index "
                + i
                + ")");
      }
    }
  }

  /** Returns a policy of the given bandwidths. */
  public static RateLimitPolicy of(String name, Bandwidth first, Bandwidth... more) {
    Objects.requireNonNull(first, "first");
    Bandwidth[] all = new Bandwidth[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return new RateLimitPolicy(name, List.of(all));
  }

  /** Returns the largest burst a single request may ask for: the smallest capacity. */
  public long maxPermits() {
    long max = Long.MAX_VALUE;
    for (Bandwidth b : bandwidths) {
      max = Math.min(max, b.capacity());
    }
    return max;
  }
}
