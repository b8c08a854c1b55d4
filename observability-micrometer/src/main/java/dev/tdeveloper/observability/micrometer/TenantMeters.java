package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.metrics.TagChange;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers meters with a {@code tenant} tag under the guard and keeps the registry within the
 * guard's bound: a demoted tenant's meters (those named {@code tdeveloper.*}) are removed at the
 * re-rank, and a meter registered for a tenant demoted meanwhile is removed by the thread that
 * registered it, which then uses {@code other}. Wraps listeners so that nothing they do, nor a
 * failing registry, ever reaches the thread that published the event. Thread-safe.
 */
final class TenantMeters {
  static final String PREFIX = "tdeveloper.";
  private static final Logger LOG = LoggerFactory.getLogger(TenantMeters.class);

  final MeterRegistry registry;
  final TenantCardinalityGuard guard;
  private final AtomicLong failures = new AtomicLong();
  private final ConcurrentHashMap<Meter.Id, AtomicLong> gaugeValues = new ConcurrentHashMap<>();

  TenantMeters(MeterRegistry registry, TenantCardinalityGuard guard) {
    this.registry = registry;
    this.guard = guard;
    guard.addListener(this::onTagChange);
  }

  /**
   * Registers (or finds) a meter tagged with {@code tenant}'s guarded tag value, or with {@link
   * TdeveloperMetrics#NO_TENANT} when the event concerns no tenant; {@code register} receives the
   * tag value.
   */
  <M extends Meter> M meter(Optional<TenantId> tenant, Function<String, M> register) {
    if (tenant.isEmpty()) {
      return register.apply(TdeveloperMetrics.NO_TENANT);
    }
    TenantId id = tenant.get();
    String tag = guard.tag(id);
    M meter = register.apply(tag);
    if (!tag.equals(TenantCardinalityGuard.OTHER) && !guard.hasOwnTag(id)) {
      registry.remove(meter);
      meter = register.apply(TenantCardinalityGuard.OTHER);
    }
    return meter;
  }

  /** Registers (or finds) a counter with {@code tags} and the guarded tag of {@code tenant}. */
  Counter counter(String name, String description, Optional<TenantId> tenant, String... tags) {
    return meter(
        tenant,
        tag ->
            Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(TdeveloperMetrics.TENANT_TAG, tag)
                .register(registry));
  }

  /**
   * Returns the value behind a gauge about no tenant, registering the gauge on first use. The value
   * is shared by every listener, so two components publishing to the same gauge agree on it.
   */
  AtomicLong gaugeValue(String name, String description, String baseUnit, String... tags) {
    Tags all = Tags.of(tags).and(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT);
    Meter.Id id = new Meter.Id(name, all, baseUnit, description, Meter.Type.GAUGE);
    AtomicLong value = gaugeValues.computeIfAbsent(id, k -> new AtomicLong());
    Gauge.builder(name, value, AtomicLong::get)
        .description(description)
        .baseUnit(baseUnit)
        .tags(all)
        .strongReference(true)
        .register(registry);
    return value;
  }

  /** Returns {@code body} as a listener that logs (throttled) instead of throwing. */
  <E> EventListener<E> safe(String what, Consumer<E> body) {
    return event -> {
      try {
        body.accept(event);
      } catch (RuntimeException | LinkageError e) {
        failed(what, event, e);
      }
    };
  }

  /** Counts a failure to record {@code subject} and logs it (the first, then every 1000th). */
  void failed(String what, Object subject, Throwable e) {
    long n = failures.incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      LOG.warn("{} metrics: failed to record {} ({} failures so far)", what, subject, n, e);
    }
  }

  /** Returns how many events failed to be recorded. */
  long failures() {
    return failures.get();
  }

  private void onTagChange(TagChange change) {
    if (change.demoted().isEmpty()) {
      return;
    }
    Set<String> demoted =
        change.demoted().stream().map(TenantId::value).collect(Collectors.toUnmodifiableSet());
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      String tenant = id.getTag(TdeveloperMetrics.TENANT_TAG);
      if (tenant != null && id.getName().startsWith(PREFIX) && demoted.contains(tenant)) {
        registry.remove(meter);
      }
    }
  }
}
