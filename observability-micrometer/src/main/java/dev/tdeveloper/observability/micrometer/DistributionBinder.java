package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.distribution.health.RegionHealthEvent;
import dev.tdeveloper.distribution.lag.LagEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/**
 * Meters for distribution-core's replication lag and region health events; loaded only when used.
 */
final class DistributionBinder {
  private final TenantMeters meters;

  DistributionBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> lag() {
    return meters.safe(
        "replication lag",
        event -> {
          if (event instanceof LagEvent.StalenessSloBreached e) {
            count(
                    "tdeveloper.replication.staleness.breaches",
                    "Replication staleness SLO breaches",
                    e)
                .increment();
          } else if (event instanceof LagEvent.StalenessSloRecovered e) {
            count(
                    "tdeveloper.replication.staleness.recoveries",
                    "Replication staleness SLO recoveries",
                    e)
                .increment();
            Timer.builder("tdeveloper.replication.staleness.breach.duration")
                .description("How long replication staleness SLO breaches lasted")
                .tags("origin", e.origin().value(), "receiver", e.receiver().value())
                .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
                .register(meters.registry)
                .record(e.breachedFor());
          }
        });
  }

  EventListener<Object> regionHealth() {
    return meters.safe(
        "region health",
        event -> {
          if (event instanceof RegionHealthEvent.RegionFailedOver e) {
            region(
                "tdeveloper.region.failovers", "Regions failed over", e, "cause", cause(e.cause()));
            timer("tdeveloper.region.failover.detection", "Time from first failure to failover", e)
                .record(e.detectionTime());
            failedOver(e).set(1);
          } else if (event instanceof RegionHealthEvent.RegionFailedBack e) {
            region(
                "tdeveloper.region.failbacks", "Regions failed back", e, "cause", cause(e.cause()));
            timer("tdeveloper.region.outage", "Time from failover to failback", e)
                .record(e.outage());
            failedOver(e).set(0);
          } else if (event instanceof RegionHealthEvent.RegionFlapSuppressed e) {
            region("tdeveloper.region.flaps.suppressed", "Failbacks held back by flap damping", e);
          } else if (event instanceof RegionHealthEvent.EndpointEjected e) {
            region("tdeveloper.region.endpoint.ejections", "Outlier endpoints ejected", e);
          }
        });
  }

  private void region(String name, String description, RegionHealthEvent e, String... tags) {
    meters
        .counter(name, description, Optional.empty(), append(tags, "region", e.region().value()))
        .increment();
  }

  private Timer timer(String name, String description, RegionHealthEvent e) {
    return Timer.builder(name)
        .description(description)
        .tags("region", e.region().value())
        .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
        .register(meters.registry);
  }

  private java.util.concurrent.atomic.AtomicLong failedOver(RegionHealthEvent e) {
    return meters.gaugeValue(
        "tdeveloper.region.failed.over",
        "1 while the region is failed over, 0 once it failed back",
        null,
        "region",
        e.region().value());
  }

  private static String cause(RegionHealthEvent.Cause cause) {
    return cause.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String[] append(String[] tags, String key, String value) {
    String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
    all[tags.length] = key;
    all[tags.length + 1] = value;
    return all;
  }

  private Counter count(String name, String description, LagEvent e) {
    return meters.meter(
        Optional.of(e.tenant()),
        tag ->
            Counter.builder(name)
                .description(description)
                .tags("origin", e.origin().value(), "receiver", e.receiver().value())
                .tag(TdeveloperMetrics.TENANT_TAG, tag)
                .register(meters.registry));
  }
}
