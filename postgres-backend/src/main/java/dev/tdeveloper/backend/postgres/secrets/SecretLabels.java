package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretVersion;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Where the three labels of a secret of {@link PostgresSecretStore} are; null for nowhere. */
record SecretLabels(String current, String pending, String previous) {
  Optional<String> at(SecretLabel label) {
    return Optional.ofNullable(
        switch (label) {
          case CURRENT -> current;
          case PENDING -> pending;
          case PREVIOUS -> previous;
        });
  }

  SecretLabels move(SecretLabel label, Optional<String> target) {
    String to = target.orElse(null);
    return switch (label) {
      case PENDING -> new SecretLabels(current, to, previous);
      case PREVIOUS -> new SecretLabels(current, pending, to);
      case CURRENT ->
          new SecretLabels(
              to, pending, current != null && !current.equals(to) ? current : previous);
    };
  }

  SecretVersion describe(String versionId, Instant created) {
    Set<SecretLabel> labels = EnumSet.noneOf(SecretLabel.class);
    for (SecretLabel label : SecretLabel.values()) {
      if (at(label).filter(versionId::equals).isPresent()) {
        labels.add(label);
      }
    }
    return new SecretVersion(versionId, labels, created);
  }
}
