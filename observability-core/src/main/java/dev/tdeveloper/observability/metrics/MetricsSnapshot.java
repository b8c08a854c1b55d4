package dev.tdeveloper.observability.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The values of every business metric at one instant, for the dashboard and for export. Each series
 * is read atomically; the snapshot as a whole is not (a recording made while it is taken may or may
 * not be in it). Immutable and thread-safe.
 *
 * @param metrics the metrics, in definition order
 * @param at when the snapshot was taken, by the metrics' clock
 */
public record MetricsSnapshot(List<Metric> metrics, Instant at) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the list and checks that nothing is null. */
  public MetricsSnapshot {
    metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
    Objects.requireNonNull(at, "at");
  }

  /**
   * Returns the snapshot as JSON: {@code {"metrics":[{"name","type","unit","description",
   * "series":[{"tenant","value"}]}],"at":"<ISO-8601>"}}, where {@code tenant} is a tenant id or
   * {@value TenantCardinalityGuard#OTHER} and counters' values are integers.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("metrics");
    for (Metric metric : metrics) {
      ObjectNode m = list.addObject();
      m.put("name", metric.definition().name());
      m.put("type", metric.definition().type().label());
      m.put("unit", metric.definition().unit());
      m.put("description", metric.definition().description());
      ArrayNode series = m.putArray("series");
      for (Series s : metric.series()) {
        ObjectNode node = series.addObject().put("tenant", s.tenant());
        if (metric.definition().type() == MetricType.COUNTER) {
          node.put("value", (long) s.value());
        } else {
          node.put("value", s.value());
        }
      }
    }
    root.put("at", at.toString());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree of strings and numbers", e);
    }
  }

  /** Returns the metric named {@code name}, if defined. */
  public java.util.Optional<Metric> metric(String name) {
    Objects.requireNonNull(name, "name");
    return metrics.stream().filter(m -> m.definition().name().equals(name)).findFirst();
  }

  /**
   * One metric's series.
   *
   * @param definition the metric's definition
   * @param series its series: tenants with their own tag by id, then {@code other} if present
   */
  public record Metric(MetricDefinition definition, List<Series> series) {
    /** Copies the list and checks that nothing is null. */
    public Metric {
      Objects.requireNonNull(definition, "definition");
      series = List.copyOf(Objects.requireNonNull(series, "series"));
    }

    /** Returns the value of the series tagged {@code tenant}, if present. */
    public java.util.OptionalDouble value(String tenant) {
      for (Series s : series) {
        if (s.tenant().equals(tenant)) {
          return java.util.OptionalDouble.of(s.value());
        }
      }
      return java.util.OptionalDouble.empty();
    }
  }

  /**
   * One series' value.
   *
   * @param tenant a tenant id or {@value TenantCardinalityGuard#OTHER}
   * @param value the value (a whole number for counters)
   */
  public record Series(String tenant, double value) {
    /** Checks that the tenant tag is not null. */
    public Series {
      Objects.requireNonNull(tenant, "tenant");
    }
  }
}
