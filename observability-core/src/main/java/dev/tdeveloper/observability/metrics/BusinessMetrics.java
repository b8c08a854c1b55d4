package dev.tdeveloper.observability.metrics;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant business metrics defined by the application up front (sign-ups, notes created,
 * revenue, active users), kept under a {@link TenantCardinalityGuard}: each metric has at most
 * {@code N + 1} series, one per top tenant and {@value TenantCardinalityGuard#OTHER}.
 *
 * <p>Each recording counts one unit of the tenant's traffic in the guard (whatever the amount).
 * When the guard demotes a tenant, its series is removed and its value added to {@code other}'s, so
 * the sum over a metric's series is exact whatever the moves; a promoted tenant's series starts at
 * zero. Bad input (an unknown metric, a counter used as a gauge, a negative increment, a NaN or
 * infinite delta) throws {@link IllegalArgumentException} and records nothing. Counters saturate at
 * {@link Long#MAX_VALUE}.
 *
 * <p>Thread-safe and lock-free: recording for a tenant whose series exists allocates nothing.
 */
public final class BusinessMetrics {
  private final Map<String, Metric> metrics;
  private final List<Metric> ordered;
  private final TenantCardinalityGuard guard;
  private final InstantSource clock;
  private volatile Listeners<BusinessMetricEvent> listeners;

  BusinessMetrics(
      List<MetricDefinition> definitions,
      TenantCardinalityGuard guard,
      InstantSource clock,
      Listeners<BusinessMetricEvent> listeners) {
    this.guard = guard;
    this.clock = clock;
    this.listeners = listeners;
    List<Metric> list = new ArrayList<>();
    Map<String, Metric> byName = new java.util.HashMap<>();
    for (MetricDefinition definition : definitions) {
      Metric metric = new Metric(definition);
      list.add(metric);
      byName.put(definition.name(), metric);
    }
    this.ordered = List.copyOf(list);
    this.metrics = Map.copyOf(byName);
    guard.addListener(this::onTagChange);
  }

  /** Returns a builder: define metrics, optionally set the guard, clock and listeners. */
  public static BusinessMetricsBuilder builder() {
    return new BusinessMetricsBuilder();
  }

  /**
   * Increments counter {@code name} by one for {@code tenant}.
   *
   * @throws IllegalArgumentException if no counter has that name
   */
  public void increment(String name, TenantId tenant) {
    increment(name, tenant, 1);
  }

  /**
   * Increments counter {@code name} by {@code amount} (zero or more) for {@code tenant}.
   *
   * @throws IllegalArgumentException if no counter has that name or {@code amount} is negative
   */
  public void increment(String name, TenantId tenant, long amount) {
    Metric metric = metric(name, MetricType.COUNTER, "increment");
    Objects.requireNonNull(tenant, "tenant");
    if (amount < 0) {
      throw new IllegalArgumentException(
          "metric '"
              + name
              + "': increment "
              + amount
              + " for tenant "
              + tenant
              + " is negative; allowed: >= 0 (counters only go up)");
    }
    String tag = guard.tag(tenant);
    while (!cell(metric, tag, tenant).addLong(amount)) {
      tag = guard.currentTag(tenant);
    }
  }

  /**
   * Adds {@code delta} (negative to decrease) to gauge {@code name} for {@code tenant}.
   *
   * @throws IllegalArgumentException if no gauge has that name, {@code delta} is NaN or infinite,
   *     or the gauge would overflow
   */
  public void add(String name, TenantId tenant, double delta) {
    Metric metric = metric(name, MetricType.GAUGE, "add");
    Objects.requireNonNull(tenant, "tenant");
    if (!Double.isFinite(delta)) {
      throw new IllegalArgumentException(
          "metric '"
              + name
              + "': delta "
              + delta
              + " for tenant "
              + tenant
              + " is not a finite number; allowed: finite values");
    }
    String tag = guard.tag(tenant);
    try {
      while (!cell(metric, tag, tenant).addDouble(delta, false)) {
        tag = guard.currentTag(tenant);
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "metric '" + name + "': adding " + delta + " for tenant " + tenant + " overflows", e);
    }
  }

  /** Returns the current value of the series of metric {@code name} tagged {@code tag}, if any. */
  public OptionalDouble value(String name, String tag) {
    Objects.requireNonNull(tag, "tag");
    Metric metric = metrics.get(Objects.requireNonNull(name, "name"));
    Cell cell = metric == null ? null : metric.cells.get(tag);
    double value = cell == null ? Double.NaN : cell.value();
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Returns the metrics' definitions, in definition order. */
  public List<MetricDefinition> definitions() {
    return ordered.stream().map(m -> m.definition).toList();
  }

  /** Returns the guard that bounds the tenant tags. */
  public TenantCardinalityGuard guard() {
    return guard;
  }

  /** Returns every metric's series now; tenants sorted by id, {@code other} last. */
  public MetricsSnapshot snapshot() {
    List<MetricsSnapshot.Metric> list = new ArrayList<>(ordered.size());
    for (Metric metric : ordered) {
      List<MetricsSnapshot.Series> series = new ArrayList<>();
      metric.cells.forEach(
          (tag, cell) -> {
            double value = cell.value();
            if (!Double.isNaN(value)) {
              series.add(new MetricsSnapshot.Series(tag, value));
            }
          });
      series.sort(
          Comparator.comparing((MetricsSnapshot.Series s) -> s.tenant().equals(OTHER))
              .thenComparing(MetricsSnapshot.Series::tenant));
      list.add(new MetricsSnapshot.Metric(metric.definition, series));
    }
    return new MetricsSnapshot(list, clock.instant());
  }

  /** Returns {@link #snapshot()} as JSON (see {@link MetricsSnapshot#toJson()}). */
  public String snapshotJson() {
    return snapshot().toJson();
  }

  /**
   * Adds a listener for series being added and removed (e.g. a bridge mirroring the series).
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public synchronized void addListener(EventListener<? super BusinessMetricEvent> listener) {
    listeners = listeners.with(Objects.requireNonNull(listener, "listener"));
  }

  private static final String OTHER = TenantCardinalityGuard.OTHER;

  private Metric metric(String name, MetricType type, String operation) {
    Metric metric = metrics.get(Objects.requireNonNull(name, "name"));
    if (metric == null) {
      throw new IllegalArgumentException(
          "unknown metric '" + name + "'; defined: " + metrics.keySet().stream().sorted().toList());
    }
    if (metric.definition.type() != type) {
      throw new IllegalArgumentException(
          "metric '"
              + name
              + "' is a "
              + metric.definition.type().label()
              + ", not a "
              + type.label()
              + ": "
              + operation
              + " does not apply; use "
              + (type == MetricType.COUNTER ? "add" : "increment"));
    }
    return metric;
  }

  /**
   * Returns the series {@code tag} of {@code metric}, creating it; {@code tenant} null for other.
   */
  private Cell cell(Metric metric, String tag, TenantId tenant) {
    Cell cell = metric.cells.get(tag);
    if (cell != null) {
      return cell;
    }
    Cell created = new Cell(metric.definition.type());
    cell = metric.cells.putIfAbsent(tag, created);
    if (cell != null) {
      return cell;
    }
    listeners.publish(new BusinessMetricEvent.SeriesAdded(metric.definition, tag));
    if (tenant != null && !tag.equals(OTHER) && !guard.hasOwnTag(tenant)) {
      // Demoted between tag() and now, and the guard's listener may have run already.
      retire(metric, tag, created);
    }
    return created;
  }

  private void onTagChange(TagChange change) {
    for (TenantId demoted : change.demoted()) {
      for (Metric metric : ordered) {
        Cell cell = metric.cells.get(demoted.value());
        if (cell != null) {
          retire(metric, demoted.value(), cell);
        }
      }
    }
  }

  private void retire(Metric metric, String tag, Cell cell) {
    double last = cell.retire();
    metric.cells.remove(tag, cell);
    if (Double.isNaN(last)) {
      return;
    }
    Cell other = cell(metric, OTHER, null);
    if (metric.definition.type() == MetricType.COUNTER) {
      other.addLong((long) last);
    } else {
      other.addDouble(last, true);
    }
    listeners.publish(new BusinessMetricEvent.SeriesRemoved(metric.definition, tag, last));
  }

  private static final class Metric {
    final MetricDefinition definition;
    final ConcurrentHashMap<String, Cell> cells = new ConcurrentHashMap<>();

    Metric(MetricDefinition definition) {
      this.definition = definition;
    }
  }
}
