package dev.tdeveloper.scaling.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's health as a probe reports it: the aggregate status and each check's result, in the JSON
 * shape of Spring Boot Actuator ({@code {"status":..,"components":{..}}}). Immutable and
 * thread-safe.
 *
 * @param group the group's name
 * @param status the aggregate status
 * @param components each check's result by name, in the group's order
 * @param degraded the non-critical checks found {@link HealthStatus#DOWN} or {@link
 *     HealthStatus#OUT_OF_SERVICE}, which did not count in {@code status}
 * @param startupLatched true when this is the startup group, it has been {@link HealthStatus#UP}
 *     once, and so it reports UP without running its checks again
 */
public record HealthReport(
    String group,
    HealthStatus status,
    Map<String, Component> components,
    List<String> degraded,
    boolean startupLatched) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One check's result within a report.
   *
   * @param status the status found (before any criticality weighting)
   * @param details the check's details
   * @param error what failed, if anything
   * @param duration how long the run took that produced this result (it may be a cached one)
   * @param criticality how the check weighs in the group
   */
  public record Component(
      HealthStatus status,
      Map<String, Object> details,
      Optional<String> error,
      Duration duration,
      Criticality criticality) {
    /**
     * Validates and copies the members.
     *
     * @throws NullPointerException naming the null member
     */
    public Component {
      Objects.requireNonNull(status, "status");
      details =
          Collections.unmodifiableMap(
              new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(criticality, "criticality");
    }
  }

  /**
   * Validates and copies the members.
   *
   * @throws NullPointerException naming the null member
   */
  public HealthReport {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(status, "status");
    components =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(components, "components")));
    degraded = List.copyOf(Objects.requireNonNull(degraded, "degraded"));
  }

  /**
   * The full report as JSON: {@code status}, then {@code details} (only when there is a {@code
   * degraded} list or a {@code startupLatched} flag), then {@code components}, each with its {@code
   * status}, {@code details} (the error under {@value HealthResult#ERROR_KEY}) and {@code
   * durationMillis}.
   *
   * @return a UTF-8-safe JSON document
   */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("status", status.name());
    Map<String, Object> details = new LinkedHashMap<>();
    if (!degraded.isEmpty()) {
      details.put("degraded", degraded);
    }
    if (startupLatched) {
      details.put("startupLatched", true);
    }
    if (!details.isEmpty()) {
      root.put("details", details);
    }
    Map<String, Object> members = new LinkedHashMap<>();
    components.forEach(
        (name, component) -> {
          Map<String, Object> member = new LinkedHashMap<>();
          member.put("status", component.status().name());
          Map<String, Object> componentDetails = new LinkedHashMap<>(component.details());
          component.error().ifPresent(error -> componentDetails.put(HealthResult.ERROR_KEY, error));
          if (!componentDetails.isEmpty()) {
            member.put("details", componentDetails);
          }
          member.put("durationMillis", component.duration().toMillis());
          members.put(name, member);
        });
    root.put("components", members);
    return write(root);
  }

  /**
   * The status alone as JSON ({@code {"status":"UP"}}), for probes that must not show details, as
   * Actuator does with {@code show-details=never}.
   *
   * @return a JSON document
   */
  public String toStatusJson() {
    return write(Map.of("status", status.name()));
  }

  private static String write(Map<String, Object> document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      // Only strings, booleans, numbers, lists and maps reach Jackson, so this cannot happen.
      throw new UncheckedIOException("cannot serialize a health report", e);
    }
  }
}
