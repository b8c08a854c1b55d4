package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Secrets Manager's reads: GetSecretValue, DescribeSecret, ListSecretVersionIds, ListSecrets. */
final class SmReads {
  private SmReads() {}

  /** The version named by VersionId and/or VersionStage (AWSCURRENT when neither is given). */
  static ObjectNode value(SmSecret secret, JsonNode request) {
    Optional<String> id = Json.text(request, "VersionId");
    Optional<String> stage = Json.text(request, "VersionStage");
    Optional<String> byStage =
        stage.isPresent() || id.isEmpty() ? secret.holder(stage.orElse("AWSCURRENT")) : id;
    SmSecret.Version version =
        byStage
            .filter(v -> id.isEmpty() || id.equals(byStage))
            .map(secret.versions::get)
            .orElseThrow(
                () ->
                    AwsJsonError.of(
                        "ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret value for "
                            + id.map(v -> "VersionId: " + v)
                                .orElse("staging label: " + stage.orElse("AWSCURRENT"))));
    ObjectNode out = secret.identity();
    out.put("VersionId", version.id());
    if (version.string() != null) {
      out.put("SecretString", version.string());
    } else {
      out.put("SecretBinary", Json.base64(version.binary()));
    }
    ArrayNode stages = out.putArray("VersionStages");
    secret.stagesOf(version.id()).forEach(stages::add);
    out.put("CreatedDate", Json.timestamp(version.created()));
    return out;
  }

  /** Metadata, with VersionIdsToStages listing the versions that hold a label. */
  static ObjectNode describe(SmSecret secret) {
    ObjectNode out = secret.identity();
    out.put("Description", secret.description);
    out.put("CreatedDate", Json.timestamp(secret.created));
    out.put("RotationEnabled", false);
    if (secret.deletionDate != null) {
      out.put("DeletedDate", Json.timestamp(secret.deletionDate));
    }
    ObjectNode map = out.putObject("VersionIdsToStages");
    for (String id : secret.versions.keySet()) {
      List<String> stages = secret.stagesOf(id);
      if (!stages.isEmpty()) {
        ArrayNode list = map.putArray(id);
        stages.forEach(list::add);
      }
    }
    return out;
  }

  /** Versions oldest first; unlabelled (deprecated) ones only with IncludeDeprecated. */
  static ObjectNode versions(SmSecret secret, JsonNode request) {
    boolean deprecated = Json.bool(request, "IncludeDeprecated");
    int max = Json.integer(request, "MaxResults").orElse(100);
    if (max < 1 || max > 100) {
      throw AwsJsonError.validation("MaxResults must be 1 to 100, was " + max);
    }
    int start = Json.text(request, "NextToken").map(SmReads::offset).orElse(0);
    List<SmSecret.Version> all =
        secret.versions.values().stream()
            .filter(v -> deprecated || !secret.stagesOf(v.id()).isEmpty())
            .toList();
    ObjectNode out = secret.identity();
    ArrayNode list = out.putArray("Versions");
    for (int i = start; i < Math.min(all.size(), start + max); i++) {
      SmSecret.Version v = all.get(i);
      ObjectNode item = list.addObject();
      item.put("VersionId", v.id());
      ArrayNode stages = item.putArray("VersionStages");
      secret.stagesOf(v.id()).forEach(stages::add);
      item.put("CreatedDate", Json.timestamp(v.created()));
    }
    if (start + max < all.size()) {
      out.put("NextToken", "o" + (start + max));
    }
    return out;
  }

  /** Secrets in name order, filtered by name prefixes; ones pending deletion are left out. */
  static ObjectNode list(Collection<SmSecret> secrets, JsonNode request) {
    int max = Json.integer(request, "MaxResults").orElse(100);
    if (max < 1 || max > 100) {
      throw AwsJsonError.validation("MaxResults must be 1 to 100, was " + max);
    }
    int start = Json.text(request, "NextToken").map(SmReads::offset).orElse(0);
    List<String> prefixes = new java.util.ArrayList<>();
    JsonNode filters = request.path("Filters");
    for (JsonNode f : filters) {
      if (!f.path("Key").asText().equals("name")) {
        throw AwsJsonError.of("InvalidParameterException", "this test double filters only by name");
      }
      f.path("Values").forEach(v -> prefixes.add(v.asText()));
    }
    List<SmSecret> all =
        secrets.stream()
            .filter(s -> s.deletionDate == null)
            .filter(s -> prefixes.isEmpty() || prefixes.stream().anyMatch(s.name::startsWith))
            .toList();
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("SecretList");
    for (int i = start; i < Math.min(all.size(), start + max); i++) {
      SmSecret s = all.get(i);
      ObjectNode item = list.addObject();
      item.put("ARN", s.arn);
      item.put("Name", s.name);
      item.put("CreatedDate", Json.timestamp(s.created));
    }
    if (start + max < all.size()) {
      out.put("NextToken", "o" + (start + max));
    }
    return out;
  }

  private static int offset(String token) {
    try {
      return Integer.parseInt(token.substring(1));
    } catch (RuntimeException e) {
      throw AwsJsonError.of("InvalidNextTokenException", "the NextToken is not valid");
    }
  }
}
