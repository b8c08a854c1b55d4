package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Change} as fields of a stream entry with id {@code <sequence>-0}: {@code t} the targets
 * ({@code ,a,b,}, so a script finds {@code ,receiver,} without parsing), {@code n} the tenant
 * (empty for none), {@code p} the topic, {@code s} the packed HLC stamp in decimal and {@code d}
 * the payload's raw bytes. Redis-native fields rather than JSON: binary-safe without base64, and
 * the scripts read the targets directly.
 */
final class StreamEntries {
  private StreamEntries() {}

  /** The targets field: {@code ,a,b,}. */
  static String targetsField(Set<RegionId> targets) {
    StringBuilder field = new StringBuilder(",");
    for (RegionId target : targets) {
      field.append(target.value()).append(',');
    }
    return field.toString();
  }

  /**
   * Decodes one entry of {@code origin}'s stream as the scripts return it: {@code [id, [field,
   * value, ...]]}.
   *
   * @throws DistributionException naming the stream and the entry id if it does not decode
   */
  static ReplicationMessage decode(Object raw, RegionId origin, String stream) {
    String id = "?";
    try {
      List<?> entry = (List<?>) raw;
      id = RedisLink.text(entry.get(0));
      if (!id.endsWith("-0")) {
        throw new IllegalArgumentException("the id is not <sequence>-0");
      }
      long sequence = Long.parseLong(id.substring(0, id.length() - 2));
      List<?> flat = (List<?>) entry.get(1);
      Map<String, byte[]> fields = new HashMap<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        fields.put(RedisLink.text(flat.get(i)), (byte[]) flat.get(i + 1));
      }
      Set<RegionId> targets = new TreeSet<>();
      for (String target : text(fields, "t").split(",")) {
        if (!target.isEmpty()) {
          targets.add(RegionId.of(target));
        }
      }
      String tenant = text(fields, "n");
      Change change =
          new Change(
              origin,
              targets,
              tenant.isEmpty() ? Optional.empty() : Optional.of(TenantId.of(tenant)),
              text(fields, "p"),
              HlcTimestamp.decode(Long.parseLong(text(fields, "s"))),
              field(fields, "d"));
      return new ReplicationMessage(sequence, change);
    } catch (RuntimeException e) {
      throw new DistributionException(
          "malformed entry "
              + id
              + " in the replication stream '"
              + stream
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] field(Map<String, byte[]> fields, String name) {
    byte[] value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the field '" + name + "' is missing");
    }
    return value;
  }

  private static String text(Map<String, byte[]> fields, String name) {
    return new String(field(fields, name), StandardCharsets.UTF_8);
  }
}
