package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.price.PriceBook;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.cost.usage.UsageRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recommends how to spend less, from utilization samples and request metering over a look-back
 * window (AWS Compute Optimizer's method, applied per tenant workload):
 *
 * <ul>
 *   <li><b>Rightsizing</b>: proposed CPU = P99.5 of CPU used x (1 + headroom), rounded up to a
 *       millicore; proposed memory = peak memory used x (1 + headroom), rounded up to a MiB. A
 *       dimension that is not under-provisioned is never proposed above its current request. An
 *       over-provisioned workload is reported when the saving exceeds the minimum; an
 *       under-provisioned one (P99.5 CPU or peak memory above the request) always, with {@code
 *       performanceRisk} and a negative saving when fixing it costs more.
 *   <li><b>Idle</b>: P99.5 CPU below the idle fraction (5%) of the request, no requests metered for
 *       the workload (when metering is given), and samples in at least 90% of the look-back's
 *       hours. The whole request is saved. An idle workload gets no rightsizing recommendation.
 *   <li><b>Commitment</b>: per region, the vCPU held in each hour of the look-back (per workload
 *       the least of max(request, used) among its samples in the hour, summed; 0 in hours without
 *       samples) gives a steady baseline, its P10. The total proposed commitment is the baseline,
 *       never more; the saving is the cores beyond any existing commitment priced at on-demand
 *       minus committed. Regions without a committed vCPU price get none.
 *   <li><b>Scale-to-zero</b>: a tenant whose metered requests are zero in more than 90% of the
 *       look-back's hours; per region, the saving is its non-idle workloads' requests priced over
 *       those hours. Only computed by the {@code recommend} methods given request metering ({@code
 *       REQUESTS} usage records): without it, silence cannot be told from traffic that was not
 *       metered. Usage records carry no region and no peak, so CPU and memory come from samples.
 * </ul>
 *
 * <p>Percentiles are nearest-rank: the P-th percentile of N ascending values is the value at rank
 * ceil(P / 100 x N). A month is {@value #HOURS_PER_MONTH} hours (8760 / 12), as AWS prices a month.
 * Savings are exact decimals from the price book's on-demand prices for {@code vcpu} and {@code
 * ram} (per GiB-hour), except scale-to-zero savings, which scale by a ratio of hours and are
 * rounded half-even to the currency's minor unit.
 *
 * <p><b>Confidence</b> = coverage x min(1, samples / {@link
 * CostOptimizerBuilder#fullConfidenceSamples(int)}), where coverage is the share of the look-back's
 * hours holding at least one sample of what is assessed (the workload; the tenant's workloads in
 * the region; all workloads of the region for commitments). Anything with fewer than {@link
 * CostOptimizerBuilder#minimumSamples(int)} samples gets no recommendation. A tenant's
 * recommendations depend on its own samples only, commitments (a region-wide purchase) excepted.
 *
 * <p>Immutable and thread-safe; {@code recommend} may be called concurrently.
 */
public final class CostOptimizer {
  /** Hours in a month for monthly savings: 8760 / 12. */
  public static final int HOURS_PER_MONTH = 730;

  private final OptimizerSettings settings;
  private final InstantSource clock;

  CostOptimizer(OptimizerSettings settings, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A builder; a price book is required.
   *
   * @return a new builder
   */
  public static CostOptimizerBuilder builder() {
    return new CostOptimizerBuilder();
  }

  /**
   * Recommendations over the look-back ending at the start of the current hour (from the clock),
   * without request metering: no scale-to-zero, and idle judged on CPU alone.
   *
   * @param samples utilization samples; those outside the window are ignored
   * @return the recommendations, largest saving first
   * @throws dev.tdeveloper.cost.CostException naming the key when the price book lacks an on-demand
   *     vcpu or ram price for a region that needs one
   */
  public List<Recommendation> recommend(Collection<UtilizationSample> samples) {
    return recommend(currentWindow(), samples);
  }

  /**
   * Recommendations over the look-back ending at the start of the current hour (from the clock),
   * with request metering.
   *
   * @param samples utilization samples; those outside the window are ignored
   * @param requestMetering the request metering of every tenant in the samples: its {@code
   *     REQUESTS} usage records (others are ignored); a tenant without any served no request
   * @return the recommendations, largest saving first
   * @throws dev.tdeveloper.cost.CostException naming the key when the price book lacks an on-demand
   *     vcpu or ram price for a region that needs one
   */
  public List<Recommendation> recommend(
      Collection<UtilizationSample> samples, Collection<UsageRecord> requestMetering) {
    return recommend(currentWindow(), samples, requestMetering);
  }

  /**
   * Recommendations over an explicit window, without request metering.
   *
   * @param window the look-back; it must start and end on whole UTC hours
   * @param samples utilization samples; those outside the window are ignored
   * @return the recommendations, largest saving first
   * @throws IllegalArgumentException naming the window when it is not on whole hours
   * @throws dev.tdeveloper.cost.CostException naming the key when the price book lacks an on-demand
   *     vcpu or ram price for a region that needs one
   */
  public List<Recommendation> recommend(CostPeriod window, Collection<UtilizationSample> samples) {
    return run(window, samples, Optional.empty());
  }

  /**
   * Recommendations over an explicit window, with request metering.
   *
   * @param window the look-back; it must start and end on whole UTC hours
   * @param samples utilization samples; those outside the window are ignored
   * @param requestMetering the request metering of every tenant in the samples: its {@code
   *     REQUESTS} usage records (others are ignored); a tenant without any served no request
   * @return the recommendations, largest saving first
   * @throws IllegalArgumentException naming the window when it is not on whole hours
   * @throws dev.tdeveloper.cost.CostException naming the key when the price book lacks an on-demand
   *     vcpu or ram price for a region that needs one
   */
  public List<Recommendation> recommend(
      CostPeriod window,
      Collection<UtilizationSample> samples,
      Collection<UsageRecord> requestMetering) {
    return run(
        window, samples, Optional.of(Objects.requireNonNull(requestMetering, "requestMetering")));
  }

  private CostPeriod currentWindow() {
    Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
    return CostPeriod.of(end.minus(settings.lookBack()), end);
  }

  private List<Recommendation> run(
      CostPeriod window,
      Collection<UtilizationSample> samples,
      Optional<Collection<UsageRecord>> requestMetering) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(samples, "samples");
    if (!window.start().equals(window.start().truncatedTo(ChronoUnit.HOURS))
        || !window.end().equals(window.end().truncatedTo(ChronoUnit.HOURS))) {
      throw new IllegalArgumentException(
          "window: " + window + " is not on whole hours; allowed: start and end at hh:00:00Z");
    }
    return new Analysis(settings, window, samples, requestMetering).run();
  }

  /**
   * The price book prices come from.
   *
   * @return the book
   */
  public PriceBook priceBook() {
    return settings.prices();
  }
}
