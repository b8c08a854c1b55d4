package dev.tdeveloper.observability.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.alert.Alert;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The JSON the notifiers write and read, through one shared Jackson mapper. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Alertmanager writes the zero time for the end of an alert still firing. */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode map(Map<String, String> values) {
    ObjectNode node = object();
    values.forEach(node::put);
    return node;
  }

  /** Writes one alert as Alertmanager's webhook does. */
  static ObjectNode alert(Alert alert, Instant at) {
    ObjectNode node = object();
    node.put("status", alert.isResolvedAt(at) ? "resolved" : "firing");
    node.set("labels", map(alert.labels().asMap()));
    node.set("annotations", map(alert.annotations()));
    node.put("startsAt", alert.startsAt().toString());
    node.put("endsAt", alert.endsAt().map(Instant::toString).orElse(ZERO_TIME));
    node.put("fingerprint", alert.labels().fingerprintHex());
    return node;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new ObservabilityException("cannot write a notification as JSON", e);
    }
  }

  /** Parses a response body, if it is JSON. */
  static Optional<JsonNode> parse(String body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
