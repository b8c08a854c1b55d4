package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.distribution.lag.LagEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/** Meters for distribution-core's replication lag events; loaded only when used. */
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
