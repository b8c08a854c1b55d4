package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Secrets Manager ({@code secretsmanager}) secrets with versions and staging labels, following the
 * service's documented semantics: a new version gets AWSCURRENT unless stages are given; a label is
 * on at most one version; AWSCURRENT leaving a version leaves AWSPREVIOUS on it; moving a label
 * that another version holds needs that version as {@code RemoveFromVersionId}. Thread-safe:
 * operations are serialised.
 */
final class LocalSecretsManager {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  private static final int MAX_VALUE_BYTES = 65_536;

  private final InstantSource clock;
  private final String region;
  private final Map<String, SmSecret> secrets = new TreeMap<>();

  LocalSecretsManager(InstantSource clock, String region) {
    this.clock = clock;
    this.region = region;
  }

  synchronized ObjectNode handle(String operation, JsonNode request) {
    secrets
        .values()
        .removeIf(s -> s.deletionDate != null && !clock.instant().isBefore(s.deletionDate));
    return switch (operation) {
      case "CreateSecret" -> create(request);
      case "PutSecretValue" -> putValue(secret(request, false), request);
      case "GetSecretValue" -> SmReads.value(secret(request, false), request);
      case "DescribeSecret" -> SmReads.describe(secret(request, true));
      case "ListSecretVersionIds" -> SmReads.versions(secret(request, false), request);
      case "UpdateSecretVersionStage" -> SmStages.update(secret(request, false), request);
      case "ListSecrets" -> SmReads.list(secrets.values(), request);
      case "DeleteSecret" -> delete(secret(request, true), request);
      default -> throw LocalKms.unknown(operation);
    };
  }

  private SmSecret secret(JsonNode request, boolean evenIfDeleted) {
    String id = Json.required(request, "SecretId");
    SmSecret secret =
        secrets.values().stream()
            .filter(s -> s.name.equals(id) || s.arn.equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    AwsJsonError.of(
                        "ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
    if (secret.deletionDate != null && !evenIfDeleted) {
      throw AwsJsonError.of(
          "InvalidRequestException",
          "You can't perform this operation on the secret because it was marked for deletion.");
    }
    return secret;
  }

  private ObjectNode create(JsonNode request) {
    String name = Json.required(request, "Name");
    if (!NAME.matcher(name).matches()) {
      throw AwsJsonError.validation(
          "Name '" + name + "' must be 1 to 512 characters of A-Z a-z 0-9 / _ + = . @ -");
    }
    if (secrets.containsKey(name)) {
      throw AwsJsonError.of(
          "ResourceExistsException",
          "The operation failed because the secret " + name + " already exists.");
    }
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    SmSecret secret =
        new SmSecret(
            name,
            "arn:aws:secretsmanager:"
                + region
                + ":"
                + LocalKms.ACCOUNT
                + ":secret:"
                + name
                + "-"
                + suffix,
            clock.instant(),
            Json.text(request, "Description").orElse(""));
    boolean hasValue = request.hasNonNull("SecretString") || request.hasNonNull("SecretBinary");
    ObjectNode out = secret.identity();
    if (hasValue) {
      ObjectNode put = putValue(secret, request);
      out.put("VersionId", put.get("VersionId").asText());
    }
    secrets.put(name, secret);
    return out;
  }

  private ObjectNode putValue(SmSecret secret, JsonNode request) {
    String token = Json.text(request, "ClientRequestToken").orElse(UUID.randomUUID().toString());
    if (token.length() < 32 || token.length() > 64) {
      throw AwsJsonError.validation(
          "ClientRequestToken must be 32 to 64 characters long, was " + token.length());
    }
    String string = Json.text(request, "SecretString").orElse(null);
    byte[] binary = Json.blob(request, "SecretBinary").orElse(null);
    if ((string == null) == (binary == null)) {
      throw AwsJsonError.of(
          "InvalidParameterException", "You must provide either SecretString or SecretBinary.");
    }
    int size = string != null ? string.getBytes(StandardCharsets.UTF_8).length : binary.length;
    if (size > MAX_VALUE_BYTES) {
      throw AwsJsonError.validation(
          "the secret value is " + size + " bytes; at most " + MAX_VALUE_BYTES + " are allowed");
    }
    List<String> stages = SmStages.requested(request);
    SmSecret.Version existing = secret.versions.get(token);
    if (existing != null) {
      if (!existing.sameValue(string, binary)) {
        throw AwsJsonError.of(
            "ResourceExistsException",
            "You can't modify an existing version, you can only create a new version.");
      }
    } else {
      secret.versions.put(token, new SmSecret.Version(token, string, binary, clock.instant()));
      stages.forEach(stage -> secret.attach(stage, token));
    }
    ObjectNode out = secret.identity();
    out.put("VersionId", token);
    ArrayNode labels = out.putArray("VersionStages");
    secret.stagesOf(token).forEach(labels::add);
    return out;
  }

  private ObjectNode delete(SmSecret secret, JsonNode request) {
    boolean force = Json.bool(request, "ForceDeleteWithoutRecovery");
    var window = Json.integer(request, "RecoveryWindowInDays");
    if (force && window.isPresent()) {
      throw AwsJsonError.of(
          "InvalidParameterException",
          "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    }
    int days = window.orElse(30);
    if (days < 7 || days > 30) {
      throw AwsJsonError.validation("RecoveryWindowInDays must be 7 to 30, was " + days);
    }
    secret.deletionDate = force ? clock.instant() : clock.instant().plus(Duration.ofDays(days));
    ObjectNode out = secret.identity();
    out.put("DeletionDate", Json.timestamp(secret.deletionDate));
    if (force) {
      secrets.remove(secret.name);
    }
    return out;
  }
}
