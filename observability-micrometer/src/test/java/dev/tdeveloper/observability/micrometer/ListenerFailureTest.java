package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListenerFailureTest {
  @Test
  void aFailingRegistryNeverThrowsIntoTheEmittingOperation() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("registry is broken");
              }
            });
    TdeveloperMetrics metrics = TdeveloperMetrics.builder(registry).build();
    Instant now = Instant.EPOCH;
    assertThatCode(
            () -> {
              metrics
                  .quotaListener()
                  .onEvent(
                      new QuotaExhaustedEvent(TenantId.of("acme"), "calls", 1, 1, 1, now, now));
              metrics
                  .rateLimitListener()
                  .onEvent(new RateLimitEvent.Denied(TenantId.of("acme"), "free", 1, 1));
            })
        .doesNotThrowAnyException();
    assertThat(metrics.meters.failures()).isEqualTo(2);
  }
}
