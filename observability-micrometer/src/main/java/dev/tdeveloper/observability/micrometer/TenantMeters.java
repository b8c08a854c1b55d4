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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * failing registry, ever reaches the thread that published the event. Counters are kept by name,
 * tags and tenant tag once registered, so an event does not rebuild and look up a meter id in the
 * registry; the re-rank that demotes a tenant empties that cache. Thread-safe.
 */
final class TenantMeters {
  static final String PREFIX = "tdeveloper.";
  private static final Logger LOG = LoggerFactory.getLogger(TenantMeters.class);

  final MeterRegistry registry;
  final TenantCardinalityGuard guard;
  private final AtomicLong failures = new AtomicLong();
  private final ConcurrentHashMap<Meter.Id, AtomicLong> gaugeValues = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CounterKey, Registered> counters = new ConcurrentHashMap<>();

  /** Advanced by every re-rank that demotes, before it removes meters. */
  private final AtomicLong demotions = new AtomicLong();

  /** Every family handed out, emptied with {@link #counters} when a re-rank demotes. */
  private final List<CounterFamily> families = new CopyOnWriteArrayList<>();

  /** A counter's identity apart from its description: name, tags in order, tenant tag value. */
  private record CounterKey(String name, List<String> tags, String tenantTag) {}

  /** A registered counter and the demotion count when it was registered. */
  private record Registered(Counter counter, long demotions) {}

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
    return tagged(tenant.get(), guard.tag(tenant.get()), register);
  }

  private <M extends Meter> M tagged(TenantId tenant, String tag, Function<String, M> register) {
    M meter = register.apply(tag);
    if (!tag.equals(TenantCardinalityGuard.OTHER) && !guard.hasOwnTag(tenant)) {
      registry.remove(meter);
      meter = register.apply(TenantCardinalityGuard.OTHER);
    }
    return meter;
  }

  /**
   * Registers (or finds) a counter with {@code tags} and the guarded tag of {@code tenant}; the
   * guard counts the tenant's event either way. A counter found in the cache is used only when no
   * re-rank demoted anyone since it was registered.
   */
  Counter counter(String name, String description, Optional<TenantId> tenant, String... tags) {
    long seen = demotions.get();
    String tag = tenant.map(guard::tag).orElse(TdeveloperMetrics.NO_TENANT);
    return counter(name, description, tenant, tag, seen, tags);
  }

  /**
   * Returns the counter with {@code tags} and tenant tag value {@code tag}, which the caller took
   * from the guard (counting the event) after reading {@link #demotions()} as {@code seen}; the
   * counter may carry {@code other} instead when the tenant was demoted meanwhile.
   */
  Counter counter(
      String name,
      String description,
      Optional<TenantId> tenant,
      String tag,
      long seen,
      String... tags) {
    CounterKey key = new CounterKey(name, Arrays.asList(tags), tag);
    Registered cached = counters.get(key);
    if (cached != null && cached.demotions() == seen) {
      return cached.counter();
    }
    Function<String, Counter> register =
        t ->
            Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(TdeveloperMetrics.TENANT_TAG, t)
                .register(registry);
    Counter counter = tenant.isEmpty() ? register.apply(tag) : tagged(tenant.get(), tag, register);
    if (counter.getId().getTag(TdeveloperMetrics.TENANT_TAG).equals(tag)) {
      counters.put(key, new Registered(counter, seen));
    }
    return counter;
  }

  /**
   * Returns how many re-ranks have demoted a tenant; cached counters are valid within one count.
   */
  long demotions() {
    return demotions.get();
  }

  /**
   * Returns a family of counters named {@code name} that differ in one tag, {@code tagKey}, and all
   * carry the key-value pairs {@code fixedTags}.
   */
  CounterFamily family(String name, String description, String tagKey, String... fixedTags) {
    CounterFamily family = new CounterFamily(this, name, description, tagKey, fixedTags);
    families.add(family);
    return family;
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
    demotions.incrementAndGet();
    counters.clear();
    families.forEach(CounterFamily::clear);
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
