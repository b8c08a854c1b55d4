package dev.tdeveloper.dr.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The JSON form of a {@link DrillResult} in the {@link DrillHistory} file. Thread-safe. */
final class DrillRecords {
  private static final int VERSION = 1;

  private DrillRecords() {}

  static byte[] encode(DrillResult r) {
    ObjectNode node = JsonRecords.object(VERSION);
    r.scope().tenant().ifPresent(t -> node.put("tenant", t.value()));
    node.put("source", r.source());
    r.backupId().ifPresent(id -> node.put("backup", id));
    node.put("selection", r.selection().name());
    node.put("started", r.started().toString());
    node.put("finished", r.finished().toString());
    node.put("rtoNanos", r.measuredRto().toNanos());
    node.put("checksumsOk", r.checksumsOk());
    node.put("validationOk", r.validationOk());
    node.put("validation", r.validationMessage());
    r.failureReason().ifPresent(f -> node.put("failure", f));
    return JsonRecords.bytes(node, () -> "drill result of " + r.scope() + "/" + r.source());
  }

  static DrillResult decode(byte[] payload) {
    JsonNode node = JsonRecords.parse(payload, VERSION);
    BackupScope scope =
        JsonRecords.optional(node, "tenant")
            .map(t -> BackupScope.of(TenantId.of(t)))
            .orElse(BackupScope.platform());
    try {
      return new DrillResult(
          scope,
          JsonRecords.text(node, "source"),
          JsonRecords.optional(node, "backup"),
          DrillSelection.valueOf(JsonRecords.text(node, "selection")),
          Instant.parse(JsonRecords.text(node, "started")),
          Instant.parse(JsonRecords.text(node, "finished")),
          Duration.ofNanos(JsonRecords.number(node, "rtoNanos")),
          flag(node, "checksumsOk"),
          flag(node, "validationOk"),
          JsonRecords.text(node, "validation"),
          JsonRecords.optional(node, "failure"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad instant: " + e.getMessage(), e);
    }
  }

  private static boolean flag(JsonNode node, String field) {
    JsonNode value = JsonRecords.required(node, field);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("field '" + field + "' must be a boolean, was " + value);
    }
    return value.booleanValue();
  }
}
