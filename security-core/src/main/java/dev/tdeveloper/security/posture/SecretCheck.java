package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each secret of a {@link SecretStore}: its CURRENT version's age against the policy, or a
 * secret with no CURRENT version. Reads version metadata only, never a value. Each secret is
 * checked on its own, and a tenant's secret is a subject of that tenant.
 */
final class SecretCheck implements PostureCheck {
  static final String ID = "secrets";

  private final SecretStore store;

  SecretCheck(SecretStore store) {
    this.store = store;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SecretName name : store.names()) {
      Subject subject = new Subject("secret", name.qualified(), name.tenant());
      try {
        check(name, subject, context).ifPresent(findings::add);
      } catch (RuntimeException e) {
        findings.add(
            new Finding(
                ID + ".unreadable",
                Severity.MEDIUM,
                subject,
                "the versions of secret '"
                    + name.qualified()
                    + "' could not be read: "
                    + Texts.failure(e),
                "check the secret store (see the log)",
                "unreadable",
                "readable"));
      }
    }
    return findings;
  }

  private Optional<Finding> check(SecretName name, Subject subject, PostureContext context) {
    Optional<SecretVersion> current = store.versionAt(name, SecretLabel.CURRENT);
    Duration maximum = context.policy().secretMaximumAge();
    if (current.isEmpty()) {
      return Optional.of(
          new Finding(
              ID + ".no-current",
              Severity.HIGH,
              subject,
              "secret '" + name.qualified() + "' has no CURRENT version",
              "finish or rerun its rotation (SecretRotator), or put a CURRENT version",
              "no CURRENT version",
              "a CURRENT version less than " + Ages.describe(maximum) + " old"));
    }
    Duration age = Duration.between(current.get().created(), context.now());
    if (age.compareTo(maximum) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            ID + ".too-old",
            Severity.HIGH,
            subject,
            "the CURRENT version of secret '"
                + name.qualified()
                + "' (created "
                + current.get().created()
                + ") is "
                + Ages.describe(age)
                + " old",
            "rotate the secret (SecretRotator on a schedule)",
            Ages.describe(age),
            "less than " + Ages.describe(maximum)));
  }
}
