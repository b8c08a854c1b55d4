package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of a comparison in the counter property tests: a registry, a cardinality guard keeping
 * two tenants, and the {@link TenantMeters} over them.
 */
final class MeterSide {
  final MeterRegistry registry = new SimpleMeterRegistry();
  final TenantCardinalityGuard guard;
  final TenantMeters meters;

  MeterSide(ManualClock clock) {
    guard = TenantCardinalityGuard.builder().topTenants(2).clock(clock).build();
    meters = new TenantMeters(registry, guard);
  }

  /** Every counter's count by name and tags, in order. */
  Map<String, Double> counts() {
    Map<String, Double> counts = new TreeMap<>();
    for (Meter meter : registry.getMeters()) {
      if (meter instanceof Counter counter) {
        counts.put(meter.getId().getName() + meter.getId().getTags(), counter.count());
      }
    }
    return counts;
  }
}
