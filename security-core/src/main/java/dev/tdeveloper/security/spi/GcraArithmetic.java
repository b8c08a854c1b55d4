package dev.tdeveloper.security.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The arithmetic of {@link RateLimiterStore} as pure functions over one key's state, for backends
 * whose engine offers an atomic read-modify-write (a conditional write on a version or ETag, a
 * transaction, a row lock) rather than server-side scripts: read the key's state and the engine's
 * clock, call {@link #tryAcquire} or {@link #giveBack}, and write the result back only if the key
 * has not changed meanwhile (retry otherwise). A backend with scripts (Redis Lua) implements the
 * same rules in its script instead. Either way the store passes {@code RateLimiterStoreContract}.
 *
 * <p>Times are nanoseconds on the store's own clock, from any fixed origin. Stateless and
 * thread-safe.
 */
public final class GcraArithmetic {
  private GcraArithmetic() {}

  /**
   * The state a store keeps for one key: the spec it was last charged under and the theoretical
   * arrival time of each of its limits. Immutable.
   *
   * @param spec the key's policy
   * @param tat one theoretical arrival time per limit of {@code spec}, in store nanoseconds
   */
  public record KeyState(PolicySpec spec, List<Long> tat) {
    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if {@code tat} does not hold one time per limit
     */
    public KeyState {
      Objects.requireNonNull(spec, "spec");
      tat = List.copyOf(Objects.requireNonNull(tat, "tat"));
      if (tat.size() != spec.limits().size()) {
        throw new IllegalArgumentException(
            "tat must hold one time per limit of "
                + spec.name()
                + " ("
                + spec.limits().size()
                + "), held "
                + tat.size());
      }
    }

    /** Returns when the state expires by itself: the latest arrival time. */
    public long expiresAtNanos() {
      long latest = Long.MIN_VALUE;
      for (long t : tat) {
        latest = Math.max(latest, t);
      }
      return latest;
    }
  }

  /**
   * What a decision leaves behind.
   *
   * @param state the key's new state; empty when the key is full and its state should be deleted
   * @param decision the answer for the caller
   */
  public record Outcome(Optional<KeyState> state, StoreDecision decision) {
    /** Checks that no field is null. */
    public Outcome {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /**
   * Decides a charge as {@link RateLimiterStore#tryAcquire} specifies: converts the state to {@code
   * spec} if it holds another one, then charges {@code permits} within {@code maxWaitNanos} or
   * denies without charging (keeping the converted state).
   *
   * @param current the key's state, empty if it has none
   * @param now the store's clock
   * @throws IllegalArgumentException for bad permits or a negative wait
   */
  public static Outcome tryAcquire(
      Optional<KeyState> current, PolicySpec spec, long permits, long maxWaitNanos, long now) {
    Objects.requireNonNull(current, "current");
    RateLimiterStore.checkArguments("key", spec, permits, maxWaitNanos);
    long allowance = Math.min(maxWaitNanos, RateLimiterStore.MAX_WAIT_NANOS);
    long[] tat = converted(current, spec, now);
    List<PolicySpec.Limit> limits = spec.limits();
    long[] next = new long[tat.length];
    long worstOver = Long.MIN_VALUE;
    for (int i = 0; i < tat.length; i++) {
      PolicySpec.Limit limit = limits.get(i);
      next[i] = Math.max(tat[i], now) + permits * limit.intervalNanos();
      worstOver = Math.max(worstOver, next[i] - now - limit.toleranceNanos());
    }
    if (worstOver > allowance) {
      int worst = mostRestrictive(spec, tat, now);
      long base = Math.max(tat[worst], now);
      PolicySpec.Limit limit = limits.get(worst);
      StoreDecision denied =
          StoreDecision.denied(
              limit.capacity(), remaining(limit, base, now), Math.max(1, worstOver), base - now);
      return new Outcome(stateOf(spec, tat, now), denied);
    }
    long wait = Math.max(0, worstOver);
    long t = now + wait;
    int worst = mostRestrictive(spec, next, t);
    long base = Math.max(next[worst], t);
    PolicySpec.Limit limit = limits.get(worst);
    StoreDecision allowed =
        StoreDecision.allowed(wait, limit.capacity(), remaining(limit, base, t), base - t);
    return new Outcome(stateOf(spec, next, now), allowed);
  }

  /**
   * Gives back permits as {@link RateLimiterStore#giveBack} specifies: a key without state (or a
   * full one) keeps none; otherwise it is converted to {@code spec} and every arrival time goes
   * back by {@code permits} intervals.
   *
   * @return the key's new state, empty when it should be deleted
   * @throws IllegalArgumentException for bad permits
   */
  public static Optional<KeyState> giveBack(
      Optional<KeyState> current, PolicySpec spec, long permits, long now) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(spec, "spec");
    spec.checkPermits(permits);
    if (current.isEmpty() || current.get().expiresAtNanos() <= now) {
      return Optional.empty();
    }
    long[] tat = converted(current, spec, now);
    for (int i = 0; i < tat.length; i++) {
      tat[i] -= permits * spec.limits().get(i).intervalNanos();
    }
    return stateOf(spec, tat, now);
  }

  /** Returns the key's arrival times under {@code spec} at {@code now}, converting if needed. */
  private static long[] converted(Optional<KeyState> current, PolicySpec spec, long now) {
    int size = spec.limits().size();
    long[] tat = new long[size];
    if (current.isEmpty() || current.get().expiresAtNanos() <= now) {
      Arrays.fill(tat, now);
      return tat;
    }
    KeyState state = current.get();
    if (state.spec().equals(spec)) {
      for (int i = 0; i < size; i++) {
        tat[i] = state.tat().get(i);
      }
      return tat;
    }
    List<PolicySpec.Limit> old = state.spec().limits();
    double[] used = new double[old.size()];
    double largest = 0;
    for (int i = 0; i < used.length; i++) {
      used[i] = Math.max(0, state.tat().get(i) - now) / (double) old.get(i).intervalNanos();
      largest = Math.max(largest, used[i]);
    }
    for (int j = 0; j < size; j++) {
      PolicySpec.Limit limit = spec.limits().get(j);
      double permits = j < used.length ? used[j] : largest;
      tat[j] =
          now + Math.min(limit.toleranceNanos(), (long) Math.ceil(permits * limit.intervalNanos()));
    }
    return tat;
  }

  /** Returns the index of the limit with the fewest permits left at {@code t}; first on a tie. */
  private static int mostRestrictive(PolicySpec spec, long[] tat, long t) {
    int worst = 0;
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < tat.length; i++) {
      long left = remaining(spec.limits().get(i), Math.max(tat[i], t), t);
      if (left < fewest) {
        worst = i;
        fewest = left;
      }
    }
    return worst;
  }

  private static long remaining(PolicySpec.Limit limit, long base, long t) {
    return Math.max(0, (t + limit.toleranceNanos() - base) / limit.intervalNanos());
  }

  private static Optional<KeyState> stateOf(PolicySpec spec, long[] tat, long now) {
    List<Long> times = new ArrayList<>(tat.length);
    long latest = Long.MIN_VALUE;
    for (long t : tat) {
      times.add(t);
      latest = Math.max(latest, t);
    }
    return latest <= now ? Optional.empty() : Optional.of(new KeyState(spec, times));
  }
}
