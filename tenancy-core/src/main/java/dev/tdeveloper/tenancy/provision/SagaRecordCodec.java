package dev.tdeveloper.tenancy.provision;

import static dev.tdeveloper.tenancy.internal.JsonRecords.map;
import static dev.tdeveloper.tenancy.internal.JsonRecords.optional;
import static dev.tdeveloper.tenancy.internal.JsonRecords.required;
import static dev.tdeveloper.tenancy.internal.JsonRecords.strings;
import static dev.tdeveloper.tenancy.internal.JsonRecords.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import java.time.Instant;

/**
 * Writes a {@link SagaRecord} as a small JSON object, version {@value #VERSION}, and reads it back.
 * Absent optional fields are left out. Thread-safe.
 */
final class SagaRecordCodec {
  static final int VERSION = 1;

  private SagaRecordCodec() {}

  static byte[] encode(SagaRecord r) {
    ObjectNode node = JsonRecords.object(VERSION);
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
    return JsonRecords.bytes(node, () -> "saga " + r.sagaId());
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException if the bytes are not a valid record of this version
   */
  static SagaRecord decode(byte[] bytes) {
    JsonNode node = JsonRecords.parse(bytes, VERSION);
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
}
