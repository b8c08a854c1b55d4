package dev.tdeveloper.aws.testkit.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One secret of {@link LocalSecretsManager}: versions in creation order and the staging labels,
 * each on at most one version. Guarded by the service's lock.
 */
final class SmSecret {
  /** One immutable version; exactly one of {@code string} and {@code binary} is set. */
  record Version(String id, String string, byte[] binary, Instant created) {
    boolean sameValue(String otherString, byte[] otherBinary) {
      return string != null
          ? string.equals(otherString)
          : otherBinary != null && Arrays.equals(binary, otherBinary);
    }
  }

  final String name;
  final String arn;
  final Instant created;
  final String description;
  final Map<String, Version> versions = new LinkedHashMap<>();
  final Map<String, String> stages = new TreeMap<>();
  Instant deletionDate;

  SmSecret(String name, String arn, Instant created, String description) {
    this.name = name;
    this.arn = arn;
    this.created = created;
    this.description = description;
  }

  /** Returns the labels on {@code versionId}, in name order. */
  List<String> stagesOf(String versionId) {
    List<String> out = new ArrayList<>();
    stages.forEach(
        (stage, v) -> {
          if (v.equals(versionId)) {
            out.add(stage);
          }
        });
    return out;
  }

  Optional<String> holder(String stage) {
    return Optional.ofNullable(stages.get(stage));
  }

  /**
   * Attaches {@code stage} to {@code versionId}, detaching it from its holder; when AWSCURRENT
   * leaves a version, that version gets AWSPREVIOUS (as Secrets Manager does).
   */
  void attach(String stage, String versionId) {
    String old = stages.put(stage, versionId);
    if (stage.equals("AWSCURRENT") && old != null && !old.equals(versionId)) {
      stages.put("AWSPREVIOUS", old);
    }
  }

  ObjectNode identity() {
    ObjectNode out = Json.object();
    out.put("ARN", arn);
    out.put("Name", name);
    return out;
  }
}
