package dev.tdeveloper.compliance.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.ComplianceException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of processing activities a controller keeps under GDPR Art. 30 and shows the
 * supervisory authority on request: a registry of {@link ProcessingActivity}s by name, exported as
 * JSON ({@link #toJson()}). Thread-safe.
 */
public final class RecordOfProcessing {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String controller;
  private final InstantSource clock;
  private final TreeMap<String, ProcessingActivity> activities = new TreeMap<>();

  /**
   * Creates an empty record for {@code controller} (name and contact details).
   *
   * @throws IllegalArgumentException if the controller text is invalid
   */
  public RecordOfProcessing(String controller, InstantSource clock) {
    this.controller = Checks.text("controller", controller, 500);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds an activity.
   *
   * @throws IllegalArgumentException if an activity of that name exists (use {@link #replace})
   */
  public synchronized void add(ProcessingActivity activity) {
    Objects.requireNonNull(activity, "activity");
    if (activities.containsKey(activity.name())) {
      throw new IllegalArgumentException(
          "processing activity " + activity.name() + " is already recorded; replace it instead");
    }
    activities.put(activity.name(), activity);
  }

  /**
   * Replaces the activity of the same name.
   *
   * @throws IllegalArgumentException if there is none
   */
  public synchronized void replace(ProcessingActivity activity) {
    Objects.requireNonNull(activity, "activity");
    if (!activities.containsKey(activity.name())) {
      throw new IllegalArgumentException(
          "no processing activity " + activity.name() + " to replace");
    }
    activities.put(activity.name(), activity);
  }

  /** Returns the activity {@code name}, if recorded. */
  public synchronized Optional<ProcessingActivity> find(String name) {
    return Optional.ofNullable(activities.get(Objects.requireNonNull(name, "name")));
  }

  /** Returns every activity, by name. */
  public synchronized List<ProcessingActivity> activities() {
    return List.copyOf(activities.values());
  }

  /** Returns the record as a JSON document: controller, generatedAt and the activities by name. */
  public synchronized String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "tdeveloper.gdpr.art30/v1");
    root.put("controller", controller);
    root.put("generatedAt", clock.instant().toString());
    ArrayNode list = root.putArray("activities");
    for (ProcessingActivity a : activities.values()) {
      ObjectNode node = list.addObject();
      node.put("name", a.name());
      node.put("controller", a.controller());
      a.purposes().forEach(node.putArray("purposes")::add);
      node.put("lawfulBasis", a.lawfulBasis().name());
      a.dataCategories().forEach(node.putArray("dataCategories")::add);
      a.subjectCategories().forEach(node.putArray("subjectCategories")::add);
      a.recipients().forEach(node.putArray("recipients")::add);
      ArrayNode transfers = node.putArray("thirdCountryTransfers");
      a.transfers()
          .forEach(
              t ->
                  transfers
                      .addObject()
                      .put("country", t.country())
                      .put("safeguard", t.safeguard()));
      node.put("retention", a.retention());
      a.securityMeasures().forEach(node.putArray("securityMeasures")::add);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new ComplianceException("cannot write the record of processing activities", e);
    }
  }
}
