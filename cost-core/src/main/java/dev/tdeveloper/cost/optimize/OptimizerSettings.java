package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** A built optimizer's settings, validated and copied by {@link CostOptimizerBuilder}. */
record OptimizerSettings(
    PriceBook prices,
    Duration lookBack,
    BigDecimal cpuPercentile,
    BigDecimal headroom,
    Money minimumMonthlySavings,
    BigDecimal idleCpuFraction,
    double idleMinimumCoverage,
    BigDecimal baselinePercentile,
    double scaleToZeroFraction,
    int minimumSamples,
    int fullConfidenceSamples,
    Map<String, BigDecimal> committedCores) {
  OptimizerSettings {
    committedCores = Map.copyOf(committedCores);
  }

  /** coverage x min(1, samples / fullConfidenceSamples), in [0, 1]. */
  double confidence(double coverage, int samples) {
    double sampleFactor = Math.min(1.0, (double) samples / fullConfidenceSamples);
    return Math.min(1.0, coverage) * sampleFactor;
  }
}
