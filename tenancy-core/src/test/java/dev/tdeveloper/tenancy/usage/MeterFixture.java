package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Meters, events and a clock shared by the usage meter tests. */
final class MeterFixture {
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration GRACE = Duration.ofMinutes(10);
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  static final List<MeterDefinition> METERS =
      List.of(
          MeterDefinition.of("api_calls", Aggregation.SUM, HOUR, GRACE),
          MeterDefinition.of("requests", Aggregation.COUNT, HOUR, GRACE),
          MeterDefinition.of("peak_connections", Aggregation.MAX, HOUR, GRACE),
          MeterDefinition.of("min_latency", Aggregation.MIN, HOUR, GRACE),
          MeterDefinition.of("seats", Aggregation.LATEST, HOUR, GRACE),
          MeterDefinition.uniqueCount("active_users", "user_id", HOUR, GRACE));

  final ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(30)));
  final InMemoryUsageStore store = new InMemoryUsageStore();
  final List<UsageMeterEvent> published = new CopyOnWriteArrayList<>();

  UsageMeter meter() {
    return meter(store);
  }

  UsageMeter meter(UsageStore on) {
    return UsageMeter.builder()
        .meters(METERS)
        .store(on)
        .clock(clock)
        .listener(published::add)
        .build();
  }

  static UsageEvent event(TenantId tenant, String meter, long value, Instant at, String key) {
    return UsageEvent.of(tenant, meter, value, at, key);
  }

  static UsageEvent calls(TenantId tenant, long value, String key) {
    return event(tenant, "api_calls", value, T0.plusSeconds(60), key);
  }

  <E extends UsageMeterEvent> List<E> published(Class<E> type) {
    return published.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
