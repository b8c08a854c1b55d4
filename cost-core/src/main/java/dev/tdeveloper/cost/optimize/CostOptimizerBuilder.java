package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link CostOptimizer}. Each setting may be set once (a second call throws {@link
 * IllegalStateException}); bad values throw {@link IllegalArgumentException} naming the setting,
 * the value and what is allowed. Not thread-safe; the built optimizer is.
 */
public final class CostOptimizerBuilder {
  /** Default look-back: 14 days, Compute Optimizer's default. */
  public static final int DEFAULT_LOOK_BACK_DAYS = 14;

  /** Longest look-back: 93 days, Compute Optimizer's longest. */
  public static final int MAX_LOOK_BACK_DAYS = 93;

  /** Default percentile of CPU used that sizes CPU: {@value}. */
  public static final String DEFAULT_CPU_PERCENTILE = "99.5";

  /** Default headroom over P99.5 CPU and peak memory: {@value} (20%). */
  public static final String DEFAULT_HEADROOM = "0.20";

  /** Default: idle when P99.5 CPU is below this fraction of the request: {@value}. */
  public static final String DEFAULT_IDLE_CPU_FRACTION = "0.05";

  /** Default share of the look-back's hours an idle verdict needs samples in: {@value}. */
  public static final double DEFAULT_IDLE_MINIMUM_COVERAGE = 0.9;

  /** Default percentile of hourly vCPU taken as the steady baseline: {@value}. */
  public static final String DEFAULT_BASELINE_PERCENTILE = "10";

  /** Default: scale to zero when more than this share of hours saw no request: {@value}. */
  public static final double DEFAULT_SCALE_TO_ZERO_FRACTION = 0.9;

  /** Default minimum samples for any recommendation: {@value} (Compute Optimizer's 30 hours). */
  public static final int DEFAULT_MINIMUM_SAMPLES = 30;

  /** Default sample count at which confidence stops growing with samples: {@value} (a week). */
  public static final int DEFAULT_FULL_CONFIDENCE_SAMPLES = 168;

  private PriceBook prices;
  private InstantSource clock;
  private Duration lookBack;
  private BigDecimal cpuPercentile;
  private BigDecimal headroom;
  private Money minimumMonthlySavings;
  private BigDecimal idleCpuFraction;
  private Double idleMinimumCoverage;
  private BigDecimal baselinePercentile;
  private Double scaleToZeroFraction;
  private Integer minimumSamples;
  private Integer fullConfidenceSamples;
  private final Map<String, BigDecimal> committedCores = new HashMap<>();

  CostOptimizerBuilder() {}

  /**
   * The prices (required): on-demand {@code vcpu} and {@code ram} per region, {@code committed}
   * {@code vcpu} where commitments should be assessed.
   *
   * @param prices the price book
   * @return this builder
   */
  public CostOptimizerBuilder priceBook(PriceBook prices) {
    once(this.prices, "priceBook");
    this.prices = Objects.requireNonNull(prices, "priceBook");
    return this;
  }

  /**
   * The clock whose current hour ends the look-back (default the system clock).
   *
   * @param clock the clock
   * @return this builder
   */
  public CostOptimizerBuilder clock(InstantSource clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The look-back (default {@value #DEFAULT_LOOK_BACK_DAYS} days; Compute Optimizer offers 14, 32
   * and 93).
   *
   * @param lookBack whole hours, from 1 hour to {@value #MAX_LOOK_BACK_DAYS} days
   * @return this builder
   */
  public CostOptimizerBuilder lookBack(Duration lookBack) {
    once(this.lookBack, "lookBack");
    Objects.requireNonNull(lookBack, "lookBack");
    if (lookBack.compareTo(Duration.ofHours(1)) < 0
        || lookBack.compareTo(Duration.ofDays(MAX_LOOK_BACK_DAYS)) > 0
        || !lookBack.equals(Duration.ofHours(lookBack.toHours()))) {
      throw new IllegalArgumentException(
          "lookBack: " + lookBack + " is not allowed; allowed: whole hours from PT1H to P93D");
    }
    this.lookBack = lookBack;
    return this;
  }

  /**
   * The percentile of CPU used that sizes CPU (default {@value #DEFAULT_CPU_PERCENTILE}).
   *
   * @param percentile above 0, at most 100
   * @return this builder
   */
  public CostOptimizerBuilder cpuPercentile(BigDecimal percentile) {
    once(this.cpuPercentile, "cpuPercentile");
    this.cpuPercentile = percentile("cpuPercentile", percentile);
    return this;
  }

  /**
   * The headroom added over P99.5 CPU and peak memory (default {@value #DEFAULT_HEADROOM}).
   *
   * @param headroom a fraction, from 0 to 10
   * @return this builder
   */
  public CostOptimizerBuilder headroom(BigDecimal headroom) {
    once(this.headroom, "headroom");
    Objects.requireNonNull(headroom, "headroom");
    if (headroom.signum() < 0 || headroom.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException(
          "headroom: " + headroom + " is out of range; allowed: 0 to 10 (0.20 = 20%)");
    }
    this.headroom = headroom;
    return this;
  }

  /**
   * The saving a rightsizing, idle, commitment or scale-to-zero recommendation must exceed (default
   * one unit of the book's currency). Under-provisioned workloads are reported anyway.
   *
   * @param minimum at least 0, in the price book's currency
   * @return this builder
   */
  public CostOptimizerBuilder minimumMonthlySavings(Money minimum) {
    once(this.minimumMonthlySavings, "minimumMonthlySavings");
    Objects.requireNonNull(minimum, "minimumMonthlySavings");
    if (minimum.isNegative()) {
      throw new IllegalArgumentException(
          "minimumMonthlySavings: " + minimum + " is negative; allowed: >= 0");
    }
    this.minimumMonthlySavings = minimum;
    return this;
  }

  /**
   * Idle when P99.5 CPU is below this fraction of the request (default {@value
   * #DEFAULT_IDLE_CPU_FRACTION}).
   *
   * @param fraction from 0 (never idle) to below 1
   * @return this builder
   */
  public CostOptimizerBuilder idleCpuFraction(BigDecimal fraction) {
    once(this.idleCpuFraction, "idleCpuFraction");
    Objects.requireNonNull(fraction, "idleCpuFraction");
    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "idleCpuFraction: " + fraction + " is out of range; allowed: 0 <= f < 1");
    }
    this.idleCpuFraction = fraction;
    return this;
  }

  /**
   * The share of the look-back's hours an idle verdict needs samples in (default {@value
   * #DEFAULT_IDLE_MINIMUM_COVERAGE}).
   *
   * @param coverage above 0, at most 1
   * @return this builder
   */
  public CostOptimizerBuilder idleMinimumCoverage(double coverage) {
    once(this.idleMinimumCoverage, "idleMinimumCoverage");
    this.idleMinimumCoverage = fraction("idleMinimumCoverage", coverage, true);
    return this;
  }

  /**
   * The percentile of hourly vCPU taken as the steady baseline (default {@value
   * #DEFAULT_BASELINE_PERCENTILE}).
   *
   * @param percentile above 0, at most 100
   * @return this builder
   */
  public CostOptimizerBuilder baselinePercentile(BigDecimal percentile) {
    once(this.baselinePercentile, "baselinePercentile");
    this.baselinePercentile = percentile("baselinePercentile", percentile);
    return this;
  }

  /**
   * Scale to zero when more than this share of the look-back's hours saw no request (default
   * {@value #DEFAULT_SCALE_TO_ZERO_FRACTION}).
   *
   * @param fraction at least 0, below 1
   * @return this builder
   */
  public CostOptimizerBuilder scaleToZeroFraction(double fraction) {
    once(this.scaleToZeroFraction, "scaleToZeroFraction");
    this.scaleToZeroFraction = fraction("scaleToZeroFraction", fraction, false);
    return this;
  }

  /**
   * The fewest samples anything needs for a recommendation (default {@value
   * #DEFAULT_MINIMUM_SAMPLES}).
   *
   * @param samples at least 1
   * @return this builder
   */
  public CostOptimizerBuilder minimumSamples(int samples) {
    once(this.minimumSamples, "minimumSamples");
    this.minimumSamples = positive("minimumSamples", samples);
    return this;
  }

  /**
   * The sample count from which confidence no longer grows with samples (default {@value
   * #DEFAULT_FULL_CONFIDENCE_SAMPLES}).
   *
   * @param samples at least 1
   * @return this builder
   */
  public CostOptimizerBuilder fullConfidenceSamples(int samples) {
    once(this.fullConfidenceSamples, "fullConfidenceSamples");
    this.fullConfidenceSamples = positive("fullConfidenceSamples", samples);
    return this;
  }

  /**
   * The vCPU already committed in a region (default none); a commitment recommendation proposes
   * only cores beyond it.
   *
   * @param region the region
   * @param cores at least 0
   * @return this builder
   */
  public CostOptimizerBuilder committedCores(String region, BigDecimal cores) {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(cores, "cores");
    if (region.isBlank()) {
      throw new IllegalArgumentException("region: blank; allowed: a region name");
    }
    if (cores.signum() < 0) {
      throw new IllegalArgumentException(
          "committedCores of " + region + ": " + cores + " is negative; allowed: >= 0");
    }
    if (committedCores.containsKey(region)) {
      throw new IllegalStateException("committedCores of " + region + ": already set");
    }
    committedCores.put(region, cores);
    return this;
  }

  /**
   * Builds the optimizer; the settings are copied.
   *
   * @return the optimizer
   * @throws IllegalStateException when no price book is set
   * @throws IllegalArgumentException when the minimum saving's currency is not the book's
   */
  public CostOptimizer build() {
    if (prices == null) {
      throw new IllegalStateException("priceBook: not set; required");
    }
    Money minimum =
        minimumMonthlySavings != null
            ? minimumMonthlySavings
            : Money.of(BigDecimal.ONE, prices.currency());
    if (!minimum.currency().equals(prices.currency())) {
      throw new IllegalArgumentException(
          "minimumMonthlySavings: "
              + minimum
              + " is not in the price book's currency; allowed: "
              + prices.currency().getCurrencyCode());
    }
    OptimizerSettings settings =
        new OptimizerSettings(
            prices,
            orElse(lookBack, Duration.ofDays(DEFAULT_LOOK_BACK_DAYS)),
            orElse(cpuPercentile, new BigDecimal(DEFAULT_CPU_PERCENTILE)),
            orElse(headroom, new BigDecimal(DEFAULT_HEADROOM)),
            minimum,
            orElse(idleCpuFraction, new BigDecimal(DEFAULT_IDLE_CPU_FRACTION)),
            orElse(idleMinimumCoverage, DEFAULT_IDLE_MINIMUM_COVERAGE),
            orElse(baselinePercentile, new BigDecimal(DEFAULT_BASELINE_PERCENTILE)),
            orElse(scaleToZeroFraction, DEFAULT_SCALE_TO_ZERO_FRACTION),
            orElse(minimumSamples, DEFAULT_MINIMUM_SAMPLES),
            orElse(fullConfidenceSamples, DEFAULT_FULL_CONFIDENCE_SAMPLES),
            committedCores);
    return new CostOptimizer(settings, clock == null ? InstantSource.system() : clock);
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + ": already set; allowed: each setting once");
    }
  }

  private static BigDecimal percentile(String name, BigDecimal p) {
    Objects.requireNonNull(p, name);
    if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException(
          name + ": " + p + " is out of range; allowed: 0 < p <= 100");
    }
    return p;
  }

  private static double fraction(String name, double f, boolean oneAllowed) {
    boolean ok = oneAllowed ? f > 0 && f <= 1 : f >= 0 && f < 1;
    if (!ok) {
      throw new IllegalArgumentException(
          name
              + ": "
              + f
              + " is out of range; allowed: "
              + (oneAllowed ? "0 < f <= 1" : "0 <= f < 1"));
    }
    return f;
  }

  private static int positive(String name, int n) {
    if (n < 1) {
      throw new IllegalArgumentException(name + ": " + n + " is out of range; allowed: >= 1");
    }
    return n;
  }
}
