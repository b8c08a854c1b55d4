package dev.tdeveloper.observability.alert.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of the alert state file: {@code {"v":1,"log":[...],"silences":[...]}}; times as
 * ISO-8601 instants, fingerprints as 16 hex digits. Stateless and thread-safe.
 */
final class AlertStateCodec {
  static final int VERSION = 1;

  private AlertStateCodec() {}

  /** The decoded state. */
  record State(List<NotificationLogEntry> log, List<Silence> silences) {}

  static byte[] encode(Iterable<NotificationLogEntry> log, Iterable<Silence> silences) {
    ObjectNode root = JsonRecords.object(VERSION);
    ArrayNode entries = root.putArray("log");
    for (NotificationLogEntry e : log) {
      ObjectNode n = entries.addObject();
      n.put("group", e.groupKey());
      n.put("receiver", e.receiver());
      n.put("at", e.at().toString());
      fingerprints(n.putArray("firing"), e.firing());
      fingerprints(n.putArray("resolved"), e.resolved());
    }
    ArrayNode list = root.putArray("silences");
    for (Silence s : silences) {
      ObjectNode n = list.addObject();
      n.put("id", s.id());
      ArrayNode ms = n.putArray("matchers");
      for (Matcher m : s.matchers()) {
        ms.addObject().put("name", m.name()).put("type", m.type().name()).put("value", m.value());
      }
      n.put("startsAt", s.startsAt().toString());
      n.put("endsAt", s.endsAt().toString());
      n.put("createdBy", s.createdBy());
      n.put("comment", s.comment());
      s.tenant().ifPresent(t -> n.put("tenant", t));
    }
    return JsonRecords.bytes(root, () -> "alert state");
  }

  /**
   * Decodes the state.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  static State decode(byte[] bytes) {
    JsonNode root = JsonRecords.parse(bytes, VERSION);
    List<NotificationLogEntry> log = new ArrayList<>();
    for (JsonNode n : array(root, "log")) {
      log.add(
          new NotificationLogEntry(
              JsonRecords.text(n, "group"),
              JsonRecords.text(n, "receiver"),
              Instant.parse(JsonRecords.text(n, "at")),
              fingerprints(array(n, "firing")),
              fingerprints(array(n, "resolved"))));
    }
    List<Silence> silences = new ArrayList<>();
    for (JsonNode n : array(root, "silences")) {
      List<Matcher> matchers = new ArrayList<>();
      for (JsonNode m : array(n, "matchers")) {
        matchers.add(
            new Matcher(
                JsonRecords.text(m, "name"),
                Matcher.Type.valueOf(JsonRecords.text(m, "type")),
                JsonRecords.text(m, "value")));
      }
      silences.add(
          new Silence(
              JsonRecords.text(n, "id"),
              matchers,
              Instant.parse(JsonRecords.text(n, "startsAt")),
              Instant.parse(JsonRecords.text(n, "endsAt")),
              JsonRecords.text(n, "createdBy"),
              JsonRecords.text(n, "comment"),
              JsonRecords.optional(n, "tenant")));
    }
    return new State(log, silences);
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = JsonRecords.required(node, field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' must be an array, was " + value);
    }
    return value;
  }

  private static void fingerprints(ArrayNode out, Set<Long> fingerprints) {
    fingerprints.stream().sorted().forEach(fp -> out.add(String.format("%016x", fp)));
  }

  private static Set<Long> fingerprints(JsonNode array) {
    Set<Long> out = new HashSet<>();
    for (String hex : JsonRecords.strings(array)) {
      if (hex.length() != 16) {
        throw new IllegalArgumentException("fingerprint '" + hex + "' is not 16 hex digits");
      }
      out.add(Long.parseUnsignedLong(hex, 16));
    }
    return out;
  }
}
