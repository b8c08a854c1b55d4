package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures an {@link AdaptiveConcurrencyLimit}. Each setting may be given once (a repeat is an
 * {@link IllegalStateException}). Not thread-safe; the built limit is.
 */
public final class AdaptiveConcurrencyLimitBuilder {
  /** The default initial limit: {@value}. */
  public static final int DEFAULT_INITIAL_LIMIT = 20;

  /** The default smallest limit: {@value}. */
  public static final int DEFAULT_MIN_LIMIT = 1;

  /** The default largest limit: {@value}. */
  public static final int DEFAULT_MAX_LIMIT = 1000;

  /** The default backoff ratio: {@value}. */
  public static final double DEFAULT_BACKOFF_RATIO = 0.9;

  /** The default latency target: one second. */
  public static final Duration DEFAULT_LATENCY_TARGET = Duration.ofSeconds(1);

  /** The largest limit allowed: {@value}. */
  public static final int MAX_LIMIT = 1_000_000;

  private int initialLimit = -1;
  private int minLimit = -1;
  private int maxLimit = -1;
  private Duration latencyTarget;
  private double backoffRatio = Double.NaN;
  private Ticker ticker;

  AdaptiveConcurrencyLimitBuilder() {}

  /** Sets the limit to start with; defaults to {@value #DEFAULT_INITIAL_LIMIT}. */
  public AdaptiveConcurrencyLimitBuilder initialLimit(int initialLimit) {
    once(this.initialLimit == -1, "initialLimit");
    this.initialLimit = checkLimit("initialLimit", initialLimit);
    return this;
  }

  /** Sets the smallest limit; defaults to {@value #DEFAULT_MIN_LIMIT}. */
  public AdaptiveConcurrencyLimitBuilder minLimit(int minLimit) {
    once(this.minLimit == -1, "minLimit");
    this.minLimit = checkLimit("minLimit", minLimit);
    return this;
  }

  /** Sets the largest limit; defaults to {@value #DEFAULT_MAX_LIMIT}. */
  public AdaptiveConcurrencyLimitBuilder maxLimit(int maxLimit) {
    once(this.maxLimit == -1, "maxLimit");
    this.maxLimit = checkLimit("maxLimit", maxLimit);
    return this;
  }

  /**
   * Sets the latency above which a request counts as a sign of overload; defaults to one second.
   *
   * @throws IllegalArgumentException unless between 1 ms and 1 hour
   */
  public AdaptiveConcurrencyLimitBuilder latencyTarget(Duration latencyTarget) {
    Objects.requireNonNull(latencyTarget, "latencyTarget");
    once(this.latencyTarget == null, "latencyTarget");
    if (latencyTarget.compareTo(Duration.ofMillis(1)) < 0
        || latencyTarget.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "latencyTarget must be PT0.001S to PT1H, was " + latencyTarget);
    }
    this.latencyTarget = latencyTarget;
    return this;
  }

  /**
   * Sets the factor applied to the limit on overload; defaults to {@value #DEFAULT_BACKOFF_RATIO}.
   *
   * @throws IllegalArgumentException unless at least 0.5 and below 1
   */
  public AdaptiveConcurrencyLimitBuilder backoffRatio(double backoffRatio) {
    once(Double.isNaN(this.backoffRatio), "backoffRatio");
    if (!(backoffRatio >= 0.5 && backoffRatio < 1.0)) {
      throw new IllegalArgumentException(
          "backoffRatio must be at least 0.5 and below 1, was " + backoffRatio);
    }
    this.backoffRatio = backoffRatio;
    return this;
  }

  /** Sets the monotonic time source for latencies; defaults to {@link Ticker#system()}. */
  public AdaptiveConcurrencyLimitBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    once(this.ticker == null, "ticker");
    this.ticker = ticker;
    return this;
  }

  /**
   * Builds the limit.
   *
   * @throws IllegalStateException unless {@code minLimit <= initialLimit <= maxLimit}
   */
  public AdaptiveConcurrencyLimit build() {
    int min = minLimit == -1 ? DEFAULT_MIN_LIMIT : minLimit;
    int max = maxLimit == -1 ? Math.max(DEFAULT_MAX_LIMIT, min) : maxLimit;
    int initial =
        initialLimit == -1 ? Math.min(max, Math.max(min, DEFAULT_INITIAL_LIMIT)) : initialLimit;
    if (min > max) {
      throw new IllegalStateException("minLimit " + min + " is above maxLimit " + max);
    }
    if (initial < min || initial > max) {
      throw new IllegalStateException(
          "initialLimit " + initial + " must be within minLimit " + min + " and maxLimit " + max);
    }
    return new AdaptiveConcurrencyLimit(
        initial,
        min,
        max,
        (latencyTarget == null ? DEFAULT_LATENCY_TARGET : latencyTarget).toNanos(),
        Double.isNaN(backoffRatio) ? DEFAULT_BACKOFF_RATIO : backoffRatio,
        ticker == null ? Ticker.system() : ticker);
  }

  private static int checkLimit(String name, int value) {
    if (value < 1 || value > MAX_LIMIT) {
      throw new IllegalArgumentException(name + " must be 1 to " + MAX_LIMIT + ", was " + value);
    }
    return value;
  }

  private static void once(boolean unset, String name) {
    if (!unset) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
