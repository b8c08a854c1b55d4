package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** KMS's CreateAlias and ListAliases over {@link LocalKms}'s maps (called under its lock). */
final class KmsAliases {
  private static final Pattern NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");

  private KmsAliases() {}

  static ObjectNode create(
      Map<String, KmsAlias> aliases, Map<String, KmsKey> keys, JsonNode request, Instant now) {
    String name = Json.required(request, "AliasName");
    String target = Json.required(request, "TargetKeyId");
    if (!NAME.matcher(name).matches() || name.startsWith("alias/aws/")) {
      throw AwsJsonError.validation(
          "AliasName '"
              + name
              + "' must match alias/[a-zA-Z0-9/_-]+, at most 256 characters, and not begin with"
              + " alias/aws/");
    }
    KmsKey key =
        keys.values().stream()
            .filter(k -> k.id.equals(target) || k.arn.equals(target))
            .findFirst()
            .orElseThrow(
                () -> AwsJsonError.of("NotFoundException", "Key '" + target + "' does not exist"));
    if (key.state == KmsKey.State.PendingDeletion) {
      throw KmsKey.invalidState(key);
    }
    if (aliases.containsKey(name)) {
      throw AwsJsonError.of(
          "AlreadyExistsException", "An alias with the name " + name + " already exists");
    }
    aliases.put(name, new KmsAlias(name, key.id, now));
    return Json.object();
  }

  /** Lists aliases in name order; the marker is the last name returned. */
  static ObjectNode list(Map<String, KmsAlias> aliases, JsonNode request, String arnPrefix) {
    int limit = Json.integer(request, "Limit").orElse(50);
    if (limit < 1 || limit > 100) {
      throw AwsJsonError.validation("Limit must be 1 to 100, was " + limit);
    }
    String marker = Json.text(request, "Marker").orElse("");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Aliases");
    String last = null;
    boolean truncated = false;
    for (KmsAlias a : aliases.values()) {
      if (a.name().compareTo(marker) <= 0) {
        continue;
      }
      if (list.size() == limit) {
        truncated = true;
        break;
      }
      ObjectNode item = list.addObject();
      item.put("AliasName", a.name());
      item.put("AliasArn", arnPrefix + a.name());
      item.put("TargetKeyId", a.keyId());
      item.put("CreationDate", Json.timestamp(a.created()));
      last = a.name();
    }
    out.put("Truncated", truncated);
    if (truncated) {
      out.put("NextMarker", last);
    }
    return out;
  }
}
