package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.slo.AlertState;
import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.observability.slo.BurnRateRule;
import dev.tdeveloper.observability.slo.RuleStatus;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.observability.slo.SloStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * SLO gauges read from a cached {@link BurnRateEvaluator#snapshot()}: the cache is refreshed only
 * when the evaluator has evaluated since (checked by asking it for one series' status at most once
 * per {@link #PROBE_INTERVAL}), so a scrape of thousands of gauges costs one snapshot per
 * evaluation. A refresh also registers the gauges of new (SLO, tag) pairs and removes those that
 * went away; the anchor gauge {@code tdeveloper.slo.series} triggers it even before any series
 * exists. Tenants without their own tag share {@code other}, whose gauges show the worst of them
 * (least budget left, highest burn rate, most severe state) and the sum of their events.
 * Thread-safe.
 */
final class SloBinder {
  /** How often gauge reads may ask the evaluator whether it has evaluated since the last read. */
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private final TenantMeters meters;
  private final BurnRateEvaluator evaluator;
  private final InstantSource clock;
  private final Object lock = new Object();
  private volatile Map<Key, Values> values = Map.of();
  private volatile long nextProbeAt = Long.MIN_VALUE;
  private List<SloStatus> cached = List.of(); // guarded by lock
  private Map<Meter.Id, Meter> registered = new HashMap<>(); // guarded by lock

  private record Key(String slo, String tenant) {}

  /** What the gauges of one SLO and tag value show. */
  private static final class Values {
    final List<BurnRateRule> rules;
    double remaining = Double.POSITIVE_INFINITY;
    long good;
    long bad;
    final Map<String, Double> burn = new LinkedHashMap<>();
    final int[] state;

    Values(Slo slo) {
      rules = slo.alerts().rules();
      state = new int[rules.size()];
    }

    void add(SloStatus status) {
      remaining = Math.min(remaining, status.budget().remainingFraction());
      good += status.budget().counts().good();
      bad += status.budget().counts().bad();
      burn.merge(window(status.slo().window()), status.budget().burnRate(), Math::max);
      for (int i = 0; i < state.length && i < status.rules().size(); i++) {
        RuleStatus r = status.rules().get(i);
        burn.merge(window(r.rule().longWindow()), r.longBurnRate(), Math::max);
        burn.merge(window(r.rule().shortWindow()), r.shortBurnRate(), Math::max);
        state[i] = Math.max(state[i], code(r.state()));
      }
    }
  }

  SloBinder(TenantMeters meters, BurnRateEvaluator evaluator, InstantSource clock) {
    this.meters = meters;
    this.evaluator = evaluator;
    this.clock = clock;
  }

  void bind() {
    try {
      Gauge.builder("tdeveloper.slo.series", this, SloBinder::series)
          .description("SLO and tenant series evaluated by the burn-rate evaluator")
          .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
          .strongReference(true)
          .register(meters.registry);
    } catch (RuntimeException e) {
      meters.failed("slo", "the series gauge", e);
    }
    refreshIfEvaluated();
  }

  /** The alert state as a gauge value: 2 firing, 1 pending, 0 inactive or just resolved. */
  static int code(AlertState state) {
    return switch (state) {
      case FIRING -> 2;
      case PENDING -> 1;
      case INACTIVE, RESOLVED -> 0;
    };
  }

  /**
   * Formats a window the way the burn-rate alerts label it: {@code 30d}, {@code 6h}, {@code 5m}.
   */
  static String window(Duration d) {
    long s = d.getSeconds();
    if (s > 0 && s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s > 0 && s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    return s > 0 && s % 60 == 0 ? s / 60 + "m" : d.toString();
  }

  private double series() {
    refreshIfEvaluated();
    synchronized (lock) {
      return cached.size();
    }
  }

  private double read(Key key, ToDoubleFunction<Values> value) {
    refreshIfEvaluated();
    Values v = values.get(key);
    return v == null ? Double.NaN : value.applyAsDouble(v);
  }

  private void refreshIfEvaluated() {
    long now = clock.millis();
    if (now < nextProbeAt) {
      return;
    }
    synchronized (lock) {
      if (now < nextProbeAt) {
        return;
      }
      nextProbeAt = now + PROBE_INTERVAL.toMillis();
      try {
        if (evaluatedSinceCached()) {
          refresh(evaluator.snapshot());
        }
      } catch (RuntimeException | LinkageError e) {
        meters.failed("slo", "a snapshot refresh", e);
      }
    }
  }

  private boolean evaluatedSinceCached() {
    if (cached.isEmpty()) {
      return true;
    }
    SloStatus probe = cached.get(0);
    Optional<SloStatus> now = evaluator.status(probe.slo(), probe.tenant());
    return now.isEmpty() || !now.get().at().equals(probe.at());
  }

  private void refresh(List<SloStatus> snapshot) {
    Map<Key, Values> next = new HashMap<>();
    for (SloStatus s : snapshot) {
      String tag = meters.guard.currentTag(s.tenant());
      next.computeIfAbsent(new Key(s.slo().id(), tag), k -> new Values(s.slo())).add(s);
    }
    cached = snapshot;
    values = Map.copyOf(next);
    Map<Meter.Id, Meter> wanted = new HashMap<>();
    for (Map.Entry<Key, Values> e : next.entrySet()) {
      register(e.getKey(), e.getValue(), wanted);
    }
    for (Map.Entry<Meter.Id, Meter> old : registered.entrySet()) {
      if (!wanted.containsKey(old.getKey())) {
        meters.registry.remove(old.getValue());
      }
    }
    registered = wanted;
  }

  private void register(Key key, Values v, Map<Meter.Id, Meter> out) {
    Tags tags = Tags.of("slo", key.slo(), TdeveloperMetrics.TENANT_TAG, key.tenant());
    gauge(
        out,
        "tdeveloper.slo.budget.remaining",
        "Fraction of the error budget left over the SLO window (negative: overspent)",
        tags,
        key,
        x -> x.remaining);
    for (String outcome : List.of("good", "bad")) {
      gauge(
          out,
          "tdeveloper.slo.events",
          "Indicator events (or time slices) counted over the SLO window",
          tags.and("outcome", outcome),
          key,
          outcome.equals("good") ? x -> x.good : x -> x.bad);
    }
    for (String w : v.burn.keySet()) {
      gauge(
          out,
          "tdeveloper.slo.burn.rate",
          "Error budget burn rate over the window (1 spends the budget exactly)",
          tags.and("window", w),
          key,
          x -> x.burn.getOrDefault(w, Double.NaN));
    }
    for (int i = 0; i < v.rules.size(); i++) {
      BurnRateRule rule = v.rules.get(i);
      int at = i;
      gauge(
          out,
          "tdeveloper.slo.alert.state",
          "Burn-rate alert state: 2 firing, 1 pending, 0 inactive",
          tags.and(
              "severity", rule.severity().label(),
              "long_window", window(rule.longWindow()),
              "short_window", window(rule.shortWindow())),
          key,
          x -> x.state[at]);
    }
  }

  private void gauge(
      Map<Meter.Id, Meter> out,
      String name,
      String description,
      Tags tags,
      Key key,
      ToDoubleFunction<Values> value) {
    Gauge gauge =
        Gauge.builder(name, this, b -> b.read(key, value))
            .description(description)
            .tags(tags)
            .strongReference(true)
            .register(meters.registry);
    out.put(gauge.getId(), gauge);
  }
}
