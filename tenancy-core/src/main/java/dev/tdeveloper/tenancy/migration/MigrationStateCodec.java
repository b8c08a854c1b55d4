package dev.tdeveloper.tenancy.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a {@link MigrationState} as a small JSON object, version {@value #VERSION}, and reads it
 * back. Absent optional fields are left out. Thread-safe.
 */
final class MigrationStateCodec {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private MigrationStateCodec() {}

  static byte[] encode(MigrationState s) {
    MigrationPlan p = s.plan();
    ObjectNode node = JSON.createObjectNode();
    node.put("v", VERSION);
    node.put("id", p.id().toString());
    node.put("tenant", p.tenant().value());
    node.put("source", p.source().value());
    node.put("target", p.target().value());
    node.put("sourceStore", p.sourceStore());
    node.put("targetStore", p.targetStore());
    node.put("recordCount", p.recordCount());
    node.put("checksumCount", p.sourceChecksum().count());
    node.put("checksumSha256", p.sourceChecksum().sha256());
    node.put("overwriteTarget", p.overwriteTarget());
    node.put("plannedAt", p.plannedAt().toString());
    node.put("phase", s.phase().name());
    s.lastCopiedKey().ifPresent(k -> node.put("lastCopiedKey", k));
    node.put("copiedRecords", s.copiedRecords());
    node.put("updatedAt", s.updatedAt().toString());
    s.failure().ifPresent(f -> node.put("failure", f));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode migration " + p.id(), e);
    }
  }

  /**
   * Reads a state.
   *
   * @throws IllegalArgumentException if the bytes are not a valid state of this version
   */
  static MigrationState decode(byte[] bytes) {
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
    MigrationPlan plan =
        new MigrationPlan(
            UUID.fromString(text(node, "id")),
            TenantId.of(text(node, "tenant")),
            ShardId.of(text(node, "source")),
            ShardId.of(text(node, "target")),
            text(node, "sourceStore"),
            text(node, "targetStore"),
            number(node, "recordCount"),
            new Checksum(number(node, "checksumCount"), text(node, "checksumSha256")),
            required(node, "overwriteTarget").asBoolean(),
            Instant.parse(text(node, "plannedAt")));
    return new MigrationState(
        plan,
        MigrationPhase.valueOf(text(node, "phase")),
        optional(node, "lastCopiedKey"),
        number(node, "copiedRecords"),
        Instant.parse(text(node, "updatedAt")),
        optional(node, "failure"));
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

  private static long number(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer, was " + value);
    }
    return value.longValue();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(text(node, field)) : Optional.empty();
  }
}
