package dev.tdeveloper.tenancy.migration;

import static dev.tdeveloper.tenancy.internal.JsonRecords.number;
import static dev.tdeveloper.tenancy.internal.JsonRecords.optional;
import static dev.tdeveloper.tenancy.internal.JsonRecords.required;
import static dev.tdeveloper.tenancy.internal.JsonRecords.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a {@link MigrationState} as a small JSON object, version {@value #VERSION}, and reads it
 * back. Absent optional fields are left out. Thread-safe.
 */
final class MigrationStateCodec {
  static final int VERSION = 1;

  private MigrationStateCodec() {}

  static byte[] encode(MigrationState s) {
    MigrationPlan p = s.plan();
    ObjectNode node = JsonRecords.object(VERSION);
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
    return JsonRecords.bytes(node, () -> "migration " + p.id());
  }

  /**
   * Reads a state.
   *
   * @throws IllegalArgumentException if the bytes are not a valid state of this version
   */
  static MigrationState decode(byte[] bytes) {
    JsonNode node = JsonRecords.parse(bytes, VERSION);
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
}
