package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.tenancy.TenantId;
import io.micrometer.core.instrument.Counter;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters of one name that differ only in one tag (an outcome, a policy) and the tenant tag,
 * with any further tags fixed for the family (a shield family per dimension), kept per tenant tag
 * value so that an event costs the guard's count and two map lookups: no meter id, tag array or
 * cache key is built once a counter is known. What it returns is exactly what {@link
 * TenantMeters#counter} returns for the same name, tags and tenant: a cache miss asks it. Entries
 * are used only while no re-rank has demoted a tenant since they were stored (the re-rank also
 * empties the family), so a demoted tenant's events move to {@code other} with the registry.
 * Bounded by the guard: at most {@code N + 2} tenant tag values, each with the values of the tag
 * seen. Thread-safe.
 */
final class CounterFamily {
  private final TenantMeters meters;
  private final String name;
  private final String description;
  private final String tagKey;
  private final String[] fixedTags;
  private final ConcurrentHashMap<String, PerTag> byTenantTag = new ConcurrentHashMap<>();

  /** The counters of one tenant tag value, by the varying tag's value, valid for one count. */
  private record PerTag(long demotions, ConcurrentHashMap<String, Counter> counters) {}

  /**
   * Creates the family; {@code fixedTags} are further key-value pairs every counter of the family
   * carries after {@code tagKey=value}.
   *
   * @throws IllegalArgumentException if {@code fixedTags} is not key-value pairs
   */
  CounterFamily(
      TenantMeters meters, String name, String description, String tagKey, String... fixedTags) {
    if (fixedTags.length % 2 != 0) {
      throw new IllegalArgumentException(
          "fixed tags of "
              + name
              + " must be key-value pairs, got "
              + fixedTags.length
              + " strings");
    }
    this.meters = meters;
    this.name = name;
    this.description = description;
    this.tagKey = tagKey;
    this.fixedTags = fixedTags.clone();
  }

  /**
   * Counts the event for {@code tenant} with the guard and returns the counter tagged {@code
   * tagKey=value}, the family's fixed tags and the tenant's guarded tag value ({@link
   * TdeveloperMetrics#NO_TENANT} for no tenant).
   */
  Counter counter(Optional<TenantId> tenant, String value) {
    long seen = meters.demotions();
    String tag = tenant.isEmpty() ? TdeveloperMetrics.NO_TENANT : meters.guard.tag(tenant.get());
    PerTag perTag = byTenantTag.get(tag);
    if (perTag != null && perTag.demotions() == seen) {
      Counter counter = perTag.counters().get(value);
      if (counter != null) {
        return counter;
      }
    }
    Counter counter = meters.counter(name, description, tenant, tag, seen, tags(value));
    if (tag.equals(counter.getId().getTag(TdeveloperMetrics.TENANT_TAG))) {
      if (perTag == null || perTag.demotions() != seen) {
        PerTag fresh = new PerTag(seen, new ConcurrentHashMap<>());
        perTag = byTenantTag.merge(tag, fresh, (old, mine) -> old.demotions() >= seen ? old : mine);
      }
      if (perTag.demotions() == seen) {
        perTag.counters().putIfAbsent(value, counter);
      }
    }
    return counter;
  }

  /** Returns {@code tagKey, value} followed by the fixed tags, as the plain path takes them. */
  private String[] tags(String value) {
    String[] tags = new String[2 + fixedTags.length];
    tags[0] = tagKey;
    tags[1] = value;
    System.arraycopy(fixedTags, 0, tags, 2, fixedTags.length);
    return tags;
  }

  /** Forgets every counter (a re-rank demoted a tenant). */
  void clear() {
    byTenantTag.clear();
  }
}
