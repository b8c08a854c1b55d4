package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/** The store's listings: a secret's versions and labels, and the names of all secrets. */
final class SecretsManagerVersions {
  private final SecretsManagerClient client;

  SecretsManagerVersions(SecretsManagerClient client) {
    this.client = client;
  }

  /** Returns the versions of secret {@code awsName}, oldest first; empty if there is no secret. */
  Optional<List<SecretVersion>> versions(String awsName) {
    List<SecretVersion> out = new ArrayList<>();
    try {
      List<SecretVersionsListEntry> all =
          client
              .listSecretVersionIdsPaginator(
                  b -> b.secretId(awsName).includeDeprecated(true).maxResults(100))
              .stream()
              .flatMap(page -> page.versions().stream())
              .toList();
      for (SecretVersionsListEntry v : all) {
        Set<SecretLabel> labels = EnumSet.noneOf(SecretLabel.class);
        for (String stage : v.versionStages()) {
          for (SecretLabel label : SecretLabel.values()) {
            if (label.awsName().equals(stage)) {
              labels.add(label);
            }
          }
        }
        String id = VersionIds.fromAws(v.versionId());
        if (isOurs(id)) {
          out.add(new SecretVersion(id, labels, v.createdDate()));
        }
      }
    } catch (ResourceNotFoundException | InvalidRequestException e) {
      return Optional.empty();
    }
    out.sort(Comparator.comparing(SecretVersion::created));
    return Optional.of(out);
  }

  /** Skips a version id written by a foreign tool that our ids cannot express. */
  private static boolean isOurs(String id) {
    try {
      SecretVersion.checkVersionId(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the names of the store's secrets, sorted by their qualified form. */
  List<SecretName> names(String prefix) {
    String start = prefix.isEmpty() ? "" : prefix + "/";
    Filter filter =
        Filter.builder()
            .key(FilterNameStringType.NAME)
            .values(start + "platform/", start + "tenant/")
            .build();
    List<SecretName> out = new ArrayList<>();
    List<SecretListEntry> all =
        client.listSecretsPaginator(b -> b.maxResults(100).filters(filter)).stream()
            .flatMap(page -> page.secretList().stream())
            .toList();
    for (SecretListEntry s : all) {
      if (s.name().startsWith(start)) {
        parse(s.name().substring(start.length())).ifPresent(out::add);
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static Optional<SecretName> parse(String qualified) {
    try {
      if (qualified.startsWith("platform/")) {
        return Optional.of(SecretName.platform(qualified.substring(9)));
      }
      if (qualified.startsWith("tenant/")) {
        int slash = qualified.indexOf('/', 7);
        if (slash > 7 && TenantId.isValid(qualified.substring(7, slash))) {
          return Optional.of(
              SecretName.of(
                  TenantId.of(qualified.substring(7, slash)), qualified.substring(slash + 1)));
        }
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
