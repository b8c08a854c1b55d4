package dev.tdeveloper.observability.slo;

import dev.tdeveloper.tenancy.TenantId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the indicator events of a fixed set of SLOs per tenant, each (SLO, tenant) in its own
 * {@link SliSeries} of fixed buckets (see there for the memory and precision). Resolve a series
 * once with {@link #series} and call {@link SliSeries#record} on the hot path: no clock read, no
 * lookup, no allocation. {@link #record(Slo, TenantId, boolean)} looks the series up by the {@link
 * TenantId} without allocating once it exists.
 *
 * <p>{@link #advance()} reads the injected clock and opens its minute in every series; the {@link
 * BurnRateEvaluator} calls it on each evaluation, and it should run at least once a minute.
 *
 * <p>Each SLO holds at most {@code maxSeriesPerSlo} tenant series (default {@value
 * #DEFAULT_MAX_SERIES_PER_SLO}); a new tenant beyond it is refused with {@link
 * SeriesLimitException}, never by evicting another tenant's series, and a series' memory is fixed
 * whatever its traffic, so one tenant cannot exhaust another's.
 *
 * <p>Thread-safe.
 */
public final class SliRecorder {
  /** The default cap on tenant series per SLO: {@value}. */
  public static final int DEFAULT_MAX_SERIES_PER_SLO = 10_000;

  private final InstantSource clock;
  private final int maxSeriesPerSlo;
  private final Map<String, PerSlo> slos;

  private static final class PerSlo {
    final Slo slo;
    final ConcurrentHashMap<TenantId, SliSeries> series = new ConcurrentHashMap<>();

    PerSlo(Slo slo) {
      this.slo = slo;
    }
  }

  private SliRecorder(InstantSource clock, List<Slo> slos, int maxSeriesPerSlo) {
    this.clock = clock;
    this.maxSeriesPerSlo = maxSeriesPerSlo;
    Map<String, PerSlo> map = new LinkedHashMap<>();
    for (Slo slo : slos) {
      if (map.put(slo.id(), new PerSlo(slo)) != null) {
        throw new IllegalArgumentException(
            "slos: SLO id '" + slo.id() + "' given twice; allowed: each id once");
      }
    }
    this.slos = Map.copyOf(map);
    this.order = List.copyOf(slos);
  }

  private final List<Slo> order;

  /**
   * Returns a recorder for {@code slos} with the default series cap.
   *
   * @throws IllegalArgumentException if two SLOs share an id
   */
  public static SliRecorder create(InstantSource clock, List<Slo> slos) {
    return create(clock, slos, DEFAULT_MAX_SERIES_PER_SLO);
  }

  /**
   * Returns a recorder for {@code slos} holding at most {@code maxSeriesPerSlo} tenants per SLO.
   *
   * @throws IllegalArgumentException if two SLOs share an id or the cap is below 1
   */
  public static SliRecorder create(InstantSource clock, List<Slo> slos, int maxSeriesPerSlo) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(slos, "slos").forEach(s -> Objects.requireNonNull(s, "slo"));
    if (maxSeriesPerSlo < 1) {
      throw new IllegalArgumentException(
          "maxSeriesPerSlo: " + maxSeriesPerSlo + " is not allowed; allowed: 1 or more");
    }
    return new SliRecorder(clock, slos, maxSeriesPerSlo);
  }

  /** Returns the SLOs, in the order given. */
  public List<Slo> slos() {
    return order;
  }

  /** Returns the injected clock. */
  public InstantSource clock() {
    return clock;
  }

  /**
   * Returns the series of {@code slo} for {@code tenant}, creating it (with the clock's minute
   * open) on first use.
   *
   * @throws IllegalArgumentException if {@code slo} is not one of this recorder's SLOs
   * @throws SeriesLimitException if the SLO already holds {@code maxSeriesPerSlo} other tenants
   */
  public SliSeries series(Slo slo, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    PerSlo per = perSlo(slo);
    SliSeries existing = per.series.get(tenant);
    return existing != null ? existing : create(per, tenant);
  }

  private SliSeries create(PerSlo per, TenantId tenant) {
    synchronized (per) {
      SliSeries existing = per.series.get(tenant);
      if (existing != null) {
        return existing;
      }
      if (per.series.size() >= maxSeriesPerSlo) {
        throw new SeriesLimitException(per.slo.id(), tenant.value(), maxSeriesPerSlo);
      }
      SliSeries created = new SliSeries(per.slo, tenant, clock.instant());
      per.series.put(tenant, created);
      return created;
    }
  }

  /** Returns the series of {@code slo} for {@code tenant} if it exists. */
  public Optional<SliSeries> find(Slo slo, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return Optional.ofNullable(perSlo(slo).series.get(tenant));
  }

  /**
   * Records one event for {@code tenant}: {@link #series} then {@link SliSeries#record(boolean)}.
   *
   * @throws SeriesLimitException if the tenant has no series and the SLO is at its cap
   */
  public void record(Slo slo, TenantId tenant, boolean good) {
    series(slo, tenant).record(good);
  }

  /**
   * Removes the series of {@code slo} for {@code tenant} (a deleted tenant), freeing its place.
   *
   * @return whether there was one
   */
  public boolean remove(Slo slo, TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    PerSlo per = perSlo(slo);
    synchronized (per) {
      return per.series.remove(tenant) != null;
    }
  }

  /** Returns every series of {@code slo}, in no particular order. */
  public List<SliSeries> seriesOf(Slo slo) {
    return List.copyOf(perSlo(slo).series.values());
  }

  /** Returns a live view of the series of {@code slo}, for the evaluator. */
  java.util.Collection<SliSeries> liveSeries(Slo slo) {
    return perSlo(slo).series.values();
  }

  /** Returns every series of every SLO, SLOs in order. */
  public List<SliSeries> allSeries() {
    List<SliSeries> all = new ArrayList<>();
    for (Slo slo : order) {
      all.addAll(slos.get(slo.id()).series.values());
    }
    return all;
  }

  /** Opens the clock's current minute in every series (a clock going back changes nothing). */
  public void advance() {
    java.time.Instant now = clock.instant();
    for (PerSlo per : slos.values()) {
      for (SliSeries s : per.series.values()) {
        s.advance(now);
      }
    }
  }

  private PerSlo perSlo(Slo slo) {
    Objects.requireNonNull(slo, "slo");
    PerSlo per = slos.get(slo.id());
    if (per == null || (per.slo != slo && !per.slo.equals(slo))) {
      throw new IllegalArgumentException(
          "slo: '" + slo.id() + "' is not one of this recorder's SLOs; allowed: " + slos.keySet());
    }
    return per;
  }
}
