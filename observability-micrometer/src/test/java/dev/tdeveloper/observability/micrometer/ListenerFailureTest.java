package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tdeveloper.observability.notify.DeliveryEvent;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.provision.ProvisioningEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerFailureTest {
  private static SimpleMeterRegistry brokenRegistry() {
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
    return registry;
  }

  @Test
  void aFailingRegistryNeverThrowsFromTheNewBindersAndListeners() {
    ManualClock clock = new ManualClock();
    TdeveloperMetrics metrics = TdeveloperMetrics.builder(brokenRegistry()).clock(clock).build();
    Slo slo = Slo.builder("availability").objective(0.99).build();
    SliRecorder recorder = SliRecorder.create(clock, List.of(slo));
    BurnRateEvaluator evaluator = BurnRateEvaluator.create(recorder, alert -> {});
    recorder.record(slo, TenantId.of("acme"), false);
    evaluator.evaluate();
    metrics.tenantGuard().tag(TenantId.of("acme"));
    Instant now = Instant.EPOCH;
    assertThatCode(
            () -> {
              metrics.bind(evaluator);
              metrics.bind(
                  "sessions",
                  TenantScopedCache.builder().maximumEntriesPerTenant(10).recordStats().build());
              metrics
                  .provisioningListener()
                  .onEvent(
                      new ProvisioningEvent.SagaStarted(
                          "s1", TenantId.of("acme"), LifecycleOperation.PROVISION, now));
              metrics
                  .deliveryListener()
                  .onEvent(
                      new DeliveryEvent.Delivered("slack", "k", Notification.Action.TRIGGER, 1));
            })
        .doesNotThrowAnyException();
    // the SLO series gauge and its refresh, the cache's tenant, and the two events
    assertThat(metrics.meters.failures()).isEqualTo(5);
  }

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
