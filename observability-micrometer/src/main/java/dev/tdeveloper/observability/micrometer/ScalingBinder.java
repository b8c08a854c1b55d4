package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.scaling.control.ScalingEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters for scaling-core's controller events; loaded only when used. */
final class ScalingBinder {
  private final TenantMeters meters;

  /** Replicas per workload, held here because a gauge samples a value it does not own. */
  private final ConcurrentHashMap<String, AtomicInteger> replicas = new ConcurrentHashMap<>();

  ScalingBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> scaling() {
    return meters.safe(
        "scaling",
        event -> {
          if (event instanceof ScalingEvent.Decided e) {
            count(
                    "tdeveloper.scaling.decisions",
                    "Autoscaling decisions",
                    "workload",
                    e.workload(),
                    "direction",
                    e.decision().direction().name().toLowerCase(Locale.ROOT))
                .increment();
          } else if (event instanceof ScalingEvent.Scaled e) {
            replicas(e.workload()).set(e.to());
          } else if (event instanceof ScalingEvent.Failed e) {
            count(
                    "tdeveloper.scaling.failures",
                    "Scaling failures",
                    "workload",
                    e.workload(),
                    "stage",
                    e.stage())
                .increment();
          } else if (event instanceof ScalingEvent.AlertRaised e) {
            alert(e.workload(), e.alert().kind().name(), "raised");
          } else if (event instanceof ScalingEvent.AlertResolved e) {
            alert(e.workload(), e.alert().kind().name(), "resolved");
          }
        });
  }

  private void alert(String workload, String kind, String state) {
    count(
            "tdeveloper.scaling.alerts",
            "Scaling alerts",
            "workload",
            workload,
            "kind",
            kind.toLowerCase(Locale.ROOT),
            "state",
            state)
        .increment();
  }

  private AtomicInteger replicas(String workload) {
    return replicas.computeIfAbsent(
        workload,
        w -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder("tdeveloper.scaling.replicas", value, AtomicInteger::get)
              .description("Replicas a workload was last scaled to")
              .tags("workload", w, TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
              .strongReference(true)
              .register(meters.registry);
          return value;
        });
  }

  private Counter count(String name, String description, String... tags) {
    return Counter.builder(name)
        .description(description)
        .tags(tags)
        .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
        .register(meters.registry);
  }
}
