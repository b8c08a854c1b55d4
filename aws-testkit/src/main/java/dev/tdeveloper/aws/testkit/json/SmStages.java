package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secrets Manager's staging labels: PutSecretValue's VersionStages and UpdateSecretVersionStage.
 */
final class SmStages {
  private SmStages() {}

  /** Returns the VersionStages asked for, AWSCURRENT when none are given (the service default). */
  static List<String> requested(JsonNode request) {
    JsonNode node = request.get("VersionStages");
    if (node == null || node.isNull()) {
      return List.of("AWSCURRENT");
    }
    if (!node.isArray() || node.size() < 1 || node.size() > 20) {
      throw AwsJsonError.validation("VersionStages must hold 1 to 20 labels");
    }
    List<String> stages = new ArrayList<>();
    node.forEach(
        s -> {
          String stage = s.asText();
          if (stage.isEmpty() || stage.length() > 256) {
            throw AwsJsonError.validation("a staging label must be 1 to 256 characters long");
          }
          stages.add(stage);
        });
    return stages;
  }

  /**
   * Moves or removes one label. {@code RemoveFromVersionId} must name the version holding it
   * (InvalidParameterException otherwise); moving a label another version holds needs it; the
   * AWSCURRENT label can be moved but not removed.
   */
  static ObjectNode update(SmSecret secret, JsonNode request) {
    String stage = Json.required(request, "VersionStage");
    Optional<String> from = Json.text(request, "RemoveFromVersionId");
    Optional<String> to = Json.text(request, "MoveToVersionId");
    Optional<String> holder = secret.holder(stage);
    if (to.isPresent() && !secret.versions.containsKey(to.get())) {
      throw AwsJsonError.of(
          "ResourceNotFoundException",
          "Secrets Manager can't find the specified secret version " + to.get() + ".");
    }
    if (from.isPresent() && !from.equals(holder)) {
      throw AwsJsonError.of(
          "InvalidParameterException",
          "The staging label "
              + stage
              + " is not attached to version "
              + from.get()
              + ", so you cannot remove it.");
    }
    if (to.isEmpty()) {
      if (from.isEmpty()) {
        throw AwsJsonError.of(
            "InvalidParameterException", "give RemoveFromVersionId, MoveToVersionId or both");
      }
      if (stage.equals("AWSCURRENT")) {
        throw AwsJsonError.of(
            "InvalidParameterException",
            "You can only move staging label AWSCURRENT to a different secret version. It can't be"
                + " completely removed.");
      }
      secret.stages.remove(stage);
      return secret.identity();
    }
    if (holder.isPresent() && !holder.equals(to) && from.isEmpty()) {
      throw AwsJsonError.of(
          "InvalidParameterException",
          "The parameter RemoveFromVersionId can't be empty. Staging label "
              + stage
              + " is currently attached to version "
              + holder.get()
              + ", so you must explicitly reference that version in RemoveFromVersionId.");
    }
    secret.attach(stage, to.get());
    return secret.identity();
  }
}
