package dev.tdeveloper.observability.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.TreeSet;

/** Encodes an {@link EscalationState} as one versioned JSON object. Stateless. */
final class EscalationStateCodec {
  static final int VERSION = 1;

  private EscalationStateCodec() {}

  static byte[] encode(EscalationState state) {
    ObjectNode node = JsonRecords.object(VERSION);
    node.put("incident", state.incidentId());
    state.tenant().ifPresent(t -> node.put("tenant", t));
    node.put("policy", state.policy());
    node.put("title", state.title());
    node.put("severity", state.severity().label());
    node.put("started", state.startedAt().toString());
    node.put("round", state.round());
    node.put("level", state.level());
    state.nextEscalationAt().ifPresent(at -> node.put("next", at.toString()));
    ArrayNode notified = node.putArray("notified");
    state.notified().forEach(notified::add);
    state
        .acknowledgement()
        .ifPresent(
            ack -> {
              node.put("ackBy", ack.by());
              node.put("ackAt", ack.at().toString());
            });
    return JsonRecords.bytes(node, () -> "escalation state of " + state.incidentId());
  }

  /**
   * Decodes a state.
   *
   * @throws IllegalArgumentException naming the malformed field
   */
  static EscalationState decode(byte[] bytes) {
    JsonNode node = JsonRecords.parse(bytes, VERSION);
    Optional<String> ackBy = JsonRecords.optional(node, "ackBy");
    Optional<EscalationState.Acknowledgement> ack =
        ackBy.map(by -> new EscalationState.Acknowledgement(by, instant(node, "ackAt")));
    return new EscalationState(
        JsonRecords.text(node, "incident"),
        JsonRecords.optional(node, "tenant"),
        JsonRecords.text(node, "policy"),
        JsonRecords.text(node, "title"),
        Severity.ofLabel(JsonRecords.text(node, "severity")),
        instant(node, "started"),
        Math.toIntExact(JsonRecords.number(node, "round")),
        Math.toIntExact(JsonRecords.number(node, "level")),
        node.hasNonNull("next") ? Optional.of(instant(node, "next")) : Optional.empty(),
        new TreeSet<>(JsonRecords.strings(JsonRecords.required(node, "notified"))),
        ack);
  }

  private static Instant instant(JsonNode node, String field) {
    String text = JsonRecords.text(node, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + field + "' is not an instant: " + text, e);
    }
  }
}
