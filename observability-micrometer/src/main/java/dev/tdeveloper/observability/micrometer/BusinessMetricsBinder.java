package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.metrics.BusinessMetricEvent;
import dev.tdeveloper.observability.metrics.BusinessMetrics;
import dev.tdeveloper.observability.metrics.MetricDefinition;
import dev.tdeveloper.observability.metrics.MetricType;
import dev.tdeveloper.observability.metrics.MetricsSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors {@link BusinessMetrics} on a registry: a meter per series that reads the series' value
 * when the registry publishes, registered when the series appears and removed when it is folded
 * into {@code other}, so the registry holds exactly the snapshot's series.
 */
final class BusinessMetricsBinder {
  private static final Logger LOG = LoggerFactory.getLogger(BusinessMetricsBinder.class);

  private final MeterRegistry registry;
  private final BusinessMetrics metrics;

  BusinessMetricsBinder(MeterRegistry registry, BusinessMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  void bind() {
    metrics.addListener(this::onEvent);
    for (MetricsSnapshot.Metric metric : metrics.snapshot().metrics()) {
      for (MetricsSnapshot.Series series : metric.series()) {
        add(metric.definition(), series.tenant());
      }
    }
  }

  private void onEvent(BusinessMetricEvent event) {
    try {
      if (event instanceof BusinessMetricEvent.SeriesAdded e) {
        add(e.metric(), e.tag());
      } else if (event instanceof BusinessMetricEvent.SeriesRemoved e) {
        registry.remove(id(e.metric(), e.tag()));
      }
    } catch (RuntimeException e) {
      LOG.warn("business metrics: failed to mirror {}", event, e);
    }
  }

  private void add(MetricDefinition definition, String tag) {
    String name = definition.name();
    Meter meter;
    if (definition.type() == MetricType.COUNTER) {
      meter =
          FunctionCounter.builder(name, metrics, m -> m.value(name, tag).orElse(0))
              .description(definition.description())
              .baseUnit(definition.unit())
              .tag(TdeveloperMetrics.TENANT_TAG, tag)
              .register(registry);
    } else {
      meter =
          Gauge.builder(name, metrics, m -> m.value(name, tag).orElse(0))
              .description(definition.description())
              .baseUnit(definition.unit())
              .tag(TdeveloperMetrics.TENANT_TAG, tag)
              .strongReference(true)
              .register(registry);
    }
    if (metrics.value(name, tag).isEmpty()) {
      registry.remove(meter); // removed while we registered it
    }
  }

  private Meter.Id id(MetricDefinition definition, String tag) {
    return new Meter.Id(
        definition.name(),
        Tags.of(TdeveloperMetrics.TENANT_TAG, tag),
        definition.unit(),
        definition.description(),
        definition.type() == MetricType.COUNTER ? Meter.Type.COUNTER : Meter.Type.GAUGE);
  }
}
