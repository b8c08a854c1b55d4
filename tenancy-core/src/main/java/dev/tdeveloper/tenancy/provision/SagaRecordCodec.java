package dev.tdeveloper.tenancy.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link SagaRecord} as a small JSON object, version {@value #VERSION}, and reads it back.
 * Absent optional fields are left out. Thread-safe.
 */
final class SagaRecordCodec {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SagaRecordCodec() {}

  static byte[] encode(SagaRecord r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", VERSION);
    node.put("sagaId", r.sagaId());
    node.put("operation", r.operation().name());
    node.put("tenant", r.tenantId().value());
    r.steps().forEach(node.putArray("steps")::add);
    node.put("completed", r.completed());
    r.activeStep().ifPresent(s -> node.put("activeStep", s));
    node.put("state", r.state().name());
    ObjectNode data = node.putObject("data");
    r.data().forEach(data::put);
    r.reason().ifPresent(s -> node.put("reason", s));
    r.failedStep().ifPresent(s -> node.put("failedStep", s));
    r.failure().ifPresent(s -> node.put("failure", s));
    ArrayNode failures = node.putArray("compensationFailures");
    r.compensationFailures().forEach(failures::add);
    node.put("startedAt", r.startedAt().toString());
    node.put("updatedAt", r.updatedAt().toString());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode saga " + r.sagaId(), e);
    }
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException if the bytes are not a valid record of this version
   */
  static SagaRecord decode(byte[] bytes) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    int version = required(node, "v").asInt(-1);
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "record version " + required(node, "v") + " is not supported; this reads " + VERSION);
    }
    return new SagaRecord(
        text(node, "sagaId"),
        LifecycleOperation.valueOf(text(node, "operation")),
        TenantId.of(text(node, "tenant")),
        strings(required(node, "steps")),
        required(node, "completed").asInt(-1),
        optional(node, "activeStep"),
        SagaState.valueOf(text(node, "state")),
        map(required(node, "data")),
        optional(node, "reason"),
        optional(node, "failedStep"),
        optional(node, "failure"),
        strings(required(node, "compensationFailures")),
        Instant.parse(text(node, "startedAt")),
        Instant.parse(text(node, "updatedAt")));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, was " + value);
    }
    return value.textValue();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected an array, was " + array);
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(e -> out.add(e.asText()));
    return out;
  }

  private static Map<String, String> map(JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("expected an object, was " + object);
    }
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
