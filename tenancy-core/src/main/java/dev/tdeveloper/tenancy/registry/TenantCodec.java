package dev.tdeveloper.tenancy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import java.time.ZoneId;

/**
 * The record {@link FileTenantRegistry} journals: one whole tenant as a version-1 JSON object. A
 * record that does not decode to a valid {@link Tenant} is rejected with an {@link
 * IllegalArgumentException} naming the field. Stateless and thread-safe.
 */
final class TenantCodec {
  static final int VERSION = 1;

  private TenantCodec() {}

  static byte[] encode(Tenant tenant) {
    ObjectNode node = JsonRecords.object(VERSION);
    node.put("id", tenant.id().value());
    node.put("displayName", tenant.displayName());
    node.put("plan", tenant.plan());
    node.put("status", tenant.status().name());
    node.put("homeRegion", tenant.homeRegion());
    node.put("isolation", tenant.isolation().name());
    node.put("timeZone", tenant.timeZone().getId());
    ObjectNode attributes = node.putObject("attributes");
    tenant.attributes().forEach(attributes::put);
    return JsonRecords.bytes(node, () -> "tenant " + tenant.id());
  }

  static Tenant decode(byte[] payload) {
    JsonNode node = JsonRecords.parse(payload, VERSION);
    return new Tenant(
        TenantId.of(JsonRecords.text(node, "id")),
        JsonRecords.text(node, "displayName"),
        JsonRecords.text(node, "plan"),
        constant(node, "status", TenantStatus.class),
        JsonRecords.text(node, "homeRegion"),
        constant(node, "isolation", IsolationMode.class),
        zone(JsonRecords.text(node, "timeZone")),
        JsonRecords.map(JsonRecords.required(node, "attributes")));
  }

  private static <E extends Enum<E>> E constant(JsonNode node, String field, Class<E> type) {
    String value = JsonRecords.text(node, field);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not a " + type.getSimpleName() + ": '" + value + "'", e);
    }
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("field 'timeZone' is not a time zone: '" + value + "'", e);
    }
  }
}
