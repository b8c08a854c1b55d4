package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.health.RegionHealthEvent.EndpointEjected;
import dev.tdeveloper.distribution.health.RegionHealthEvent.EndpointReturned;
import dev.tdeveloper.distribution.region.Endpoint;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionCatalog;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.region.UnknownRegionException;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Envoy-style outlier ejection of endpoints from the responses they gave (see {@link
 * OutlierDetectionSettings}):
 *
 * <ol>
 *   <li>{@code consecutive5xx} responses 500-599 in a row eject an endpoint; any other status
 *       resets the count. Map a connection failure or timeout to 503, as Envoy maps local origin
 *       errors to 5xx.
 *   <li>The ejection lasts {@code baseEjectionTime} times the endpoint's multiplier, at most {@code
 *       maxEjectionTime}: 30, 60, 90 ... 300 s with the defaults. The multiplier grows by one per
 *       ejection and stops growing once it reaches the cap ({@code ceil(max / base)}), so an
 *       endpoint that recovers is not punished for its whole history.
 *   <li>When an endpoint returns, each full {@code interval} it then spends in the pool takes one
 *       off its multiplier (Envoy decrements it at each interval sweep while the host is not
 *       ejected); the decay is applied at its next ejection.
 *   <li>At most {@code maxEjectionPercent} of a region's endpoints (rounded down) are ejected at
 *       once, but one may always be (Envoy's rule). An endpoint refused by the cap keeps its count,
 *       so its next 5xx ejects it once room frees.
 *   <li>Results for an ejected endpoint (responses still in flight) are ignored.
 * </ol>
 *
 * <p>Ejections end when their time is up; that is applied on {@link #recordResult}, {@link
 * #refresh()} and {@link #version()}, so a router polling {@code version()} sees endpoints return.
 * {@link #isHealthy} is always true: regions are {@link RegionHealth}'s concern.
 *
 * <p>Thread-safe: updates hold one lock, {@link #isAvailable} takes none, and events are delivered
 * after the lock is released.
 */
public final class OutlierDetector implements HealthView {
  private final OutlierDetectionSettings settings;
  private final InstantSource clock;
  private final Listeners<RegionHealthEvent> listeners;
  private final Map<RegionId, Map<String, EndpointState>> regions;
  private final Map<RegionId, Integer> maxEjected;
  private final long baseMillis;
  private final long maxMillis;
  private final long intervalMillis;
  private final int maxMultiplier;
  private final AtomicLong version = new AtomicLong();
  private volatile long nextReturn = Long.MAX_VALUE;

  private OutlierDetector(Builder b) {
    this.settings = b.settings;
    this.clock = b.clock;
    this.listeners = Listeners.of(b.listeners);
    this.baseMillis = settings.baseEjectionTime().toMillis();
    this.maxMillis = settings.maxEjectionTime().toMillis();
    this.intervalMillis = settings.interval().toMillis();
    this.maxMultiplier =
        (int) Math.min(Integer.MAX_VALUE, (maxMillis + baseMillis - 1) / baseMillis);
    Map<RegionId, Map<String, EndpointState>> byRegion = new LinkedHashMap<>();
    Map<RegionId, Integer> caps = new LinkedHashMap<>();
    for (Region region : b.catalog.regions()) {
      Map<String, EndpointState> endpoints = new LinkedHashMap<>();
      for (Endpoint e : region.endpoints()) {
        endpoints.put(e.id(), new EndpointState());
      }
      byRegion.put(region.id(), Map.copyOf(endpoints));
      caps.put(region.id(), Math.max(1, endpoints.size() * settings.maxEjectionPercent() / 100));
    }
    this.regions = Map.copyOf(byRegion);
    this.maxEjected = Map.copyOf(caps);
  }

  /**
   * Returns a builder for the endpoints of {@code catalog} (Envoy's defaults, system clock).
   *
   * @param catalog the regions whose endpoints are watched
   * @return the builder
   */
  public static Builder builder(RegionCatalog catalog) {
    return new Builder(catalog);
  }

  /** Returns the settings in use. */
  public OutlierDetectionSettings settings() {
    return settings;
  }

  /**
   * Records the status of one response from an endpoint; may eject it.
   *
   * @param region the endpoint's region
   * @param endpointId the endpoint
   * @param statusCode the HTTP status, 100 to 599
   * @throws UnknownRegionException if the region is not in the catalog
   * @throws IllegalArgumentException if the endpoint is not in the region or the status is invalid
   */
  public void recordResult(RegionId region, String endpointId, int statusCode) {
    EndpointState endpoint = endpoint(region, endpointId);
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("statusCode is " + statusCode + "; allowed: 100 to 599");
    }
    List<RegionHealthEvent> events = new ArrayList<>(0);
    synchronized (this) {
      long now = clock.millis();
      returnDue(now, events);
      if (!endpoint.ejected) {
        if (statusCode < 500) {
          endpoint.consecutive5xx = 0;
        } else if (++endpoint.consecutive5xx >= settings.consecutive5xx()
            && ejectedIn(region) < maxEjected.get(region)) {
          eject(region, endpointId, endpoint, now, events);
        }
      }
    }
    events.forEach(listeners::publish);
  }

  /** Returns ejected endpoints whose time is up to the pool. */
  public void refresh() {
    List<RegionHealthEvent> events = new ArrayList<>(0);
    synchronized (this) {
      returnDue(clock.millis(), events);
    }
    events.forEach(listeners::publish);
  }

  /** Returns true: regions are {@link RegionHealth}'s concern. */
  @Override
  public boolean isHealthy(RegionId region) {
    return true;
  }

  /** Returns false while the endpoint is ejected; true otherwise, and for unknown endpoints. */
  @Override
  public boolean isAvailable(RegionId region, String endpointId) {
    Map<String, EndpointState> endpoints = regions.get(region);
    EndpointState state = endpoints == null ? null : endpoints.get(endpointId);
    return state == null || !state.ejected;
  }

  /** Returns a number that changes on every ejection and return; applies returns that are due. */
  @Override
  public long version() {
    if (clock.millis() >= nextReturn) {
      refresh();
    }
    return version.get();
  }

  /**
   * Returns the ids of the region's ejected endpoints, sorted.
   *
   * @param region the region
   * @return the ejected endpoints; empty for an unknown region
   */
  public synchronized Set<String> ejected(RegionId region) {
    SortedSet<String> out = new TreeSet<>();
    regions
        .getOrDefault(region, Map.of())
        .forEach(
            (id, e) -> {
              if (e.ejected) {
                out.add(id);
              }
            });
    return Collections.unmodifiableSortedSet(out);
  }

  private void eject(
      RegionId region,
      String id,
      EndpointState endpoint,
      long now,
      List<RegionHealthEvent> events) {
    if (endpoint.multiplier > 0) {
      long decay = (now - endpoint.returnedAt) / intervalMillis;
      endpoint.multiplier = (int) Math.max(0, endpoint.multiplier - decay);
    }
    endpoint.multiplier = Math.min(maxMultiplier, endpoint.multiplier + 1);
    long duration = Math.min(maxMillis, baseMillis * endpoint.multiplier);
    endpoint.ejected = true;
    endpoint.ejectedUntil = now + duration;
    endpoint.consecutive5xx = 0;
    nextReturn = Math.min(nextReturn, endpoint.ejectedUntil);
    version.incrementAndGet();
    events.add(
        new EndpointEjected(
            region,
            id,
            endpoint.multiplier,
            Duration.ofMillis(duration),
            Instant.ofEpochMilli(now)));
  }

  /** Returns every endpoint whose ejection ended by {@code now}; guarded by this. */
  private void returnDue(long now, List<RegionHealthEvent> events) {
    if (now < nextReturn) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (Map.Entry<RegionId, Map<String, EndpointState>> region : regions.entrySet()) {
      for (Map.Entry<String, EndpointState> entry : region.getValue().entrySet()) {
        EndpointState e = entry.getValue();
        if (!e.ejected) {
          continue;
        }
        if (now >= e.ejectedUntil) {
          e.ejected = false;
          e.returnedAt = e.ejectedUntil;
          version.incrementAndGet();
          events.add(
              new EndpointReturned(
                  region.getKey(), entry.getKey(), Instant.ofEpochMilli(e.ejectedUntil)));
        } else {
          next = Math.min(next, e.ejectedUntil);
        }
      }
    }
    nextReturn = next;
  }

  private int ejectedIn(RegionId region) {
    int count = 0;
    for (EndpointState e : regions.get(region).values()) {
      if (e.ejected) {
        count++;
      }
    }
    return count;
  }

  private EndpointState endpoint(RegionId region, String endpointId) {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpointId, "endpointId");
    Map<String, EndpointState> endpoints = regions.get(region);
    if (endpoints == null) {
      throw new UnknownRegionException(
          "unknown region '" + region + "'; known regions: " + new TreeSet<>(regions.keySet()));
    }
    EndpointState state = endpoints.get(endpointId);
    if (state == null) {
      throw new IllegalArgumentException(
          "endpoint '"
              + (endpointId.length() > 80 ? endpointId.substring(0, 80) + "..." : endpointId)
              + "' is not in region "
              + region
              + "; its endpoints: "
              + new TreeSet<>(endpoints.keySet()));
    }
    return state;
  }

  /** One endpoint's state; {@code ejected} is read without the lock, the rest under it. */
  private static final class EndpointState {
    volatile boolean ejected;
    int consecutive5xx;
    int multiplier;
    long ejectedUntil;
    long returnedAt;
  }

  /** Builds an {@link OutlierDetector}. Not thread-safe. */
  public static final class Builder {
    private final RegionCatalog catalog;
    private OutlierDetectionSettings settings = OutlierDetectionSettings.defaults();
    private InstantSource clock = InstantSource.system();
    private final List<EventListener<? super RegionHealthEvent>> listeners = new ArrayList<>();

    private Builder(RegionCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Sets the settings (default {@link OutlierDetectionSettings#defaults()}).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(OutlierDetectionSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the wall clock (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a listener of ejections and returns.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(EventListener<? super RegionHealthEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Returns the detector.
     *
     * @return a detector with no endpoint ejected
     */
    public OutlierDetector build() {
      return new OutlierDetector(this);
    }
  }
}
